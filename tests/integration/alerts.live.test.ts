/**
 * Live test of the alert rules' PromQL on the local stack (demo API + load + a real Prometheus):
 *
 *   bash scripts/stack.sh run -- npx jest -c provisioning/jest.config.js tests/integration/alerts.live.test.ts
 *
 * Contract with the stack (scripts/stack.sh), nothing else: PROM_URL (Prometheus HTTP API), DEMO_ADMIN_URL
 * (POST /admin/bottlenecks/{name}?on=1|0, POST /admin/bottlenecks/off). Without them the suite is SKIPPED.
 *
 * The expressions are rendered from provisioning/src/alerting/ruleSource.ts — the same source as the Grafana rules and
 * provisioning/generated/prometheus-rules.yml — but with SHORT WINDOWS: a fresh stack has no hour of history for the
 * 1 h baseline, so here baseline = 2m (sampled every 5s) and window = 30s / short window = 10s (the stack scrapes every
 * second). Thresholds, comparisons and label handling are the production ones. `for`/keepFiringFor are Grafana/
 * Prometheus evaluation semantics, covered by the promtool tests; here we check that each rule's condition CROSSES
 * within its pending period when its bottleneck is on, and that none holds during steady load.
 *
 * Overrides: HOTPATH_LIVE_RULE_PARAMS='{"window":"30s",...}', HOTPATH_LIVE_LATENCY_BOTTLENECK (default network),
 * HOTPATH_LIVE_SLO_BOTTLENECK (default cpu),
 * HOTPATH_SERVICE (default hotpath-demo).
 */
import {
  parseDurationSeconds,
  promqlCondition,
  RuleParams,
  RuleSpec,
  ruleSpecs,
} from '../../provisioning/src/alerting/ruleSource';

const PROM_URL = process.env.PROM_URL;
const ADMIN_URL = process.env.DEMO_ADMIN_URL;
const SERVICE = process.env.HOTPATH_SERVICE ?? 'hotpath-demo';
const LATENCY_BOTTLENECK = process.env.HOTPATH_LIVE_LATENCY_BOTTLENECK ?? 'network';
// The SLO breach needs p99 > 500 ms whatever the machine's load: a sleep does that, CPU work does not (on a busy 2-core
// machine cpu's p99 landed between 0.45 and 0.7 s). scripts/test.sh starts the stack with HOTPATH_NETWORK_DELAY=700ms,
// which puts every slow request in the (0.5 s, 1 s] bucket.
const SLO_BOTTLENECK = process.env.HOTPATH_LIVE_SLO_BOTTLENECK ?? 'network';
const PARAMS: RuleParams = {
  window: '30s',
  shortWindow: '10s',
  baseline: '2m',
  baselineStep: '5s',
  growthWindow: '2m',
  ...JSON.parse(process.env.HOTPATH_LIVE_RULE_PARAMS ?? '{}'),
};

const specs = ruleSpecs(PARAMS);
const spec = (uid: string): RuleSpec => {
  const s = specs.find((x) => x.uid === uid);
  if (!s) {
    throw new Error(`no rule ${uid}`);
  }
  return s;
};
const LATENCY = spec('hotpath-latency-spike');
const SLO = spec('hotpath-latency-slo');
const ERRORS = spec('hotpath-error-spike');

type Sample = { metric: Record<string, string>; value: [number, string] };

async function query(expr: string): Promise<Sample[]> {
  const res = await fetch(`${PROM_URL}/api/v1/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query: expr }),
  });
  const body: any = await res.json();
  if (body.status !== 'success') {
    throw new Error(`Prometheus: ${body.error ?? res.status} for ${expr}`);
  }
  return body.data.result as Sample[];
}

/** Series of this service for which the rule's whole condition holds now. */
async function crossing(s: RuleSpec): Promise<Sample[]> {
  return (await query(promqlCondition(s))).filter((x) => x.metric.job === SERVICE);
}

/** Every query of a rule, for the log when something does not happen. */
async function explain(s: RuleSpec): Promise<string> {
  const lines: string[] = [];
  for (const q of s.queries) {
    const r = (await query(q.expr)).filter((x) => x.metric.job === SERVICE);
    lines.push(
      `${q.refId} (${q.meaning}): ${r.map((x) => `${x.metric.route ?? ''}=${Number(x.value[1]).toPrecision(3)}`).join(' ') || 'no series'}`
    );
  }
  return `${s.uid}\n  ${lines.join('\n  ')}`;
}

async function bottleneck(name: string, on: boolean): Promise<void> {
  const res = await fetch(`${ADMIN_URL}/admin/bottlenecks/${name}?on=${on ? 1 : 0}`, { method: 'POST' });
  if (!res.ok) {
    throw new Error(`POST /admin/bottlenecks/${name}?on=${on ? 1 : 0}: ${res.status} ${await res.text()}`);
  }
}

async function allOff(): Promise<void> {
  const res = await fetch(`${ADMIN_URL}/admin/bottlenecks/off`, { method: 'POST' });
  if (!res.ok) {
    throw new Error(`POST /admin/bottlenecks/off: ${res.status}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until predicate() is true or budgetSeconds pass; returns seconds taken, or -1. */
async function within(budgetSeconds: number, predicate: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while ((Date.now() - start) / 1000 <= budgetSeconds) {
    if (await predicate()) {
      return (Date.now() - start) / 1000;
    }
    await sleep(2000);
  }
  return -1;
}

const history = parseDurationSeconds(PARAMS.baseline) + parseDurationSeconds(PARAMS.window) + 15;
if (!PROM_URL || !ADMIN_URL) {
  // Only the integration stage runs this file, always under scripts/stack.sh: a missing env is a broken run, not a skip.
  throw new Error('PROM_URL/DEMO_ADMIN_URL not set: run via bash scripts/stack.sh run -- npx jest -c tests/integration/jest.config.js');
}
describe('alert rules on the live stack', () => {
  jest.setTimeout(15 * 60 * 1000);

  beforeAll(async () => {
    await allOff();
    // The baseline needs `history` seconds of scrapes: wait for them (a fresh stack has a few seconds).
    const age = async () => {
      const r = await query(`time() - min_over_time(timestamp(up{job="${SERVICE}"})[15m:1s])`);
      return r.length ? Number(r[0].value[1]) : 0;
    };
    const waited = await within(history + 120, async () => (await age()) >= history);
    if (waited < 0) {
      throw new Error(`Prometheus has less than ${history}s of ${SERVICE} history after waiting`);
    }
  });

  afterAll(async () => {
    await allOff().catch(() => undefined);
  });

  it('during steady load no rule condition holds', async () => {
    for (let i = 0; i < 5; i++) {
      for (const s of specs) {
        const hits = await crossing(s);
        if (hits.length) {
          throw new Error(
            `steady load, yet ${s.uid} holds for ${JSON.stringify(hits.map((h) => h.metric))}\n${await explain(s)}`
          );
        }
      }
      await sleep(3000);
    }
  });

  /**
   * Switches a bottleneck on, expects each listed rule's condition to cross within that rule's pending period,
   * switches it off and expects the conditions to clear (short window + margin).
   */
  async function spike(name: string, rules: RuleSpec[]): Promise<void> {
    await bottleneck(name, true);
    try {
      for (const s of rules) {
        const t = await within(parseDurationSeconds(s.for), async () => (await crossing(s)).length > 0);
        if (t < 0) {
          throw new Error(`${name} on, but ${s.uid} did not cross within ${s.for}\n${await explain(s)}`);
        }
      }
    } finally {
      await bottleneck(name, false);
    }
    for (const s of rules) {
      const cleared = await within(
        parseDurationSeconds(PARAMS.window) * 3,
        async () => (await crossing(s)).length === 0
      );
      if (cleared < 0) {
        throw new Error(`${name} off, but ${s.uid} still holds\n${await explain(s)}`);
      }
    }
  }

  it('error spike (errors bottleneck, 30 % 5xx): the error-spike condition crosses, then clears', async () => {
    await spike('errors', [ERRORS]);
  });

  // Measured on this stack (p99 over 15s at 40 req/s): network adds 300 ms to the upstream-calling route (≈0.3–0.4 s,
  // under the 500 ms objective); cpu ≈0.9–2.7 s on /api/products and /api/search (above it); io varied between runs
  // (1.3 s, then 0.24–0.37 s on /api/checkout: fsync latency depends on the disk), so it is not the SLO default.
  it(`latency spike (${LATENCY_BOTTLENECK} bottleneck): the latency-spike condition crosses, then clears`, async () => {
    await spike(LATENCY_BOTTLENECK, [LATENCY]);
  });

  it(`latency SLO breach (${SLO_BOTTLENECK} bottleneck): the SLO and latency-spike conditions cross, then clear`, async () => {
    await spike(SLO_BOTTLENECK, [SLO, LATENCY]);
  });
});
