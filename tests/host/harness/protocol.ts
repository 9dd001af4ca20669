/** What the Playwright tests (Node) and the host page (browser) exchange. Plain JSON only. */
import type { DataFrameJSON } from '@grafana/data';

export type HostTheme = 'light' | 'dark';

export interface PluginCheck {
  /** The module has a `plugin` export. */
  exportsPlugin: boolean;
  /** `plugin instanceof AppPlugin|PanelPlugin` of the host's own @grafana/data instance. */
  isExpectedClass: boolean;
  /** Constructor name of the export, for the failure message. */
  className: string;
}

export interface RenderAppRequest {
  /** Location inside Grafana, e.g. /a/hotpath-hotpath-app/home. */
  path: string;
  theme: HostTheme;
}

export interface RenderPanelRequest {
  /** Frames as Grafana's backend sends them (DataFrameJSON: schema + values). */
  frames: DataFrameJSON[];
  theme: HostTheme;
  width: number;
  height: number;
  /** ISO timestamps of the dashboard time range. */
  from: string;
  to: string;
  title: string;
  /** Panel options as a dashboard stores them; missing keys get the plugin's defaults. */
  options?: Record<string, unknown>;
}

export interface RenderPanelResult extends PluginCheck {
  /** The options the panel received (defaults from the plugin's options builder + the request's). */
  options: Record<string, unknown>;
}

export interface HostApi {
  /** Resolves when shared modules and services are installed. */
  ready: Promise<void>;
  loadApp(): Promise<PluginCheck>;
  renderApp(request: RenderAppRequest): Promise<PluginCheck>;
  renderPanel(request: RenderPanelRequest): Promise<RenderPanelResult>;
  /** Render errors caught by the host's error boundary, uncaught errors and rejections. Must stay empty. */
  failures: string[];
}

declare global {
  interface Window {
    hotpathHost: HostApi;
  }
}
