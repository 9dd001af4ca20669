import type { Profile, ValueType } from '../model/Profile';
import { forEachStack } from './forEachStack';
import { frameIndex } from './frameIndex';
import { resolveSampleType, type SampleTypeRef } from './resolveSampleType';
import type { StackFilter } from './StackFilter';

export interface TopRow {
  name: string;
  file: string;
  /** Value where the function is the leaf (pprof "flat", Grafana "self"). */
  flat: number;
  /** Value of samples passing through the function, each sample counted once even under recursion ("cum"). */
  cum: number;
}

export interface TopTable {
  rows: TopRow[];
  /** Sum of the kept samples' values. */
  total: number;
  sampleType: ValueType;
}

export interface TopOptions {
  sampleType?: SampleTypeRef;
  filter?: StackFilter;
  /** Keep the first N rows after sorting (default: all). */
  limit?: number;
}

/**
 * Flat and cum per function name, sorted like `go tool pprof -top`: by |flat| desc, then name, then |cum| desc.
 */
export function topTable(profile: Profile, opts: TopOptions = {}): TopTable {
  const t = resolveSampleType(profile, opts.sampleType);
  const { flat, cum, total, names, files, seen } = accumulate(profile, t, opts.filter);
  const rows: TopRow[] = [];
  for (let i = 0; i < names.length; i++) {
    if (seen[i]) {
      rows.push({ name: names[i], file: files[i], flat: flat[i], cum: cum[i] });
    }
  }
  rows.sort(compareTopRows);
  return { rows: opts.limit !== undefined ? rows.slice(0, opts.limit) : rows, total, sampleType: profile.sampleTypes[t] };
}

export function compareTopRows(a: TopRow, b: TopRow): number {
  const fa = Math.abs(a.flat);
  const fb = Math.abs(b.flat);
  if (fa !== fb) {
    return fb - fa;
  }
  if (a.name !== b.name) {
    return a.name < b.name ? -1 : 1;
  }
  return Math.abs(b.cum) - Math.abs(a.cum);
}

/** Per-name flat/cum arrays (indexed by frameIndex name id). Shared by top, diff and suspects. */
export function accumulate(profile: Profile, t: number, filter: StackFilter | undefined) {
  const { names, files } = frameIndex(profile);
  const n = names.length;
  const flat = new Float64Array(n);
  const cum = new Float64Array(n);
  const lastSeen = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  let total = 0;
  forEachStack(profile, t, filter, (frames, depth, v, s) => {
    total += v;
    if (depth === 0) {
      return;
    }
    flat[frames[depth - 1]] += v;
    for (let i = 0; i < depth; i++) {
      const f = frames[i];
      // Recursion: a function appearing several times in one stack still counts once toward cum.
      if (lastSeen[f] !== s) {
        lastSeen[f] = s;
        cum[f] += v;
        seen[f] = 1;
      }
    }
  });
  return { flat, cum, total, names, files, seen };
}
