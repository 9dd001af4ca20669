// Sums the results of every runner that scripts/test.sh ran (jest JSON, Playwright JSON, go test -v output)
// into one table and the plain closing line "N passed, N failed, N skipped" that CI reads.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const rows = [];

for (const file of fs.readdirSync(dir).sort()) {
  const full = path.join(dir, file);
  if (file.startsWith('jest-') && file.endsWith('.json')) {
    const r = JSON.parse(fs.readFileSync(full, 'utf8'));
    rows.push([file.slice(5, -5), r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites, r.numPendingTests + r.numTodoTests]);
  } else if (file.startsWith('playwright-') && file.endsWith('.json')) {
    const s = JSON.parse(fs.readFileSync(full, 'utf8')).stats;
    rows.push([file.slice(11, -5), s.expected + s.flaky, s.unexpected, s.skipped]);
  } else if (file === 'go-test.txt') {
    const text = fs.readFileSync(full, 'utf8');
    const count = (re) => (text.match(re) || []).length;
    rows.push(['go', count(/^\s*--- PASS/gm), count(/^\s*--- FAIL/gm) + count(/^FAIL\s/gm), count(/^\s*--- SKIP/gm)]);
  }
}

// Every runner scripts/test.sh starts must have left its results: a missing file means tests ran uncounted.
const expected = ['plugin', 'profile-core', 'provisioning', 'go', 'host', 'integration', 'e2e'];
const missing = expected.filter((name) => !rows.some((r) => r[0] === name));

const total = rows.reduce((t, r) => [t[0] + r[1], t[1] + r[2], t[2] + r[3]], [0, 0, 0]);
process.stdout.write('\nTest summary\n');
for (const [name, p, f, s] of rows) {
  process.stdout.write(`  ${name.padEnd(16)} ${String(p).padStart(5)} passed ${String(f).padStart(4)} failed ${String(s).padStart(4)} skipped\n`);
}
if (missing.length) {
  process.stdout.write(`  no results from: ${missing.join(', ')} (that stage failed before its runner reported, or its report went elsewhere)\n`);
}
process.stdout.write(`tests: ${total[0]} passed, ${total[1]} failed, ${total[2]} skipped\n`);
process.exitCode = missing.length ? 1 : 0;
