import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HostTheme } from '../harness/protocol';
import { ROOT } from './paths';
import { startHostServer, type HostServer } from './server';

/** Screenshots for humans (README, reviews): test-results/host/<name>.png */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'host');

/**
 * Requests that may fail, each with the reason; nothing else may. Both are files of the Grafana server itself that
 * ship in no npm package, so the host has no copy and the browser falls back (system font; no spinner glyph).
 */
const ALLOWED_FAILED_URLS: Array<{ pattern: RegExp; why: string }> = [
  {
    pattern: /\/public\/fonts\/[^?]+\.woff2$/,
    why: "@grafana/ui's GlobalStyles declares Grafana's fonts (Inter, Roboto Mono) at public/fonts/",
  },
  {
    pattern: /\/public\/build\/img\/icons\/unicons\/spinner\.svg$/,
    why: "Grafana's spinner icon is in Grafana's repo; @grafana/ui's npm icons (served by the host) lack it",
  },
];

function allowed(url: string | undefined): boolean {
  return !!url && ALLOWED_FAILED_URLS.some((a) => a.pattern.test(url));
}

export interface HostPage {
  page: Page;
  origin: string;
  /** Opens the host page booted with the given theme (the server renders it into the boot data, like Grafana). */
  open(theme: HostTheme): Promise<void>;
}

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
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !allowed(msg.location().url)) {
          list.push(`console.error: ${msg.text()} (${msg.location().url}:${msg.location().lineNumber})`);
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
      open: async (theme) => {
        await page.goto(`${hostServer.origin}/host.html?theme=${theme}`);
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
