// Checks the built plugin the way Grafana will meet it, before any browser test: both plugins' module.js exist,
// every plugin.json has its version filled in and every logo it names exists, and no bundle evaluates strings
// (Grafana may run with a CSP without 'unsafe-eval').
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.argv[2] ?? 'dist');
const problems = [];
const pluginDirs = ['.', 'panels/correlation'];

for (const dir of pluginDirs) {
  const base = path.join(dist, dir);
  for (const file of ['module.js', 'plugin.json']) {
    if (!fs.existsSync(path.join(base, file))) {
      problems.push(`${dir}/${file} is missing`);
    }
  }
  if (!fs.existsSync(path.join(base, 'plugin.json'))) {
    continue;
  }
  const meta = JSON.parse(fs.readFileSync(path.join(base, 'plugin.json'), 'utf8'));
  if (!/^\d+\.\d+\.\d+/.test(meta.info?.version ?? '')) {
    problems.push(`${dir}/plugin.json: version not filled in (${meta.info?.version})`);
  }
  for (const logo of new Set(Object.values(meta.info?.logos ?? {}))) {
    if (!fs.existsSync(path.join(base, logo))) {
      problems.push(`${dir}/plugin.json names ${logo}, which is not in dist/`);
    }
  }
}

const jsFiles = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? jsFiles(full) : e.name.endsWith('.js') ? [full] : [];
  });
const forbidden = [/\bnew Function\s*\(/, /(^|[^.\w$])eval\s*\(/];
for (const file of fs.existsSync(dist) ? jsFiles(dist) : []) {
  const code = fs.readFileSync(file, 'utf8');
  for (const re of forbidden) {
    const m = re.exec(code);
    if (m) {
      problems.push(`${path.relative(dist, file)} evaluates strings: …${code.slice(Math.max(0, m.index - 60), m.index + 40)}…`);
    }
  }
}

if (problems.length) {
  process.stderr.write(`dist/ check failed:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`dist/ check: ${pluginDirs.length} plugins, no string evaluation in ${jsFiles(dist).length} bundles\n`);
