/**
 * profile-core benchmark (issue 3). One run measures, on every corpus profile, medians of our operations and of
 * the anchors on the same bytes:
 *   (a) pprof-format decode + a plain tree (Map children by function name)
 *   (b) (a) + @grafana/flamegraph's FlameGraphDataContainer (levels, sandwich, diff container)
 *   (c) speedscope's pprof import (pako inflate + importAsPprofProfile) — only when HOTPATH_SPEEDSCOPE_IMPORT is set
 *   floor: gunzip + one pass over all samples' location ids
 * Prints a table of ratios and writes bench/results.json. Run: `npm run bench -w @hotpath/profile-core`
 * (bundled with esbuild, run with node --expose-gc for the retained-bytes figures).
 */
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { cpus } from 'os';
import { join } from 'path';
import { constants as zc, deflateRawSync } from 'zlib';
import { gunzipSync, gzipSync } from 'fflate';
import { Profile as RefProfile } from 'pprof-format';
import {
  DEFAULT_LIMITS,
  ProfileBuilder,
  encodePprof,
  buildDiffFlameGraph,
  buildFlameGraph,
  decodeProfile,
  sandwich,
  searchProfile,
  topTable,
  type Profile,
} from '../packages/profile-core/src/index';
import { decodeProtobuf } from '../packages/profile-core/src/pprof/decodeProfile';

// Bundled to bench/.out/bench.js: the repo root is two folders up, the shared corpus beside the repo.
const CORPUS = process.env.HOTPATH_CORPUS ?? join(__dirname, '..', '..', '..', 'shared', 'corpus');
const OUT = process.env.HOTPATH_BENCH_OUT ?? join(__dirname, '..', 'results.json');
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

// ---------- timing ----------
function median(fn: () => unknown, budgetMs = 2500, minRuns = 3, maxRuns = 9): number {
  if (maxRuns > 3) {
    fn(); // warm-up (JIT); skipped for the multi-second anchors measured 1–3 times
  }
  const times: number[] = [];
  const start = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

function retainedPerNode(make: () => { keep: unknown; nodes: number }): number {
  // One untimed call first, so one-time allocations (compiled code, lazily built tables) are not counted as
  // retained by the result: on profiles of a few thousand nodes they were larger than the result itself.
  make();
  gc();
  gc();
  const m0 = process.memoryUsage();
  const r = make();
  gc();
  gc();
  const m1 = process.memoryUsage();
  const bytes = m1.heapUsed - m0.heapUsed + (m1.arrayBuffers - m0.arrayBuffers);
  void r.keep;
  return Math.round(bytes / r.nodes);
}

// ---------- anchor (a): pprof-format + plain tree ----------
interface PlainNode {
  name: string;
  value: number;
  self: number;
  children: Map<string, PlainNode>;
}
const num = (v: number | bigint) => (typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : v);

function refDecode(bytes: Uint8Array) {
  return RefProfile.decode(bytes[0] === 0x1f ? gunzipSync(bytes) : bytes);
}

function plainTree(ref: ReturnType<typeof refDecode>, typeIndex: number): { root: PlainNode; nodes: number } {
  const strings = ref.stringTable.strings;
  const fnName = new Map<number, string>();
  for (const f of ref.function) {
    fnName.set(num(f.id), strings[num(f.name)]);
  }
  const locFrames = new Map<number, string[]>();
  for (const l of ref.location) {
    locFrames.set(
      num(l.id),
      l.line.map((ln) => fnName.get(num(ln.functionId)) ?? '?')
    );
  }
  const root: PlainNode = { name: 'total', value: 0, self: 0, children: new Map() };
  let nodes = 1;
  for (const s of ref.sample) {
    const v = num(s.value[typeIndex]);
    if (v === 0) {
      continue;
    }
    root.value += v;
    let node = root;
    for (let i = s.locationId.length - 1; i >= 0; i--) {
      const frames = locFrames.get(num(s.locationId[i]))!;
      for (let j = frames.length - 1; j >= 0; j--) {
        let c = node.children.get(frames[j]);
        if (!c) {
          c = { name: frames[j], value: 0, self: 0, children: new Map() };
          node.children.set(frames[j], c);
          nodes++;
        }
        c.value += v;
        node = c;
      }
    }
    node.self += v;
  }
  return { root, nodes };
}

function defaultTypeIndex(ref: ReturnType<typeof refDecode>): number {
  const strings = ref.stringTable.strings;
  const want = num(ref.defaultSampleType);
  const i = want ? ref.sampleType.findIndex((t) => num(t.type) === want) : -1;
  return i >= 0 ? i : ref.sampleType.length - 1;
  void strings;
}

// ---------- anchor (b): @grafana/flamegraph data container ----------
type Container = {
  getLevels(): unknown[];
  getSandwichLevels(label: string): unknown;
};
let makeContainer: ((frame: unknown) => Container) | undefined;
let makeFrame: ((cols: Record<string, unknown[]>) => unknown) | undefined;

async function loadGrafana(): Promise<string | undefined> {
  try {
    // @grafana/data and the flame graph's data transform expect a browser: give them jsdom.
    const { JSDOM } = require('jsdom');
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
    const g = globalThis as Record<string, unknown>;
    g.window = dom.window;
    g.document = dom.window.document;
    g.navigator = dom.window.navigator;
    g.localStorage = dom.window.localStorage;
    g.HTMLElement = dom.window.HTMLElement;
    g.getComputedStyle = dom.window.getComputedStyle;
    const mm = () => ({ matches: false, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} });
    g.matchMedia = mm;
    dom.window.matchMedia = mm;
    const data = await import('@grafana/data');
    // @ts-ignore deep import of the container (not in the package's exports map)
    const ft = await import('../node_modules/@grafana/flamegraph/dist/esm/FlameGraph/dataTransform.mjs');
    makeFrame = (cols) =>
      data.createDataFrame({
        fields: Object.entries(cols).map(([name, values]) => ({
          name,
          type: name === 'label' ? data.FieldType.string : data.FieldType.number,
          values,
        })),
      });
    makeContainer = (frame) => new ft.FlameGraphDataContainer(frame, { collapsing: true });
    return undefined;
  } catch (e) {
    return String(e);
  }
}

/** Plain tree → nested-set columns (what a data source hands @grafana/flamegraph). */
function plainToColumns(root: PlainNode, right?: PlainNode): Record<string, unknown[]> {
  const level: number[] = [];
  const value: number[] = [];
  const self: number[] = [];
  const label: string[] = [];
  const valueRight: number[] = [];
  const selfRight: number[] = [];
  const stack: Array<[PlainNode | undefined, PlainNode | undefined, number]> = [[root, right, 0]];
  while (stack.length) {
    const [l, r, d] = stack.pop()!;
    level.push(d);
    label.push((l ?? r)!.name);
    const lv = l?.value ?? 0;
    const rv = r?.value ?? 0;
    value.push(lv + rv);
    self.push((l?.self ?? 0) + (r?.self ?? 0));
    valueRight.push(rv);
    selfRight.push(r?.self ?? 0);
    const names = new Set([...(l?.children.keys() ?? []), ...(r?.children.keys() ?? [])]);
    for (const n of [...names].sort().reverse()) {
      stack.push([l?.children.get(n), r?.children.get(n), d + 1]);
    }
  }
  return right ? { level, value, self, label, valueRight, selfRight } : { level, value, self, label };
}

// ---------- anchor (c): speedscope's pprof import ----------
// speedscope publishes no importable library (its npm package is the built app), and this repo commits none of its
// code. So (c) is measured only when HOTPATH_SPEEDSCOPE_IMPORT names a CommonJS module, compiled from speedscope's
// MIT source outside this repo, whose importPprof(bytes) runs what speedscope does with a dropped file:
// MaybeCompressedDataReader's pako.inflate, then importAsPprofProfile (decode + its call-tree Profile).
type SpeedscopeImport = (bytes: Uint8Array) => { getTotalWeight(): number };
function loadSpeedscope(): { importPprof?: SpeedscopeImport; status: string } {
  const path = process.env.HOTPATH_SPEEDSCOPE_IMPORT;
  if (!path) {
    return { status: 'not measured: HOTPATH_SPEEDSCOPE_IMPORT is not set' };
  }
  try {
    const mod = createRequire(__filename)(path) as { importPprof?: SpeedscopeImport };
    if (typeof mod.importPprof !== 'function') {
      return { status: `not measured: ${path} exports no importPprof` };
    }
    return { importPprof: mod.importPprof, status: `speedscope importAsPprofProfile via ${path}` };
  } catch (e) {
    return { status: `not measured: ${String(e)}` };
  }
}

// ---------- floor: gunzip + one pass over location ids ----------
function floorPass(bytes: Uint8Array): number {
  const buf = bytes[0] === 0x1f ? gunzipSync(bytes) : bytes;
  let pos = 0;
  let sum = 0;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      b = buf[pos++];
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return v;
  };
  while (pos < buf.length) {
    const tag = varint();
    const wire = tag & 7;
    if (wire === 0) {
      varint();
      continue;
    }
    if (wire === 1) {
      pos += 8;
      continue;
    }
    if (wire === 5) {
      pos += 4;
      continue;
    }
    const len = varint();
    const end = pos + len;
    if (tag >> 3 === 2) {
      while (pos < end) {
        const t = varint();
        if (t === 0x0a) {
          const pe = varint() + pos;
          while (pos < pe) {
            sum += varint();
          }
        } else if ((t & 7) === 2) {
          pos += varint();
        } else if ((t & 7) === 0) {
          varint();
        }
      }
    }
    pos = end;
  }
  return sum;
}

// ---------- ours ----------
function oursLevels(bytes: Uint8Array) {
  return buildFlameGraph(decodeProfile(bytes), { maxNodes: Infinity });
}

function heaviest(p: Profile): string {
  return topTable(p, { limit: 1 }).rows[0]?.name ?? '';
}

interface Row {
  profile: string;
  operation: string;
  nodes: number;
  oursMs: number;
  anchors: { a?: number; b?: number; c?: number; floor?: number };
  note?: string;
}

async function main() {
  const grafanaError = await loadGrafana();
  const speedscope = loadSpeedscope();
  // HOTPATH_BENCH_FILES=regex limits the profiles (the synth diff always runs).
  const only = process.env.HOTPATH_BENCH_FILES ? new RegExp(process.env.HOTPATH_BENCH_FILES) : undefined;
  const files = readdirSync(CORPUS)
    .filter((f) => !f.endsWith('.md') && (!only || only.test(f)))
    .sort((x, y) => readFileSync(join(CORPUS, x)).length - readFileSync(join(CORPUS, y)).length);
  const rows: Row[] = [];
  const retained: Array<{ profile: string; nodes: number; ours: number; a: number; b?: number; c?: number }> = [];
  const log = (s: string) => process.stdout.write(s + '\n');
  log(`profile-core bench — node ${process.version}, ${cpus()[0]?.model ?? 'cpu?'} × ${cpus().length}, ${new Date().toISOString()}`);
  if (grafanaError) {
    log(`(b) @grafana/flamegraph container unavailable: ${grafanaError}`);
  }
  log(`(c) ${speedscope.status}`);
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, f)));
    const p = decodeProfile(bytes);
    const nodes = buildFlameGraph(p, { maxNodes: Infinity }).count;
    const decodedBytes = bytes[0] === 0x1f ? gunzipSync(bytes).length : bytes.length;
    const raw = bytes[0] === 0x1f ? gunzipSync(bytes) : bytes;
    const fn = heaviest(p);
    const query = fn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').slice(0, 12);

    // Ours first, while no anchor's object graph is alive: a pprof-format decode of 100k samples on the heap
    // makes every GC our typed-array allocations trigger mark it too (synth-100k decode: 44 ms alone, 122 ms
    // with it alive). Each anchor then runs with only its own objects and ours (a Profile) alive.
    const decodeMs = median(() => decodeProfile(bytes));
    const protoMs = median(() => decodeProtobuf(raw));
    const levelsMs = median(() => oursLevels(bytes));
    const topMs = median(() => topTable(p));
    const sandwichAllMs = median(() => sandwich(p, fn, { maxNodes: Infinity }));
    const sandwichCapMs = median(() => sandwich(p, fn));
    const searchMs = median(() => searchProfile(p, query));

    const ti = defaultTypeIndex(refDecode(bytes));
    const refDecodeMs = median(() => refDecode(bytes));
    const refProtoMs = median(() => RefProfile.decode(raw));
    const floorMs = median(() => floorPass(bytes));
    const aLevels = median(() => plainTree(refDecode(bytes), ti));
    let bLevels: number | undefined;
    let bSandwich: number | undefined;
    if (makeContainer && makeFrame) {
      bLevels = median(() => {
        const t = plainTree(refDecode(bytes), ti);
        makeContainer!(makeFrame!(plainToColumns(t.root))).getLevels();
      });
      const container = makeContainer(makeFrame(plainToColumns(plainTree(refDecode(bytes), ti).root)));
      container.getLevels();
      bSandwich = median(() => container.getSandwichLevels(fn), 10_000, 1, 3);
    }
    // speedscope refuses some real profiles (negative delta values: "Samples must have positive weights").
    let ssImport = speedscope.importPprof;
    let cNote = '';
    try {
      ssImport?.(bytes);
    } catch (e) {
      cNote = `(c) refused this profile: ${(e as Error).message}`;
      ssImport = undefined;
    }
    const cLevels = ssImport ? median(() => ssImport!(bytes), 8000, 3, 5) : undefined;

    rows.push({
      profile: f,
      operation: 'decode',
      nodes,
      oursMs: decodeMs,
      anchors: { a: refDecodeMs, floor: floorMs },
      note: `${((decodedBytes / 1e6) / (decodeMs / 1e3)).toFixed(0)} MB/s of decoded protobuf, gunzip included`,
    });
    rows.push({
      profile: f,
      operation: 'decode (protobuf only)',
      nodes,
      oursMs: protoMs,
      anchors: { a: refProtoMs },
      note: `${((decodedBytes / 1e6) / (protoMs / 1e3)).toFixed(0)} MB/s`,
    });
    rows.push({
      profile: f,
      operation: 'bytes→flame levels',
      nodes,
      oursMs: levelsMs,
      anchors: { a: aLevels, b: bLevels, c: cLevels, floor: floorMs },
      note: cNote || undefined,
    });
    rows.push({ profile: f, operation: 'top table', nodes, oursMs: topMs, anchors: {} });
    rows.push({ profile: f, operation: `sandwich(${fn.slice(0, 30)}) all nodes`, nodes, oursMs: sandwichAllMs, anchors: { b: bSandwich } });
    rows.push({ profile: f, operation: `sandwich, default 16k-node cap`, nodes, oursMs: sandwichCapMs, anchors: { b: bSandwich } });
    rows.push({ profile: f, operation: `search(/${query}/)`, nodes, oursMs: searchMs, anchors: {} });

    const ours = retainedPerNode(() => {
      const l = oursLevels(bytes);
      return { keep: l, nodes: l.count };
    });
    const a = retainedPerNode(() => {
      const t = plainTree(refDecode(bytes), ti);
      return { keep: t.root, nodes: t.nodes };
    });
    let b: number | undefined;
    if (makeContainer && makeFrame) {
      b = retainedPerNode(() => {
        const t = plainTree(refDecode(bytes), ti);
        const c = makeContainer!(makeFrame!(plainToColumns(t.root)));
        c.getLevels();
        return { keep: c, nodes: t.nodes };
      });
    }
    let c: number | undefined;
    if (ssImport) {
      c = retainedPerNode(() => ({ keep: ssImport!(bytes), nodes }));
    }
    retained.push({ profile: f, nodes, ours, a, b, c });
    log(`… ${f}`);
  }

  // Hardening, measured here rather than timed in tests: the gzip bomb of bad-inputs (1 GiB of zeros, ~1 MB on
  // the wire) against the floor of inflating what the cap lets through; decode cost as samples grow 10×.
  const seg = deflateRawSync(Buffer.alloc(16 << 20), { level: 9, finishFlush: zc.Z_FULL_FLUSH });
  const bomb = new Uint8Array(
    Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]), ...Array(64).fill(seg), deflateRawSync(Buffer.alloc(0)), Buffer.alloc(8)])
  );
  const capZeros = gzipSync(new Uint8Array(DEFAULT_LIMITS.maxDecompressedBytes));
  const rejectBomb = () => {
    try {
      decodeProfile(bomb);
    } catch (e) {
      if ((e as { code?: string }).code === 'TOO_LARGE') {
        return;
      }
    }
    throw new Error('the gzip bomb was not rejected with TOO_LARGE');
  };
  rows.push({
    profile: `gzip bomb (1 GiB of zeros, ${(bomb.length / 1e6).toFixed(1)} MB gzip)`,
    operation: 'decode → TOO_LARGE at the 32 MiB cap',
    nodes: 0,
    oursMs: median(rejectBomb),
    anchors: { floor: median(() => gunzipSync(capZeros)) },
    note: 'floor: fflate inflate of 32 MiB of zeros (what the cap lets through)',
  });
  const synthetic = (n: number) => {
    const b = new ProfileBuilder([{ type: 'samples', unit: 'count' }]);
    const locs = Array.from({ length: 50 }, (_, i) => b.addLocation([{ fn: b.addFunction(`f${i}`) }]));
    for (let i = 0; i < n; i++) {
      b.addSample([locs[i % 50], locs[(i * 7) % 50], locs[(i * 13) % 50]], [i]);
    }
    return encodePprof(b.build(), { gzip: false });
  };
  const bytes20k = synthetic(20_000);
  const bytes200k = synthetic(200_000);
  // The larger one first: it leaves the decoder JIT-compiled, so the small one is not timed half-interpreted.
  const ms200k = median(() => decodeProfile(bytes200k));
  const ms20k = median(() => decodeProfile(bytes20k));
  rows.push({
    profile: 'synthetic 20k → 200k samples',
    operation: 'decode scaling (10× the samples)',
    nodes: 0,
    oursMs: ms200k,
    anchors: {},
    note: `20k samples ${ms20k.toFixed(2)} ms; 10× the samples costs ${(ms200k / ms20k).toFixed(1)}× the time`,
  });
  // Diff of the synth-100k pair, end to end from bytes.
  const A = new Uint8Array(readFileSync(join(CORPUS, 'synth-go-cpu-100k-stacks-a.pb.gz')));
  const B = new Uint8Array(readFileSync(join(CORPUS, 'synth-go-cpu-100k-stacks-b.pb.gz')));
  const diff = buildDiffFlameGraph(decodeProfile(A), decodeProfile(B), { maxNodes: Infinity });
  const oursDiff = median(() => buildDiffFlameGraph(decodeProfile(A), decodeProfile(B), { maxNodes: Infinity }), 5000);
  let bDiff: number | undefined;
  if (makeContainer && makeFrame) {
    bDiff = median(
      () => {
        const ra = refDecode(A);
        const rb = refDecode(B);
        const ta = plainTree(ra, defaultTypeIndex(ra));
        const tb = plainTree(rb, defaultTypeIndex(rb));
        makeContainer!(makeFrame!(plainToColumns(ta.root, tb.root))).getLevels();
      },
      10_000,
      1,
      3
    );
  }
  rows.push({ profile: 'synth-100k a vs b', operation: 'diff (bytes → diff levels)', nodes: diff.count, oursMs: oursDiff, anchors: { b: bDiff } });

  // ---------- report ----------
  const fmt = (v?: number) => (v === undefined ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(0));
  const ratio = (anchor?: number, ours?: number) => (anchor === undefined || !ours ? '—' : `${(anchor / ours).toFixed(1)}×`);
  log('');
  log('| profile | operation | nodes | ours ms | (a) ms | (b) ms | (c) ms | floor ms | (a)/ours | (b)/ours | (c)/ours | note |');
  log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    log(
      `| ${r.profile} | ${r.operation} | ${r.nodes} | ${fmt(r.oursMs)} | ${fmt(r.anchors.a)} | ${fmt(r.anchors.b)} | ${fmt(r.anchors.c)} | ${fmt(r.anchors.floor)} | ${ratio(r.anchors.a, r.oursMs)} | ${ratio(r.anchors.b, r.oursMs)} | ${ratio(r.anchors.c, r.oursMs)} | ${r.note ?? ''} |`
    );
  }
  log('');
  log('| profile | nodes | ours B/node | (a) B/node | (b) B/node | (c) B/node |');
  log('|---|---:|---:|---:|---:|---:|');
  for (const r of retained) {
    log(`| ${r.profile} | ${r.nodes} | ${r.ours} | ${r.a} | ${r.b ?? '—'} | ${r.c ?? '—'} |`);
  }
  writeFileSync(
    OUT,
    JSON.stringify(
      {
        machine: { node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, date: new Date().toISOString() },
        anchors: {
          a: 'pprof-format 2.3.2 decode + plain Map tree',
          b: '@grafana/flamegraph 13.0.1 FlameGraphDataContainer (levels / sandwich / diff)',
          c: speedscope.status,
          floor: 'fflate gunzip + one pass over sample location ids',
        },
        grafanaContainer: grafanaError ? `unavailable: ${grafanaError}` : 'ok (jsdom globals)',
        results: rows,
        retainedBytesPerNode: retained,
      },
      null,
      2
    ) + '\n'
  );
  log(`\nwrote ${OUT}`);
}

void main();
