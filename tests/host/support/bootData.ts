import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AppPluginConfig,
  BootData,
  CurrentUserDTO,
  DataSourceInstanceSettings,
  GrafanaConfig,
  PanelPluginMeta,
  PluginMeta,
} from '@grafana/data';
import { APP_BASE, APP_ID, DIST, PANEL_ID } from './paths';

export type HostTheme = 'light' | 'dark';

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Plugin meta as Grafana's /api/plugins/<id>/settings returns it for an enabled app (from the built plugin.json). */
export function appPluginSettings(): PluginMeta {
  const json = readJson<PluginMeta>(join(DIST, 'plugin.json'));
  return {
    ...json,
    enabled: true,
    pinned: true,
    baseUrl: APP_BASE,
    module: `${APP_BASE}/module`,
    jsonData: { prometheusUid: 'hotpath-prometheus', pyroscopeUid: 'hotpath-pyroscope' },
    secureJsonFields: {},
  } as PluginMeta;
}

function panelMeta(): PanelPluginMeta {
  const json = readJson<PanelPluginMeta>(join(DIST, 'panels', 'correlation', 'plugin.json'));
  return { ...json, baseUrl: `${APP_BASE}/panels/correlation`, module: `${APP_BASE}/panels/correlation/module`, sort: 100 };
}

function dataSource(uid: string, type: string, name: string): DataSourceInstanceSettings {
  return {
    uid,
    type,
    name,
    access: 'proxy',
    readOnly: true,
    jsonData: {},
    meta: { id: type, name, type: 'datasource', module: `core:plugin/${type}`, baseUrl: '', info: {} } as DataSourceInstanceSettings['meta'],
  };
}

/** The data sources docker compose provisions (provisioning/datasources), with the same uids. */
export const HOST_DATASOURCES = [
  dataSource('hotpath-prometheus', 'prometheus', 'Prometheus'),
  dataSource('hotpath-pyroscope', 'grafana-pyroscope-datasource', 'Pyroscope'),
];

/**
 * What Grafana's server writes into index.html as `window.grafanaBootData` before any frontend code runs.
 * All four top-level parts are present and the user is complete: @grafana/runtime's config, @grafana/ui and
 * @grafana/data read `settings.featureToggles`, `user.theme`, `user.weekStart` … directly, so a partial object
 * breaks them. Settings carry what Grafana always sends for this page (urls, build info, data sources, plugin
 * metas, feature toggles); for everything else `GrafanaBootConfig` keeps its own defaults, as it does in Grafana.
 */
export function bootData(theme: HostTheme, origin: string): BootData {
  const user: CurrentUserDTO = {
    isSignedIn: true,
    id: 1,
    uid: 'admin',
    externalUserId: '',
    login: 'admin',
    email: 'admin@localhost',
    name: 'admin',
    theme,
    lightTheme: theme === 'light',
    orgCount: 1,
    orgId: 1,
    orgName: 'Main Org.',
    orgRole: 'Admin' as CurrentUserDTO['orgRole'],
    isGrafanaAdmin: true,
    gravatarUrl: '',
    timezone: 'utc',
    weekStart: 'monday',
    regionalFormat: 'en-US',
    language: 'en-US',
    permissions: {},
    analytics: { identifier: 'admin@localhost' },
    authenticatedBy: 'password',
  };
  const app = appPluginSettings();
  const apps: Record<string, AppPluginConfig> = {
    [APP_ID]: {
      id: APP_ID,
      path: `${APP_BASE}/module.js`,
      version: app.info.version,
      preload: false,
      angular: { detected: false, hideDeprecation: false },
      loadingStrategy: 'script' as AppPluginConfig['loadingStrategy'],
      dependencies: app.dependencies ?? { grafanaDependency: '>=12.4.0', grafanaVersion: '*', plugins: [], extensions: { exposedComponents: [] } },
      extensions: { addedLinks: [], addedComponents: [], exposedComponents: [], extensionPoints: [], addedFunctions: [] },
    },
  };
  const settings: Partial<GrafanaConfig> = {
    appUrl: `${origin}/`,
    appSubUrl: '',
    buildInfo: {
      version: '12.4.0',
      versionString: 'Grafana v12.4.0 (Hotpath host)',
      buildstamp: 0,
      commit: 'host',
      commitShort: 'host',
      env: 'production',
      edition: 'Open Source',
      latestVersion: '',
      hasUpdate: false,
      hideVersion: false,
    } as GrafanaConfig['buildInfo'],
    datasources: Object.fromEntries(HOST_DATASOURCES.map((ds) => [ds.name, ds])),
    defaultDatasource: 'Prometheus',
    panels: { [PANEL_ID]: panelMeta() },
    apps,
    featureToggles: {},
  };
  return {
    user,
    settings: settings as GrafanaConfig,
    navTree: [],
    assets: { light: '', dark: '' },
  };
}
