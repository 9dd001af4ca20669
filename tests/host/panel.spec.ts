import type { Locator } from '@playwright/test';
import type { DataFrameJSON } from '@grafana/data';
import type { RenderPanelRequest } from './harness/protocol';
import { expect, saveScreenshot, test, type HostPage } from './support/fixtures';
import { PROFILE_FUNCTIONS, RANGE, flameFrame, redFrames } from './support/frames';

const THEMES = ['light', 'dark'] as const;
const SIZE = { width: 1100, height: 760 };

async function render(host: HostPage, theme: 'light' | 'dark', frames: DataFrameJSON[], title: string) {
  await host.open(theme);
  const request: RenderPanelRequest = { frames, theme, title, ...SIZE, ...RANGE };
  const result = await host.page.evaluate((r) => window.hotpathHost.renderPanel(r), request);
  expect(result.isExpectedClass, `panel module's plugin is a ${result.className}, not the host's PanelPlugin`).toBe(true);
  return result;
}

/** Pixels a canvas actually painted (alpha > 0) and how many distinct colours: a blank canvas has none. */
async function ink(canvas: Locator): Promise<{ width: number; height: number; painted: number; colours: number }> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) {
        painted++;
        colours.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
      }
    }
    return { width: c.width, height: c.height, painted, colours: colours.size };
  });
}

/** Waits until the canvas painted at least `minShare` of its pixels in at least `minColours` colours. */
async function expectPainted(canvas: Locator, what: string, minShare: number, minColours: number) {
  await expect(canvas).toBeVisible();
  await expect
    .poll(async () => {
      const i = await ink(canvas);
      return i.width > 0 && i.painted / (i.width * i.height) >= minShare && i.colours >= minColours;
    }, { message: `${what} canvas is painted (≥ ${minShare * 100}% of pixels, ≥ ${minColours} colours)` })
    .toBe(true);
}

const metricsCanvas = (host: HostPage) => host.page.getByTestId('hotpath-metrics').locator('canvas').first();
const flameCanvas = (host: HostPage) => host.page.getByTestId('hotpath-profile').locator('canvas').first();

test.describe('panel plugin (dist/panels/correlation/module.js) in the Grafana-like host', () => {
  test('exports a PanelPlugin of the host’s own @grafana/data, with option defaults from its builder', async ({ host }) => {
    const result = await render(host, 'light', [], 'Defaults');
    expect(result.options).toEqual({ metricsHeightPercent: 35, profileView: 'both' });
  });

  for (const theme of THEMES) {
    test.describe(`${theme} theme`, () => {
      test('Prometheus RED series: uPlot chart drawn, legend per series, hint that no profile was queried', async ({ host }) => {
        await render(host, theme, redFrames(), 'Checkout latency');
        await expectPainted(metricsCanvas(host), 'uPlot', 0.005, 4);
        const metrics = host.page.getByTestId('hotpath-metrics');
        for (const legend of ['p99 /api/checkout', 'p99 /api/products', 'p99 /api/search', 'error ratio']) {
          await expect(metrics.getByText(legend, { exact: true })).toBeVisible();
        }
        // each series has its own colour (classic palette), in the legend as in the chart
        const icons = metrics.getByTestId('series-icon');
        await expect(icons).toHaveCount(4);
        const colours = await icons.evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundImage + getComputedStyle(el).backgroundColor));
        expect(new Set(colours).size, `legend colours: ${colours.join(' | ')}`).toBe(4);
        await expect(host.page.getByTestId('hotpath-no-profile')).toContainText("No profile in this panel's data");
        await saveScreenshot(host.page, '[data-testid="host-dashboard"]', `panel-metrics-${theme}`);
      });

      test('flame graph frame from a real pprof profile: canvas drawn, functions findable', async ({ host }) => {
        await render(host, theme, [flameFrame()], 'CPU profile');
        await expectPainted(flameCanvas(host), 'flame graph', 0.05, 3);
        const profile = host.page.getByTestId('hotpath-profile');
        // the top table (profileView "both") lists the profile's functions
        for (const fn of PROFILE_FUNCTIONS) {
          await expect(profile.getByText(fn, { exact: true }).first()).toBeVisible();
        }
        await saveScreenshot(host.page, '[data-testid="host-dashboard"]', `panel-profile-${theme}`);
        // Grafana's flame graph search narrows the table to matching functions
        const search = profile.getByPlaceholder(/search/i);
        await search.fill('mapassign');
        await expect(profile.getByText('runtime.mapassign_fast64', { exact: true }).first()).toBeVisible();
        await expect(profile.getByText('math.Abs', { exact: true })).toHaveCount(0);
        await expect(host.page.getByTestId('hotpath-metrics')).toHaveCount(0);
      });

      test('metrics and profile together: both drawn, metrics take their share of the height', async ({ host }) => {
        await render(host, theme, [...redFrames(), flameFrame()], 'Checkout latency and CPU profile');
        await expectPainted(metricsCanvas(host), 'uPlot', 0.005, 4);
        await expectPainted(flameCanvas(host), 'flame graph', 0.05, 3);
        const view = await host.page.getByTestId('hotpath-correlation-view').boundingBox();
        const metrics = await host.page.getByTestId('hotpath-metrics').boundingBox();
        expect(view && metrics).toBeTruthy();
        // default option metricsHeightPercent = 35 of the panel's inner height
        expect(metrics!.height / view!.height).toBeGreaterThan(0.3);
        expect(metrics!.height / view!.height).toBeLessThan(0.4);
        await expect(host.page.getByTestId('hotpath-no-profile')).toHaveCount(0);
        await saveScreenshot(host.page, '[data-testid="host-dashboard"]', `panel-both-${theme}`);
      });

      test("no data: Grafana's PanelDataErrorView with the panel's message", async ({ host }) => {
        await render(host, theme, [], 'Empty');
        const error = host.page.getByTestId('data-testid Panel data error message');
        await expect(error).toBeVisible();
        await expect(error).toContainText('No metrics or profile data');
        await expect(host.page.getByTestId('hotpath-correlation-view')).toHaveCount(0);
        await saveScreenshot(host.page, '[data-testid="host-dashboard"]', `panel-no-data-${theme}`);
      });
    });
  }
});
