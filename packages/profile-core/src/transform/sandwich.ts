import { DEFAULT_LIMITS } from '../model/limits';
import { ProfileError } from '../model/ProfileError';
import type { Profile } from '../model/Profile';
import type { FlameLevels } from '../layout/FlameLevels';
import { SortedTrie } from '../layout/SortedTrie';
import { StackBuffer } from '../layout/StackBuffer';
import { nameRanks } from '../layout/nameRanks';
import { toFlameLevels } from '../layout/toFlameLevels';
import { forEachStack } from './forEachStack';
import { frameIndex } from './frameIndex';
import { resolveSampleType, type SampleTypeRef } from './resolveSampleType';
import type { StackFilter } from './StackFilter';

export interface SandwichOptions {
  sampleType?: SampleTypeRef;
  filter?: StackFilter;
  maxNodes?: number;
}

export interface Sandwich {
  /** Callers, inverted: level 1 is the function, level 2 its direct callers, and so on toward main. */
  callers: FlameLevels;
  /** Callees: level 1 is the function, below it what it calls. */
  callees: FlameLevels;
  /** Value of samples passing through the function (= its cum). */
  total: number;
}

/**
 * Callers and callees of one function. Under recursion each sample counts once: callees start at the
 * outermost (root-most) call, callers end at the innermost (leaf-most) call, so the function's node holds
 * exactly its cum value on both sides.
 *
 *   main;a;f;b;f;c 1   callees of f: f;b;f;c        callers of f: f;b;f;a;main (inverted, from the innermost f)
 */
export function sandwich(profile: Profile, functionName: string, opts: SandwichOptions = {}): Sandwich {
  const t = resolveSampleType(profile, opts.sampleType);
  const fi = frameIndex(profile);
  const target = fi.names.indexOf(functionName);
  if (target < 0) {
    throw new ProfileError('BAD_ARGUMENT', `no function named "${functionName}" in this profile`);
  }
  const cap = profile.samples.stack.length + 16;
  const callers = new StackBuffer(cap, profile.samples.count);
  const callees = new StackBuffer(cap, profile.samples.count);
  let rev = new Int32Array(64);
  let total = 0;
  forEachStack(profile, t, opts.filter, (frames, depth, v) => {
    let first = -1;
    let last = -1;
    for (let i = 0; i < depth; i++) {
      if (frames[i] === target) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    if (first < 0) {
      return;
    }
    total += v;
    callees.push(frames, first, depth, v);
    if (rev.length < last + 1) {
      rev = new Int32Array(last + 1);
    }
    for (let i = 0; i <= last; i++) {
      rev[i] = frames[last - i];
    }
    callers.push(rev, 0, last + 1, v);
  });
  const maxNodes = opts.maxNodes ?? DEFAULT_LIMITS.maxFlameNodes;
  const st = profile.sampleTypes[t];
  const rank = nameRanks(fi.names);
  return {
    callers: toFlameLevels(SortedTrie.fromBuffer(callers, rank), fi.names, 'total', st, maxNodes),
    callees: toFlameLevels(SortedTrie.fromBuffer(callees, rank), fi.names, 'total', st, maxNodes),
    total,
  };
}
