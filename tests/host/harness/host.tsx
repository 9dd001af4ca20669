/**
 * A Grafana-like host for the BUILT plugin: registers Grafana's shared modules and runtime services, then imports
 * dist/module.js and dist/panels/correlation/module.js with SystemJS exactly as Grafana does and renders them with
 * the props Grafana passes. Loaded by support/server.ts between system.js and extras/amd.js.
 */
import React, { Component, useEffect, type ErrorInfo, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { css } from '@emotion/css';
import {
  AppPlugin,
  EventBusSrv,
  LoadingState,
  PanelPlugin,
  applyFieldOverrides,
  createTheme,
  dataFrameFromJSON,
  dateTime,
  type AppPluginMeta,
  type AppRootProps,
  type FieldConfigSource,
  type GrafanaTheme2,
  type PanelData,
  type PanelPluginMeta,
  type PanelProps,
  type TimeRange,
} from '@grafana/data';
import { config, getBackendSrv, getTemplateSrv } from '@grafana/runtime';
import { GlobalStyles, PanelChrome, ThemeContext } from '@grafana/ui';
import { MemoryRouter, Route, Routes } from 'react-router-dom-v5-compat';
import { registerSharedModules } from './sharedModules';
import { installGrafanaServices } from './services';
import type { HostApi, HostTheme, PluginCheck, RenderAppRequest, RenderPanelRequest, RenderPanelResult } from './protocol';

const APP_ID = 'hotpath-hotpath-app';
const PANEL_ID = 'hotpath-correlation-panel';
/** Grafana imports plugins from public/plugins/<id>/module.js; a nested plugin's module sits in its folder. */
const APP_MODULE = `/public/plugins/${APP_ID}/module.js`;
const PANEL_MODULE = `/public/plugins/${APP_ID}/panels/correlation/module.js`;

interface SystemJSGlobal {
  import(id: string): Promise<Record<string, unknown>>;
  set(id: string, module: object): unknown;
  addImportMap(map: { imports: Record<string, string> }): void;
}
const System = (window as unknown as { System: SystemJSGlobal }).System;

const failures: string[] = [];
const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e));
window.addEventListener('error', (e) => failures.push(`uncaught: ${describe(e.error ?? e.message)}`));
window.addEventListener('unhandledrejection', (e) => failures.push(`unhandled rejection: ${describe(e.reason)}`));

/** Like Grafana's panel and page error boundaries, but every caught error is a test failure. */
class HostErrorBoundary extends Component<{ children: ReactNode; label: string }, { error?: Error }> {
  state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error, info: ErrorInfo) {
    failures.push(`${this.props.label} threw while rendering: ${describe(error)}${info.componentStack ?? ''}`);
  }
  render() {
    if (this.state.error) {
      return (
        <div data-testid="host-render-error" role="alert">
          {this.props.label} failed: {this.state.error.message}
        </div>
      );
    }
    return this.props.children;
  }
}

/** Calls back once React committed the tree (so the test can start looking at the DOM). */
function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  useEffect(onCommit, [onCommit]);
  return <>{children}</>;
}

let root: Root | undefined;
function mount(theme: GrafanaTheme2, label: string, children: ReactNode): Promise<void> {
  const container = document.getElementById('reactRoot')!;
  root?.unmount();
  root = createRoot(container);
  return new Promise((resolve) => {
    root!.render(
      <ThemeContext.Provider value={theme}>
        <GlobalStyles />
        <Committed onCommit={resolve}>
          <HostErrorBoundary label={label}>{children}</HostErrorBoundary>
        </Committed>
      </ThemeContext.Provider>
    );
  });
}

function themeFor(mode: HostTheme): GrafanaTheme2 {
  if (config.theme2.colors.mode !== mode) {
    // The boot data decides config.theme2 (the server renders it from ?theme=); keep both in step.
    throw new Error(`host page was booted with theme ${config.theme2.colors.mode}, test asked for ${mode}`);
  }
  return createTheme({ colors: { mode } });
}

function check(mod: Record<string, unknown>, expected: typeof AppPlugin | typeof PanelPlugin): PluginCheck {
  const plugin = mod.plugin as object | undefined;
  return {
    exportsPlugin: plugin !== undefined,
    isExpectedClass: plugin instanceof expected,
    className: plugin?.constructor?.name ?? typeof plugin,
  };
}

async function loadApp(): Promise<PluginCheck> {
  return check(await System.import(APP_MODULE), AppPlugin);
}

async function renderApp({ path, theme }: RenderAppRequest): Promise<PluginCheck> {
  const mod = await System.import(APP_MODULE);
  const result = check(mod, AppPlugin);
  if (!result.isExpectedClass) {
    return result;
  }
  const plugin = mod.plugin as AppPlugin;
  // As Grafana: the app's settings come from the API, then init(meta) and meta are set before the root renders.
  const meta = await getBackendSrv().get<AppPluginMeta>(`/api/plugins/${APP_ID}/settings`);
  plugin.init(meta);
  plugin.meta = meta;
  const Root = plugin.root;
  if (!Root) {
    throw new Error('the app plugin has no root page (setRootPage was not called)');
  }
  const basename = `/a/${APP_ID}`;
  const rootProps: AppRootProps = { meta, basename, onNavChanged: () => {}, query: {}, path: basename };
  await mount(
    themeFor(theme),
    'app root page',
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path={`${basename}/*`} element={<Root {...rootProps} />} />
      </Routes>
    </MemoryRouter>
  );
  return result;
}

function timeRangeOf(from: string, to: string): TimeRange {
  return { from: dateTime(from), to: dateTime(to), raw: { from, to } };
}

async function renderPanel(request: RenderPanelRequest): Promise<RenderPanelResult> {
  const mod = await System.import(PANEL_MODULE);
  const result = check(mod, PanelPlugin);
  if (!result.isExpectedClass) {
    return { ...result, options: {} };
  }
  const plugin = mod.plugin as PanelPlugin;
  plugin.meta = config.panels[PANEL_ID] as PanelPluginMeta;
  const theme = themeFor(request.theme);
  const timeRange = timeRangeOf(request.from, request.to);
  const options = { ...plugin.defaults, ...(request.options ?? {}) } as Record<string, unknown>;
  const fieldConfig: FieldConfigSource = plugin.fieldConfigDefaults;
  const replaceVariables: PanelProps['replaceVariables'] = (value, scopedVars, format) =>
    getTemplateSrv().replace(value, scopedVars, format);
  // Grafana's panel query runner applies field config (defaults, overrides, display processors) before the panel
  // sees the frames; the host does the same with the plugin's own registry.
  const series = applyFieldOverrides({
    data: request.frames.map((f) => dataFrameFromJSON(f)),
    fieldConfig,
    fieldConfigRegistry: plugin.fieldConfigRegistry,
    replaceVariables,
    theme,
    timeZone: 'utc',
  });
  const data: PanelData = {
    state: LoadingState.Done,
    series,
    timeRange,
    request: {
      app: 'dashboard',
      requestId: 'host-1',
      timezone: 'utc',
      range: timeRange,
      interval: '15s',
      intervalMs: 15000,
      targets: series.map((s) => ({ refId: s.refId ?? 'A' })),
      scopedVars: {},
      startTime: Date.now(),
    },
  };
  const Panel = plugin.panel!;
  const eventBus = new EventBusSrv();
  const styles = {
    dashboard: css({ padding: 16, background: theme.colors.background.canvas, display: 'inline-block' }),
  };
  await mount(
    theme,
    'panel',
    <div className={styles.dashboard} data-testid="host-dashboard">
      <div data-testid="host-panel" style={{ width: request.width, height: request.height }}>
        <PanelChrome width={request.width} height={request.height} title={request.title}>
          {(innerWidth, innerHeight) => (
            <Panel
              id={1}
              data={data}
              timeRange={timeRange}
              timeZone="utc"
              options={options}
              fieldConfig={fieldConfig}
              transparent={false}
              width={innerWidth}
              height={innerHeight}
              renderCounter={0}
              title={request.title}
              eventBus={eventBus}
              onOptionsChange={() => {}}
              onFieldConfigChange={() => {}}
              replaceVariables={replaceVariables}
              onChangeTimeRange={() => {}}
            />
          )}
        </PanelChrome>
      </div>
    </div>
  );
  return { ...result, options };
}

const ready = (async () => {
  registerSharedModules(System);
  await installGrafanaServices();
})();
ready.catch((e) => failures.push(`host setup failed: ${describe(e)}`));

const api: HostApi = { ready, loadApp, renderApp, renderPanel, failures };
window.hotpathHost = api;
