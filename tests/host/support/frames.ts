/**
 * Real-shaped DataFrames, as Grafana's backend sends them to a panel (DataFrameJSON: schema + column values):
 * what the Prometheus data source returns for Hotpath's RED queries, and what Pyroscope returns for a profile
 * query (nested-set flame graph), here built from a REAL pprof file by @hotpath/profile-core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from './paths';
import type { DataFrameJSON, DataFrameType, FieldType } from '@grafana/data';
import { buildFlameGraph, decodeProfile, type FlameLevels } from '@hotpath/profile-core';

/** The dashboard time range of every panel test: one hour around a latency spike at 14:02. */
export const RANGE = { from: '2026-12-04T13:30:00.000Z', to: '2026-12-04T14:30:00.000Z' };
const STEP_MS = 15_000;
const SPIKE = { from: Date.parse('2026-12-04T14:02:00Z'), to: Date.parse('2026-12-04T14:09:00Z') };

const t = (type: string) => type as FieldType;

function times(): number[] {
  const out: number[] = [];
  for (let ts = Date.parse(RANGE.from); ts <= Date.parse(RANGE.to); ts += STEP_MS) {
    out.push(ts);
  }
  return out;
}

/** A deterministic wobble, so the series look like traffic rather than flat lines. */
function wobble(i: number, seed: number): number {
  return Math.sin(i / 7 + seed) * 0.5 + Math.sin(i / 2.3 + seed * 3) * 0.25;
}

/** One frame per series with Prometheus's wide shape: Time + Value with labels (Grafana ≥ 10 "timeseries-multi"). */
function promFrame(refId: string, expr: string, labels: Record<string, string>, legend: string, unit: string, values: number[]): DataFrameJSON {
  return {
    schema: {
      refId,
      meta: {
        type: 'timeseries-multi' as DataFrameType,
        typeVersion: [0, 1],
        custom: { resultType: 'matrix' },
        executedQueryString: `Expr: ${expr}\nStep: 15s`,
        preferredVisualisationType: 'graph',
      },
      fields: [
        { name: 'Time', type: t('time'), config: { interval: STEP_MS } },
        { name: 'Value', type: t('number'), labels, config: { displayNameFromDS: legend, unit } },
      ],
    },
    data: { values: [times(), values] },
  };
}

/** p99 latency per route (s) with a spike on /api/checkout, plus the error ratio, as the bottleneck dashboard queries them. */
export function redFrames(): DataFrameJSON[] {
  const ts = times();
  const inSpike = (ms: number) => ms >= SPIKE.from && ms < SPIKE.to;
  const p99 = (route: string, base: number, seed: number, spike: number) =>
    promFrame(
      'A',
      'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{job="hotpath-demo"}[1m0s])))',
      { route },
      `p99 ${route}`,
      's',
      ts.map((ms, i) => +(base * (1 + 0.15 * wobble(i, seed)) * (inSpike(ms) ? spike : 1)).toFixed(4))
    );
  const errors = promFrame(
    'B',
    'sum(rate(http_requests_total{job="hotpath-demo",code=~"5.."}[1m0s])) / sum(rate(http_requests_total{job="hotpath-demo"}[1m0s]))',
    {},
    'error ratio',
    'percentunit',
    ts.map((ms, i) => +(Math.max(0, 0.004 + 0.002 * wobble(i, 5)) + (inSpike(ms) ? 0.03 : 0)).toFixed(5))
  );
  return [p99('/api/checkout', 0.12, 1, 6), p99('/api/products', 0.045, 2, 1.4), p99('/api/search', 0.08, 3, 1.2), errors];
}

/** The real profile the flame graph tests draw (google/pprof test data; Apache-2.0, see the corpus MANIFEST). */
export const PROFILE_FILE = join(CORPUS, 'google-pprof__sample.cpu');
/** Functions that are in that profile (go tool pprof -top lists them). */
export const PROFILE_FUNCTIONS = ['main.busyLoop', 'runtime.mapassign_fast64', 'math.Abs'];

/** Pyroscope's profile query result: nested-set columns level/value/self + label as an enum field, values in ns. */
export function flameFrame(path = PROFILE_FILE): DataFrameJSON {
  return flameFrameOf(buildFlameGraph(decodeProfile(new Uint8Array(readFileSync(path))), {}));
}

/** The DataFrame Grafana's flame graph takes, from profile-core's flame columns (what the app's adapter builds). */
export function flameFrameOf(flame: FlameLevels): DataFrameJSON {
  return {
    schema: {
      refId: 'P',
      name: 'response',
      meta: { preferredVisualisationType: 'flamegraph' },
      fields: [
        { name: 'level', type: t('number') },
        { name: 'value', type: t('number'), config: { unit: 'ns' } },
        { name: 'self', type: t('number'), config: { unit: 'ns' } },
        { name: 'label', type: t('enum'), config: { type: { enum: { text: flame.names } } } },
      ],
    },
    data: { values: [Array.from(flame.level), Array.from(flame.value), Array.from(flame.self), Array.from(flame.label)] },
  };
}
