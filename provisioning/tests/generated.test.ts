/** The committed provisioning files are exactly what provisioning/src/generate.ts produces. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOutputs, equivalent } from '../src/outputs';

const root = path.resolve(__dirname, '..');
const outputs = buildOutputs();

describe('generated provisioning files', () => {
  it.each(Object.keys(outputs))(
    'provisioning/%s is up to date (else run: npx tsx provisioning/src/generate.ts)',
    (rel) => {
      const file = path.join(root, rel);
      expect(fs.existsSync(file)).toBe(true);
      const committed = fs.readFileSync(file, 'utf8');
      if (!equivalent(rel, committed, outputs[rel])) {
        expect(committed).toBe(outputs[rel]); // shows the diff
      }
    }
  );

  it.each(['dashboards', 'alerting', 'datasources', 'generated'])(
    'provisioning/%s holds no file the generator does not write',
    (dir) => {
      const stray = fs
        .readdirSync(path.join(root, dir))
        .map((f) => `${dir}/${f}`)
        .filter((rel) => !(rel in outputs));
      expect(stray).toEqual([]);
    }
  );

  it('compares content, not formatting, and still catches a changed value', () => {
    expect(equivalent('x.json', '{"a": [1, 2]}', '{\n  "a": [\n    1,\n    2\n  ]\n}\n')).toBe(true);
    expect(equivalent('x.json', '{"a": [1, 2]}', '{"a": [1, 3]}')).toBe(false);
    expect(equivalent('x.yaml', "a: 'x'\n", 'a: "x"\n')).toBe(true);
    expect(equivalent('x.yaml', 'a: 1m\n', 'a: 2m\n')).toBe(false);
  });

  it('is deterministic', () => {
    expect(buildOutputs()).toEqual(outputs);
  });
});
