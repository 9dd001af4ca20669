/** Helpers for specs that render the correlation panel (the same checks panel.spec.ts makes, shared). */
import type { Locator } from '@playwright/test';
import type { DataFrameJSON } from '@grafana/data';
import type { HostTheme, RenderPanelRequest } from '../harness/protocol';
import { expect, type HostPage, type OpenOptions } from './fixtures';
import { RANGE } from './frames';

export const PANEL_SIZE = { width: 1100, height: 760 };

export async function renderPanel(
  host: HostPage,
  theme: HostTheme,
  frames: DataFrameJSON[],
  title: string,
  open: OpenOptions = {},
  size = PANEL_SIZE,
  beforeImport?: () => Promise<void>
) {
  await host.open(theme, open);
  await beforeImport?.();
  const request: RenderPanelRequest = { frames, theme, title, ...size, ...RANGE };
  const result = await host.page.evaluate((r) => window.hotpathHost.renderPanel(r), request);
  expect(result.isExpectedClass, `panel module's plugin is a ${result.className}, not the host's PanelPlugin`).toBe(true);
  return result;
}

export interface Ink {
  width: number;
  height: number;
  painted: number;
  colours: number;
}

/** Pixels a canvas actually painted (alpha > 0) and how many distinct colours: a blank canvas has none. */
export async function ink(canvas: Locator, rows?: number): Promise<Ink> {
  return canvas.evaluate((el, maxRows) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0 || c.height === 0) {
      return { width: c.width, height: c.height, painted: 0, colours: 0 };
    }
    const h = Math.min(c.height, maxRows ?? c.height);
    const data = ctx.getImageData(0, 0, c.width, h).data;
    let painted = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) {
        painted++;
        colours.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
      }
    }
    return { width: c.width, height: h, painted, colours: colours.size };
  }, rows);
}

/** Waits until the canvas painted at least `minShare` of its (first `rows`) pixels in at least `minColours` colours. */
export async function expectPainted(canvas: Locator, what: string, minShare: number, minColours: number, rows?: number) {
  await expect(canvas).toBeVisible();
  await expect
    .poll(
      async () => {
        const i = await ink(canvas, rows);
        return i.width > 0 && i.painted / (i.width * i.height) >= minShare && i.colours >= minColours;
      },
      { message: `${what} canvas is painted (≥ ${minShare * 100}% of pixels, ≥ ${minColours} colours)` }
    )
    .toBe(true);
}

export const metricsCanvas = (host: HostPage) => host.page.getByTestId('hotpath-metrics').locator('canvas').first();
export const flameCanvas = (host: HostPage) => host.page.getByTestId('hotpath-profile').locator('canvas').first();

export interface PaintTiming {
  /** renderPanel resolved: React committed the panel (frames parsed, field config applied, components rendered). */
  committedMs: number;
  /** The flame graph canvas has ink and the next animation frame ran: the first frame that can show it. */
  firstPaintMs: number;
  /** Main-thread tasks over 50 ms during that time and the second after it (PerformanceObserver 'longtask'). */
  longTasksMs: number[];
}

/** Renders the panel in the already opened host page and measures, in the page, the time to the flame graph's first paint. */
export async function renderAndTimeFlamePaint(host: HostPage, request: RenderPanelRequest): Promise<PaintTiming> {
  return host.page.evaluate(async (r) => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(Math.round(e.duration))));
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    const result = await window.hotpathHost.renderPanel(r);
    if (!result.isExpectedClass) {
      throw new Error(`panel module's plugin is a ${result.className}`);
    }
    const committed = performance.now() - t0;
    const painted = await new Promise<number>((resolve) => {
      const check = () => {
        const c = document.querySelector<HTMLCanvasElement>('[data-testid="hotpath-profile"] canvas');
        const ctx = c && c.width > 0 && c.height > 0 ? c.getContext('2d') : null;
        const inked = ctx ? ctx.getImageData(0, 0, c!.width, 2).data.some((v, i) => i % 4 === 3 && v > 0) : false;
        requestAnimationFrame(inked ? () => resolve(performance.now() - t0) : check);
      };
      requestAnimationFrame(check);
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    longTasks.push(...observer.takeRecords().map((e) => Math.round(e.duration)));
    observer.disconnect();
    return { committedMs: Math.round(committed), firstPaintMs: Math.round(painted), longTasksMs: longTasks };
  }, request);
}
