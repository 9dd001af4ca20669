import type { TrieLike } from '../layout/TrieLike';
import { growTrieColumns, sumSubtrees } from '../layout/trieColumns';

// Low bits of a plain multiplicative hash are weak (they depend only on the low input bits), and the table is
// indexed by low bits: mix the high bits down (murmur3 finaliser style).
function hash(parent: number, name: number): number {
  let h = Math.imul(parent ^ Math.imul(name + 1, 0x85ebca77), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 13);
}

// Name ids must stay below 2^22 (4M distinct function names; the decoder caps functions at 1M by default)
// so (parent, name) packs into one exact double.
export const NAME_SPACE = 4194304;

/**
 * Test-only reference builder: a call tree keyed by (parent node, function name id), stored column-wise in typed
 * arrays with an open-addressing hash for child lookup. The library builds every tree with SortedTrie (radix
 * partitioning); this independent hash construction is what the tests compare it with, flame and diff alike.
 * Node 0 is the root ("total"). Two value channels (left/right) let one trie hold a diff.
 */
export class StackTrie implements TrieLike {
  parent: Int32Array;
  name: Int32Array;
  value: Float64Array;
  self: Float64Array;
  valueRight: Float64Array | undefined;
  selfRight: Float64Array | undefined;
  count = 1;
  private table: Float64Array;
  private mask: number;

  constructor(
    readonly diff = false,
    capacity = 1024
  ) {
    capacity = Math.max(16, capacity);
    this.parent = new Int32Array(capacity);
    this.name = new Int32Array(capacity);
    this.value = new Float64Array(capacity);
    this.self = new Float64Array(capacity);
    if (diff) {
      this.valueRight = new Float64Array(capacity);
      this.selfRight = new Float64Array(capacity);
    }
    let size = 16;
    while (size < capacity * 2) {
      size *= 2;
    }
    this.table = new Float64Array(size * 2);
    this.mask = size - 1;
    this.parent[0] = -1;
    this.name[0] = -1;
  }

  // The previous stack and its node path: consecutive samples often share a long root-side prefix
  // (runtime.goexit;main.main;…), whose nodes are reused without hash lookups.
  private prevFrames = new Int32Array(256);
  private prevNodes = new Int32Array(256);
  private prevDepth = 0;

  /** Adds one root-first stack with weight v to the left (or right, for diffs) channel. Call finish() before reading value. */
  add(frames: Int32Array, depth: number, v: number, right = false): void {
    if (this.prevFrames.length < depth) {
      const n = Math.max(depth, this.prevFrames.length * 2);
      const f = new Int32Array(n);
      f.set(this.prevFrames);
      const p = new Int32Array(n);
      p.set(this.prevNodes);
      this.prevFrames = f;
      this.prevNodes = p;
    }
    const prevFrames = this.prevFrames;
    const prevNodes = this.prevNodes;
    const common = Math.min(depth, this.prevDepth);
    let i = 0;
    while (i < common && prevFrames[i] === frames[i]) {
      i++;
    }
    let node = i === 0 ? 0 : prevNodes[i - 1];
    for (; i < depth; i++) {
      node = this.child(node, frames[i]);
      prevFrames[i] = frames[i];
      prevNodes[i] = node;
    }
    this.prevDepth = depth;
    // Only the leaf is touched per sample; totals are summed bottom-up once in finish(). Updating every node of
    // the path here cost one random memory access per frame.
    (right ? this.selfRight! : this.self)[node] += v;
    this.finished = false;
  }

  private finished = false;

  /** Fills value/valueRight (node totals) from self values; see sumSubtrees. */
  finish(): void {
    if (this.finished) {
      return;
    }
    sumSubtrees(this);
    this.finished = true;
  }

  /** Finds or creates the child of `parent` named `name`. */
  child(parent: number, name: number): number {
    // Key and node share one slot pair so a probe touches one cache line (the table is the hot, random-access
    // structure: ~2.5M lookups for a 100k-sample profile). key = parent × 2^22 + name + 1 (0 = empty slot).
    const key = parent * NAME_SPACE + name + 1;
    const table = this.table;
    const mask = this.mask;
    let h = hash(parent, name) & mask;
    for (;;) {
      const k = table[2 * h];
      if (k === key) {
        return table[2 * h + 1];
      }
      if (k === 0) {
        break;
      }
      h = (h + 1) & mask;
    }
    if (this.count >= this.parent.length) {
      growTrieColumns(this);
    }
    const n = this.count++;
    this.parent[n] = parent;
    this.name[n] = name;
    table[2 * h] = key;
    table[2 * h + 1] = n;
    if (this.count * 2 > mask + 1) {
      this.rehash((mask + 1) * 2);
    }
    return n;
  }

  private rehash(size: number): void {
    const table = new Float64Array(size * 2);
    const mask = size - 1;
    for (let n = 1; n < this.count; n++) {
      const parent = this.parent[n];
      const name = this.name[n];
      let h = hash(parent, name) & mask;
      while (table[2 * h] !== 0) {
        h = (h + 1) & mask;
      }
      table[2 * h] = parent * NAME_SPACE + name + 1;
      table[2 * h + 1] = n;
    }
    this.table = table;
    this.mask = mask;
  }
}

/**
 * Initial trie capacity: a tree never has more nodes than stack entries, so small profiles are sized exactly;
 * big ones start at 256k nodes and double (allocating for every frame up front cost more in zeroing than growth).
 */
export function trieCapacity(p: { samples: { stack: Int32Array } }): number {
  return Math.min(Math.max(1024, p.samples.stack.length + 1), 1 << 18);
}
