/** "Service RED overview": rate, errors, duration per route of one service, with a way into the evidence. */
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_UIDS } from '../constants';
import { bottleneckBasePath, bottleneckDataLink } from '../links';
import { errorRatio, quantile, requestRate } from '../promql';
import { prometheusVariable, routeVariable, serviceVariable, SERVICE_ROUTE, hotpathDashboard } from './common';
import { grid, promTarget, timeSeriesPanel } from './helpers';
import { RED_PANEL_IDS } from './panelIds';

const scope = { selector: SERVICE_ROUTE, by: ['route'] };
const RATE = '$__rate_interval';

const toBottleneck = new dashboard.DashboardLinkBuilder('Open the Bottleneck dashboard for this route')
  .type(dashboard.DashboardLinkType.Link)
  .url(bottleneckDataLink())
  .targetBlank(false);

export function redDashboard(): dashboard.DashboardBuilder {
  return hotpathDashboard(
    'Service RED overview',
    DASHBOARD_UIDS.red,
    'Requests, errors and latency per route of one Go service (metrics contract: docs/metrics.md).'
  )
    .time({ from: 'now-1h', to: 'now' })
    .refresh('30s')
    .tooltip(dashboard.DashboardCursorSync.Crosshair)
    .withVariable(prometheusVariable())
    .withVariable(serviceVariable())
    .withVariable(routeVariable())
    .link(
      new dashboard.DashboardLinkBuilder('Bottleneck')
        .type(dashboard.DashboardLinkType.Link)
        .url(bottleneckBasePath())
        .icon('bolt')
        .includeVars(true)
        .keepTime(true)
    )
    .withPanel(
      timeSeriesPanel({
        id: RED_PANEL_IDS.throughput,
        title: 'Throughput',
        description: 'Requests per second by route.',
        unit: 'reqps',
        targets: [promTarget('A', requestRate(scope, RATE), '{{route}}')],
        gridPos: grid(0, 0, 12, 8),
      })
    )
    .withPanel(
      timeSeriesPanel({
        id: RED_PANEL_IDS.errors,
        title: 'Error ratio (5xx)',
        description: 'Share of requests answered with a 5xx status, by route. The error-spike rule watches this.',
        unit: 'percentunit',
        targets: [promTarget('A', errorRatio(scope, RATE), '{{route}}')],
        gridPos: grid(12, 0, 12, 8),
      }).dataLinks([toBottleneck])
    )
    .withPanel(
      timeSeriesPanel({
        id: RED_PANEL_IDS.p99,
        title: 'Latency p99',
        description: 'Server-side p99 by route. The latency rules watch this; click a series for its profiles.',
        unit: 's',
        targets: [promTarget('A', quantile(0.99, scope, RATE), '{{route}}')],
        gridPos: grid(0, 8, 12, 8),
      }).dataLinks([toBottleneck])
    )
    .withPanel(
      timeSeriesPanel({
        id: RED_PANEL_IDS.p50,
        title: 'Latency p50',
        description: 'Server-side median by route.',
        unit: 's',
        targets: [promTarget('A', quantile(0.5, scope, RATE), '{{route}}')],
        gridPos: grid(12, 8, 12, 8),
      }).dataLinks([toBottleneck])
    )
    .withPanel(
      timeSeriesPanel({
        id: RED_PANEL_IDS.inFlight,
        title: 'Requests in flight',
        description: 'Requests being served right now (all routes).',
        unit: 'short',
        targets: [promTarget('A', 'sum(http_requests_in_flight{job="$service"})', 'in flight')],
        gridPos: grid(0, 16, 24, 6),
      })
    );
}
