/**
 * "Bottleneck": the Hotpath correlation panel (latency/error/throughput series beside the CPU profile of the same
 * service and window), then one flame graph per profile type. Alert links land here (links.ts).
 *
 * The correlation panel's type and targets are a contract with the panel (later issues fill its options and
 * features; the dashboard must not need rewriting): refIds A–D are Prometheus, P is the Pyroscope profile.
 */
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as pyroscope from '@grafana/grafana-foundation-sdk/grafanapyroscope';
import { CORRELATION_PANEL_TYPE, DASHBOARD_UIDS, MIXED_UID, PROFILE_TYPES } from '../constants';
import { errorRatio, quantile, requestRate } from '../promql';
import {
  prometheusVariable,
  pyroDs,
  pyroscopeVariable,
  routeVariable,
  serviceVariable,
  SERVICE_ROUTE,
  hotpathDashboard,
} from './common';
import { grid, promTarget } from './helpers';
import { BOTTLENECK_PANEL_IDS } from './panelIds';

const scope = { selector: SERVICE_ROUTE, by: ['route'] };
const RATE = '$__rate_interval';
/** Pyroscope service identity: service_name = Prometheus job. */
export const PROFILE_SELECTOR = '{service_name="$service"}';

export function profileTarget(refId: string, profileTypeId: string): pyroscope.DataqueryBuilder {
  return new pyroscope.DataqueryBuilder()
    .refId(refId)
    .datasource(pyroDs)
    .queryType('profile')
    .profileTypeId(profileTypeId)
    .labelSelector(PROFILE_SELECTOR)
    .groupBy([]);
}

const FLAMEGRAPHS: Array<{ id: number; title: string; type: string; description: string }> = [
  {
    id: BOTTLENECK_PANEL_IDS.cpu,
    title: 'CPU',
    type: PROFILE_TYPES.cpu,
    description: 'Where CPU time goes (inefficient logic, GC work).',
  },
  {
    id: BOTTLENECK_PANEL_IDS.allocSpace,
    title: 'Allocated bytes',
    type: PROFILE_TYPES.allocSpace,
    description: 'Who allocates: allocation churn drives GC and latency.',
  },
  {
    id: BOTTLENECK_PANEL_IDS.inuseSpace,
    title: 'In-use bytes',
    type: PROFILE_TYPES.inuseSpace,
    description: 'What holds the heap now (leaks, caches).',
  },
  {
    id: BOTTLENECK_PANEL_IDS.goroutines,
    title: 'Goroutines',
    type: PROFILE_TYPES.goroutines,
    description: 'Where goroutines wait: piles behind locks, slow dependencies, leaks.',
  },
  {
    id: BOTTLENECK_PANEL_IDS.mutex,
    title: 'Mutex contention',
    type: PROFILE_TYPES.mutex,
    description: 'Time spent waiting for contended mutexes, at the unlocking stack.',
  },
  {
    id: BOTTLENECK_PANEL_IDS.block,
    title: 'Blocking',
    type: PROFILE_TYPES.block,
    description: 'Time blocked on channels, select, sync primitives and I/O waits.',
  },
];

export function bottleneckDashboard(): dashboard.DashboardBuilder {
  const builder = hotpathDashboard(
    'Bottleneck',
    DASHBOARD_UIDS.bottleneck,
    'A latency or error spike of one service beside its profiles over the same window.'
  )
    .time({ from: 'now-1h', to: 'now' })
    .tooltip(dashboard.DashboardCursorSync.Crosshair)
    .withVariable(prometheusVariable())
    .withVariable(pyroscopeVariable())
    .withVariable(serviceVariable())
    .withVariable(routeVariable())
    .withPanel(
      new dashboard.PanelBuilder()
        .type(CORRELATION_PANEL_TYPE)
        .id(BOTTLENECK_PANEL_IDS.correlation)
        .title('Latency, errors and CPU profile: $service')
        .description('Select a window on the series to see the functions that got slower.')
        .datasource({ type: 'datasource', uid: MIXED_UID })
        .targets([
          promTarget('A', quantile(0.99, scope, RATE), 'p99 {{route}}'),
          promTarget('B', quantile(0.5, scope, RATE), 'p50 {{route}}'),
          promTarget('C', errorRatio(scope, RATE), '5xx ratio {{route}}'),
          promTarget('D', requestRate(scope, RATE), 'req/s {{route}}'),
          profileTarget('P', PROFILE_TYPES.cpu),
        ])
        // Panel defaults apply; the panel's options are owned by the panel's own issue.
        .options({})
        .gridPos(grid(0, 0, 24, 14))
    );
  FLAMEGRAPHS.forEach((f, i) => {
    builder.withPanel(
      new dashboard.PanelBuilder()
        .type('flamegraph')
        .id(f.id)
        .title(f.title)
        .description(f.description)
        .datasource(pyroDs)
        .targets([profileTarget('A', f.type)])
        .gridPos(grid((i % 2) * 12, 14 + Math.floor(i / 2) * 12, 12, 12))
    );
  });
  return builder;
}
