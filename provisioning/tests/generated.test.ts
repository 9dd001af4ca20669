/** The committed provisioning files are exactly what provisioning/src/generate.ts produces. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOutputs } from '../src/outputs';

const root = path.resolve(__dirname, '..');
const outputs = buildOutputs();

describe('generated provisioning files', () => {
  it.each(Object.keys(outputs))('provisioning/%s is up to date (else run: npx tsx provisioning/src/generate.ts)', (rel) => {
    const file = path.join(root, rel);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(outputs[rel]);
  });

  it.each(['dashboards', 'alerting', 'datasources', 'generated'])('provisioning/%s holds no file the generator does not write', (dir) => {
    const stray = fs
      .readdirSync(path.join(root, dir))
      .map((f) => `${dir}/${f}`)
      .filter((rel) => !(rel in outputs));
    expect(stray).toEqual([]);
  });

  it('is deterministic', () => {
    expect(buildOutputs()).toEqual(outputs);
  });
});
