/** `go tool pprof -top` as the reference reader of a profile: run it, parse its table. */
import { execFileSync } from 'child_process';

export interface TopRow {
  name: string;
  flat: number;
  cum: number;
}

export interface Top {
  rows: TopRow[];
  /** "of N total" in the profile's unit: the whole profile, filters or not. */
  total: number;
  /** "accounting for N": the samples the filters kept (with no node trimming). */
  shown?: number;
}

/** pprof -unit values that print exact integers in the profile's own unit. */
export const UNIT: Record<string, string> = { nanoseconds: 'ns', bytes: 'B', count: '' };

/**
 * Every row (no node/edge trimming) of `go tool pprof -top` for one sample type, values in `unit`
 * ('ns' for cpu/delay, 'B' for space, '' for counts).
 */
export function pprofTop(file: string, sampleIndex: string, unit: string, extraArgs: string[] = []): Top {
  const args = ['tool', 'pprof', '-symbolize=none', '-top', '-nodefraction=0', '-edgefraction=0', '-nodecount=100000'];
  args.push(...extraArgs);
  args.push(`-sample_index=${sampleIndex}`);
  if (unit) {
    args.push(`-unit=${unit}`);
  }
  args.push(file);
  const out = execFileSync('go', args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parsePprofTop(out);
}

/** Parses the text of `go tool pprof -top` (header lines, then `flat flat% sum% cum cum% name`). */
export function parsePprofTop(out: string): Top {
  const lines = out.split('\n');
  const totalLine = lines.find((l) => /of -?[0-9.]+\S* total/.test(l));
  const total = totalLine ? num(/of (-?[0-9.e+]+[a-zA-Z]*) total/.exec(totalLine)![1]) : NaN;
  const shownMatch = totalLine ? /accounting for (-?[0-9.e+]+[a-zA-Z]*),/.exec(totalLine) : null;
  const shown = shownMatch ? num(shownMatch[1]) : undefined;
  const h = lines.findIndex((l) => /^\s*flat\s+flat%\s+sum%\s+cum\s+cum%/.test(l));
  if (h < 0) {
    throw new Error(`no -top table in pprof output:\n${out.slice(0, 800)}`);
  }
  const rows: TopRow[] = [];
  for (const l of lines.slice(h + 1)) {
    const m = /^\s*(\S+)\s+\S+%\s+\S+%\s+(\S+)\s+\S+%\s+(.*)$/.exec(l);
    if (m) {
      rows.push({ name: m[3].replace(/ \((partial-)?inline\)$/, ''), flat: num(m[1]), cum: num(m[2]) });
    }
  }
  return { rows, total, shown };
}

function num(s: string): number {
  const m = /^(-?[0-9.]+(?:e[+-]?\d+)?)([a-zA-Z]*)$/.exec(s);
  if (!m) {
    throw new Error(`cannot parse pprof number "${s}"`);
  }
  return Number(m[1]);
}

/** Rows sorted by cum desc then name (what `pprof -top -cum` shows). */
export function byCum(rows: TopRow[]): TopRow[] {
  return [...rows].sort((a, b) => b.cum - a.cum || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
