import type { Profile } from '../model/Profile';
import { accumulate } from './topTable';
import { matchSampleType } from './diffProfiles';
import type { SampleTypeRef } from './resolveSampleType';

export interface ProfileTypePair {
  /** What to call it in the result: 'cpu', 'alloc', 'inuse', 'goroutine', 'mutex', 'block', ... */
  type: string;
  base: Profile;
  comp: Profile;
  sampleType?: SampleTypeRef;
}

export interface ProfileTypeChange {
  type: string;
  totalBefore: number;
  totalAfter: number;
  /** (after − before) / |before| × 100; null when before is 0. */
  totalChangePercent: number | null;
  /**
   * How much the distribution of flat values over functions moved, 0 (same shape) … 1 (disjoint): half the L1
   * distance between the two normalised flat distributions. Catches "same total, different hot spots".
   */
  shapeChange: number;
  /** max(|total change| as a ratio capped at 10, shapeChange): what the ranking sorts by. */
  score: number;
}

/** Ranks profile types by how much they changed between two windows, most changed first. */
export function rankProfileTypes(pairs: ProfileTypePair[]): ProfileTypeChange[] {
  return pairs
    .map(({ type, base, comp, sampleType }) => {
      const [tb, tc] = matchSampleType(base, comp, sampleType);
      const a = accumulate(base, tb, undefined);
      const b = accumulate(comp, tc, undefined);
      const dist = new Map<string, number>();
      const add = (names: string[], flat: Float64Array, total: number, sign: number) => {
        const abs = flat.reduce((s, x) => s + Math.abs(x), 0) || total || 1;
        names.forEach((n, i) => {
          if (flat[i] !== 0) {
            dist.set(n, (dist.get(n) ?? 0) + (sign * Math.abs(flat[i])) / abs);
          }
        });
      };
      add(a.names, a.flat, a.total, 1);
      add(b.names, b.flat, b.total, -1);
      let l1 = 0;
      dist.forEach((d) => (l1 += Math.abs(d)));
      const shapeChange = Math.min(1, l1 / 2);
      const totalChangePercent = a.total === 0 ? null : ((b.total - a.total) / Math.abs(a.total)) * 100;
      const ratio = totalChangePercent === null ? (b.total !== 0 ? 10 : 0) : Math.min(10, Math.abs(totalChangePercent) / 100);
      return {
        type,
        totalBefore: a.total,
        totalAfter: b.total,
        totalChangePercent,
        shapeChange,
        score: Math.max(ratio, shapeChange),
      };
    })
    .sort((x, y) => y.score - x.score || (x.type < y.type ? -1 : 1));
}
