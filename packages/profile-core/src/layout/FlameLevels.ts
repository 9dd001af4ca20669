import type { ValueType } from '../model/Profile';

/**
 * A flame graph in Grafana's flame-graph DataFrame layout: one entry per node in nested-set order (depth-first,
 * pre-order; siblings sorted by name), so @grafana/flamegraph can draw it once the app wraps the columns in a
 * DataFrame. `label[i]` indexes `names` (Grafana's enum field: `config.type.enum.text = names`).
 *
 *   level  value self label        total ▕████████████████████▏ level 0
 *   0      10    0    total              main ▕██████████████▏  level 1
 *   1      10    2    main                   work ▕████████▏  level 2
 *   2      8     8    work
 *
 * Diff graphs add valueRight/selfRight; then `value` = left + right (Grafana derives left as value - valueRight).
 */
export interface FlameLevels {
  level: Int32Array;
  value: Float64Array;
  self: Float64Array;
  label: Int32Array;
  names: string[];
  valueRight?: Float64Array;
  selfRight?: Float64Array;
  /** Number of nodes (= length of every column). */
  count: number;
  /** Root value (left side for diffs). */
  total: number;
  totalRight?: number;
  sampleType: ValueType;
  /** How much the node cap folded into "other" nodes: how many nodes, and their summed value. */
  merged: { nodes: number; value: number };
}
