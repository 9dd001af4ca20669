const cache = new WeakMap<readonly string[], Int32Array>();

/**
 * Alphabetical rank of each name, so sibling ordering compares integers instead of strings.
 * Cached per names array (a profile's frame index keeps one for its life): sorting 23k names costs ~10 ms, more
 * than the rest of a capped sandwich. Name arrays only ever grow, so a length change means "recompute".
 */
export function nameRanks(names: readonly string[]): Int32Array {
  const hit = cache.get(names);
  if (hit && hit.length === names.length) {
    return hit;
  }
  const idx = names.map((_, i) => i);
  idx.sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  const rank = new Int32Array(names.length);
  idx.forEach((id, r) => (rank[id] = r));
  cache.set(names, rank);
  return rank;
}
