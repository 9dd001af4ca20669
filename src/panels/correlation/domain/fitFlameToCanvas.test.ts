import { FieldType, createDataFrame, type DataFrame } from '@grafana/data';
import { MAX_CANVAS_AREA, MAX_CANVAS_SIDE, TRUNCATED_LABEL, fitFlameLevels, maxFlameLevels } from './fitFlameToCanvas';

/** A chain root → d1 → … → d(depth-1) (value 10 each, the leaf holds self), plus a sibling "side" under the root. */
function chain(depth: number, labelType: FieldType.string | FieldType.enum = FieldType.string): DataFrame {
  const names = Array.from({ length: depth }, (_, i) => (i === 0 ? 'total' : `d${i}`));
  const level = [...names.map((_, i) => i), 1];
  const value = [...names.map((_, i) => (i === 0 ? 15 : 10)), 5];
  const self = [...names.map((_, i) => (i === depth - 1 ? 10 : 0)), 5];
  const labels = [...names, 'side'];
  return createDataFrame({
    fields: [
      { name: 'level', type: FieldType.number, values: level },
      { name: 'value', type: FieldType.number, values: value },
      { name: 'self', type: FieldType.number, values: self },
      labelType === FieldType.enum
        ? { name: 'label', type: FieldType.enum, values: labels.map((_, i) => i), config: { type: { enum: { text: labels } } } }
        : { name: 'label', type: FieldType.string, values: labels },
    ],
  });
}

const col = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!.values as unknown[];

describe('maxFlameLevels', () => {
  it('keeps the canvas within 32,767 px per side at any pixel ratio', () => {
    expect(maxFlameLevels(1100, 1)).toBe(Math.floor(MAX_CANVAS_SIDE / 22)); // 1,489
    expect(maxFlameLevels(1100, 2)).toBe(744);
    expect(maxFlameLevels(1100, 2) * 22 * 2).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
  });

  it('and within the area limit on very wide panels', () => {
    const levels = maxFlameLevels(3840, 3);
    expect(3840 * 3 * levels * 22 * 3).toBeLessThanOrEqual(MAX_CANVAS_AREA);
    expect(levels).toBeLessThan(Math.floor(MAX_CANVAS_SIDE / 66));
  });
});

describe('fitFlameLevels', () => {
  it('returns a frame that fits unchanged', () => {
    const frame = chain(5);
    expect(fitFlameLevels(frame, 5)).toEqual({ frame, levels: 5 });
  });

  it('folds everything below the last level into one "[truncated]" node per parent, keeping values', () => {
    const { frame, levels, truncatedAt } = fitFlameLevels(chain(10), 4);
    expect(levels).toBe(10);
    expect(truncatedAt).toBe(3);
    expect(col(frame, 'label')).toEqual(['total', 'd1', 'd2', TRUNCATED_LABEL, 'side']);
    expect(col(frame, 'level')).toEqual([0, 1, 2, 3, 1]);
    expect(col(frame, 'value')).toEqual([15, 10, 10, 10, 5]);
    expect(col(frame, 'self')).toEqual([0, 0, 0, 10, 5]);
    expect(frame.length).toBe(5);
  });

  it('merges several deep children of one parent and starts a new node for the next parent', () => {
    // total → a → {x → x1, y}, total → b → z
    const frame = createDataFrame({
      fields: [
        { name: 'level', type: FieldType.number, values: [0, 1, 2, 3, 2, 1, 2] },
        { name: 'value', type: FieldType.number, values: [10, 6, 4, 4, 2, 4, 4] },
        { name: 'self', type: FieldType.number, values: [0, 0, 0, 4, 2, 0, 4] },
        { name: 'label', type: FieldType.string, values: ['total', 'a', 'x', 'x1', 'y', 'b', 'z'] },
      ],
    });
    const fitted = fitFlameLevels(frame, 3).frame;
    expect(col(fitted, 'label')).toEqual(['total', 'a', TRUNCATED_LABEL, 'b', TRUNCATED_LABEL]);
    expect(col(fitted, 'value')).toEqual([10, 6, 6, 4, 4]);
    expect(col(fitted, 'self')).toEqual([0, 0, 6, 0, 4]);
  });

  it('adds "[truncated]" to an enum label field once', () => {
    const { frame } = fitFlameLevels(chain(6, FieldType.enum), 3);
    const label = frame.fields.find((f) => f.name === 'label')!;
    const text = label.config.type!.enum!.text!;
    expect(text.filter((t) => t === TRUNCATED_LABEL)).toHaveLength(1);
    expect(label.values.map((i) => text[i as number])).toEqual(['total', 'd1', TRUNCATED_LABEL, 'side']);
  });

  it('folds the right-hand values of a diff frame too', () => {
    const base = chain(5);
    const diff = createDataFrame({
      fields: [
        ...base.fields,
        { name: 'valueRight', type: FieldType.number, values: [7, 4, 4, 4, 4, 3] },
        { name: 'selfRight', type: FieldType.number, values: [0, 0, 0, 0, 4, 3] },
      ],
    });
    const fitted = fitFlameLevels(diff, 3).frame;
    expect(col(fitted, 'valueRight')).toEqual([7, 4, 4, 3]);
    expect(col(fitted, 'selfRight')).toEqual([0, 0, 4, 3]);
  });
});
