import { OTHER_NODE } from '../model/limits';
import type { ValueType } from '../model/Profile';
import type { FlameLevels } from './FlameLevels';
import type { TrieLike } from './TrieLike';
import { nameRanks } from './nameRanks';

/**
 * Lays a trie out in nested-set order. With more than `maxNodes` nodes, the lightest subtrees are folded into
 * one "other" child per parent (Pyroscope's idea; Parca trims at 1 px instead) so the canvas and the DataFrame
 * stay bounded (B8). Iterative DFS: stacks can be 10k+ frames deep (B7).
 */
export function toFlameLevels(
  trie: TrieLike,
  names: readonly string[],
  rootName: string,
  sampleType: ValueType,
  maxNodes: number
): FlameLevels {
  trie.finish();
  const n = trie.count;
  const diff = trie.diff;
  if (trie.presorted && !diff && n <= maxNodes) {
    return presortedLevels(trie, names, rootName, sampleType);
  }
  const { parent, name, value, self } = trie;
  const valueR = trie.valueRight;
  const selfR = trie.selfRight;

  // 1. Which nodes survive the cap.
  const { keep, hasOther, otherCount } = selectKept(trie, maxNodes);
  let mergedNodes = 0;
  let mergedValue = 0;
  if (trie.presorted && !diff) {
    return presortedCapped(trie, names, rootName, sampleType, keep, hasOther!);
  }

  // 2. Children of kept nodes (CSR), sorted by name.
  const childCount = new Int32Array(n + 1);
  for (let i = 1; i < n; i++) {
    if (keep[i]) {
      childCount[parent[i] + 1]++;
    }
  }
  for (let i = 0; i < n; i++) {
    childCount[i + 1] += childCount[i];
  }
  const childStart = childCount; // prefix sums: children of p are children[childStart[p] .. childStart[p+1]-1]
  const fill = childStart.slice(0, n);
  const children = new Int32Array(childStart[n]);
  for (let i = 1; i < n; i++) {
    if (keep[i]) {
      children[fill[parent[i]]++] = i;
    }
  }
  if (!trie.presorted) {
    sortChildren(children, childStart, n, name, nameRanks(names));
  }

  // Sum of dropped children per kept parent (the "other" node's value).
  let otherValue: Float64Array | undefined;
  let otherValueR: Float64Array | undefined;
  if (hasOther) {
    otherValue = new Float64Array(n);
    otherValueR = diff ? new Float64Array(n) : undefined;
    for (let i = 1; i < n; i++) {
      if (!keep[i] && keep[parent[i]]) {
        otherValue[parent[i]] += value[i];
        if (otherValueR) {
          otherValueR[parent[i]] += valueR![i];
        }
      }
      if (!keep[i]) {
        mergedNodes++;
      }
    }
    for (let i = 0; i < n; i++) {
      if (hasOther[i]) {
        mergedValue += otherValue[i] + (otherValueR ? otherValueR[i] : 0);
      }
    }
  }

  // 3. Emit in pre-order. Output names are only those used, plus the root and "other".
  const total = childStart[n] + 1 + otherCount;
  const outLevel = new Int32Array(total);
  const outValue = new Float64Array(total);
  const outSelf = new Float64Array(total);
  const outLabel = new Int32Array(total);
  const outValueR = diff ? new Float64Array(total) : undefined;
  const outSelfR = diff ? new Float64Array(total) : undefined;
  const labelMap = new Int32Array(names.length).fill(-1);
  const outNames: string[] = [rootName];
  let otherLabel = -1;

  const stackNode = new Int32Array(total + 1);
  const stackLevel = new Int32Array(total + 1);
  let sp = 0;
  stackNode[sp] = 0;
  stackLevel[sp++] = 0;
  let o = 0;
  while (sp > 0) {
    sp--;
    const node = stackNode[sp];
    const lvl = stackLevel[sp];
    outLevel[o] = lvl;
    if (node < 0) {
      // Synthetic "other" child of parent -node-1: a leaf whose self is its whole value.
      const p = -node - 1;
      const l = otherValue![p];
      const r = otherValueR ? otherValueR[p] : 0;
      outValue[o] = l + r;
      outSelf[o] = l + r;
      if (outValueR) {
        outValueR[o] = r;
        outSelfR![o] = r;
      }
      if (otherLabel < 0) {
        otherLabel = outNames.length;
        outNames.push(OTHER_NODE);
      }
      outLabel[o] = otherLabel;
      o++;
      continue;
    }
    if (node === 0) {
      outLabel[o] = 0;
    } else {
      const nm = name[node];
      let lab = labelMap[nm];
      if (lab < 0) {
        lab = labelMap[nm] = outNames.length;
        outNames.push(names[nm]);
      }
      outLabel[o] = lab;
    }
    if (diff) {
      outValue[o] = value[node] + valueR![node];
      outSelf[o] = self[node] + selfR![node];
      outValueR![o] = valueR![node];
      outSelfR![o] = selfR![node];
    } else {
      outValue[o] = value[node];
      outSelf[o] = self[node];
    }
    o++;
    // Push in reverse so the first child (by name) pops first; "other" goes last.
    if (hasOther && hasOther[node]) {
      stackNode[sp] = -node - 1;
      stackLevel[sp++] = lvl + 1;
    }
    for (let c = childStart[node + 1] - 1; c >= childStart[node]; c--) {
      stackNode[sp] = children[c];
      stackLevel[sp++] = lvl + 1;
    }
  }

  return {
    level: outLevel,
    value: outValue,
    self: outSelf,
    label: outLabel,
    names: outNames,
    valueRight: outValueR,
    selfRight: outSelfR,
    count: total,
    total: value[0],
    totalRight: diff ? valueR![0] : undefined,
    sampleType,
    merged: { nodes: mergedNodes, value: mergedValue },
  };
}

/**
 * Sorts each parent's child list by name rank, in place. Most lists are tiny (insertion sort, no allocation);
 * long ones are sorted as packed numeric keys (rank × 2^32 + node) with the comparator-free TypedArray sort.
 */
function sortChildren(children: Int32Array, childStart: Int32Array, n: number, name: Int32Array, rank: Int32Array): void {
  let keys = new Float64Array(64);
  for (let p = 0; p < n; p++) {
    const a = childStart[p];
    const b = childStart[p + 1];
    const len = b - a;
    if (len < 2) {
      continue;
    }
    if (len <= 16) {
      for (let i = a + 1; i < b; i++) {
        const c = children[i];
        const r = rank[name[c]];
        let j = i - 1;
        while (j >= a && rank[name[children[j]]] > r) {
          children[j + 1] = children[j];
          j--;
        }
        children[j + 1] = c;
      }
      continue;
    }
    if (keys.length < len) {
      keys = new Float64Array(len * 2);
    }
    for (let i = 0; i < len; i++) {
      const c = children[a + i];
      keys[i] = rank[name[c]] * 4294967296 + c;
    }
    const sub = keys.subarray(0, len).sort();
    for (let i = 0; i < len; i++) {
      children[a + i] = sub[i] % 4294967296;
    }
  }
}

/** Fast path: nodes already in pre-order with sorted siblings; level = parent's level + 1. */
function presortedLevels(trie: TrieLike, names: readonly string[], rootName: string, sampleType: ValueType): FlameLevels {
  const n = trie.count;
  const level = new Int32Array(n);
  const label = new Int32Array(n);
  const labelMap = new Int32Array(names.length).fill(-1);
  const outNames: string[] = [rootName];
  const { parent, name } = trie;
  for (let i = 1; i < n; i++) {
    level[i] = level[parent[i]] + 1;
    const nm = name[i];
    let lab = labelMap[nm];
    if (lab < 0) {
      lab = labelMap[nm] = outNames.length;
      outNames.push(names[nm]);
    }
    label[i] = lab;
  }
  return {
    level,
    value: trie.value.slice(0, n),
    self: trie.self.slice(0, n),
    label,
    names: outNames,
    count: n,
    total: trie.value[0],
    sampleType,
    merged: { nodes: 0, value: 0 },
  };
}

/** k-th largest value (1-based) of `a`, without modifying it. Iterative quickselect on a copy. */
function kthLargest(a: Float64Array, k: number): number {
  const x = a.slice();
  let lo = 0;
  let hi = x.length - 1;
  const target = k - 1; // index in descending order
  while (lo < hi) {
    const pivot = x[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (x[i] > pivot) {
        i++;
      }
      while (x[j] < pivot) {
        j--;
      }
      if (i <= j) {
        const tmp = x[i];
        x[i] = x[j];
        x[j] = tmp;
        i++;
        j--;
      }
    }
    if (target <= j) {
      hi = j;
    } else if (target >= i) {
      lo = i;
    } else {
      break;
    }
  }
  return x[target];
}

/**
 * Which nodes survive a cap of maxNodes (counting one "other" per parent that loses children): nodes whose
 * |value| reaches the budget-th largest, and whose parent survives. Nodes are created after their parent, so one
 * forward pass sees parents first.
 */
function selectKept(trie: TrieLike, maxNodes: number): { keep: Uint8Array; hasOther?: Uint8Array; otherCount: number } {
  const n = trie.count;
  const { parent, value } = trie;
  const valueR = trie.valueRight;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  if (n <= maxNodes) {
    keep.fill(1);
    return { keep, otherCount: 0 };
  }
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    weight[i] = Math.abs(value[i]) + (valueR ? Math.abs(valueR[i]) : 0);
  }
  const rest = weight.subarray(1);
  let budget = Math.max(1, maxNodes - 1);
  let hasOther = new Uint8Array(n);
  let otherCount = 0;
  for (let attempt = 0; attempt < 32; attempt++) {
    // budget-th largest weight, by quickselect (O(n); a full sort of 1M weights cost ~100 ms).
    const t = kthLargest(rest, Math.min(budget, rest.length));
    keep.fill(0);
    keep[0] = 1;
    let kept = 1;
    let kc = 0;
    hasOther = new Uint8Array(n);
    otherCount = 0;
    for (let i = 1; i < n && kc < budget; i++) {
      if (keep[parent[i]] && weight[i] >= t) {
        keep[i] = 1;
        kept++;
        kc++;
      }
    }
    for (let i = 1; i < n; i++) {
      if (!keep[i] && keep[parent[i]] && !hasOther[parent[i]]) {
        hasOther[parent[i]] = 1;
        otherCount++;
      }
    }
    if (kept + otherCount <= maxNodes || budget === 1) {
      break;
    }
    budget = Math.max(1, budget - (kept + otherCount - maxNodes));
  }
  return { keep, hasOther, otherCount };
}

/**
 * Capped layout of a presorted (pre-order) trie: kept nodes stay in index order, which is still pre-order; each
 * parent's "other" node is emitted when its subtree closes, so it comes after the kept children. No child lists,
 * no sorting, no DFS stack of nodes.
 */
function presortedCapped(
  trie: TrieLike,
  names: readonly string[],
  rootName: string,
  sampleType: ValueType,
  keep: Uint8Array,
  hasOther: Uint8Array
): FlameLevels {
  const n = trie.count;
  const { parent, name, value, self } = trie;
  const otherValue = new Float64Array(n);
  let mergedNodes = 0;
  let kept = 0;
  let others = 0;
  for (let i = 0; i < n; i++) {
    if (keep[i]) {
      kept++;
      others += hasOther[i];
    } else {
      mergedNodes++;
      if (keep[parent[i]]) {
        otherValue[parent[i]] += value[i];
      }
    }
  }
  const total = kept + others;
  const level = new Int32Array(total);
  const outValue = new Float64Array(total);
  const outSelf = new Float64Array(total);
  const label = new Int32Array(total);
  const labelMap = new Int32Array(names.length).fill(-1);
  const outNames: string[] = [rootName];
  let otherLabel = -1;
  const nodeLevel = new Int32Array(n);
  const open = new Int32Array(n); // stack of kept nodes whose subtree is still open
  let sp = 0;
  let o = 0;
  let mergedValue = 0;
  const close = (node: number) => {
    if (hasOther[node]) {
      if (otherLabel < 0) {
        otherLabel = outNames.length;
        outNames.push(OTHER_NODE);
      }
      level[o] = nodeLevel[node] + 1;
      outValue[o] = otherValue[node];
      outSelf[o] = otherValue[node];
      label[o++] = otherLabel;
      mergedValue += otherValue[node];
    }
  };
  for (let i = 0; i < n; i++) {
    if (!keep[i]) {
      continue;
    }
    const lv = i === 0 ? 0 : nodeLevel[parent[i]] + 1;
    nodeLevel[i] = lv;
    while (sp > 0 && nodeLevel[open[sp - 1]] >= lv) {
      close(open[--sp]);
    }
    level[o] = lv;
    outValue[o] = value[i];
    outSelf[o] = self[i];
    if (i === 0) {
      label[o] = 0;
    } else {
      const nm = name[i];
      let lab = labelMap[nm];
      if (lab < 0) {
        lab = labelMap[nm] = outNames.length;
        outNames.push(names[nm]);
      }
      label[o] = lab;
    }
    o++;
    open[sp++] = i;
  }
  while (sp > 0) {
    close(open[--sp]);
  }
  return {
    level,
    value: outValue,
    self: outSelf,
    label,
    names: outNames,
    count: total,
    total: value[0],
    sampleType,
    merged: { nodes: mergedNodes, value: mergedValue },
  };
}
