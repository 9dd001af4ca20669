import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostTheme } from '../harness/protocol';
import { ROOT } from './paths';
import { startHostServer, type HostServer } from './server';

/** Screenshots for humans (README, reviews): test-results/host/<name>.png */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'host');

/**
 * Grafana's icon names (@grafana/data's availableIconsIndex). Grafana serves the SVGs from its own public/ folder;
 * @grafana/ui's npm package ships only some of them (the host serves those), so a few real icons 404 here.
 */
const GRAFANA_ICON_NAMES = new Set(
  Array.from(
    readFileSync(join(ROOT, 'node_modules/@grafana/data/dist/esm/types/icon.mjs'), 'utf8').matchAll(/^\s+"?([a-z0-9-]+)"?: true,?$/gm),
    (m) => m[1]
  )
);

/**
 * Requests that may fail, each with the reason; nothing else may. Both are files of the Grafana server itself that
 * ship in no npm package, so the host has no copy and the browser falls back (system font; icon left blank).
 */
const ALLOWED_FAILED_URLS: Array<{ test: (url: URL) => boolean; why: string }> = [
  {
    test: (url) => /^\/public\/fonts\/[^/]+\/[^/]+\.woff2$/.test(url.pathname),
    why: "@grafana/ui's GlobalStyles declares Grafana's fonts (Inter, Roboto Mono) at public/fonts/",
  },
  {
    // only names Grafana really has: a misspelt icon name still fails the test
    test: (url) => {
      const m = /^\/public\/build\/img\/icons\/(?:unicons|mono|solid|custom)\/([a-z0-9-]+)\.svg$/.exec(url.pathname);
      return !!m && GRAFANA_ICON_NAMES.has(m[1]);
    },
    why: "Grafana's icon set is part of the Grafana server; @grafana/ui's npm package ships a subset",
  },
];

function allowed(url: string | undefined): boolean {
  if (!url) {
    return false;
  }
  const parsed = new URL(url);
  return parsed.hostname === '127.0.0.1' && ALLOWED_FAILED_URLS.some((a) => a.test(parsed));
}

export interface OpenOptions {
  /** Serve the host page with a strict Content-Security-Policy header (support/server.ts contentSecurityPolicy). */
  csp?: boolean;
}

export interface HostPage {
  page: Page;
  origin: string;
  /** Opens the host page booted with the given theme (the server renders it into the boot data, like Grafana). */
  open(theme: HostTheme, options?: OpenOptions): Promise<void>;
  /** securitypolicyviolation events the page fired so far (always collected; any one fails the test). */
  cspViolations(): Promise<CspViolation[]>;
}

/** The parts of a SecurityPolicyViolationEvent that say what was blocked and who asked for it. */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  columnNumber: number;
  sample: string;
}

declare global {
  interface Window {
    __hostCspViolations?: CspViolation[];
  }
}

/** Installed before any page script runs (Playwright's init scripts are not subject to the page's CSP). */
function recordCspViolations(): void {
  const list: CspViolation[] = [];
  window.__hostCspViolations = list;
  document.addEventListener('securitypolicyviolation', (e) => {
    list.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blockedURI: e.blockedURI,
      sourceFile: e.sourceFile,
      lineNumber: e.lineNumber,
      columnNumber: e.columnNumber,
      sample: e.sample,
    });
  });
}

const readCspViolations = (page: Page) =>
  page.evaluate(() => (window.__hostCspViolations ?? []).slice()).catch(() => [] as CspViolation[]);

/**
 * CSP violations the HOST causes, not the plugin (only under csp.spec.ts's policy without 'unsafe-eval'). Grafana's
 * own @grafana/data 12.4 validates its theme schema with zod 4, which probes once, while @grafana/data's modules
 * initialise at Grafana's boot (before any plugin is imported), whether `new Function('')` works ("allowsEval"); it
 * catches the EvalError and uses its non-JIT parser. Real Grafana reports the same under such a policy.
 */
export const ALLOWED_CSP_VIOLATIONS: Array<{ test: (v: CspViolation) => boolean; why: string }> = [
  {
    test: (v) =>
      v.directive === 'script-src' &&
      v.blockedURI === 'eval' &&
      /^http:\/\/127\.0\.0\.1:\d+\/harness\/host\.js$/.test(v.sourceFile) &&
      v.sample.replace(/\s+/g, ' ') === '(function anonymous( ) { })',
    why: "zod 4's allowsEval probe (new Function('')) while Grafana's @grafana/data initialises its theme schema at boot",
  },
];

export const isAllowedViolation = (v: CspViolation) => ALLOWED_CSP_VIOLATIONS.some((a) => a.test(v));

export const describeViolation = (v: CspViolation) =>
  `CSP ${v.directive} blocked ${v.blockedURI || '(inline)'} at ${v.sourceFile}:${v.lineNumber}:${v.columnNumber}${v.sample ? ` sample: ${v.sample}` : ''}`;

/** Everything that went wrong while a test ran; the fixture fails the test unless it is empty. */
export interface Problems {
  list: string[];
}

export const test = base.extend<{ problems: Problems; host: HostPage }, { hostServer: HostServer }>({
  hostServer: [
    async ({}, use) => {
      const server = await startHostServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  problems: [
    async ({ page }, use, testInfo) => {
      const list: string[] = [];
      const tolerated = new Set<string>();
      await page.addInitScript(recordCspViolations);
      page.on('console', (msg) => {
        if (msg.type() === 'error') {
          if (allowed(msg.location().url)) {
            tolerated.add(msg.location().url);
          } else {
            list.push(`console.error: ${msg.text()} (${msg.location().url}:${msg.location().lineNumber})`);
          }
        }
      });
      page.on('pageerror', (err) => list.push(`uncaught exception: ${err.name}: ${err.message}\n${err.stack ?? ''}`));
      page.on('requestfailed', (req) => {
        if (!allowed(req.url())) {
          list.push(`request failed: ${req.method()} ${req.url()}: ${req.failure()?.errorText}`);
        }
      });
      page.on('response', (res) => {
        if (res.status() >= 400 && !allowed(res.url())) {
          list.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
        }
      });
      const problems = { list };
      await use(problems);
      // errors the host's error boundary caught (React may not log them in production builds)
      const hostFailures = await page
        .evaluate(() => (window.hotpathHost ? window.hotpathHost.failures.slice() : []))
        .catch(() => [] as string[]);
      list.push(...hostFailures.map((f) => `host: ${f}`));
      for (const v of await readCspViolations(page)) {
        if (isAllowedViolation(v)) {
          tolerated.add(describeViolation(v));
        } else {
          list.push(describeViolation(v));
        }
      }
      if (tolerated.size > 0) {
        // shown in the report so nobody has to guess what the allow-list let through
        await testInfo.attach('allowed-failures', { body: [...tolerated].sort().join('\n'), contentType: 'text/plain' });
      }
      if (list.length > 0) {
        await testInfo.attach('problems', { body: list.join('\n\n'), contentType: 'text/plain' });
      }
      expect(list, 'console errors, uncaught exceptions, failed requests and render errors').toEqual([]);
    },
    { auto: true },
  ],

  host: async ({ page, hostServer }, use) => {
    await use({
      page,
      origin: hostServer.origin,
      cspViolations: () => readCspViolations(page),
      open: async (theme, options = {}) => {
        await page.goto(`${hostServer.origin}/host.html?theme=${theme}${options.csp ? '&csp=1' : ''}`);
        await page.waitForFunction(() => window.hotpathHost !== undefined);
        await page.evaluate(() => window.hotpathHost.ready);
      },
    });
  },
});

export async function saveScreenshot(page: Page, selector: string, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.locator(selector).screenshot({ path, animations: 'disabled' });
  return path;
}

export { expect };
