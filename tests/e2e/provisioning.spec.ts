/**
 * Provisioning against a REAL Grafana (docker compose: `npm run server`, or any Grafana with provisioning/ mounted).
 * Skipped, with the reason, when nothing answers at GRAFANA_URL (default http://localhost:3000).
 *
 *  - every provisioned dashboard opens and none of its panels shows an error;
 *  - the data sources exist under the uids the rules use (bad-inputs F11) and answer their health check;
 *  - every Hotpath rule is provisioned from file, evaluated and healthy; re-provisioning is idempotent (F13);
 *  - with the error bottleneck switched on (DEMO_ADMIN_URL), evaluating the error-spike rule returns Alerting.
 *
 * Not covered here (needs an engine this repo's CI does not have): booting Grafana on Postgres as well as SQLite and
 * pre-existing human-made "Hotpath" folders (F12); Prometheus-down → DatasourceError (F8) by stopping the container.
 */
import { expect, test } from '@grafana/plugin-e2e';
import { dashboards } from '../../provisioning/src/outputs';
import { PROMETHEUS_UID, PYROSCOPE_UID, DEMO_SERVICE } from '../../provisioning/src/constants';
import { ruleSpecs } from '../../provisioning/src/alerting/ruleSource';

const GRAFANA_URL = process.env.GRAFANA_URL ?? 'http://localhost:3000';
const ADMIN = `${process.env.GRAFANA_ADMIN_USER ?? 'admin'}:${process.env.GRAFANA_ADMIN_PASSWORD ?? 'admin'}`;
const AUTH = { Authorization: `Basic ${Buffer.from(ADMIN).toString('base64')}` };
const DEMO_ADMIN_URL = process.env.DEMO_ADMIN_URL;
const RULE_UIDS = ruleSpecs().map((r) => r.uid);

let grafanaUp = false;

test.beforeAll(async () => {
  try {
    const res = await fetch(`${GRAFANA_URL}/api/health`, { signal: AbortSignal.timeout(3000) });
    grafanaUp = res.ok;
  } catch {
    grafanaUp = false;
  }
});

test.beforeEach(() => {
  test.skip(!grafanaUp, `No Grafana at ${GRAFANA_URL}: start docker compose (npm run server) or set GRAFANA_URL`);
});

async function api(path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${GRAFANA_URL}${path}`, {
    ...init,
    headers: { ...AUTH, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}

/** Grafana's Prometheus-compatible view of its own rules: health, state, last evaluation. */
async function ruleStates(): Promise<Map<string, any>> {
  const { body } = await api('/api/prometheus/grafana/api/v1/rules');
  const out = new Map<string, any>();
  for (const g of body?.data?.groups ?? []) {
    for (const r of g.rules ?? []) {
      if (r.uid) {
        out.set(r.uid, r);
      }
    }
  }
  return out;
}

for (const [uid, dash] of Object.entries(dashboards())) {
  test(`dashboard ${uid} opens without panel errors`, async ({ gotoDashboardPage, page }) => {
    const dashboardPage = await gotoDashboardPage({ uid });
    await page.waitForLoadState('networkidle');
    for (const panel of (dash as any).panels) {
      const title = String(panel.title).replace('$service', DEMO_SERVICE);
      const p = dashboardPage.getPanelByTitle(title);
      await p.scrollIntoView();
      await page.waitForLoadState('networkidle');
      await expect(p.getErrorIcon(), `panel "${title}" of ${uid} shows an error`).toHaveCount(0);
    }
  });
}

test('data sources exist under the uids the rules use, and are healthy', async () => {
  for (const uid of [PROMETHEUS_UID, PYROSCOPE_UID]) {
    const ds = await api(`/api/datasources/uid/${uid}`);
    expect(ds.status, `data source ${uid}`).toBe(200);
    const health = await api(`/api/datasources/uid/${uid}/health`);
    expect(health.status, `health of ${uid}: ${JSON.stringify(health.body)}`).toBe(200);
  }
});

test('every Hotpath rule is provisioned from file, evaluated and healthy', async () => {
  test.setTimeout(4 * 60_000);
  for (const uid of RULE_UIDS) {
    const r = await api(`/api/v1/provisioning/alert-rules/${uid}`);
    expect(r.status, `rule ${uid}`).toBe(200);
    expect(r.body.provenance).toBe('file');
    expect(r.body.data.filter((q: any) => q.datasourceUid !== '__expr__').map((q: any) => q.datasourceUid)).toEqual(
      expect.arrayContaining([PROMETHEUS_UID])
    );
  }
  // Evaluated at least once (group interval 1m) and healthy.
  await expect
    .poll(
      async () => {
        const states = await ruleStates();
        return RULE_UIDS.map((uid) => {
          const s = states.get(uid);
          return `${uid}:${s && !String(s.lastEvaluation).startsWith('0001') ? s.health : 'not evaluated'}`;
        });
      },
      { timeout: 3 * 60_000, intervals: [5000] }
    )
    .toEqual(RULE_UIDS.map((uid) => `${uid}:ok`));
});

test('re-provisioning alerting is idempotent (same uids, no duplicates)', async () => {
  const before = (await api('/api/v1/provisioning/alert-rules')).body.map((r: any) => r.uid).sort();
  const reload = await api('/api/admin/provisioning/alerting/reload', { method: 'POST' });
  expect(reload.status).toBe(200);
  const after = (await api('/api/v1/provisioning/alert-rules')).body.map((r: any) => r.uid).sort();
  expect(after).toEqual(before);
  for (const uid of RULE_UIDS) {
    expect(after.filter((u: string) => u === uid)).toHaveLength(1);
  }
});

test('evaluating the error-spike rule during a switched-on error spike returns Alerting', async () => {
  test.skip(!DEMO_ADMIN_URL, 'DEMO_ADMIN_URL not set: cannot switch the demo bottleneck on from here');
  test.setTimeout(6 * 60_000);
  const rule = (await api('/api/v1/provisioning/alert-rules/hotpath-error-spike')).body;
  const evaluate = async () =>
    api('/api/v1/rule/test/grafana', {
      method: 'POST',
      body: JSON.stringify({
        grafana_condition: { condition: rule.condition, data: rule.data, now: new Date().toISOString() },
      }),
    });
  const quiet = await evaluate();
  expect(quiet.status, JSON.stringify(quiet.body)).toBe(200);
  await fetch(`${DEMO_ADMIN_URL}/admin/bottlenecks/errors?on=1`, { method: 'POST' });
  try {
    await expect
      .poll(async () => JSON.stringify((await evaluate()).body).includes('Alerting'), {
        timeout: 3 * 60_000,
        intervals: [10_000],
      })
      .toBe(true);
  } finally {
    await fetch(`${DEMO_ADMIN_URL}/admin/bottlenecks/errors?on=0`, { method: 'POST' });
  }
});
