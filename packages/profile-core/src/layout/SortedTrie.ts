/**
 * Builds a call tree by MSD radix partitioning of the stacks instead of hashing:
 *
 *   stacks (root first)        partition by frame 0      then each group by frame 1 …   nodes, in creation order
 *   main;a;x  1                main → {1,2,3}            a → {1,2}   b → {3}            0 total
 *   main;a;y  2                                          x {1}  y {2}                   1 main  2 a  3 x  4 y  5 b
 *   main;b    3
 *
 * A group of samples sharing a prefix becomes one node; groups are visited depth-first with siblings in name
 * order, so nodes come out already in nested-set pre-order and no child sorting or hash table is needed. Work per
 * level touches only the samples of one group (cache-friendly), where a hash trie does one random probe per frame
 * of every sample. A diff passes one side flag per stack: the baseline's weights go to self, the comparison's
 * to selfRight, and both profiles' stacks share one partitioning.
 */
import type { TrieLike } from './TrieLike';
import { growTrieColumns, sumSubtrees } from './trieColumns';
import type { StackBuffer } from './StackBuffer';

export class SortedTrie implements TrieLike {
  readonly presorted = true;
  parent: Int32Array;
  name: Int32Array;
  value: Float64Array;
  self: Float64Array;
  valueRight: Float64Array | undefined;
  selfRight: Float64Array | undefined;
  count = 0;

  constructor(
    capacity: number,
    readonly diff = false
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
  }

  private node(parent: number, name: number): number {
    if (this.count === this.parent.length) {
      growTrieColumns(this);
    }
    const n = this.count++;
    this.parent[n] = parent;
    this.name[n] = name;
    return n;
  }

  finish(): void {
    sumSubtrees(this);
  }

  /**
   * frames: all stacks concatenated, root first; stack s = frames[start[s] .. start[s+1]-1]; weights[s] its value.
   * rank: sort key of each name id (alphabetical rank). right: for a diff, 1 where stack s is the comparison's.
   */
  static fromBuffer(b: StackBuffer, rank: Int32Array, right?: Uint8Array): SortedTrie {
    return SortedTrie.build(b.frames, b.start, b.weights, b.count, rank, right);
  }

  static build(
    frames: Int32Array,
    start: Uint32Array,
    weights: Float64Array,
    samples: number,
    rank: Int32Array,
    right?: Uint8Array
  ): SortedTrie {
    const t = new SortedTrie(Math.min(frames.length + 1, 1 << 18), right !== undefined);
    t.node(-1, -1); // root
    // Adds stack s's weight to node nd's self, on its side. (t.self / t.selfRight are re-read: node() regrows them.)
    const addSelf = right
      ? (nd: number, s: number) => {
          (right[s] ? t.selfRight! : t.self)[nd] += weights[s];
        }
      : (nd: number, s: number) => {
          t.self[nd] += weights[s];
        };
    const order = new Uint32Array(samples);
    let m = 0;
    for (let s = 0; s < samples; s++) {
      if (start[s + 1] > start[s]) {
        order[m++] = s;
      } else {
        addSelf(0, s);
      }
    }
    // Scratch for partitioning: keys of the current range and a copy of its order.
    let keys = new Float64Array(Math.max(16, m));
    let tmp = new Uint32Array(Math.max(16, m));
    let counts = new Uint32Array(0);
    // Explicit work stack of ranges (lo, hi, depth, parent node): no recursion, whatever the depth.
    let cap = 1024;
    let sLo = new Uint32Array(cap);
    let sHi = new Uint32Array(cap);
    let sD = new Uint32Array(cap);
    let sP = new Int32Array(cap);
    let sp = 0;
    const push = (lo: number, hi: number, d: number, p: number) => {
      if (sp === cap) {
        cap *= 2;
        const a = new Uint32Array(cap);
        a.set(sLo);
        sLo = a;
        const b = new Uint32Array(cap);
        b.set(sHi);
        sHi = b;
        const c = new Uint32Array(cap);
        c.set(sD);
        sD = c;
        const e = new Int32Array(cap);
        e.set(sP);
        sP = e;
      }
      sLo[sp] = lo;
      sHi[sp] = hi;
      sD[sp] = d;
      sP[sp++] = p;
    };

    // Sorts order[lo..hi) by rank of frame d and pushes each group (in reverse, so the first name pops first).
    const partition = (lo: number, hi: number, d: number, parentNode: number) => {
      const n = hi - lo;
      if (keys.length < n) {
        keys = new Float64Array(n * 2);
        tmp = new Uint32Array(n * 2);
      }
      // Most groups share their next frame too (a common call path): one scan, no sort, one group.
      const k0 = rank[frames[start[order[lo]] + d]];
      let same = lo + 1;
      while (same < hi && rank[frames[start[order[same]] + d]] === k0) {
        same++;
      }
      if (same === hi) {
        push(lo, hi, d, parentNode);
        return;
      }
      if (n <= 24) {
        for (let i = lo; i < hi; i++) {
          const s = order[i];
          const k = rank[frames[start[s] + d]];
          let j = i - 1;
          while (j >= lo && keys[j - lo] > k) {
            keys[j - lo + 1] = keys[j - lo];
            order[j + 1] = order[j];
            j--;
          }
          keys[j - lo + 1] = k;
          order[j + 1] = s;
        }
      } else if (n >= 256 && rank.length <= 64 * n) {
        // Counting sort by rank (stable, O(n + names)): the big groups near the root, where a comparison sort
        // of 100k+ keys per level was most of the build.
        if (counts.length < rank.length + 1) {
          counts = new Uint32Array(rank.length + 1);
        }
        for (let i = 0; i < n; i++) {
          const s = order[lo + i];
          tmp[i] = s;
          counts[rank[frames[start[s] + d]] + 1]++;
        }
        for (let r = 0; r < rank.length; r++) {
          counts[r + 1] += counts[r];
        }
        for (let i = 0; i < n; i++) {
          const s = tmp[i];
          order[lo + counts[rank[frames[start[s] + d]]]++] = s;
        }
        counts.fill(0);
        for (let i = 0; i < n; i++) {
          keys[i] = rank[frames[start[order[lo + i]] + d]];
        }
      } else if (n < 1 << 20) {
        // Packed numeric keys: rank × 2^20 + position, sorted by the comparator-free TypedArray sort (stable).
        for (let i = 0; i < n; i++) {
          keys[i] = rank[frames[start[order[lo + i]] + d]] * 1048576 + i;
          tmp[i] = order[lo + i];
        }
        const sorted = keys.subarray(0, n).sort();
        for (let i = 0; i < n; i++) {
          const packed = sorted[i];
          const pos = packed % 1048576;
          order[lo + i] = tmp[pos];
          keys[i] = (packed - pos) / 1048576;
        }
      } else {
        const part = Array.from(order.subarray(lo, hi)).sort(
          (x, y) => rank[frames[start[x] + d]] - rank[frames[start[y] + d]]
        );
        order.set(part, lo);
        for (let i = 0; i < n; i++) {
          keys[i] = rank[frames[start[order[lo + i]] + d]];
        }
      }
      // Group boundaries, pushed last-to-first.
      let end = hi;
      for (let i = n - 1; i >= 0; i--) {
        if (i === 0 || keys[i - 1] !== keys[i]) {
          push(lo + i, end, d, parentNode);
          end = lo + i;
        }
      }
    };

    if (m > 0) {
      partition(0, m, 0, 0);
    }
    while (sp > 0) {
      sp--;
      const lo = sLo[sp];
      let hi = sHi[sp];
      const d = sD[sp];
      const parentNode = sP[sp];
      const first = order[lo];
      const node = t.node(parentNode, frames[start[first] + d]);
      if (hi - lo === 1) {
        // One sample left: the rest of its stack is a chain of new nodes.
        let nd = node;
        const e = start[first + 1];
        for (let k = start[first] + d + 1; k < e; k++) {
          nd = t.node(nd, frames[k]);
        }
        addSelf(nd, first);
        continue;
      }
      // Samples whose stack ends here add self to this node; move the others to the front.
      let w = lo;
      for (let i = lo; i < hi; i++) {
        const s = order[i];
        if (start[s + 1] - start[s] === d + 1) {
          addSelf(node, s);
        } else {
          order[w++] = s;
        }
      }
      hi = w;
      if (hi - lo === 1) {
        const s = order[lo];
        let nd = node;
        const e = start[s + 1];
        for (let k = start[s] + d + 1; k < e; k++) {
          nd = t.node(nd, frames[k]);
        }
        addSelf(nd, s);
      } else if (hi > lo) {
        partition(lo, hi, d + 1, node);
      }
    }
    return t;
  }
}
