/**
 * Real-Grafana e2e specs need a running Grafana (`docker compose up --build`). When none answers, every spec is
 * reported as SKIPPED with the reason — never as passed — so a machine without Docker still runs `npx playwright test`.
 */
import { test } from '@playwright/test';

export const GRAFANA_URL = (process.env.GRAFANA_URL || 'http://localhost:3000').replace(/\/$/, '');
const HEALTH_TIMEOUT_MS = 2_000;

let cached: Promise<string | undefined> | undefined;

/** undefined when Grafana's /api/health answered OK, else why not. Checked once per worker. */
export function grafanaUnavailable(): Promise<string | undefined> {
  cached ??= (async () => {
    try {
      const res = await fetch(`${GRAFANA_URL}/api/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
      return res.ok ? undefined : `HTTP ${res.status} from ${GRAFANA_URL}/api/health`;
    } catch (e) {
      return e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    }
  })();
  return cached;
}

/** Call at the top of a spec file: skips all its tests (in beforeAll, before any page is opened) without Grafana. */
let announced = false;

export function skipWithoutGrafana(): void {
  test.beforeAll(async () => {
    const why = await grafanaUnavailable();
    const reason = `No Grafana at ${GRAFANA_URL} (${why}): run docker compose up --build`;
    if (why !== undefined && !announced) {
      // the list reporter does not print skip reasons; say it once so the run explains its skips
      announced = true;
      console.log(`SKIPPED real-Grafana e2e specs: ${reason}`);
    }
    test.skip(why !== undefined, reason);
  });
}
