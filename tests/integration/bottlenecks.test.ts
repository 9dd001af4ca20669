/**
 * Each demo bottleneck, switched on in the running stack, must show (a) in Prometheus — the p99 of the affected
 * route rises (or, for errors, the 5xx ratio) and comes back after switching off — and (b) in a profile captured
 * from the admin port — the causing function is among the top frames, read by `go tool pprof -top` and by
 * @hotpath/profile-core, which must agree. The signatures asserted here are the ones documented in demo/README.md.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { captureProfile, PROFILE_DIR, setBottleneck, type BottleneckName } from './lib/demoAdmin';
import { byCum, pprofTop, type Top, type TopRow } from './lib/pprofTop';
import { profileCoreTop } from './lib/profileCoreTop';
import { errorRatioExpr, p99Expr, queryScalar } from './lib/prometheus';
import { sleep, stackEnv } from './lib/stackEnv';

const MODULE = 'github.com/hotpath/hotpath/demo/internal/';

interface ProfileSignature {
  /** /debug/pprof path on the admin port. */
  path: string;
  kind: string;
  sampleType: string;
  unit: string;
  /** The causing function: must carry at least minCumShare of the profile and be among the first MAX_APP_RANK application frames by cum. */
  fn: string;
  minCumShare: number;
  /**
   * Share relative to this function's cum instead of the profile total. The block profile of any Go HTTP client
   * is dominated by idle keep-alive connections (net/http.(*persistConn).writeLoop waiting for work); what matters
   * is the share of the time requests spent blocked, i.e. under net/http.(*conn).serve.
   */
  relativeTo?: string;
  /**
   * CPU profiles carry the pprof label route=<mux pattern> (the metrics' route label): the affected route must hold
   * at least half of the samples, read by `pprof -tagfocus` and by profile-core's label filter alike.
   */
  routeLabel?: boolean;
  /** Optionally, a function that must be among the first n rows by flat (pprof -top order). */
  flatTop?: { fn: string; n: number };
}

interface Case {
  name: BottleneckName;
  route: string;
  profile?: ProfileSignature;
}

const PROFILE_SECONDS = 5;
/** The causing function must be among the first MAX_APP_RANK application frames by cum (see appFrames). */
const MAX_APP_RANK = 5;
/** Every bottleneck stays on at least this long, so the 10s rate window is mostly "on" when we read it. */
const MIN_ON_MS = 8000;

const CASES: Case[] = [
  {
    name: 'cpu',
    route: '/api/search',
    profile: {
      path: `profile?seconds=${PROFILE_SECONDS}`,
      kind: 'cpu',
      sampleType: 'cpu',
      unit: 'ns',
      fn: 'search.RankBySimilarityQuadratic',
      routeLabel: true,
      minCumShare: 0.3,
      flatTop: { fn: 'search.editDistance', n: 3 },
    },
  },
  {
    name: 'db',
    route: '/api/customers/{id}/orders',
    profile: {
      path: `profile?seconds=${PROFILE_SECONDS}`,
      kind: 'cpu',
      sampleType: 'cpu',
      unit: 'ns',
      fn: 'store.(*Store).OrdersByCustomer',
      routeLabel: true,
      minCumShare: 0.3,
    },
  },
  {
    name: 'lock',
    route: '/api/products',
    profile: {
      path: `mutex?seconds=${PROFILE_SECONDS}`,
      kind: 'mutex',
      sampleType: 'delay',
      unit: 'ns',
      fn: 'pricing.(*Book).priceUnderGlobalLock',
      minCumShare: 0.5,
    },
  },
  {
    name: 'network',
    route: '/api/products/{id}',
    profile: {
      path: `block?seconds=${PROFILE_SECONDS}`,
      kind: 'block',
      sampleType: 'delay',
      unit: 'ns',
      fn: 'upstream.(*Client).Quote',
      minCumShare: 0.3,
      relativeTo: 'net/http.(*conn).serve',
    },
  },
  {
    name: 'io',
    route: '/api/checkout',
    profile: {
      path: `mutex?seconds=${PROFILE_SECONDS}`,
      kind: 'mutex',
      sampleType: 'delay',
      unit: 'ns',
      fn: 'journal.(*Journal).AppendDurable',
      minCumShare: 0.3,
    },
  },
  {
    name: 'alloc',
    route: '/api/products/{id}',
    profile: {
      path: `allocs?seconds=${PROFILE_SECONDS}`,
      kind: 'allocs',
      sampleType: 'alloc_space',
      unit: 'B',
      fn: 'recommend.RelatedWithChurn',
      minCumShare: 0.5,
      flatTop: { fn: 'recommend.RelatedWithChurn', n: 1 },
    },
  },
  { name: 'errors', route: '' },
];

const env = stackEnv();
const figures: Record<string, unknown> = {};

/**
 * Polls f every second until ok(value) (and at least minMs have passed) or the timeout; returns the last value
 * and whether ok was reached.
 */
async function pollUntil(
  f: () => Promise<number | undefined>,
  ok: (v: number) => boolean,
  timeoutMs: number,
  minMs = 0
) {
  const start = Date.now();
  const deadline = start + timeoutMs;
  let last: number | undefined;
  const seen: number[] = [];
  for (;;) {
    last = await f();
    if (last !== undefined) {
      seen.push(last);
      if (ok(last) && Date.now() - start >= minMs) {
        return { value: last, ok: true, seen };
      }
    }
    if (Date.now() > deadline) {
      return { value: last, ok: false, seen };
    }
    await sleep(1000);
  }
}

/** Baseline: the lowest of three readings a second apart (one slow request must not inflate it). */
async function baseline(expr: string): Promise<number> {
  const vals: number[] = [];
  for (let i = 0; i < 20 && vals.length < 3; i++) {
    const v = await queryScalar(env.promUrl, expr);
    if (v !== undefined) {
      vals.push(v);
    }
    await sleep(1000);
  }
  if (vals.length === 0) {
    throw new Error(`no data for ${expr}: is the load generator running?`);
  }
  return Math.min(...vals);
}

function short(name: string): string {
  return name.startsWith(MODULE) ? name.slice(MODULE.length) : name;
}

/**
 * Application frames: functions of the demo module, minus the per-route plumbing every request passes through
 * (instrumentation, pprof labels), which would otherwise sit on top of every cum ranking, and `-fm` method-value
 * wrappers (same cum as their method).
 */
function appFrames(rows: TopRow[]): TopRow[] {
  return byCum(rows).filter(
    (r) =>
      r.name.startsWith(MODULE) &&
      !r.name.endsWith('-fm') &&
      !/api\.\(\*Server\)\.handle|metrics\.\(\*Metrics\)\.Instrument/.test(r.name)
  );
}

function find(top: Top, fn: string): TopRow | undefined {
  return top.rows.find((r) => short(r.name) === fn);
}

function describeTop(top: Top, n = 12): string {
  return byCum(top.rows)
    .slice(0, n)
    .map(
      (r) =>
        `  cum ${((100 * r.cum) / top.total).toFixed(1)}%  flat ${((100 * r.flat) / top.total).toFixed(1)}%  ${short(r.name)}`
    )
    .join('\n');
}

beforeAll(async () => {
  await setBottleneck(env.demoAdminUrl, 'off');
});

afterAll(async () => {
  await setBottleneck(env.demoAdminUrl, 'off').catch(() => undefined);
  mkdirSync(PROFILE_DIR, { recursive: true });
  writeFileSync(join(PROFILE_DIR, 'manifest.json'), JSON.stringify(figures, null, 2) + '\n');
});

describe.each(CASES)('bottleneck $name', (c) => {
  it(
    c.profile
      ? `raises p99 of ${c.route} and recovers; ${c.profile.fn} tops the ${c.profile.kind} profile (pprof and profile-core agree)`
      : 'raises the 5xx ratio and recovers (metric only: an error spike has no profile signature)',
    async () => {
      const expr = c.profile ? p99Expr(c.route) : errorRatioExpr();
      const base = await baseline(expr);
      // At least double and at least +50 ms: on an idle machine every bottleneck gives 4-100x (figures in
      // test-results/profiles/manifest.json); on a loaded 2-core machine the baseline itself climbs (alloc's route
      // measured 90 ms before the switch), and a 3x bar failed a real 2.4x rise.
      const riseOk = c.profile ? (v: number) => v >= Math.max(2 * base, base + 0.05) : (v: number) => v >= 0.15;
      const backOk = c.profile ? (v: number) => v <= Math.max(2 * base, base + 0.025) : (v: number) => v <= 0.02;

      const t0 = Date.now();
      await setBottleneck(env.demoAdminUrl, c.name, true);
      let profileFile: Promise<string> | undefined;
      if (c.profile) {
        const p = c.profile;
        profileFile = sleep(1000).then(() => captureProfile(env.demoAdminUrl, p.path, `${c.name}-${p.kind}.pb.gz`));
      }
      let rise: Awaited<ReturnType<typeof pollUntil>>;
      let file: string | undefined;
      try {
        rise = await pollUntil(() => queryScalar(env.promUrl, expr), riseOk, 40000, MIN_ON_MS);
        file = profileFile ? await profileFile : undefined;
      } finally {
        await setBottleneck(env.demoAdminUrl, c.name, false);
      }
      const riseSeconds = (Date.now() - t0) / 1000;
      const back = await pollUntil(() => queryScalar(env.promUrl, expr), backOk, 60000);

      const fig: Record<string, unknown> = {
        route: c.route || '(all)',
        metric: c.profile ? 'p99 seconds' : '5xx ratio',
        baseline: base,
        whenRisen: rise.value,
        risenSeen: rise.seen,
        after: back.value,
        recoverySeen: back.seen,
        secondsUntilRisen: riseSeconds,
      };
      figures[c.name] = fig;

      expect({ risen: rise.ok, seen: rise.seen }).toEqual({ risen: true, seen: rise.seen });
      expect({ recovered: back.ok, seen: back.seen }).toEqual({ recovered: true, seen: back.seen });

      if (!c.profile || !file) {
        return;
      }
      const p = c.profile;
      const ref = pprofTop(file, p.sampleType, p.unit);
      const ours = profileCoreTop(file, p.sampleType);
      const row = find(ref, p.fn);
      const rank = byCum(ref.rows).findIndex((r) => short(r.name) === p.fn) + 1;
      const appRank = appFrames(ref.rows).findIndex((r) => short(r.name) === p.fn) + 1;
      Object.assign(fig, {
        profile: file.slice(file.indexOf('test-results/')),
        sampleType: p.sampleType,
        function: p.fn,
        cumShare: row ? row.cum / ref.total : 0,
        cumRank: rank,
        appFrameRank: appRank,
        topFlat: short(ref.rows[0]?.name ?? ''),
      });
      const context = `${p.kind} profile ${file}\n${describeTop(ref)}`;
      if (!row) {
        throw new Error(`${p.fn} not in the ${context}`);
      }
      const denominator = p.relativeTo ? (find(ref, p.relativeTo)?.cum ?? ref.total) : ref.total;
      const share = row.cum / denominator;
      Object.assign(fig, { share, shareOf: p.relativeTo ?? 'total' });
      if (share < p.minCumShare || appRank < 1 || appRank > MAX_APP_RANK) {
        throw new Error(
          `${p.fn}: cum share ${share.toFixed(3)} of ${p.relativeTo ?? 'the total'} (want >= ${p.minCumShare}), rank ${appRank} among ` +
            `application frames (want <= ${MAX_APP_RANK}: ${appFrames(ref.rows)
              .slice(0, 6)
              .map((r) => short(r.name))
              .join(', ')}) in the ${context}`
        );
      }
      if (p.flatTop) {
        const flatNames = ref.rows.slice(0, p.flatTop.n).map((r) => short(r.name));
        if (!flatNames.includes(p.flatTop.fn)) {
          throw new Error(
            `${p.flatTop.fn} not among the top ${p.flatTop.n} by flat (${flatNames.join(', ')}) in the ${context}`
          );
        }
      }

      // profile-core reads the same file to the same numbers: totals, the causing function, the top rows.
      expect(ours.total).toBe(ref.total);
      const oursRow = find(ours, p.fn);
      expect(oursRow && { flat: oursRow.flat, cum: oursRow.cum }).toEqual({ flat: row.flat, cum: row.cum });
      const oursByName = new Map(ours.rows.map((r) => [r.name, r]));
      const compare = [...ref.rows.slice(0, 10), ...byCum(ref.rows).slice(0, 10)];
      const mismatches = compare
        .map((r) => ({ r, o: oursByName.get(r.name) }))
        .filter(({ r, o }) => !o || o.flat !== r.flat || o.cum !== r.cum)
        .map(
          ({ r, o }) =>
            `${r.name}: pprof flat ${r.flat} cum ${r.cum}, profile-core ${o ? `flat ${o.flat} cum ${o.cum}` : 'missing'}`
        );
      expect(mismatches).toEqual([]);
      if (p.flatTop) {
        expect(ours.rows.slice(0, p.flatTop.n).map((r) => short(r.name))).toContain(p.flatTop.fn);
      }
      if (p.routeLabel) {
        const escaped = c.route.replace(/[{}()*+?.\\^$|[\]]/g, '\\$&');
        const refRoute = pprofTop(file, p.sampleType, p.unit, [`-tagfocus=route=^${escaped}$`]);
        const oursRoute = profileCoreTop(file, p.sampleType, { route: c.route });
        fig.routeLabelShare = (refRoute.shown ?? 0) / ref.total;
        expect(oursRoute.total).toBe(refRoute.shown);
        expect((refRoute.shown ?? 0) / ref.total).toBeGreaterThanOrEqual(0.5);
      }
    }
  );
});
