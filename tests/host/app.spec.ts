import { expect, saveScreenshot, test } from './support/fixtures';

test.describe('app plugin (dist/module.js) in the Grafana-like host', () => {
  test('exports an AppPlugin of the host’s own @grafana/data', async ({ host }) => {
    await host.open('light');
    const check = await host.page.evaluate(() => window.hotpathHost.loadApp());
    expect(check.exportsPlugin, 'module.js exports `plugin`').toBe(true);
    expect(check.isExpectedClass, `plugin is a ${check.className}, not the host's AppPlugin`).toBe(true);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`root page renders the Home page at /a/hotpath-hotpath-app/home (${theme})`, async ({ host }) => {
      const requests: string[] = [];
      host.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await host.open(theme);
      const check = await host.page.evaluate((t) => window.hotpathHost.renderApp({ path: '/a/hotpath-hotpath-app/home', theme: t }), theme);
      expect(check.isExpectedClass).toBe(true);

      const home = host.page.getByTestId('hotpath-home');
      await expect(home).toBeVisible();
      // the four steps of the loop, each a card linking to its provisioned dashboard
      for (const [title, uid] of [
        ['Identify', 'hotpath-red'],
        ['Diagnose', 'hotpath-bottleneck'],
        ['Fix', 'hotpath-go-runtime'],
        ['Validate', 'hotpath-alerts'],
      ]) {
        const card = home.locator('li, article, section, div').filter({ has: host.page.getByRole('heading', { name: title }) }).last();
        await expect(card).toBeVisible();
        await expect(card.locator(`a[href="/d/${uid}"]`)).toBeVisible();
      }
      await expect(host.page.getByTestId('host-plugin-page')).toBeVisible();
      // the app's settings came through getBackendSrv(), as Grafana loads them before the root page
      expect(requests).toContain('/api/plugins/hotpath-hotpath-app/settings');
      // the lazy pages are webpack chunks next to module.js: found through the AMD `module` dependency's uri
      // (SystemJS's AMD extra supplies it), i.e. webpack's publicPath resolved to Grafana's plugin folder
      expect(requests.filter((p) => /^\/public\/plugins\/hotpath-hotpath-app\/\d+\.js$/.test(p)).length).toBeGreaterThan(0);
      await saveScreenshot(host.page, '[data-testid="host-plugin-page"]', `app-home-${theme}`);
    });
  }
});
