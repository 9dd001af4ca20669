import type { Profile } from '../model/Profile';
import { forEachStack } from './forEachStack';
import { frameIndex } from './frameIndex';
import { resolveSampleType, type SampleTypeRef } from './resolveSampleType';
import { type StackFilter, toRegExp } from './StackFilter';

export interface SearchResult {
  /** Value of samples with at least one matching frame (each sample once). */
  matched: number;
  /** Value of all (filtered) samples. */
  total: number;
  /** matched / total × 100 (0 when total is 0). */
  matchedPercent: number;
  /** Names of matching functions that occur in kept samples, heaviest cum first. */
  functions: string[];
}

export interface SearchOptions {
  sampleType?: SampleTypeRef;
  filter?: StackFilter;
}

/** Search functions by regex (a string is a regex; invalid ones throw BAD_ARGUMENT). */
export function searchProfile(profile: Profile, pattern: string | RegExp, opts: SearchOptions = {}): SearchResult {
  const t = resolveSampleType(profile, opts.sampleType);
  const re = toRegExp(pattern, 'search');
  const fi = frameIndex(profile);
  const match = new Uint8Array(fi.names.length);
  if (re) {
    fi.names.forEach((n, i) => (match[i] = re.test(n) ? 1 : 0));
  }
  const cum = new Float64Array(fi.names.length);
  const last = new Int32Array(fi.names.length).fill(-1);
  let matched = 0;
  let total = 0;
  forEachStack(profile, t, opts.filter, (frames, depth, v, s) => {
    total += v;
    let hit = false;
    for (let i = 0; i < depth; i++) {
      const f = frames[i];
      if (match[f]) {
        hit = true;
        if (last[f] !== s) {
          last[f] = s;
          cum[f] += v;
        }
      }
    }
    if (hit) {
      matched += v;
    }
  });
  const functions: number[] = [];
  match.forEach((m, i) => {
    if (m && last[i] >= 0) {
      functions.push(i);
    }
  });
  functions.sort((a, b) => Math.abs(cum[b]) - Math.abs(cum[a]));
  return {
    matched,
    total,
    matchedPercent: total === 0 ? 0 : (matched / total) * 100,
    functions: functions.map((i) => fi.names[i]),
  };
}
