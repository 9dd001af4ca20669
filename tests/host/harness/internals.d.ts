/* eslint-disable no-duplicate-imports -- each `declare module` block needs its own imports; they are not duplicates. */
/**
 * Setters Grafana core calls at boot that the @grafana/* 12.4 npm entry points do not export. The host build maps
 * these ids to the very files the packages' index modules import (support/buildHarness.ts), so calling them
 * replaces the same module-level bindings plugins read — as Grafana core does with its in-repo imports.
 */
declare module 'grafana-internal:runtime/PluginPage' {
  import type { ComponentType } from 'react';
  import type { PluginPageProps } from '@grafana/runtime';
  export function setPluginPage(component: ComponentType<PluginPageProps>): void;
}

declare module 'grafana-internal:runtime/PanelDataErrorView' {
  import type { ComponentType } from 'react';
  import type { PanelDataErrorViewProps } from '@grafana/runtime';
  export function setPanelDataErrorView(component: ComponentType<PanelDataErrorViewProps>): void;
}

declare module 'grafana-internal:i18n' {
  import type { i18n } from 'i18next';
  export function getI18nInstance(): i18n;
  export function initializeI18n(options: { language: string; ns?: string[] }, regionalFormat: string): Promise<unknown>;
}

/** d3 ships no types and @types/d3 is not a dependency of this repo; the host only hands the namespace on. */
declare module 'd3';
