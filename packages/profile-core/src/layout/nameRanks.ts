/** Alphabetical rank of each name, so sibling ordering compares integers instead of strings. */
export function nameRanks(names: readonly string[]): Int32Array {
  const idx = names.map((_, i) => i);
  idx.sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  const rank = new Int32Array(names.length);
  idx.forEach((id, r) => (rank[id] = r));
  return rank;
}
