/**
 * Static checks of docker-compose.yml (no Docker engine needed): Debian's docker-compose (v1.29) must accept it
 * (`docker-compose -f docker-compose.yml config`), it must define the services the README and the provisioning
 * name, with health checks and health-gated start order, and every host the provisioning talks to must be a
 * compose service listening on that port.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { load } from 'js-yaml';
import { join, resolve } from 'path';

const ROOT = resolve(__dirname, '../..');
const COMPOSE = join(ROOT, 'docker-compose.yml');

interface Service {
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  image?: string;
  entrypoint?: string[];
  environment?: Record<string, string>;
  ports?: Array<string | { published?: number | string; target: number; host_ip?: string }>;
  volumes?: Array<string | { source: string; target: string; type: string; read_only?: boolean }>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
}

const haveCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
if (!haveCompose && process.env.CI === 'true') {
  throw new Error('docker-compose (Debian package) is not installed but CI=true: apt-get install docker-compose');
}
const describeCompose = haveCompose ? describe : describe.skip;

/** Container ports a service listens on: published targets plus the ports its own config names. */
function containerPorts(s: Service): number[] {
  const out: number[] = [];
  for (const p of s.ports ?? []) {
    if (typeof p === 'string') {
      const m = /:(\d+)(\/\w+)?$/.exec(p);
      if (m) {
        out.push(Number(m[1]));
      }
    } else {
      out.push(Number(p.target));
    }
  }
  for (const v of Object.values(s.environment ?? {})) {
    const m = /^:(\d+)$/.exec(String(v));
    if (m) {
      out.push(Number(m[1]));
    }
  }
  return out;
}

function publishedPorts(s: Service): string[] {
  return (s.ports ?? []).map((p) =>
    typeof p === 'string' ? p.replace(/\/tcp$/, '') : `${p.host_ip ? p.host_ip + ':' : ''}${p.published}:${p.target}`
  );
}

/** Files under provisioning/ that Grafana reads (yaml/json), excluding the generator's sources. */
function provisioningFiles(dir = join(ROOT, 'provisioning')): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) {
      if (e !== 'src' && e !== 'node_modules') {
        out.push(...provisioningFiles(p));
      }
    } else if (/\.(ya?ml|json)$/.test(e)) {
      out.push(p);
    }
  }
  return out;
}

describeCompose('docker-compose.yml', () => {
  let services: Record<string, Service>;

  beforeAll(() => {
    const out = execFileSync('docker-compose', ['-f', COMPOSE, 'config'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    services = (load(out) as { services: Record<string, Service> }).services;
  });

  it('is accepted by `docker-compose config -q`', () => {
    const r = spawnSync('docker-compose', ['-f', COMPOSE, 'config', '-q'], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('defines exactly the stack services', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['alert-receiver', 'demo', 'grafana', 'load', 'prometheus', 'pyroscope', 'upstream'].sort()
    );
  });

  it.each([
    ['grafana', '3000:3000'],
    ['prometheus', '9090:9090'],
    ['pyroscope', '4040:4040'],
    ['demo', '8080:8080'],
    ['demo', '127.0.0.1:6060:6060'],
    ['alert-receiver', '8081:8080'],
  ])('%s publishes %s (the README ports)', (name, port) => {
    expect(publishedPorts(services[name])).toContain(port);
  });

  it('never publishes the demo admin port (pprof, switches) beyond loopback', () => {
    const admin = publishedPorts(services.demo).filter((p) => p.endsWith(':6060'));
    expect(admin).toEqual(['127.0.0.1:6060:6060']);
  });

  it('health-gates every dependency, and every service that others wait for has a health check', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [dep, cond] of Object.entries(s.depends_on ?? {})) {
        expect({ name, dep, condition: cond.condition }).toEqual({ name, dep, condition: 'service_healthy' });
        expect({ dep, healthcheck: Boolean(services[dep]?.healthcheck) }).toEqual({ dep, healthcheck: true });
      }
    }
    expect(Object.keys(services.grafana.depends_on ?? {}).sort()).toEqual([
      'alert-receiver',
      'prometheus',
      'pyroscope',
    ]);
    expect(Object.keys(services.load.depends_on ?? {})).toEqual(['demo']);
  });

  it('builds Grafana with the plugin from this repo and allows exactly the plugin ids of src/', () => {
    const g = services.grafana;
    expect(g.build?.dockerfile).toBe('deploy/grafana/Dockerfile');
    expect(existsSync(join(ROOT, 'deploy/grafana/Dockerfile'))).toBe(true);
    const ids = ['src/plugin.json', 'src/panels/correlation/plugin.json']
      .filter((f) => existsSync(join(ROOT, f)))
      .map((f) => (JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as { id: string }).id);
    expect(ids.length).toBeGreaterThan(0);
    const allowed = (g.environment?.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS ?? '').split(',');
    expect([...allowed].sort()).toEqual([...ids].sort());
    const dockerfile = readFileSync(join(ROOT, 'deploy/grafana/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/FROM node:20/);
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toContain(`/var/lib/grafana/plugins/${ids[0]}`);
    expect(g.environment?.GF_AUTH_ANONYMOUS_ENABLED).toBe('true');
    expect(g.environment?.GF_AUTH_ANONYMOUS_ORG_ROLE).toBe('Admin');
    const mounts = (g.volumes ?? []).map((v) => (typeof v === 'string' ? v : `${v.source}:${v.target}`));
    expect(mounts.some((m) => m.startsWith(join(ROOT, 'provisioning') + ':/etc/grafana/provisioning'))).toBe(true);
  });

  it('sends the demo profiles to pyroscope and builds it from demo/', () => {
    const d = services.demo;
    expect(d.build?.context).toBe(join(ROOT, 'demo'));
    expect(d.environment?.PYROSCOPE_URL).toBe('http://pyroscope:4040');
    expect(d.environment?.HOTPATH_SERVICE_NAME).toBe('hotpath-demo');
    expect(services.load.environment?.LOAD_TARGET).toBe('http://demo:8080');
    expect(d.environment?.HOTPATH_UPSTREAM_URL).toBe('http://upstream:8081');
  });

  it('has Prometheus scrape the demo as job hotpath-demo (and promtool accepts the config)', () => {
    const cfg = load(readFileSync(join(ROOT, 'deploy/prometheus/prometheus.yml'), 'utf8')) as {
      scrape_configs: Array<{ job_name: string; static_configs: Array<{ targets: string[] }> }>;
    };
    const job = cfg.scrape_configs.find((j) => j.job_name === 'hotpath-demo');
    expect(job?.static_configs.flatMap((s) => s.targets)).toEqual(['demo:8080']);
    if (spawnSync('promtool', ['--version']).status === 0) {
      const r = spawnSync(
        'promtool',
        ['check', 'config', '--syntax-only', join(ROOT, 'deploy/prometheus/prometheus.yml')],
        { encoding: 'utf8' }
      );
      expect({ status: r.status, out: r.stdout + r.stderr }).toMatchObject({ status: 0 });
    }
  });

  it('contains every service the provisioning talks to, on the port it uses', () => {
    const urls = new Set<string>();
    for (const f of provisioningFiles()) {
      for (const m of readFileSync(f, 'utf8').matchAll(/https?:\/\/([a-z0-9-]+):(\d+)/g)) {
        urls.add(`${m[1]}:${m[2]}`);
      }
    }
    const hosts = [...urls].filter((u) => !/^(localhost|127\.)/.test(u));
    expect(hosts.length).toBeGreaterThan(0);
    for (const u of hosts) {
      const [host, port] = u.split(':');
      expect({ host, defined: host in services }).toEqual({ host, defined: true });
      expect({ host, port: containerPorts(services[host]).includes(Number(port)) }).toEqual({ host, port: true });
    }
  });
});
