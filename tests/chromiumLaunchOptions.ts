import type { LaunchOptions } from '@playwright/test';

/**
 * How every Playwright suite of this repo starts Chromium. Debian's chromium, because `npx playwright install` cannot
 * download browsers on our machines; the flags keep it off the (closed) network, whose refused connections otherwise
 * pile up at every start. Playwright gives each launch a fresh temporary --user-data-dir itself (it refuses one here).
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
