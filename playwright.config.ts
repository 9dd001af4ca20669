import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromiumLaunchOptions';

/**
 * Real-Grafana e2e specs (tests/e2e) with @grafana/plugin-e2e, for runs against `docker compose up --build`
 * (GRAFANA_URL, default http://localhost:3000). Without a Grafana every spec reports SKIPPED with the reason.
 * The Grafana-like host tests that need no Grafana have their own config: tests/host/playwright.config.ts.
 */
const chromium = {
  ...devices['Desktop Chrome'],
  // Debian's chromium: browsers cannot be downloaded here (`npx playwright install` fails), so never ask for one.
  channel: undefined,
  launchOptions: chromiumLaunchOptions,
};

export default defineConfig<PluginOptions>({
  testDir: './tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 2 : 0,
  // list shows each spec and why it was skipped; the html report is kept for browsing failures
  reporter: [['list'], ['html', { open: 'never' }]],
  outputDir: './test-results/e2e',
  use: {
    baseURL: process.env.GRAFANA_URL || 'http://localhost:3000',
    trace: 'on-first-retry',
  },
  projects: [
    // 1. Log in to Grafana once and store the cookie (skipped without Grafana).
    {
      name: 'auth',
      testMatch: /auth\.setup\.ts$/,
      use: chromium,
    },
    // 2. The specs, authenticated as admin.
    {
      name: 'chromium',
      testIgnore: /auth\.setup\.ts$/,
      use: {
        ...chromium,
        storageState: 'playwright/.auth/admin.json',
      },
      dependencies: ['auth'],
    },
  ],
});
