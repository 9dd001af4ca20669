/**
 * Every PromQL parses (promtool check rules) and the rule logic holds (promtool test rules):
 * fires on a spike, quiet on steady traffic, on an idle service, under the floors and on a blip shorter than the
 * pending period, and resolves after the spike. Needs Debian's `prometheus` package (promtool).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { dashboards } from '../src/outputs';
import { prometheusRuleFile } from '../src/alerting/prometheusRules';
import { describeWithTool, run } from './tools';
import { metricNames, substituteGrafanaVariables } from './contract';

const PROV = path.resolve(__dirname, '..');
const HINT = 'apt-get install -y --no-install-recommends prometheus';

describe('metric name extraction (used by the contract checks)', () => {
  it('finds selectors and skips functions, labels, strings and keywords', () => {
    expect(
      metricNames(
        'label_replace(sum by (job, route) (rate(http_requests_total{code=~"5.."}[5m] offset 1h)) or x_bucket * 0, "service", "$1", "job", "(.*)") and on (job) up'
      ).sort()
    ).toEqual(['http_requests_total', 'up', 'x_bucket']);
  });
});

describeWithTool('promtool', HINT, 'promtool', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-promtool-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('check rules: the generated Prometheus rules parse', () => {
    const r = run('promtool', ['check', 'rules', path.join(PROV, 'generated', 'prometheus-rules.yml')]);
    expect(r.out).toContain('SUCCESS: 4 rules found');
    expect(r.status).toBe(0);
  });

  it("check rules: the rules rendered with the live test's short windows parse too", () => {
    const file = path.join(tmp, 'live.yml');
    fs.writeFileSync(
      file,
      yaml.dump(
        prometheusRuleFile({
          window: '30s',
          shortWindow: '15s',
          baseline: '2m',
          baselineStep: '5s',
          growthWindow: '2m',
        })
      )
    );
    const r = run('promtool', ['check', 'rules', file]);
    expect(r.status).toBe(0);
  });

  it('check rules: every dashboard query parses (Grafana variables substituted)', () => {
    const rules: Array<{ record: string; expr: string }> = [];
    for (const [uid, d] of Object.entries(dashboards())) {
      const visit = (v: unknown, where: string) => {
        if (Array.isArray(v)) {
          v.forEach((x, i) => visit(x, `${where}[${i}]`));
        } else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            if (k === 'expr' && typeof x === 'string') {
              rules.push({
                record: `dashboard:${uid.replace(/-/g, '_')}:${rules.length}`,
                expr: substituteGrafanaVariables(x),
              });
            } else {
              visit(x, `${where}.${k}`);
            }
          }
        }
      };
      visit(d, uid);
    }
    expect(rules.length).toBeGreaterThan(15);
    const file = path.join(tmp, 'dashboards.yml');
    fs.writeFileSync(file, yaml.dump({ groups: [{ name: 'dashboards', rules }] }));
    const r = run('promtool', ['check', 'rules', file]);
    expect(r.out).toContain(`SUCCESS: ${rules.length} rules found`);
    expect(r.status).toBe(0);
  });

  const testFiles = fs.readdirSync(__dirname).filter((f) => f.endsWith('.promtool.yml'));
  it('there are promtool test files for latency, errors and goroutines', () => {
    expect(testFiles.sort()).toEqual(['errors.promtool.yml', 'goroutines.promtool.yml', 'latency.promtool.yml']);
  });

  it.each(testFiles)('test rules: %s', (f) => {
    const r = run('promtool', ['test', 'rules', f], { cwd: __dirname });
    if (r.status !== 0) {
      throw new Error(r.out);
    }
    expect(r.out).toContain('SUCCESS');
  });
});
