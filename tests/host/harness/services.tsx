/**
 * The @grafana/runtime services Grafana core installs at boot (public/app/app.ts does this in Grafana), with small
 * real implementations: HTTP goes to the host server for real, data sources and variables answer from the boot
 * data. Only what a plugin can reach through @grafana/runtime's public API is provided.
 */
import React from 'react';
import { Observable, from, lastValueFrom, map, switchMap } from 'rxjs';
import { css } from '@emotion/css';
import { selectors } from '@grafana/e2e-selectors';
import {
  config,
  locationService,
  setBackendSrv,
  setDataSourceSrv,
  setEchoSrv,
  setLocationSrv,
  setPluginComponentHook,
  setPluginComponentsHook,
  setPluginFunctionsHook,
  setPluginLinksHook,
  setTemplateSrv,
  type BackendSrv,
  type BackendSrvRequest,
  type DataSourceSrv,
  type EchoEvent,
  type FetchError,
  type FetchResponse,
  type PanelDataErrorViewProps,
  type PluginPageProps,
} from '@grafana/runtime';
import { type DataSourceInstanceSettings, type DataSourceRef } from '@grafana/data';
import { useStyles2, Stack, Text } from '@grafana/ui';
import { setPanelDataErrorView } from 'grafana-internal:runtime/PanelDataErrorView';
import { setPluginPage } from 'grafana-internal:runtime/PluginPage';
import { initializeI18n } from 'grafana-internal:i18n';
import { registerStandardFieldConfigs } from './fieldConfigRegistry';
import { registerStandardOptionEditors } from './optionEditors';

/** Every request a plugin made through getBackendSrv(), for tests to inspect. */
export const backendRequests: BackendSrvRequest[] = [];
/** Every interaction a plugin reported (reportInteraction → EchoSrv). */
export const echoEvents: Array<Omit<EchoEvent, 'meta'>> = [];

function withParams(url: string, params?: BackendSrvRequest['params']): string {
  if (!params || typeof params !== 'object') {
    return url;
  }
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
    if (v !== undefined && v !== null) {
      search.append(k, String(v));
    }
  }
  const qs = search.toString();
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
}

/** getBackendSrv(): real HTTP to the host server; non-2xx becomes a FetchError, as Grafana's BackendSrv does. */
class HostBackendSrv implements BackendSrv {
  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    backendRequests.push(options);
    const url = withParams(options.url, options.params);
    const init: RequestInit = {
      method: options.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(options.headers ?? {}) },
      body: options.data === undefined ? undefined : JSON.stringify(options.data),
    };
    return from(fetch(url, init)).pipe(
      switchMap(async (res) => {
        const text = await res.text();
        let data: unknown = text;
        try {
          data = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: keep the text, as Grafana does for text responses
        }
        const response: FetchResponse<T> = {
          data: data as T,
          status: res.status,
          statusText: res.statusText,
          ok: res.ok,
          headers: res.headers,
          url: res.url,
          type: res.type,
          redirected: res.redirected,
          config: options,
        };
        if (!res.ok) {
          const error: FetchError = { ...response, data, config: options };
          throw error;
        }
        return response;
      })
    );
  }
  chunked(options: BackendSrvRequest): Observable<FetchResponse<Uint8Array | undefined>> {
    return this.fetch<string>(options).pipe(map((r) => ({ ...r, data: new TextEncoder().encode(r.data) })));
  }
  request<T>(options: BackendSrvRequest): Promise<T> {
    return lastValueFrom(this.fetch<T>(options)).then((r) => r.data);
  }
  datasourceRequest<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return lastValueFrom(this.fetch<T>(options));
  }
  get<T>(url: string, params?: BackendSrvRequest['params'], requestId?: string, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, params, requestId, method: 'GET' });
  }
  delete<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'DELETE' });
  }
  post<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'POST' });
  }
  patch<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'PATCH' });
  }
  put<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'PUT' });
  }
}

/**
 * getDataSourceSrv(): the data sources from the boot data (the ones docker compose provisions). The host runs no
 * queries — panels receive their frames directly — so asking for a data source *instance* is an error the test sees.
 */
class HostDataSourceSrv implements DataSourceSrv {
  private list(): DataSourceInstanceSettings[] {
    return Object.values(config.datasources);
  }
  getList(filters: { type?: string | string[] } = {}): DataSourceInstanceSettings[] {
    const types = filters.type === undefined ? undefined : ([] as string[]).concat(filters.type);
    return this.list().filter((ds) => !types || types.includes(ds.type));
  }
  getInstanceSettings(ref?: DataSourceRef | string | null): DataSourceInstanceSettings | undefined {
    const key = typeof ref === 'string' ? ref : ref?.uid;
    if (!key) {
      return this.list().find((ds) => ds.isDefault) ?? config.datasources[config.defaultDatasource];
    }
    return this.list().find((ds) => ds.uid === key || ds.name === key);
  }
  get(ref?: DataSourceRef | string | null) {
    const settings = this.getInstanceSettings(ref);
    return Promise.reject(
      new Error(`Hotpath host: no data source instances (asked for ${settings?.uid ?? JSON.stringify(ref)}); pass frames to the panel instead`)
    );
  }
  reload() {}
  registerRuntimeDataSource() {
    throw new Error('Hotpath host: runtime data sources are not supported');
  }
}

/** Grafana wraps app pages in its chrome (nav, breadcrumbs); a heading and the page body stand in for it here. */
function HostPluginPage({ children, pageNav, subTitle }: PluginPageProps) {
  const styles = useStyles2(getPageStyles);
  return (
    <main className={styles.page} data-testid="host-plugin-page">
      <Stack direction="column" gap={1}>
        <Text element="h1">{pageNav?.text ?? 'Hotpath'}</Text>
        {subTitle && <Text color="secondary">{subTitle}</Text>}
        <div>{children}</div>
      </Stack>
    </main>
  );
}

/** Like Grafana's: the panel's message (or "No data"), centred, with the selector Grafana's e2e tests use. */
function HostPanelDataErrorView({ message }: PanelDataErrorViewProps) {
  const styles = useStyles2(getPanelErrorStyles);
  return (
    <div className={styles.wrapper} data-testid={selectors.components.Panels.Panel.PanelDataErrorMessage}>
      <div>{message || 'No data'}</div>
    </div>
  );
}

const getPageStyles = () => ({ page: css({ padding: 16 }) });
const getPanelErrorStyles = () => ({
  wrapper: css({ display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100%', width: '100%' }),
});

export async function installGrafanaServices(): Promise<void> {
  await initializeI18n({ language: config.bootData.user.language || 'en-US', ns: ['grafana'] }, config.bootData.user.regionalFormat);
  setBackendSrv(new HostBackendSrv());
  setDataSourceSrv(new HostDataSourceSrv());
  setLocationSrv({
    update: (options) => (options.partial ? locationService.partial(options.query ?? {}, options.replace) : locationService.push(options.path ?? '/')),
  });
  setTemplateSrv({
    getVariables: () => [],
    replace: (target = '') => target,
    containsTemplate: (target = '') => /\$\w|\$\{|\[\[/.test(target),
    updateTimeRange: () => {},
  });
  setEchoSrv({ flush: () => {}, addBackend: () => {}, addEvent: (event) => void echoEvents.push(event) });
  // No other plugin registers extensions in the host: the hooks answer "none", as Grafana does when none exist.
  setPluginLinksHook(() => ({ links: [], isLoading: false }));
  setPluginComponentsHook(() => ({ components: [], isLoading: false }));
  setPluginComponentHook(() => ({ component: null, isLoading: false }));
  setPluginFunctionsHook(() => ({ functions: [], isLoading: false }));
  registerStandardOptionEditors();
  registerStandardFieldConfigs();
  setPluginPage(HostPluginPage);
  setPanelDataErrorView(HostPanelDataErrorView);
}
