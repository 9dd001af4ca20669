/** Test-only: FlameLevels as readable rows "level label value/self", in nested-set order. */
import type { FlameLevels } from '../layout/FlameLevels';

export function flameRows(f: FlameLevels): string[] {
  const rows: string[] = [];
  for (let i = 0; i < f.count; i++) {
    const right = f.valueRight ? ` | ${f.valueRight[i]}/${f.selfRight![i]}` : '';
    rows.push(`${'  '.repeat(f.level[i])}${f.names[f.label[i]]} ${f.value[i]}/${f.self[i]}${right}`);
  }
  return rows;
}

/** Structural checks any nested-set flame graph must pass; returns the first violation or undefined. */
export function checkNestedSet(f: FlameLevels): string | undefined {
  if (f.level[0] !== 0) {
    return 'first node is not the root';
  }
  // Iterative: value = self + sum of children; levels step by at most +1.
  const stack: number[] = [0];
  const childSum = new Float64Array(f.count);
  for (let i = 1; i < f.count; i++) {
    if (f.level[i] > f.level[i - 1] + 1) {
      return `node ${i} jumps from level ${f.level[i - 1]} to ${f.level[i]}`;
    }
    if (f.level[i] === 0) {
      return `second root at ${i}`;
    }
    while (f.level[stack[stack.length - 1]] >= f.level[i]) {
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    childSum[parent] += f.value[i];
    stack.push(i);
  }
  for (let i = 0; i < f.count; i++) {
    if (Math.abs(f.self[i] + childSum[i] - f.value[i]) > 1e-6 * Math.max(1, Math.abs(f.value[i]))) {
      return `node ${i} (${f.names[f.label[i]]}): value ${f.value[i]} != self ${f.self[i]} + children ${childSum[i]}`;
    }
  }
  return undefined;
}
