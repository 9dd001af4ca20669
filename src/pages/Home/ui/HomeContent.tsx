import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { Card, LinkButton, Stack, Text, useStyles2 } from '@grafana/ui';
import { DASHBOARD_UIDS } from '../../../constants';

const STEPS = [
  {
    title: 'Identify',
    text: 'Latency quantiles, error ratio and throughput per route, from the service’s Prometheus histograms.',
    uid: DASHBOARD_UIDS.red,
    action: 'Service RED overview',
  },
  {
    title: 'Diagnose',
    text: 'The metrics beside the profiles of the same window: flame graph, and which functions got slower.',
    uid: DASHBOARD_UIDS.bottleneck,
    action: 'Bottleneck dashboard',
  },
  {
    title: 'Fix',
    text: 'Go runtime signals (goroutines, GC, heap) that tell lock, allocation and I/O trouble apart.',
    uid: DASHBOARD_UIDS.goRuntime,
    action: 'Go runtime dashboard',
  },
  {
    title: 'Validate',
    text: 'Hotpath’s alert rules for latency and error spikes, and their state after your fix ships.',
    uid: DASHBOARD_UIDS.alerts,
    action: 'Alerts dashboard',
  },
];

export function HomeContent() {
  const styles = useStyles2(getStyles);
  return (
    <div data-testid="hotpath-home">
      <Text element="p" color="secondary">
        From &ldquo;p99 spiked at 14:02&rdquo; to &ldquo;these functions got slower during the spike&rdquo; on one screen.
      </Text>
      <Stack direction="column" gap={1}>
        {STEPS.map((step) => (
          <Card key={step.title} className={styles.card}>
            <Card.Heading>{step.title}</Card.Heading>
            <Card.Description>{step.text}</Card.Description>
            <Card.Actions>
              <LinkButton variant="secondary" href={`/d/${step.uid}`} icon="apps">
                {step.action}
              </LinkButton>
            </Card.Actions>
          </Card>
        ))}
      </Stack>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  card: css({ label: 'hotpath-step', marginBottom: theme.spacing(0) }),
});
