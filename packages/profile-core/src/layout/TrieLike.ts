/** What toFlameLevels needs from a tree: columns per node, parents created before children. */
export interface TrieLike {
  readonly diff: boolean;
  /** Nodes already in nested-set pre-order with siblings sorted by name (SortedTrie). */
  readonly presorted?: boolean;
  count: number;
  parent: Int32Array;
  name: Int32Array;
  value: Float64Array;
  self: Float64Array;
  valueRight: Float64Array | undefined;
  selfRight: Float64Array | undefined;
  finish(): void;
}
