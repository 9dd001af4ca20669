import { DEFAULT_LIMITS } from '../model/limits';
import type { Profile } from '../model/Profile';
import { forEachStack } from '../transform/forEachStack';
import { resolveSampleType, type SampleTypeRef } from '../transform/resolveSampleType';
import type { StackFilter } from '../transform/StackFilter';
import type { FlameLevels } from './FlameLevels';
import { StackTrie, trieCapacity } from './StackTrie';
import { toFlameLevels } from './toFlameLevels';

export interface FlameGraphOptions {
  sampleType?: SampleTypeRef;
  filter?: StackFilter;
  /** Node cap; lightest subtrees fold into "other". Default DEFAULT_LIMITS.maxFlameNodes; Infinity for all. */
  maxNodes?: number;
}

/** Profile → flame graph columns (nested-set order, merged by function name). */
export function buildFlameGraph(profile: Profile, opts: FlameGraphOptions = {}): FlameLevels {
  const t = resolveSampleType(profile, opts.sampleType);
  const trie = new StackTrie(false, trieCapacity(profile));
  const fi = forEachStack(profile, t, opts.filter, (frames, depth, v) => trie.add(frames, depth, v));
  return toFlameLevels(trie, fi.names, 'total', profile.sampleTypes[t], opts.maxNodes ?? DEFAULT_LIMITS.maxFlameNodes);
}
