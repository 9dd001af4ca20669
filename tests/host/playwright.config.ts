import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromiumLaunchOptions';

/**
 * Grafana-like host tests: the BUILT plugin (dist/) loaded into headless Chromium the way Grafana loads it.
 * Run from the repository root, after `npm run build`:  npx playwright test -c tests/host/playwright.config.ts
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/host',
  globalSetup: './support/globalSetup.ts',
  // one shared host server and browser; the suite is small and 2-core CI machines are the norm here
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
});
