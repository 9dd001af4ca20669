/**
 * The alert rules, once. grafanaRules.ts renders them as Grafana-managed rules (foundation-sdk → file provisioning),
 * prometheusRules.ts as Prometheus alerting rules (for `promtool test rules`, and for the local stack's Prometheus).
 * Both read the same RuleSpec objects: the PromQL strings and the AND-ed comparisons below are the only copy.
 *
 * Windows are parameters: on a fresh stack a 1 h baseline has no history, so the live test renders the same rules with
 * short windows (e.g. baseline 2m, window 30s). Production values are DEFAULT_RULE_PARAMS.
 */
import { DASHBOARD_UIDS, RULE_TITLE_PREFIX } from '../constants';
import { errorRatio, quantile, requestRate, withService } from '../promql';
import { RED_PANEL_IDS, GO_RUNTIME_PANEL_IDS } from '../dashboards/panelIds';

export interface RuleParams {
  /** Main evaluation window (statistically stable). */
  window: string;
  /**
   * Short window that must agree with the main one (multi-window alerting). It makes a rule resolve soon after the
   * spike ends and lets `for` suppress blips: a 1-minute blip keeps a 5m p99 high for ~6 minutes (1 % of slow
   * requests is enough for p99), but keeps a 1m p99 high for only ~2 minutes, less than the pending period.
   */
  shortWindow: string;
  /**
   * Baseline: the MEDIAN over this window (ending where the main window starts: offset = window) of the same
   * statistic computed over `window`, sampled every `baselineStep` (a subquery). Not the p99 over the whole hour:
   * 36 s of slow requests are 1 % of an hour, so a sustained spike would raise an hour-long p99 within a minute and
   * silence its own alert. The median of 60 five-minute p99s only moves once the spike lasts half the baseline.
   */
  baseline: string;
  baselineStep: string;
  /** Window for the goroutine growth slope (deriv). */
  growthWindow: string;
}

export const DEFAULT_RULE_PARAMS: RuleParams = {
  window: '5m',
  shortWindow: '1m',
  baseline: '1h',
  baselineStep: '1m',
  growthWindow: '30m',
};

/** Thresholds, with the reason for each value. */
export const THRESHOLDS = {
  /** Latency spike: p99 at least 3× the service/route's typical p99 of the previous hour (2× is within p99 noise at low rates). */
  latencySpikeFactor: 3,
  /** …and above 100 ms, so fast or tiny routes (5 ms → 20 ms) do not page. 0.1 is a bucket boundary: no interpolation guesswork. */
  latencyFloorSeconds: 0.1,
  /** Latency SLO: p99 above 500 ms (bucket boundary) is a breach whatever the history. */
  latencySloSeconds: 0.5,
  /** Error spike: 5xx ratio at least 2× its typical ratio of the previous hour… */
  errorSpikeFactor: 2,
  /** …and at least 5 % of requests. */
  errorRatioFloor: 0.05,
  /** Enough requests to mean something: 0.5 req/s = 150 requests in 5 min, so p99 rests on a handful of requests, not one. */
  minRequestRate: 0.5,
  /** Saturation: more than 1000 goroutines… */
  goroutineFloor: 1000,
  /** …and still growing by more than 0.1/s (360 per hour) over the growth window: a leak, not a burst. */
  goroutineGrowthPerSecond: 0.1,
} as const;

export type Severity = 'critical' | 'warning';
export type NoDataState = 'OK' | 'NoData' | 'Alerting' | 'KeepLast';
export type ExecErrState = 'OK' | 'Error' | 'Alerting' | 'KeepLast';

export interface RuleQuery {
  refId: string;
  expr: string;
  /** What the value is, for descriptions and the live test's diagnostics. */
  meaning: string;
  /** Seconds of history the query reads (relativeTimeRange.from for Grafana). */
  lookbackSeconds: number;
}

/** left > right (or >=). right is a constant or `times` × another query. All comparisons of a rule are AND-ed. */
export interface Comparison {
  left: string;
  op: '>' | '>=';
  right: { value: number } | { ref: string; times: number };
}

export interface RuleSpec {
  uid: string;
  title: string;
  severity: Severity;
  /** File name under docs/runbooks/. */
  runbook: string;
  /** Panel whose graph shows the rule's signal (alert state annotations appear there). */
  dashboardUid: string;
  panelId: number;
  queries: RuleQuery[];
  conditions: Comparison[];
  for: string;
  keepFiringFor: string;
  noDataState: NoDataState;
  execErrState: ExecErrState;
  missingSeriesEvalsToResolve: number;
  /** Whether the alert is per route (label `route` from the query's `by (job, route)`). */
  perRoute: boolean;
  summary: string;
  /** Grafana annotation template ($values.X available). */
  grafanaDescription: string;
  /**
   * Prometheus annotation template: labels only, no $value, so that promtool tests can state the exact annotations
   * (the values are in the Grafana description, where $values has every query).
   */
  prometheusDescription: string;
}

export function parseDurationSeconds(d: string): number {
  const re = /(\d+)(ms|s|m|h|d|w|y)/g;
  const unit: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
  let total = 0;
  let consumed = '';
  for (const m of d.matchAll(re)) {
    total += Number(m[1]) * unit[m[2]];
    consumed += m[0];
  }
  if (consumed !== d || consumed === '') {
    throw new Error(`not a Prometheus duration: ${d}`);
  }
  return total;
}

const BY_ROUTE = { by: ['job', 'route'] };

/** `{{ with $values.X }}…{{ end }}`: renders nothing instead of failing when a query returned no series for this instance. */
function value(ref: string, format: (v: string) => string): string {
  return `{{ with $values.${ref} }}${format('.Value')}{{ end }}`;
}
const duration = (ref: string) => value(ref, (v) => `{{ humanizeDuration ${v} }}`);
const percent = (ref: string) => value(ref, (v) => `{{ humanizePercentage ${v} }}`);
const rate = (ref: string) => value(ref, (v) => `{{ printf "%.2f" ${v} }} req/s`);

export function ruleSpecs(params: RuleParams = DEFAULT_RULE_PARAMS): RuleSpec[] {
  const { window, shortWindow, baseline, baselineStep, growthWindow } = params;
  const w = parseDurationSeconds(window);
  const lookback = (seconds: number) => Math.max(600, Math.ceil(seconds));
  const T = THRESHOLDS;
  const where = '{{ $labels.service }} {{ $labels.route }}';

  const p99 = (win: string) => withService(quantile(0.99, BY_ROUTE, win));
  const reqRate = withService(requestRate(BY_ROUTE, window));
  const errors = (win: string) => withService(errorRatio(BY_ROUTE, win));
  /** Median over the baseline window (ending `window` ago) of a per-`window` statistic. */
  const typical = (stat: string) => `quantile_over_time(0.5, (${stat})[${baseline}:${baselineStep}] offset ${window})`;

  return [
    {
      uid: 'hotpath-latency-spike',
      title: `${RULE_TITLE_PREFIX} latency spike`,
      severity: 'warning',
      runbook: 'latency-spike.md',
      dashboardUid: DASHBOARD_UIDS.red,
      panelId: RED_PANEL_IDS.p99,
      queries: [
        { refId: 'A', expr: p99(window), meaning: `p99 over ${window}`, lookbackSeconds: lookback(w) },
        { refId: 'S', expr: p99(shortWindow), meaning: `p99 over ${shortWindow}`, lookbackSeconds: lookback(w) },
        {
          refId: 'B',
          expr: typical(p99(window)),
          meaning: `median ${window} p99 over the ${baseline} before`,
          lookbackSeconds: lookback(parseDurationSeconds(baseline) + w),
        },
        { refId: 'C', expr: reqRate, meaning: `request rate over ${window}`, lookbackSeconds: lookback(w) },
      ],
      conditions: [
        { left: 'A', op: '>', right: { ref: 'B', times: T.latencySpikeFactor } },
        { left: 'S', op: '>', right: { ref: 'B', times: T.latencySpikeFactor } },
        { left: 'A', op: '>', right: { value: T.latencyFloorSeconds } },
        { left: 'C', op: '>=', right: { value: T.minRequestRate } },
      ],
      // 3m pending with a 1m short window: blips under ~2 minutes never fire (see RuleParams.shortWindow).
      for: '3m',
      // Flapping spikes (F10): keep firing 5m after the condition clears instead of resolve/fire churn.
      keepFiringFor: '5m',
      // NoData = no http_request_duration_seconds at all (service gone, metric renamed): the SLO rule reports that
      // once; repeating it from every rule would be three notifications for one cause.
      noDataState: 'OK',
      // Prometheus down or the query failing (F8): Error, so Grafana raises DatasourceError after the pending period.
      // Not Alerting (that would page "latency spike" with no service/route), not OK/KeepLast (that hides the outage).
      execErrState: 'Error',
      // A firing route whose series vanish (service crashed mid-spike) resolves after 3 evaluations, not 1 (F9).
      missingSeriesEvalsToResolve: 3,
      perRoute: true,
      summary: `Latency spike on ${where}`,
      grafanaDescription:
        `p99 of ${where} is ${duration('A')} over ${window} (${duration('S')} over the last ${shortWindow}), ` +
        `against a typical ${duration('B')} over the previous ${baseline}, at ${rate('C')}. ` +
        `Fires when p99 ≥ ${T.latencySpikeFactor}× baseline and > ${T.latencyFloorSeconds * 1000} ms with ≥ ${T.minRequestRate} req/s for 3m.`,
      prometheusDescription:
        `p99 of ${where} over ${window} is ≥ ${T.latencySpikeFactor}× its typical level of the previous ${baseline} ` +
        `and > ${T.latencyFloorSeconds * 1000} ms.`,
    },
    {
      uid: 'hotpath-latency-slo',
      title: `${RULE_TITLE_PREFIX} latency SLO breach`,
      severity: 'critical',
      runbook: 'latency-spike.md',
      dashboardUid: DASHBOARD_UIDS.red,
      panelId: RED_PANEL_IDS.p99,
      queries: [
        { refId: 'A', expr: p99(window), meaning: `p99 over ${window}`, lookbackSeconds: lookback(w) },
        { refId: 'S', expr: p99(shortWindow), meaning: `p99 over ${shortWindow}`, lookbackSeconds: lookback(w) },
        { refId: 'C', expr: reqRate, meaning: `request rate over ${window}`, lookbackSeconds: lookback(w) },
      ],
      conditions: [
        { left: 'A', op: '>', right: { value: T.latencySloSeconds } },
        { left: 'S', op: '>', right: { value: T.latencySloSeconds } },
        { left: 'C', op: '>=', right: { value: T.minRequestRate } },
      ],
      for: '5m',
      keepFiringFor: '5m',
      // The canary: if the latency histogram disappears entirely (service stopped, metric renamed, scrape broken),
      // this rule goes NoData and Grafana raises DatasourceNoData after the pending period (F9).
      noDataState: 'NoData',
      execErrState: 'Error',
      missingSeriesEvalsToResolve: 3,
      perRoute: true,
      summary: `Latency SLO breach on ${where}`,
      grafanaDescription:
        `p99 of ${where} is ${duration('A')} over ${window} (${duration('S')} over the last ${shortWindow}) at ${rate('C')}; ` +
        `the objective is p99 ≤ ${T.latencySloSeconds * 1000} ms.`,
      prometheusDescription: `p99 of ${where} over ${window} is above the ${T.latencySloSeconds * 1000} ms objective.`,
    },
    {
      uid: 'hotpath-error-spike',
      title: `${RULE_TITLE_PREFIX} error spike`,
      severity: 'critical',
      runbook: 'error-spike.md',
      dashboardUid: DASHBOARD_UIDS.red,
      panelId: RED_PANEL_IDS.errors,
      queries: [
        { refId: 'A', expr: errors(window), meaning: `5xx ratio over ${window}`, lookbackSeconds: lookback(w) },
        {
          refId: 'S',
          expr: errors(shortWindow),
          meaning: `5xx ratio over ${shortWindow}`,
          lookbackSeconds: lookback(w),
        },
        {
          refId: 'B',
          expr: typical(errors(window)),
          meaning: `median ${window} 5xx ratio over the ${baseline} before`,
          lookbackSeconds: lookback(parseDurationSeconds(baseline) + w),
        },
        { refId: 'C', expr: reqRate, meaning: `request rate over ${window}`, lookbackSeconds: lookback(w) },
      ],
      conditions: [
        { left: 'A', op: '>', right: { ref: 'B', times: T.errorSpikeFactor } },
        { left: 'S', op: '>', right: { ref: 'B', times: T.errorSpikeFactor } },
        { left: 'A', op: '>=', right: { value: T.errorRatioFloor } },
        { left: 'S', op: '>=', right: { value: T.errorRatioFloor } },
        { left: 'C', op: '>=', right: { value: T.minRequestRate } },
      ],
      for: '3m',
      keepFiringFor: '5m',
      noDataState: 'OK',
      execErrState: 'Error',
      missingSeriesEvalsToResolve: 3,
      perRoute: true,
      summary: `Error spike on ${where}`,
      grafanaDescription:
        `${percent('A')} of requests to ${where} answered 5xx over ${window} (${percent('S')} over the last ${shortWindow}), ` +
        `against a typical ${percent('B')} over the previous ${baseline}, at ${rate('C')}. ` +
        `Fires when the ratio ≥ ${T.errorSpikeFactor}× baseline and ≥ ${T.errorRatioFloor * 100} % with ≥ ${T.minRequestRate} req/s for 3m.`,
      prometheusDescription:
        `The 5xx ratio of ${where} over ${window} is ≥ ${T.errorSpikeFactor}× its typical level of the previous ${baseline} ` +
        `and ≥ ${T.errorRatioFloor * 100} %.`,
    },
    {
      uid: 'hotpath-goroutine-growth',
      title: `${RULE_TITLE_PREFIX} goroutines growing`,
      severity: 'warning',
      runbook: 'latency-spike.md',
      dashboardUid: DASHBOARD_UIDS.goRuntime,
      panelId: GO_RUNTIME_PANEL_IDS.goroutines,
      queries: [
        { refId: 'A', expr: withService('max by (job) (go_goroutines)'), meaning: 'goroutines', lookbackSeconds: 600 },
        {
          refId: 'G',
          expr: withService(`max by (job) (deriv(go_goroutines[${growthWindow}]))`),
          meaning: `goroutine growth per second over ${growthWindow}`,
          lookbackSeconds: lookback(parseDurationSeconds(growthWindow)),
        },
      ],
      conditions: [
        { left: 'A', op: '>', right: { value: T.goroutineFloor } },
        { left: 'G', op: '>', right: { value: T.goroutineGrowthPerSecond } },
      ],
      // Leaks are slow: 15m of sustained growth before paging, 10m of grace before resolving.
      for: '15m',
      keepFiringFor: '10m',
      noDataState: 'OK',
      execErrState: 'Error',
      missingSeriesEvalsToResolve: 3,
      perRoute: false,
      summary: 'Goroutines of {{ $labels.service }} keep growing',
      grafanaDescription:
        `{{ $labels.service }} runs ${value('A', (v) => `{{ printf "%.0f" ${v} }}`)} goroutines, growing by ` +
        `${value('G', (v) => `{{ printf "%.2f" ${v} }}`)}/s over ${growthWindow} — a goroutine leak or requests piling up behind a lock or a slow dependency.`,
      prometheusDescription: `{{ $labels.service }} runs more than ${T.goroutineFloor} goroutines and keeps growing over ${growthWindow}.`,
    },
  ];
}

/** Grafana server-side-expression math: `(($A > (3 * $B)) && ($A > 0.1))`. */
export function grafanaMath(conditions: Comparison[]): string {
  return conditions
    .map((c) => {
      const right = 'value' in c.right ? String(c.right.value) : `(${c.right.times} * $${c.right.ref})`;
      return `($${c.left} ${c.op} ${right})`;
    })
    .join(' && ');
}

/** The same comparisons in PromQL: `(A) > 3 * (B) and (A) > 0.1` (one-to-one matching on identical label sets). */
export function promqlCondition(spec: RuleSpec): string {
  const expr = (ref: string) => {
    const q = spec.queries.find((x) => x.refId === ref);
    if (!q) {
      throw new Error(`${spec.uid}: no query ${ref}`);
    }
    return `(${q.expr})`;
  };
  return spec.conditions
    .map((c) => {
      const right = 'value' in c.right ? String(c.right.value) : `${c.right.times} * ${expr(c.right.ref)}`;
      return `${expr(c.left)} ${c.op} ${right}`;
    })
    .join('\nand\n');
}
