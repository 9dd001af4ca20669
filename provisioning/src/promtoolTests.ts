/**
 * `promtool test rules` files for provisioning/generated/prometheus-rules.yml. The input series are synthesised here
 * from readable traffic phases (rate, latency distribution, error share); the EXPECTED alerts are written by hand
 * below — they are the specification, not derived from the rules.
 *
 * Timeline of every scenario: 70 minutes of steady traffic (so the 1 h baseline exists), then the scenario phase
 * starting at 70m, then steady again. Series are scraped every 15s; rules are evaluated every 1m (as in Grafana).
 */
import * as yaml from 'js-yaml';
import { prometheusAlertName, prometheusRuleFile } from './alerting/prometheusRules';

const STEP_SECONDS = 15;
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB = 'svc';
const ROUTE = '/api/checkout';

/** Request latencies spread uniformly over (lo, hi] seconds: easy to reason about p99 (≈ lo + 0.99·(hi − lo), bucket-interpolated). */
interface Latency {
  lo: number;
  hi: number;
}
const FAST: Latency = { lo: 0.001, hi: 0.005 }; // p99 ≈ 5 ms
const SLOW: Latency = { lo: 0.2, hi: 0.8 }; // p99 ≈ 1 s (bucket (0.5, 1]): 200× baseline, above floor and SLO
const MILD: Latency = { lo: 0.02, hi: 0.05 }; // p99 ≈ 50 ms: 10× baseline but under the 100 ms floor

interface Phase {
  minutes: number;
  rps: number;
  latency: Latency;
  errorShare: number;
}

function cdf(l: Latency, le: number): number {
  return Math.min(1, Math.max(0, (le - l.lo) / (l.hi - l.lo)));
}

/**
 * Counter values at each scrape, compressed into promtool's `a+bxn` segments. Increments are rounded to 1/64 so that
 * promtool's repeated float additions are exact: with 0.1-style increments a counter drifts by 1e-11, a later exact
 * value then reads as a DECREASE, rate() sees a counter reset and the test data lies.
 */
function counterValues(phases: Phase[], perStep: (p: Phase) => number): string {
  const values: number[] = [0];
  for (const p of phases) {
    const steps = Math.round((p.minutes * 60) / STEP_SECONDS);
    const increment = Math.round(perStep(p) * 64) / 64;
    for (let i = 0; i < steps; i++) {
      values.push(values[values.length - 1] + increment);
    }
  }
  return compress(values);
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

export function compress(values: number[]): string {
  const segments: string[] = [];
  let i = 0;
  while (i < values.length) {
    if (i + 1 >= values.length) {
      segments.push(`${round(values[i])}`);
      break;
    }
    const d = round(values[i + 1] - values[i]);
    let j = i + 1;
    while (j + 1 < values.length && Math.abs(round(values[j + 1] - values[j]) - d) < 1e-6) {
      j++;
    }
    segments.push(`${round(values[i])}+${d}x${j - i}`);
    i = j + 1;
  }
  return segments.join(' ');
}

function httpSeries(phases: Phase[], route = ROUTE) {
  const base = `job="${JOB}", route="${route}", method="GET"`;
  const series: Array<{ series: string; values: string }> = [];
  const codes: Array<[string, (p: Phase) => number]> = [
    ['200', (p) => 1 - p.errorShare],
    ['500', (p) => p.errorShare],
  ];
  for (const [code, share] of codes) {
    const perStepRequests = (p: Phase) => p.rps * STEP_SECONDS * share(p);
    series.push({
      series: `http_requests_total{${base}, code="${code}"}`,
      values: counterValues(phases, perStepRequests),
    });
    for (const le of [...BUCKETS, Infinity]) {
      series.push({
        series: `http_request_duration_seconds_bucket{${base}, code="${code}", le="${le === Infinity ? '+Inf' : le}"}`,
        values: counterValues(phases, (p) => perStepRequests(p) * (le === Infinity ? 1 : cdf(p.latency, le))),
      });
    }
  }
  return series;
}

const STEADY: Phase = { minutes: 70, rps: 2, latency: FAST, errorShare: 0.005 };
const after = (minutes: number): Phase => ({ ...STEADY, minutes });

interface Expectation {
  at: string;
  alert: string;
  firing: boolean;
}

const LATENCY = prometheusAlertName('hotpath-latency-spike');
const SLO = prometheusAlertName('hotpath-latency-slo');
const ERRORS = prometheusAlertName('hotpath-error-spike');
const GOROUTINES = prometheusAlertName('hotpath-goroutine-growth');

function labelsFor(alert: string): Record<string, string> {
  const uid = {
    [LATENCY]: 'hotpath-latency-spike',
    [SLO]: 'hotpath-latency-slo',
    [ERRORS]: 'hotpath-error-spike',
    [GOROUTINES]: 'hotpath-goroutine-growth',
  }[alert];
  const severity = alert === LATENCY || alert === GOROUTINES ? 'warning' : 'critical';
  const common = { severity, grafana_rule_uid: uid as string, job: JOB, service: JOB };
  return alert === GOROUTINES ? common : { ...common, route: ROUTE };
}

/**
 * Expected annotations: the generated rule's annotations with `{{ $labels.x }}` / `{{ $labels.x | urlquery }}`
 * filled in. Anything else in a template would make this throw: the Prometheus annotations deliberately use labels only.
 */
function annotationsFor(alert: string, labels: Record<string, string>): Record<string, string> {
  const rule = prometheusRuleFile().groups[0].rules.find((r) => r.alert === alert);
  if (!rule) {
    throw new Error(`no rule ${alert}`);
  }
  const out: Record<string, string> = {};
  for (const [key, template] of Object.entries(rule.annotations)) {
    const rendered = template.replace(/\{\{ \$labels\.(\w+)( \| urlquery)? \}\}/g, (_m, name: string, q?: string) =>
      q ? encodeURIComponent(labels[name] ?? '') : (labels[name] ?? '')
    );
    if (rendered.includes('{{')) {
      throw new Error(`cannot predict annotation ${key} of ${alert}: ${template}`);
    }
    out[key] = rendered;
  }
  return out;
}

function test(name: string, input: Array<{ series: string; values: string }>, expectations: Expectation[]) {
  return {
    name,
    interval: `${STEP_SECONDS}s`,
    input_series: input,
    alert_rule_test: expectations.map((e) => ({
      eval_time: e.at,
      alertname: e.alert,
      exp_alerts: e.firing
        ? [{ exp_labels: labelsFor(e.alert), exp_annotations: annotationsFor(e.alert, labelsFor(e.alert)) }]
        : [],
    })),
  };
}

const quiet = (alert: string, ...at: string[]) => at.map((t) => ({ at: t, alert, firing: false }));
const fires = (alert: string, ...at: string[]) => at.map((t) => ({ at: t, alert, firing: true }));

function latencyTests() {
  return [
    test('latency: steady traffic stays quiet', httpSeries([STEADY, after(40)]), [
      ...quiet(LATENCY, '60m', '75m', '90m', '109m'),
      ...quiet(SLO, '75m', '109m'),
      ...quiet(ERRORS, '75m', '109m'),
    ]),
    test(
      'latency: a 10-minute spike fires after the pending period, keeps firing 5m, then resolves',
      httpSeries([STEADY, { ...STEADY, minutes: 10, latency: SLOW }, after(30)]),
      [
        ...quiet(LATENCY, '69m', '72m'), // 72m: pending (for: 3m), not firing yet
        ...fires(LATENCY, '74m', '79m'),
        ...fires(LATENCY, '84m'), // spike over at 80m: keep_firing_for 5m holds it
        ...quiet(LATENCY, '88m', '99m'), // resolved
        ...quiet(SLO, '74m'), // SLO: pending for 5m
        ...fires(SLO, '77m', '79m'),
        ...quiet(SLO, '88m'),
        ...quiet(ERRORS, '75m'), // latency is not errors
      ]
    ),
    test(
      'latency: a 1-minute blip (shorter than the pending period) never fires',
      httpSeries([STEADY, { ...STEADY, minutes: 1, latency: SLOW }, after(39)]),
      [...quiet(LATENCY, '71m', '72m', '73m', '74m', '75m', '77m', '80m'), ...quiet(SLO, '71m', '73m', '76m', '78m')]
    ),
    test(
      'latency: an idle service (0.2 req/s, below the minimum rate) never fires, even when slow',
      httpSeries([
        { ...STEADY, rps: 0.2 },
        { ...STEADY, rps: 0.2, minutes: 10, latency: SLOW },
        { ...STEADY, rps: 0.2, minutes: 30 },
      ]),
      [...quiet(LATENCY, '74m', '79m', '84m'), ...quiet(SLO, '77m', '79m')]
    ),
    test(
      'latency: a spike that stays under the 100 ms floor (5 ms → 50 ms) never fires',
      httpSeries([STEADY, { ...STEADY, minutes: 10, latency: MILD }, after(30)]),
      [...quiet(LATENCY, '74m', '79m', '84m'), ...quiet(SLO, '77m', '79m')]
    ),
  ];
}

function errorTests() {
  return [
    test(
      'errors: a 10-minute 50 % error spike fires after the pending period, keeps firing 5m, then resolves',
      httpSeries([STEADY, { ...STEADY, minutes: 10, errorShare: 0.5 }, after(30)]),
      [
        ...quiet(ERRORS, '69m', '72m'),
        ...fires(ERRORS, '74m', '79m', '84m'),
        ...quiet(ERRORS, '88m', '99m'),
        ...quiet(LATENCY, '75m'),
      ]
    ),
    test(
      'errors: a 1-minute blip never fires',
      httpSeries([STEADY, { ...STEADY, minutes: 1, errorShare: 0.5 }, after(39)]),
      quiet(ERRORS, '71m', '72m', '73m', '74m', '75m', '80m')
    ),
    test(
      'errors: an idle service (0.2 req/s) never fires',
      httpSeries([
        { ...STEADY, rps: 0.2 },
        { ...STEADY, rps: 0.2, minutes: 10, errorShare: 0.5 },
        { ...STEADY, rps: 0.2, minutes: 30 },
      ]),
      quiet(ERRORS, '74m', '79m', '84m')
    ),
    test(
      'errors: 0.5 % → 3 % stays under the 5 % floor and never fires',
      httpSeries([STEADY, { ...STEADY, minutes: 10, errorShare: 0.03 }, after(30)]),
      quiet(ERRORS, '74m', '79m', '84m')
    ),
  ];
}

function goroutineValues(perMinute: (minute: number) => number, minutes: number): string {
  const values: number[] = [];
  for (let i = 0; i <= (minutes * 60) / STEP_SECONDS; i++) {
    values.push(perMinute((i * STEP_SECONDS) / 60));
  }
  return compress(values);
}

function goroutineTests() {
  const series = (values: string) => [{ series: `go_goroutines{job="${JOB}", instance="svc:8080"}`, values }];
  return [
    test('goroutines: a steady 50 stays quiet', series(goroutineValues(() => 50, 90)), quiet(GOROUTINES, '40m', '89m')),
    test(
      // 500 + 0.5/s: above 1000 from ~17m, growth 0.5/s > 0.1/s, for 15m → firing from ~32m
      'goroutines: a leak of 0.5/s fires after 15m above the floor',
      series(goroutineValues((m) => Math.round(500 + 30 * m), 90)),
      [...quiet(GOROUTINES, '20m', '30m'), ...fires(GOROUTINES, '40m', '80m')]
    ),
    test(
      'goroutines: a 5-minute burst to 2000 is not a leak',
      series(goroutineValues((m) => (m >= 40 && m < 45 ? 2000 : 50), 90)),
      quiet(GOROUTINES, '44m', '50m', '55m', '60m', '70m')
    ),
  ];
}

/** File name → YAML content (without the generated-file header, added by outputs.ts). */
export function promtoolTestFiles(): Record<string, string> {
  const file = (tests: unknown[]) =>
    yaml.dump(
      { rule_files: ['../generated/prometheus-rules.yml'], evaluation_interval: '1m', tests },
      { lineWidth: -1, noRefs: true, quotingType: "'" }
    );
  return {
    'latency.promtool.yml': file(latencyTests()),
    'errors.promtool.yml': file(errorTests()),
    'goroutines.promtool.yml': file(goroutineTests()),
  };
}
