/**
 * Structure of the generated provisioning: uids, references between objects, file-provisioning field names,
 * metric names against docs/metrics.md. (bad-inputs F11: a rule that names a data source by name or by a uid that is
 * not provisioned puts every rule in Error — this test fails instead.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import {
  CORRELATION_PANEL_TYPE,
  DASHBOARD_UIDS,
  EXPR_UID,
  FOLDER_TITLE,
  MIXED_UID,
  PROFILE_TYPES,
  PROMETHEUS_UID,
  PYROSCOPE_UID,
  RULE_TITLE_PREFIX,
} from '../src/constants';
import { GRAFANA_BUILTIN_UID } from '../src/dashboards/common';
import { bottleneckBasePath, bottleneckPath } from '../src/links';
import { ruleSpecs, grafanaMath, promqlCondition } from '../src/alerting/ruleSource';
import { contractMetrics, inContract, metricNames, REPO } from './contract';

const PROV = path.join(REPO, 'provisioning');
const load = (rel: string): any => yaml.load(fs.readFileSync(path.join(PROV, rel), 'utf8'));
const UID_RE = /^[a-zA-Z0-9_-]{1,40}$/;

const datasources = load('datasources/datasources.yaml').datasources as any[];
const dsUids = new Set(datasources.map((d) => d.uid));
const dashboardFiles = fs.readdirSync(path.join(PROV, 'dashboards')).filter((f) => f.endsWith('.json'));
const dashboards = new Map<string, any>(
  dashboardFiles.map((f) => {
    const d = JSON.parse(fs.readFileSync(path.join(PROV, 'dashboards', f), 'utf8'));
    return [d.uid, d];
  })
);
const ruleFile = load('alerting/rules.yaml');
const rules: any[] = ruleFile.groups.flatMap((g: any) => g.rules);
const contract = contractMetrics();

function walk(value: unknown, visit: (key: string, v: any) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v) => walk(v, visit));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit(k, v);
      walk(v, visit);
    }
  }
}

function dashboardExprs(d: any): string[] {
  const out: string[] = [];
  walk(d, (k, v) => {
    if ((k === 'expr' || k === 'definition') && typeof v === 'string') {
      out.push(v.replace(/^label_values\((.*), \w+\)$/, '$1'));
    }
  });
  return out;
}

describe('data sources', () => {
  it('provisions Prometheus and Pyroscope with the fixed uids everything refers to', () => {
    expect(datasources.map((d) => [d.uid, d.type, d.url])).toEqual([
      [PROMETHEUS_UID, 'prometheus', 'http://prometheus:9090'],
      [PYROSCOPE_UID, 'grafana-pyroscope-datasource', 'http://pyroscope:4040'],
    ]);
    for (const d of datasources) {
      expect(d.uid).toMatch(UID_RE);
    }
  });

  it('the app provisioning carries no scaffold placeholders', () => {
    const apps = load('plugins/apps.yaml').apps;
    expect(apps).toEqual([{ type: 'hotpath-hotpath-app', org_id: 1, org_name: 'hotpath', disabled: false }]);
  });
});

describe('dashboards', () => {
  it('are the four Hotpath dashboards, with valid fixed uids', () => {
    expect([...dashboards.keys()].sort()).toEqual(Object.values(DASHBOARD_UIDS).sort());
    for (const uid of dashboards.keys()) {
      expect(uid).toMatch(UID_RE);
    }
  });

  it.each([...dashboards.keys()])(
    '%s refers to data sources only through variables (imports into any Grafana)',
    (uid) => {
      const refs: string[] = [];
      walk(dashboards.get(uid), (k, v) => {
        if (k === 'datasource' && v && typeof v === 'object' && 'uid' in v) {
          refs.push(v.uid);
        }
      });
      const allowed = new Set(['${datasource}', '${pyroscope}', MIXED_UID, GRAFANA_BUILTIN_UID]);
      expect(refs.filter((r) => !allowed.has(r))).toEqual([]);
      // the variables default to the provisioned uids
      for (const v of dashboards.get(uid).templating?.list ?? []) {
        if (v.type === 'datasource') {
          expect(dsUids.has(v.current.value)).toBe(true);
        }
      }
    }
  );

  it.each([...dashboards.keys()])('%s has unique panel ids', (uid) => {
    const ids = dashboards.get(uid).panels.map((p: any) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id: unknown) => Number.isInteger(id))).toBe(true);
  });

  it.each([...dashboards.keys()])('%s names only metrics of docs/metrics.md', (uid) => {
    const names = dashboardExprs(dashboards.get(uid)).flatMap(metricNames);
    expect(names.filter((n) => !inContract(n, contract))).toEqual([]);
  });

  it('RED overview has the data source, service and route variables', () => {
    const vars = dashboards.get(DASHBOARD_UIDS.red).templating.list.map((v: any) => v.name);
    expect(vars).toEqual(['datasource', 'service', 'route']);
  });

  it('Bottleneck: the Hotpath panel, mixed, with Prometheus A–D and the Pyroscope CPU profile P', () => {
    const d = dashboards.get(DASHBOARD_UIDS.bottleneck);
    const panel = d.panels.find((p: any) => p.type === CORRELATION_PANEL_TYPE);
    expect(panel.datasource).toEqual({ type: 'datasource', uid: MIXED_UID });
    expect(panel.options).toEqual({});
    expect(panel.targets.map((t: any) => [t.refId, t.datasource.uid])).toEqual([
      ['A', '${datasource}'],
      ['B', '${datasource}'],
      ['C', '${datasource}'],
      ['D', '${datasource}'],
      ['P', '${pyroscope}'],
    ]);
    const p = panel.targets[4];
    expect(p).toMatchObject({
      queryType: 'profile',
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      labelSelector: '{service_name="$service"}',
      groupBy: [],
    });
  });

  it('Bottleneck: one core flame graph per Go profile type, on the Pyroscope variable', () => {
    const flames = dashboards.get(DASHBOARD_UIDS.bottleneck).panels.filter((p: any) => p.type === 'flamegraph');
    expect(flames.map((p: any) => p.targets[0].profileTypeId)).toEqual(Object.values(PROFILE_TYPES));
    for (const p of flames) {
      expect(p.datasource.uid).toBe('${pyroscope}');
      expect(p.targets[0].queryType).toBe('profile');
    }
  });

  it('Alerts: alert lists filtered to the Hotpath rule titles', () => {
    const lists = dashboards.get(DASHBOARD_UIDS.alerts).panels;
    expect(lists.map((p: any) => [p.type, p.options.alertName])).toEqual([
      ['alertlist', RULE_TITLE_PREFIX],
      ['alertlist', RULE_TITLE_PREFIX],
    ]);
    for (const r of rules) {
      expect(r.title.startsWith(RULE_TITLE_PREFIX)).toBe(true);
    }
  });

  it('the provider puts them in the Hotpath folder, by title like the rules', () => {
    const provider = load('dashboards/dashboards.yaml').providers[0];
    expect(provider.folder).toBe(FOLDER_TITLE);
    expect(provider.folderUid).toBeUndefined();
    expect(provider.options.path).toBe('/etc/grafana/provisioning/dashboards');
    expect(ruleFile.groups[0].folder).toBe(FOLDER_TITLE);
  });
});

/** Keys Grafana's file reader knows for a rule (AlertRuleV1); anything else is silently dropped by Grafana. */
const FILE_RULE_KEYS = new Set([
  'uid',
  'title',
  'condition',
  'data',
  'dashboardUid',
  'panelId',
  'noDataState',
  'execErrState',
  'for',
  'keepFiringFor',
  'missing_series_evals_to_resolve',
  'annotations',
  'labels',
  'isPaused',
  'notification_settings',
  'record',
]);

describe('alert rules (file provisioning)', () => {
  it('one group "hotpath" in folder Hotpath, evaluated every minute', () => {
    expect(ruleFile.apiVersion).toBe(1);
    expect(ruleFile.groups.map((g: any) => [g.orgId, g.name, g.folder, g.interval])).toEqual([
      [1, 'hotpath', FOLDER_TITLE, '1m'],
    ]);
    expect(rules.map((r) => r.uid)).toEqual([
      'hotpath-latency-spike',
      'hotpath-latency-slo',
      'hotpath-error-spike',
      'hotpath-goroutine-growth',
    ]);
  });

  it.each(rules.map((r) => [r.uid, r]))(
    '%s uses only file-format keys (keepFiringFor camelCase, missing_series_evals_to_resolve snake_case)',
    (_uid, r) => {
      expect(Object.keys(r).filter((k) => !FILE_RULE_KEYS.has(k))).toEqual([]);
      expect(r.uid).toMatch(UID_RE);
      expect(typeof r.keepFiringFor).toBe('string');
      expect(r.missing_series_evals_to_resolve).toBeGreaterThanOrEqual(1);
      expect(['OK', 'NoData', 'Alerting', 'KeepLast']).toContain(r.noDataState);
      expect(['OK', 'Error', 'Alerting', 'KeepLast']).toContain(r.execErrState);
      expect(r.for).toMatch(/^\d+[smh]$/);
    }
  );

  it.each(rules.map((r) => [r.uid, r]))(
    '%s queries the provisioned Prometheus uid (not a name) and expressions only',
    (_uid, r) => {
      for (const q of r.data) {
        expect([PROMETHEUS_UID, EXPR_UID]).toContain(q.datasourceUid);
        expect(q.model.refId).toBe(q.refId);
        expect(q.model.datasource.uid).toBe(q.datasourceUid);
        if (q.datasourceUid === PROMETHEUS_UID) {
          expect(dsUids.has(q.datasourceUid)).toBe(true);
          expect(q.model.instant).toBe(true);
          expect(q.relativeTimeRange.from).toBeGreaterThan(0);
        }
      }
    }
  );

  it.each(rules.map((r) => [r.uid, r]))('%s: the condition is a math node over existing refIds', (_uid, r) => {
    const refs = new Set(r.data.map((q: any) => q.refId));
    const cond = r.data.find((q: any) => q.refId === r.condition);
    expect(cond.model.type).toBe('math');
    const used = [...cond.model.expression.matchAll(/\$([A-Z])/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((u) => !refs.has(u) || u === r.condition)).toEqual([]);
  });

  it.each(rules.map((r) => [r.uid, r]))(
    '%s: annotations point at an existing panel, the runbook and the Bottleneck link',
    (_uid, r) => {
      const a = r.annotations;
      expect(a.summary).toBeTruthy();
      expect(a.description).toMatch(/\$values\.[A-Z]/);
      const d = dashboards.get(a.__dashboardUid__);
      expect(d).toBeDefined();
      expect(d.panels.map((p: any) => String(p.id))).toContain(a.__panelId__);
      expect(r.dashboardUid).toBe(a.__dashboardUid__);
      expect(String(r.panelId)).toBe(a.__panelId__);
      const runbook = a.runbook_url.split('/docs/runbooks/')[1];
      expect(fs.existsSync(path.join(REPO, 'docs', 'runbooks', runbook))).toBe(true);
      expect(a.bottleneck_url).toContain(bottleneckBasePath() + '?var-service={{ $labels.service | urlquery }}');
    }
  );

  it.each(rules.map((r) => [r.uid, r]))(
    '%s: labels are static (file provisioning would env-expand a $ in a label)',
    (_uid, r) => {
      expect(Object.keys(r.labels)).toEqual(['severity']);
      expect(JSON.stringify(r.labels)).not.toContain('$');
    }
  );

  it.each(rules.map((r) => [r.uid, r]))('%s names only metrics of docs/metrics.md', (_uid, r) => {
    const names = r.data.filter((q: any) => q.model.expr).flatMap((q: any) => metricNames(q.model.expr));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n: string) => !inContract(n, contract))).toEqual([]);
  });

  it('F8: a Prometheus outage or query error puts every rule in Error (DatasourceError after the pending period)', () => {
    expect(rules.map((r) => [r.uid, r.execErrState])).toEqual(rules.map((r) => [r.uid, 'Error']));
  });

  it('F9: metric gone → only the SLO rule reports NoData (once); series that vanish resolve after 3 evaluations', () => {
    expect(rules.map((r) => [r.uid, r.noDataState])).toEqual([
      ['hotpath-latency-spike', 'OK'],
      ['hotpath-latency-slo', 'NoData'],
      ['hotpath-error-spike', 'OK'],
      ['hotpath-goroutine-growth', 'OK'],
    ]);
    expect(rules.every((r) => r.missing_series_evals_to_resolve === 3)).toBe(true);
  });

  it('F10: pending and keep-firing periods are set (their effect is tested by promtool)', () => {
    expect(rules.map((r) => [r.uid, r.for, r.keepFiringFor])).toEqual([
      ['hotpath-latency-spike', '3m', '5m'],
      ['hotpath-latency-slo', '5m', '5m'],
      ['hotpath-error-spike', '3m', '5m'],
      ['hotpath-goroutine-growth', '15m', '10m'],
    ]);
  });

  it('per-route rules group by (job, route) and copy job into service', () => {
    for (const spec of ruleSpecs()) {
      for (const q of spec.queries) {
        expect(q.expr).toContain('label_replace(');
        expect(q.expr).toContain(spec.perRoute ? 'by (job, route' : 'by (job)');
      }
    }
  });

  it('Grafana math and the Prometheus expression come from the same comparisons', () => {
    for (const spec of ruleSpecs()) {
      const math = grafanaMath(spec.conditions);
      const promql = promqlCondition(spec);
      expect(math.split(' && ')).toHaveLength(spec.conditions.length);
      expect(promql.split('\nand\n')).toHaveLength(spec.conditions.length);
    }
  });
});

describe('contact point, policy and template', () => {
  const cps = load('alerting/contact-points.yaml').contactPoints;
  const policy = load('alerting/policies.yaml').policies[0];
  const templates = load('alerting/templates.yaml').templates;

  it('webhook to the docker compose alert-receiver', () => {
    expect(cps).toHaveLength(1);
    expect(cps[0].receivers[0]).toMatchObject({
      type: 'webhook',
      settings: { url: 'http://alert-receiver:8080/alerts' },
    });
    expect(cps[0].receivers[0].uid).toMatch(UID_RE);
  });

  it('the policy routes to that contact point', () => {
    const names = new Set(cps.map((c: any) => c.name));
    expect(names.has(policy.receiver)).toBe(true);
    for (const r of policy.routes) {
      expect(names.has(r.receiver)).toBe(true);
    }
  });

  it('every template the contact point calls is defined', () => {
    const defined = new Set(
      templates.flatMap((t: any) => [...t.template.matchAll(/define "([^"]+)"/g)].map((m: any) => m[1]))
    );
    const called = JSON.stringify(cps).match(/template \\"([^\\]+)\\"/g) ?? [];
    expect(called.length).toBeGreaterThan(0);
    for (const c of called) {
      expect(defined.has(c.replace(/template \\"|\\"/g, ''))).toBe(true);
    }
  });

  it('the message carries the summary, the values and the Bottleneck link from links.ts', () => {
    const t = templates[0].template;
    expect(t).toContain('.Annotations.summary');
    expect(t).toContain('.Values');
    expect(t).toContain(bottleneckBasePath() + '?var-service=');
  });
});

describe('links.ts', () => {
  it('builds the Bottleneck URL for plain values (the app)', () => {
    expect(bottleneckPath({ service: 'hotpath-demo', route: '/api/products', from: 1000, to: 2000 })).toBe(
      '/d/hotpath-bottleneck/bottleneck?var-service=hotpath-demo&var-route=%2Fapi%2Fproducts&from=1000&to=2000'
    );
    expect(bottleneckPath({ service: 'a b', from: 'now-1h', to: 'now' })).toBe(
      '/d/hotpath-bottleneck/bottleneck?var-service=a%20b&var-route=$__all&from=now-1h&to=now'
    );
  });

  it('is the only place that spells the Bottleneck path', () => {
    const srcDir = path.join(PROV, 'src');
    const offenders: string[] = [];
    const visit = (dir: string) => {
      for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, f.name);
        if (f.isDirectory()) {
          visit(p);
        } else if (f.name !== 'links.ts' && /\/d\/|hotpath-bottleneck\/bottleneck/.test(fs.readFileSync(p, 'utf8'))) {
          offenders.push(path.relative(srcDir, p));
        }
      }
    };
    visit(srcDir);
    expect(offenders).toEqual([]);
  });
});

describe('the provisioned Prometheus data source and the compose Prometheus', () => {
  it('declare the same scrape interval, so $__rate_interval covers at least four scrapes', () => {
    const root = path.resolve(__dirname, '..', '..');
    const scrape = /scrape_interval:\s*(\S+)/.exec(fs.readFileSync(path.join(root, 'deploy/prometheus/prometheus.yml'), 'utf8'));
    const declared = /timeInterval:\s*(\S+)/.exec(fs.readFileSync(path.join(root, 'provisioning/datasources/datasources.yaml'), 'utf8'));
    expect(scrape?.[1]).toBeDefined();
    expect(declared?.[1]).toBe(scrape?.[1]);
  });
});
