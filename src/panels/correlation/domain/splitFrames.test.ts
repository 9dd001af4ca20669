import { FieldType, createDataFrame } from '@grafana/data';
import { isFlameGraphFrame, splitFrames } from './splitFrames';

const series = createDataFrame({
  refId: 'A',
  fields: [
    { name: 'Time', type: FieldType.time, values: [1, 2] },
    { name: 'p99', type: FieldType.number, values: [0.1, 0.2] },
  ],
});
const flame = createDataFrame({
  refId: 'P',
  fields: [
    { name: 'level', type: FieldType.number, values: [0, 1] },
    { name: 'value', type: FieldType.number, values: [10, 4] },
    { name: 'self', type: FieldType.number, values: [6, 4] },
    { name: 'label', type: FieldType.string, values: ['total', 'main.work'] },
  ],
});
const table = createDataFrame({ refId: 'T', fields: [{ name: 'name', type: FieldType.string, values: ['x'] }] });

describe('splitFrames', () => {
  it('puts time series in series and the flame graph frame in profile', () => {
    const out = splitFrames([flame, series]);
    expect(out.series).toEqual([series]);
    expect(out.profile).toBe(flame);
    expect(out.ignored).toEqual([]);
  });

  it('keeps only the first flame graph and reports the rest and unknown frames as ignored', () => {
    const out = splitFrames([table, flame, flame]);
    expect(out.series).toEqual([]);
    expect(out.profile).toBe(flame);
    expect(out.ignored).toEqual([table, flame]);
  });

  it('recognises a flame graph frame by its fields', () => {
    expect(isFlameGraphFrame(flame)).toBe(true);
    expect(isFlameGraphFrame(series)).toBe(false);
  });

  it('takes a frame the data source marks as a flame graph even with fields missing (the panel reports them)', () => {
    const broken = createDataFrame({
      refId: 'P',
      meta: { preferredVisualisationType: 'flamegraph' },
      fields: [{ name: 'level', type: FieldType.number, values: [0] }],
    });
    expect(isFlameGraphFrame(broken)).toBe(true);
    expect(splitFrames([broken]).profile).toBe(broken);
  });
});
