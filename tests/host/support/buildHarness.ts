import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from './paths';

const NM = join(ROOT, 'node_modules');

/**
 * Ids the harness imports that no package entry point exports (see harness/internals.d.ts): each maps to the file
 * the package's own index imports, so esbuild bundles ONE module and the setter changes what plugins see.
 */
const INTERNAL_FILES: Record<string, string> = {
  'grafana-internal:runtime/PluginPage': join(NM, '@grafana/runtime/dist/esm/components/PluginPage.mjs'),
  'grafana-internal:runtime/PanelDataErrorView': join(NM, '@grafana/runtime/dist/esm/components/PanelDataErrorView.mjs'),
  'grafana-internal:i18n': join(NM, '@grafana/i18n/dist/esm/i18n.mjs'),
  // the react-router v6 facade Grafana 12.4 shares as `react-router`; installed for @grafana/ui only
  'react-router-dom-v5-compat': join(NM, '@grafana/ui/node_modules/react-router-dom-v5-compat/dist/index.js'),
};

const grafanaInternals: Plugin = {
  name: 'grafana-internals',
  setup(b) {
    b.onResolve({ filter: /^(grafana-internal:|react-router-dom-v5-compat$)/ }, (args) => {
      const path = INTERNAL_FILES[args.path];
      return path ? { path } : { errors: [{ text: `unknown internal module ${args.path}` }] };
    });
  },
};

export interface HarnessBundle {
  js: string;
  map: string;
  css: string;
}

/**
 * Bundles the Grafana-like host from the real npm packages (react, @grafana/data|ui|runtime …) in memory.
 * This builds test infrastructure only, never the plugin: the plugin under test is the dist/ that `npm run build` made.
 */
export async function buildHarness(): Promise<HarnessBundle> {
  const result = await build({
    entryPoints: [join(ROOT, 'tests', 'host', 'harness', 'host.tsx')],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    outdir: '/harness',
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    sourcemap: 'external',
    // Grafana ships production builds of its shared modules; plugins run against those.
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    // assets referenced from CSS (monaco's codicon font, icons) are inlined, so the host needs no asset routes
    loader: { '.svg': 'dataurl', '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.png': 'dataurl', '.gif': 'dataurl' },
    plugins: [grafanaInternals],
    logLevel: 'silent',
  });
  const out = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  return { js: out('host.js'), map: out('host.js.map'), css: out('host.css') };
}
