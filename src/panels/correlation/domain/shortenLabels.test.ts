import { FieldType, createDataFrame } from '@grafana/data';
import { MAX_LABEL_LENGTH, shortenLabels } from './shortenLabels';

const long = `main.huge${'x'.repeat(65_535)}`;

describe('shortenLabels', () => {
  it('cuts long string labels and marks the cut', () => {
    const frame = createDataFrame({ fields: [{ name: 'label', type: FieldType.string, values: ['total', long] }] });
    const out = shortenLabels(frame).fields[0].values;
    expect(out[0]).toBe('total');
    expect(out[1]).toHaveLength(MAX_LABEL_LENGTH);
    expect(out[1]).toBe(`${long.slice(0, MAX_LABEL_LENGTH - 1)}…`);
  });

  it('cuts the text of an enum label field, leaving the indexes', () => {
    const frame = createDataFrame({
      fields: [{ name: 'label', type: FieldType.enum, values: [0, 1], config: { type: { enum: { text: ['total', long] } } } }],
    });
    const field = shortenLabels(frame, 20).fields[0];
    expect(field.values).toEqual([0, 1]);
    expect(field.config.type?.enum?.text).toEqual(['total', 'main.hugexxxxxxxxxx…']);
  });

  it('returns a frame without long labels as is', () => {
    const frame = createDataFrame({ fields: [{ name: 'label', type: FieldType.string, values: ['total', 'main.main'] }] });
    expect(shortenLabels(frame)).toBe(frame);
  });
});
