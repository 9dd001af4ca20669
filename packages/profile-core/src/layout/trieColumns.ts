import type { TrieLike } from './TrieLike';

/** Column storage shared by the tree builders (SortedTrie, and the hash StackTrie the tests compare it with). */

/** Doubles every column of `t` (both value channels of a diff), keeping the first `t.count` nodes. */
export function growTrieColumns(t: TrieLike): void {
  const cap = t.parent.length * 2;
  const g32 = (a: Int32Array) => {
    const b = new Int32Array(cap);
    b.set(a);
    return b;
  };
  const g64 = (a: Float64Array) => {
    const b = new Float64Array(cap);
    b.set(a);
    return b;
  };
  t.parent = g32(t.parent);
  t.name = g32(t.name);
  t.value = g64(t.value);
  t.self = g64(t.self);
  if (t.diff) {
    t.valueRight = g64(t.valueRight!);
    t.selfRight = g64(t.selfRight!);
  }
}

/**
 * Fills value (and valueRight) with subtree totals from the self columns. Children are always created after
 * their parent, so one backward pass over node indexes adds each subtree into its parent.
 */
export function sumSubtrees(t: TrieLike): void {
  const n = t.count;
  const channels: Array<[Float64Array, Float64Array]> = [[t.value, t.self]];
  if (t.diff) {
    channels.push([t.valueRight!, t.selfRight!]);
  }
  const parent = t.parent;
  for (const [value, self] of channels) {
    value.set(self.subarray(0, n));
    for (let i = n - 1; i > 0; i--) {
      value[parent[i]] += value[i];
    }
  }
}
