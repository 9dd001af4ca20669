import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

/** App routes, relative to PLUGIN_BASE_URL. */
export enum ROUTES {
  Home = 'home',
}

/** Uids of the dashboards Hotpath provisions and bundles (provisioning/dashboards). */
export const DASHBOARD_UIDS = {
  red: 'hotpath-red',
  bottleneck: 'hotpath-bottleneck',
  goRuntime: 'hotpath-go-runtime',
  alerts: 'hotpath-alerts',
} as const;

/** Settings the app keeps in its plugin jsonData. */
export interface AppSettings {
  prometheusUid?: string;
  pyroscopeUid?: string;
}

export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}
