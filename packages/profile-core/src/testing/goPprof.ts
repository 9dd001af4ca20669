/**
 * Test-only: `go tool pprof` as the reference for profile numbers. Other suites (e.g. live profiles from the Go
 * demo) call comparePprofTop(file, sampleType) to check our top table against pprof's, exactly.
 */
import { execFileSync, spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { decodeProfile } from '../pprof/decodeProfile';
import { topTable } from '../transform/topTable';

export interface PprofTopRow {
  name: string;
  flat: number;
  cum: number;
}

let goChecked: boolean | undefined;

/** True when `go` is on PATH. */
export function goAvailable(): boolean {
  if (goChecked === undefined) {
    goChecked = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
  }
  return goChecked;
}

/**
 * In CI a missing Go toolchain is a failure, not a skip (issue 3). Locally, callers may skip.
 * Throws when CI=true and go is missing.
 */
export function requireGoInCI(): boolean {
  const ok = goAvailable();
  if (!ok && process.env.CI === 'true') {
    throw new Error('go is not on PATH but CI=true: the go tool pprof reference test cannot run');
  }
  return ok;
}

// Output units that make pprof print exact integers in the profile's own unit (pprof scales to a "nice" unit
// by default, e.g. 1.50s, which loses digits).
const UNIT_FLAG: Record<string, string> = {
  nanoseconds: 'ns',
  microseconds: 'us',
  milliseconds: 'ms',
  seconds: 's',
  bytes: 'B',
};

/**
 * Runs `go tool pprof -top` without any trimming and parses every row. `extraArgs` go before the file(s), e.g.
 * ['-focus=^main\\.'] or ['-diff_base=base.pb.gz']; `file` may be several files (pprof merges them).
 */
export function runPprofTop(file: string | string[], sampleType: string, unit: string, extraArgs: string[] = []): PprofTopRow[] {
  const args = [
    'tool',
    'pprof',
    '-symbolize=none',
    '-top',
    '-nodefraction=0',
    '-edgefraction=0',
    '-nodecount=1000000',
    `-sample_index=${sampleType}`,
  ];
  if (UNIT_FLAG[unit]) {
    args.push(`-unit=${UNIT_FLAG[unit]}`);
  }
  args.push(...extraArgs, ...(Array.isArray(file) ? file : [file]));
  const out = execFileSync('go', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  return parsePprofTop(out);
}

export function parsePprofTop(out: string): PprofTopRow[] {
  const lines = out.split('\n');
  const h = lines.findIndex((l) => /^\s*flat\s+flat%\s+sum%\s+cum\s+cum%/.test(l));
  if (h < 0) {
    throw new Error(`no -top header in pprof output:\n${out.slice(0, 500)}`);
  }
  const rows: PprofTopRow[] = [];
  for (const l of lines.slice(h + 1)) {
    const m = /^\s*(\S+)\s+\S+%\s+\S+%\s+(\S+)\s+\S+%\s+(.*)$/.exec(l);
    if (!m) {
      continue;
    }
    rows.push({
      name: m[3].replace(/ \((partial-)?inline\)$/, ''),
      flat: parseNumber(m[1]),
      cum: parseNumber(m[2]),
    });
  }
  return rows;
}

function parseNumber(s: string): number {
  const m = /^(-?[0-9.]+(?:e[+-]?\d+)?)([a-zA-Z]*)$/.exec(s);
  if (!m) {
    throw new Error(`cannot parse pprof number "${s}"`);
  }
  return Number(m[1]);
}

/**
 * Compares any flat/cum rows with pprof's: pprof's first `n` rows and our first `n` rows must exist on both sides
 * with exactly equal flat and cum. Returns readable mismatches (empty = agreement).
 */
export function compareRows(ours: PprofTopRow[], ref: PprofTopRow[], n = 50): string[] {
  const byName = new Map(ours.map((r) => [r.name, r]));
  const refByName = new Map(ref.map((r) => [r.name, r]));
  const mismatches: string[] = [];
  for (const r of ref.slice(0, n)) {
    const o = byName.get(r.name);
    if (!o) {
      mismatches.push(`${r.name}: in pprof (flat ${r.flat}, cum ${r.cum}) but not in ours`);
    } else if (o.flat !== r.flat || o.cum !== r.cum) {
      mismatches.push(`${r.name}: pprof flat ${r.flat} cum ${r.cum}, ours flat ${o.flat} cum ${o.cum}`);
    }
  }
  for (const o of ours.slice(0, n)) {
    const r = refByName.get(o.name);
    if (!r) {
      mismatches.push(`${o.name}: in ours (flat ${o.flat}) but not in pprof`);
    } else if (o.flat !== r.flat || o.cum !== r.cum) {
      mismatches.push(`${o.name}: pprof flat ${r.flat} cum ${r.cum}, ours flat ${o.flat} cum ${o.cum}`);
    }
  }
  return [...new Set(mismatches)];
}

export interface PprofComparison {
  /** Rows compared (pprof's top N by flat). */
  compared: number;
  /** Human-readable differences; empty when we agree exactly. */
  mismatches: string[];
  pprofRows: number;
  ourRows: number;
}

/**
 * Compares our topTable with `go tool pprof -top` on one file and sample type: for pprof's top `n` rows by flat,
 * flat and cum must be equal exactly; and every one of our own top `n` must exist in pprof with equal values.
 */
export function comparePprofTop(file: string, sampleType?: string, n = 50): PprofComparison {
  const profile = decodeProfile(new Uint8Array(readFileSync(file)));
  const ours = topTable(profile, { sampleType });
  const st = ours.sampleType;
  const ref = runPprofTop(file, sampleType ?? st.type, st.unit);
  const mismatches = compareRows(ours.rows, ref, n);
  return { compared: Math.min(n, ref.length), mismatches, pprofRows: ref.length, ourRows: ours.rows.length };
}
