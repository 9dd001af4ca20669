import React from 'react';
import { css } from '@emotion/css';
import { type DataFrame, type GrafanaTheme2, type TimeRange } from '@grafana/data';
import { type TimeZone } from '@grafana/schema';
import { Alert, useStyles2 } from '@grafana/ui';
import { type CorrelationOptions } from '../types';
import { MetricsChart } from './MetricsChart';
import { ProfileView } from './ProfileView';

interface Props {
  series: DataFrame[];
  profile?: DataFrame;
  /** Why the profile frame cannot be drawn; shown in the profile area while the metrics stay. */
  profileError?: string;
  options: CorrelationOptions;
  timeRange: TimeRange;
  timeZone: TimeZone;
  width: number;
  height: number;
}

/** Metrics on top, profile below: the "p99 spiked here" → "these functions ran" screen. */
export function CorrelationView({ series, profile, profileError, options, timeRange, timeZone, width, height }: Props) {
  const styles = useStyles2(getStyles);
  const hasSeries = series.length > 0;
  const metricsHeight = !hasSeries ? 0 : profile || profileError ? Math.round((height * options.metricsHeightPercent) / 100) : height;

  return (
    <div className={styles.container} data-testid="hotpath-correlation-view">
      {hasSeries && (
        <div data-testid="hotpath-metrics" style={{ height: metricsHeight }}>
          <MetricsChart frames={series} timeRange={timeRange} timeZone={timeZone} width={width} height={metricsHeight} />
        </div>
      )}
      {profileError ? (
        <div className={styles.profile} data-testid="hotpath-profile-error">
          <Alert severity="error" title="Profile unavailable">
            {profileError}
          </Alert>
        </div>
      ) : profile ? (
        <div className={styles.profile} data-testid="hotpath-profile">
          <ProfileView frame={profile} view={options.profileView} width={width} />
        </div>
      ) : (
        hasSeries && (
          <div className={styles.hint} data-testid="hotpath-no-profile">
            No profile in this panel&apos;s data. Add a Pyroscope profile query to see which functions ran.
          </div>
        )
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({ label: 'hotpath-correlation', display: 'flex', flexDirection: 'column', height: '100%', overflow: 'hidden' }),
  profile: css({ label: 'hotpath-profile', flex: 1, minHeight: 0, overflow: 'auto', paddingTop: theme.spacing(1) }),
  hint: css({ label: 'hotpath-hint', color: theme.colors.text.secondary, padding: theme.spacing(1) }),
});
