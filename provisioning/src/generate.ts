/**
 * Writes every generated provisioning file. Usage (from the repository root):
 *   npx tsx provisioning/src/generate.ts          write
 *   npx tsx provisioning/src/generate.ts --check  exit 1 if a committed file differs
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildOutputs, equivalent } from './outputs';

const root = path.resolve(__dirname, '..');
const check = process.argv.includes('--check');
let stale = 0;
for (const [rel, content] of Object.entries(buildOutputs())) {
  const file = path.join(root, rel);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (current !== undefined && equivalent(rel, current, content)) {
    continue;
  }
  if (check) {
    console.error(`stale: provisioning/${rel}`);
    stale++;
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    console.log(`wrote provisioning/${rel}`);
  }
}
if (stale) {
  console.error(`${stale} file(s) differ from the generator: run npx tsx provisioning/src/generate.ts`);
  process.exit(1);
}
