/** Helpers shared by the structure tests: the metrics contract and PromQL metric-name extraction. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');

/** Metric names listed in docs/metrics.md (first cell of the metric tables + the Go runtime list). */
export function contractMetrics(): Set<string> {
  const md = fs.readFileSync(path.join(REPO, 'docs', 'metrics.md'), 'utf8');
  const names = new Set<string>();
  for (const line of md.split('\n')) {
    const cell = /^\|\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`\s*\|/.exec(line);
    if (cell) {
      names.add(cell[1]);
    }
  }
  const goSection = md.split(/^## Go runtime and process/m)[1] ?? '';
  for (const m of goSection.matchAll(/`([a-z_:][a-z0-9_:]*)`/g)) {
    names.add(m[1]);
  }
  return names;
}

const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'inf',
  'nan',
]);

/** Metric names a PromQL expression reads (selectors), ignoring labels, strings, functions and keywords. */
export function metricNames(expr: string): string[] {
  let s = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  s = s.replace(/\{[^}]*\}/g, ' ');
  s = s.replace(/\[[^\]]*\]/g, ' ');
  s = s.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  s = s.replace(/\boffset\s+[0-9a-z]+/g, ' ');
  const out = new Set<string>();
  for (const m of s.matchAll(/(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![a-zA-Z0-9_:])(?!\s*\()/g)) {
    if (!KEYWORDS.has(m[1].toLowerCase())) {
      out.add(m[1]);
    }
  }
  return [...out];
}

/** histogram/summary series names resolve to their family (`x_bucket` → `x`). */
export function inContract(name: string, contract: Set<string>): boolean {
  if (contract.has(name)) {
    return true;
  }
  const family = name.replace(/_(bucket|sum|count)$/, '');
  return family !== name && contract.has(family);
}

/** Grafana dashboard variables → something promtool parses. */
export function substituteGrafanaVariables(expr: string): string {
  return expr
    .replace(/\$__rate_interval|\$__interval|\$__range/g, '1m')
    .replace(/\$\{[a-zA-Z_]+(:[a-z]+)?\}/g, 'x')
    .replace(/\$[a-zA-Z_]+/g, 'x');
}
