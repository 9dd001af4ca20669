/**
 * Grafana's shared modules, from the real npm packages, registered the way Grafana's plugin loader registers them:
 * each one as `package:<name>` in the SystemJS registry, plus an import map `<name> -> package:<name>`, so the
 * `define([...externals])` of a plugin's AMD module.js resolves to the host's single instance of each.
 *
 * The list follows the externals of create-plugin 7.1.7 (.config/bundler/externals.ts) that Grafana 12.4 supplies.
 * Not supplied (not used by Hotpath; an import of them fails loudly at load): angular (removed in Grafana 12),
 * slate, slate-react, slate-plain-serializer, prismjs.
 */
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUiRaw from '@grafana/ui';
import * as d3 from 'd3';
import jquery from 'jquery';
import * as lodash from 'lodash';
// eslint-disable-next-line no-restricted-imports -- Grafana shares moment with plugins; the host must too.
import * as moment from 'moment';
import * as react from 'react';
import * as reactDom from 'react-dom';
import * as reactDomClient from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import * as jsxDevRuntime from 'react/jsx-dev-runtime';
import * as reactRedux from 'react-redux';
// Grafana 12.4 exposes react-router v6 to plugins as `react-router`, backed by react-router-dom-v5-compat (plugins
// bundle react-router-dom v6 themselves and must share one router context with the host). That package is the one
// @grafana/ui 12.4 depends on; the build resolves it from @grafana/ui's own node_modules.
import * as reactRouterCompat from 'react-router-dom-v5-compat';
import * as redux from 'redux';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';
import { getI18nInstance } from 'grafana-internal:i18n';

/** Prefix Grafana uses for shared dependencies in the SystemJS registry. */
export const SHARED_DEPENDENCY_PREFIX = 'package';

/** What AMD `define` hands the plugin: with `__useDefault` the module's default export, else the namespace. */
const useDefault = <T,>(value: T) => ({ default: value, __useDefault: true });

// Plugins written for Grafana < 6.5 imported the plugin base classes from @grafana/ui; Grafana still aliases them.
const grafanaUi = {
  ...grafanaUiRaw,
  PanelPlugin: grafanaData.PanelPlugin,
  AppPlugin: grafanaData.AppPlugin,
  DataSourcePlugin: grafanaData.DataSourcePlugin,
  DataSourceApi: grafanaData.DataSourceApi,
};

export const sharedModules: Record<string, object> = {
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  emotion: emotionCss,
  '@grafana/data': grafanaData,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/ui': grafanaUi,
  d3,
  i18next: getI18nInstance(),
  jquery: useDefault(jquery),
  lodash: { ...lodash, __useDefault: true },
  moment: { ...moment, __useDefault: true },
  react,
  'react/jsx-runtime': jsxRuntime,
  'react/jsx-dev-runtime': jsxDevRuntime,
  'react-dom': reactDom,
  'react-dom/client': reactDomClient,
  'react-redux': reactRedux,
  'react-router': reactRouterCompat,
  redux,
  rxjs,
  'rxjs/operators': rxjsOperators,
};

interface SystemJSLike {
  set(id: string, module: object): unknown;
  addImportMap(map: { imports: Record<string, string> }): void;
}

/**
 * A module namespace SystemJS keeps as is. Grafana's bundler (webpack) tags namespaces with
 * `Symbol.toStringTag = 'Module'`, so `System.set` stores them live and values set later by Grafana core
 * (setPluginPage, setPanelDataErrorView …) reach plugins. esbuild's namespaces lack the tag and `System.set` would
 * copy them; this keeps the bindings live the same way (getters onto the real module).
 */
function liveNamespace(module: object): object {
  if ((module as Record<symbol, unknown>)[Symbol.toStringTag] === 'Module') {
    return module;
  }
  const ns = Object.create(null);
  for (const key of Object.getOwnPropertyNames(module)) {
    Object.defineProperty(ns, key, { enumerable: true, get: () => (module as Record<string, unknown>)[key] });
  }
  Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
  return ns;
}

export function registerSharedModules(system: SystemJSLike): void {
  const imports: Record<string, string> = {};
  for (const [name, module] of Object.entries(sharedModules)) {
    const id = `${SHARED_DEPENDENCY_PREFIX}:${name}`;
    system.set(id, liveNamespace(module));
    imports[name] = id;
  }
  system.addImportMap({ imports });
}
