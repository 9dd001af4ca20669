/** "Alerts": the state of Hotpath's Grafana-managed rules (core alertlist panel, filtered to our rule titles). */
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_UIDS, RULE_TITLE_PREFIX } from '../constants';
import { hotpathDashboard } from './common';
import { grid } from './helpers';
import { ALERTS_PANEL_IDS } from './panelIds';

/**
 * The alertlist panel can filter by folder uid or by rule name. Our folder is created by title (see constants.ts
 * FOLDER_TITLE), so its uid is not known in advance: filter on the rule-title prefix every Hotpath rule carries.
 */
function alertList(id: number, title: string, options: Record<string, unknown>, gridPos: dashboard.GridPos) {
  return new dashboard.PanelBuilder()
    .type('alertlist')
    .id(id)
    .title(title)
    .options({
      viewMode: 'list',
      groupMode: 'default',
      groupBy: [],
      maxItems: 50,
      sortOrder: 1,
      dashboardAlerts: false,
      alertName: RULE_TITLE_PREFIX,
      alertInstanceLabelFilter: '',
      showInstances: true,
      ...options,
    })
    .gridPos(gridPos);
}

export function alertsDashboard(): dashboard.DashboardBuilder {
  return hotpathDashboard(
    'Alerts',
    DASHBOARD_UIDS.alerts,
    "State of Hotpath's alert rules: each firing alert links to the Bottleneck dashboard of its service."
  )
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m')
    .withPanel(
      alertList(
        ALERTS_PANEL_IDS.firing,
        'Firing and pending',
        { stateFilter: { firing: true, pending: true, noData: true, error: true, normal: false, recovering: true } },
        grid(0, 0, 24, 10)
      )
    )
    .withPanel(
      alertList(
        ALERTS_PANEL_IDS.rules,
        'All Hotpath rules',
        { stateFilter: { firing: true, pending: true, noData: true, error: true, normal: true, recovering: true } },
        grid(0, 10, 24, 14)
      )
    );
}
