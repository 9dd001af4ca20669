import { build, type ImportKind, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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

/** The ES module builds of the @grafana/* packages (also the copies nested under @grafana/ui). */
const GRAFANA_ESM = /[\\/]node_modules[\\/]@grafana[\\/][^\\/]+[\\/]dist[\\/]esm[\\/].*\.mjs$/;
const NS = 'grafana-esm';

/**
 * 1. Maps the internal ids above to their files.
 * 2. Loads @grafana/*'s `.mjs` files in their own namespace. For an importer ending in `.mjs` esbuild applies
 *    Node's CommonJS interop (`import X from 'cjs'` gives module.exports, ignoring `__esModule`), so e.g.
 *    @grafana/ui's `import Scrollbars from 'react-custom-scrollbars-2'` would get an object and React throws
 *    (#130). Grafana builds these packages from source with the usual interop; outside the `file` namespace
 *    esbuild uses the usual interop too. Same file → same namespace+path → still one module instance.
 */
const grafanaInternals: Plugin = {
  name: 'grafana-internals',
  setup(b) {
    // the `.mjs` extension itself switches the interop, so the re-homed path ends in `.js` (onLoad strips it)
    const rehome = (path: string) => (GRAFANA_ESM.test(path) ? { path: `${path}.js`, namespace: NS } : { path });
    b.onResolve({ filter: /^(grafana-internal:|react-router-dom-v5-compat$)/ }, (args) => {
      const path = INTERNAL_FILES[args.path];
      return path ? rehome(path) : { errors: [{ text: `unknown internal module ${args.path}` }] };
    });
    const resolveAndRehome = async (args: { path: string; resolveDir: string; kind: ImportKind; importer: string }) => {
      const importer = args.importer.replace(/\.mjs\.js$/, '.mjs');
      const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer, pluginData: SKIP });
      if (r.errors.length > 0 || r.external || r.namespace !== 'file') {
        return r.errors.length > 0 ? { errors: r.errors } : { path: r.path, namespace: r.namespace, external: r.external };
      }
      return rehome(r.path);
    };
    // every import made from inside a re-homed file, and every import of @grafana/* from anywhere
    b.onResolve({ filter: /.*/, namespace: NS }, (args) => (args.pluginData === SKIP ? undefined : resolveAndRehome(args)));
    b.onResolve({ filter: /^@grafana\// }, (args) => (args.pluginData === SKIP ? undefined : resolveAndRehome(args)));
    b.onLoad({ filter: /.*/, namespace: NS }, async (args) => {
      const file = args.path.replace(/\.js$/, '');
      return { contents: await readFile(file, 'utf8'), loader: 'js', resolveDir: dirname(file) };
    });
  },
};
const SKIP = Symbol('resolving');

export interface HarnessBundle {
  js: string;
  map: string;
  css: string;
  /** Fonts referenced from the CSS, by URL path (/harness/assets/…): served from 'self' as Grafana serves its fonts. */
  assets: Map<string, Uint8Array>;
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
    // images referenced from CSS (icons) are inlined; fonts (monaco's codicon) are files the server serves, because
    // Grafana's CSP template allows fonts from 'self' only (font-src 'self' blocks data: fonts)
    loader: { '.svg': 'dataurl', '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.png': 'dataurl', '.gif': 'dataurl' },
    assetNames: 'assets/[name]-[hash]',
    publicPath: '/harness',
    plugins: [grafanaInternals],
    logLevel: 'silent',
  });
  const out = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  const assets = new Map<string, Uint8Array>();
  for (const f of result.outputFiles) {
    if (f.path.startsWith('/harness/assets/')) {
      assets.set(f.path, f.contents);
    }
  }
  return { js: out('host.js'), map: out('host.js.map'), css: out('host.css'), assets };
}
