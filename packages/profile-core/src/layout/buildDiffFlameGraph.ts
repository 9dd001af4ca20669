import { DEFAULT_LIMITS } from '../model/limits';
import type { Profile } from '../model/Profile';
import { matchSampleType, type DiffMode } from '../transform/diffProfiles';
import { forEachStack } from '../transform/forEachStack';
import { frameIndex } from '../transform/frameIndex';
import type { SampleTypeRef } from '../transform/resolveSampleType';
import type { StackFilter } from '../transform/StackFilter';
import type { FlameLevels } from './FlameLevels';
import { NAME_SPACE, StackTrie, trieCapacity } from './StackTrie';
import { ProfileError } from '../model/ProfileError';
import { toFlameLevels } from './toFlameLevels';

export interface DiffFlameGraphOptions {
  sampleType?: SampleTypeRef;
  filter?: StackFilter;
  maxNodes?: number;
  /** 'absolute' (default) keeps raw values — Grafana's diff colours already normalise by totals. */
  mode?: DiffMode;
}

/**
 * One merged tree of baseline (left) and comparison (right) in Grafana's diff layout:
 * value = left + right, valueRight = right (and the same for self).
 */
export function buildDiffFlameGraph(base: Profile, comp: Profile, opts: DiffFlameGraphOptions = {}): FlameLevels {
  const [tb, tc] = matchSampleType(base, comp, opts.sampleType);
  // Unify the two name spaces: comparison names first, then baseline-only names.
  const fc = frameIndex(comp);
  const fb = frameIndex(base);
  const names = [...fc.names];
  const ids = new Map(names.map((n, i) => [n, i]));
  const map = new Int32Array(fb.names.length);
  fb.names.forEach((n, i) => {
    let id = ids.get(n);
    if (id === undefined) {
      id = names.length;
      names.push(n);
      ids.set(n, id);
    }
    map[i] = id;
  });
  if (names.length >= NAME_SPACE) {
    // The hash trie packs (parent, name) into one double; beyond 2^22 names keys could collide.
    throw new ProfileError('LIMIT_EXCEEDED', `diff of profiles with ${names.length} distinct functions (limit ${NAME_SPACE - 1})`);
  }
  const trie = new StackTrie(true, trieCapacity(base) + trieCapacity(comp));
  let scale = 1;
  if (opts.mode === 'relative') {
    let ta = 0;
    let tcTotal = 0;
    forEachStack(base, tb, opts.filter, (_f, _d, v) => (ta += v));
    forEachStack(comp, tc, opts.filter, (_f, _d, v) => (tcTotal += v));
    scale = ta !== 0 ? tcTotal / ta : 1;
  }
  forEachStack(base, tb, opts.filter, (frames, depth, v) => {
    for (let i = 0; i < depth; i++) {
      frames[i] = map[frames[i]];
    }
    trie.add(frames, depth, v * scale, false);
  });
  forEachStack(comp, tc, opts.filter, (frames, depth, v) => trie.add(frames, depth, v, true));
  return toFlameLevels(trie, names, 'total', comp.sampleTypes[tc], opts.maxNodes ?? DEFAULT_LIMITS.maxFlameNodes);
}
