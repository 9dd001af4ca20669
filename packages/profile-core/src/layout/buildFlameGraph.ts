import { DEFAULT_LIMITS } from '../model/limits';
import type { Profile } from '../model/Profile';
import { forEachStack } from '../transform/forEachStack';
import { resolveSampleType, type SampleTypeRef } from '../transform/resolveSampleType';
import type { StackFilter } from '../transform/StackFilter';
import type { FlameLevels } from './FlameLevels';
import { SortedTrie } from './SortedTrie';
import { StackBuffer } from './StackBuffer';
import { nameRanks } from './nameRanks';
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
  // Stacks are gathered root-first into one buffer, then grouped by SortedTrie (radix partitioning, no hashing).
  const buf = new StackBuffer(profile.samples.stack.length + 16, profile.samples.count);
  const fi = forEachStack(profile, t, opts.filter, (f, depth, v) => buf.push(f, 0, depth, v));
  const trie = SortedTrie.fromBuffer(buf, nameRanks(fi.names));
  return toFlameLevels(trie, fi.names, 'total', profile.sampleTypes[t], opts.maxNodes ?? DEFAULT_LIMITS.maxFlameNodes);
}
