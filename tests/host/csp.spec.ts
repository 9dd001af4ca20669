/**
 * F14 (shared/notes/bad-inputs.md): Grafana with `[security] content_security_policy = true`. The host page is served
 * with Grafana's default CSP template made stricter (no 'unsafe-eval', no 'unsafe-inline' for scripts; see
 * support/server.ts contentSecurityPolicy) and a nonce on its script tags. The app and the panel must load and draw
 * without a single securitypolicyviolation: the fixture fails every test on a violation or a CSP console error.
 */
import { describeViolation, expect, isAllowedViolation, saveScreenshot, test, type HostPage } from './support/fixtures';
import { PROFILE_FUNCTIONS, flameFrame, redFrames } from './support/frames';
import { PANEL_SIZE, expectPainted, flameCanvas, metricsCanvas, renderPanel } from './support/panel';

/** The host booted (Grafana's shared modules initialised), no plugin imported yet: only the known host probe. */
async function expectOnlyHostBootViolations(host: HostPage) {
  // violation events are dispatched as tasks after the code that caused them: let them arrive
  await host.page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  const boot = await host.cspViolations();
  expect(boot.filter((v) => !isAllowedViolation(v)).map(describeViolation), 'violations while the host booted').toEqual([]);
  await test.info().attach('host-boot-csp-violations', { body: boot.map(describeViolation).join('\n') || '(none)', contentType: 'text/plain' });
  bootCount.set(host, boot.length);
}
const bootCount = new WeakMap<HostPage, number>();

/** Nothing was blocked after the plugin was imported: every violation since boot is the plugin's. */
async function expectNoPluginViolations(host: HostPage) {
  await host.page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  const since = (await host.cspViolations()).slice(bootCount.get(host) ?? 0);
  expect(since.map(describeViolation), 'violations after the plugin was imported').toEqual([]);
}

test.describe('under a strict Content-Security-Policy (F14, no unsafe-eval)', () => {
  test('the host really enforces it: eval, new Function and inline event handlers are blocked and reported', async ({ browser, hostServer }) => {
    // a page of its own: the violations provoked here are the point, not a failure
    const page = await browser.newPage();
    try {
      const response = await page.goto(`${hostServer.origin}/host.html?theme=light&csp=1`);
      const policy = response!.headers()['content-security-policy'];
      expect(policy).toContain("'strict-dynamic'");
      expect(policy).not.toContain('unsafe-eval');
      await test.info().attach('content-security-policy', { body: policy, contentType: 'text/plain' });
      await page.waitForFunction(() => window.hotpathHost !== undefined);
      await page.evaluate(() => window.hotpathHost.ready);
      // Playwright's own evaluate() is exempt from the page's CSP, so the probe runs as page script: a script element
      // with a src created by trusted script ('strict-dynamic' lets it load), which then tries eval, new Function and
      // an inline script without nonce.
      const outcome = await page.evaluate(async () => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective}:${e.blockedURI}`));
        const probe = `
          const attempt = (f) => { try { f(); return 'ran'; } catch (e) { return e.name; } };
          window.__probe = { evalResult: attempt(() => (0, eval)('1')), fnResult: attempt(() => new Function('return 1')()) };
          const img = document.createElement('img');
          img.setAttribute('onerror', 'window.__inlineRan = true');
          img.src = 'data:,not-an-image';
          document.body.appendChild(img);`;
        const script = document.createElement('script');
        script.src = `data:text/javascript,${encodeURIComponent(probe)}`;
        await new Promise((resolve, reject) => {
          script.onload = resolve;
          script.onerror = reject;
          document.body.appendChild(script);
        });
        await new Promise((r) => setTimeout(r, 200));
        const w = window as unknown as { __probe: { evalResult: string; fnResult: string }; __inlineRan?: boolean };
        return { ...w.__probe, inlineRan: w.__inlineRan === true, violations };
      });
      expect(outcome.evalResult).toBe('EvalError');
      expect(outcome.fnResult).toBe('EvalError');
      // inline event handlers (what an injected <img onerror> would need) never run without 'unsafe-inline'
      expect(outcome.inlineRan).toBe(false);
      expect(outcome.violations.length).toBeGreaterThanOrEqual(3);
    } finally {
      await page.close();
    }
  });

  test('app Home page loads (SystemJS, AMD, lazy chunks) with zero violations', async ({ host }) => {
    await host.open('dark', { csp: true });
    await expectOnlyHostBootViolations(host);
    const check = await host.page.evaluate(() => window.hotpathHost.renderApp({ path: '/a/hotpath-hotpath-app/home', theme: 'dark' }));
    expect(check.isExpectedClass).toBe(true);
    await expect(host.page.getByTestId('hotpath-home')).toBeVisible();
    await expect(host.page.getByRole('heading', { name: 'Validate' })).toBeVisible();
    await expectNoPluginViolations(host);
    await saveScreenshot(host.page, '[data-testid="host-plugin-page"]', 'csp-app-home-dark');
  });

  test('panel with metrics and a flame graph draws both with zero violations; search still works', async ({ host }) => {
    await renderPanel(host, 'light', [...redFrames(), flameFrame()], 'Under CSP', { csp: true }, PANEL_SIZE, () =>
      expectOnlyHostBootViolations(host)
    );
    await expectPainted(metricsCanvas(host), 'uPlot', 0.005, 4);
    await expectPainted(flameCanvas(host), 'flame graph', 0.05, 3);
    const profile = host.page.getByTestId('hotpath-profile');
    for (const fn of PROFILE_FUNCTIONS) {
      await expect(profile.getByText(fn, { exact: true }).first()).toBeVisible();
    }
    // hover tooltip and search are code paths that run only on interaction
    const canvas = flameCanvas(host);
    const box = (await canvas.boundingBox())!;
    await host.page.mouse.move(box.x + box.width / 2, box.y + 10);
    await profile.getByPlaceholder(/search/i).fill('mapassign');
    await expect(profile.getByText('math.Abs', { exact: true })).toHaveCount(0);
    await expectNoPluginViolations(host);
    await saveScreenshot(host.page, '[data-testid="host-dashboard"]', 'csp-panel-both-light');
  });
});
