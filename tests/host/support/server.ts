import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { appPluginSettings, bootData, type HostTheme } from './bootData';
import { buildHarness, type HarnessBundle } from './buildHarness';
import { APP_BASE, APP_ID, DIST, ROOT } from './paths';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.html': 'text/html; charset=utf-8',
};

const FONT_TYPES: Record<string, string> = { '.ttf': 'font/ttf', '.woff': 'font/woff', '.woff2': 'font/woff2' };

const SYSTEMJS = join(ROOT, 'node_modules', 'systemjs', 'dist');
/** Grafana serves @grafana/ui's icons at public/build/img/icons/ (its build copies them there). */
const ICONS_URL = '/public/build/img/icons/';
const ICONS = join(ROOT, 'node_modules', '@grafana', 'ui', 'dist', 'public', 'img', 'icons');

/**
 * Grafana's default `[security] content_security_policy_template` (Grafana 12.x defaults.ini), made stricter:
 * no 'unsafe-eval' and no 'unsafe-inline' in script-src, so only the nonced page scripts and what they load
 * ('strict-dynamic': SystemJS's and webpack's createElement('script')) may run, and eval/new Function throw.
 * 'report-sample' puts the first 40 characters of blocked code into the violation report (who called eval).
 * style-src keeps 'unsafe-inline' as Grafana does: emotion injects <style> elements at run time.
 */
export function contentSecurityPolicy(nonce: string, host: string): string {
  return [
    `script-src 'self' 'strict-dynamic' 'nonce-${nonce}' 'report-sample'`,
    "object-src 'none'",
    "font-src 'self'",
    "style-src 'self' 'unsafe-inline' blob: 'report-sample'",
    'img-src * data:',
    "base-uri 'self'",
    `connect-src 'self' grafana.com ws://${host} wss://${host}`,
    "manifest-src 'self'",
    "media-src 'none'",
    "form-action 'self'",
  ].join(';');
}

export interface HostServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * The page Grafana's server renders: boot data first, then SystemJS, then the host bundle (Grafana's shared modules
 * and services), then the AMD extra. The AMD extra must come after the host bundle: loaded earlier, the UMD builds
 * inside the bundle (lodash …) see `define.amd` and register themselves as AMD modules instead of exporting.
 */
function hostHtml(theme: HostTheme, origin: string, bundle: HarnessBundle, nonce?: string): string {
  const boot = JSON.stringify(bootData(theme, origin)).replace(/</g, '\\u003c');
  // under CSP every script tag of the page carries the response's nonce, as Grafana's index.html does with $NONCE
  const n = nonce ? ` nonce="${nonce}"` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Hotpath host (Grafana-like)</title>
  <!-- no favicon request: Grafana serves its own icon, which is not part of any npm package -->
  <link rel="icon" href="data:,">
  ${bundle.css ? '<link rel="stylesheet" href="/harness/host.css">' : ''}
  <script${n}>
    window.grafanaBootData = ${boot};
    // where Grafana's frontend finds its own assets (icons, fonts), as Grafana's index.html sets it
    window.__grafana_public_path__ = '/public/';
  </script>
</head>
<body class="theme-${theme}">
  <div id="reactRoot"></div>
  <script${n} src="/vendor/system.js"></script>
  <script${n} src="/harness/host.js"></script>
  <script${n} src="/vendor/amd.js"></script>
</body>
</html>`;
}

/** Resolves `rel` inside `base`, refusing anything that escapes it. */
function inside(base: string, rel: string): string | undefined {
  const full = normalize(join(base, rel));
  return full === base || full.startsWith(base + sep) ? full : undefined;
}

async function sendFile(res: ServerResponse, path: string | undefined): Promise<void> {
  if (!path) {
    return notFound(res);
  }
  try {
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    notFound(res);
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

function send(res: ServerResponse, type: string, body: string): void {
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** Serves dist/ where Grafana serves it (/public/plugins/<app id>/), the host page, and the few API answers it needs. */
export async function startHostServer(): Promise<HostServer> {
  const bundle = await buildHarness();
  let origin = '';
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    const path = decodeURIComponent(url.pathname);
    if (path === '/host.html') {
      const theme: HostTheme = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
      if (url.searchParams.get('csp') === '1') {
        // a fresh nonce per response, like Grafana's $NONCE
        const nonce = randomBytes(16).toString('base64');
        res.setHeader('content-security-policy', contentSecurityPolicy(nonce, url.host));
        return send(res, TYPES['.html'], hostHtml(theme, origin, bundle, nonce));
      }
      return send(res, TYPES['.html'], hostHtml(theme, origin, bundle));
    }
    if (path === '/harness/host.js') {
      return send(res, TYPES['.js'], bundle.js);
    }
    if (path === '/harness/host.js.map') {
      return send(res, TYPES['.map'], bundle.map);
    }
    if (path === '/harness/host.css') {
      return send(res, TYPES['.css'], bundle.css);
    }
    const asset = bundle.assets.get(path);
    if (asset) {
      res.writeHead(200, { 'content-type': FONT_TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      return res.end(asset);
    }
    if (path === '/vendor/system.js') {
      return sendFile(res, join(SYSTEMJS, 'system.js'));
    }
    if (path === '/vendor/amd.js') {
      return sendFile(res, join(SYSTEMJS, 'extras', 'amd.js'));
    }
    if (path === `/api/plugins/${APP_ID}/settings`) {
      return send(res, TYPES['.json'], JSON.stringify(appPluginSettings()));
    }
    if (path.startsWith(ICONS_URL)) {
      return sendFile(res, inside(ICONS, path.slice(ICONS_URL.length)));
    }
    if (path.startsWith(`${APP_BASE}/`)) {
      return sendFile(res, inside(DIST, path.slice(APP_BASE.length + 1)));
    }
    return notFound(res);
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
