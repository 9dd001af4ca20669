import { readFileSync } from 'fs';
import { decodeProfile } from '../pprof/decodeProfile';
import { buildFlameGraph } from './buildFlameGraph';
import { foldedStacks } from '../testing/foldedStacks';
import { flameRows, checkNestedSet } from '../testing/flameRows';
import { requireGoInCI, runPprofTop } from '../testing/goPprof';
import { OTHER_NODE } from '../model/limits';
import { CORPUS } from '../testing/corpus';

const load = (f: string) => decodeProfile(new Uint8Array(readFileSync(`${CORPUS}/${f}`)));
const fixture = (text: string) => decodeProfile(foldedStacks(text));

describe('buildFlameGraph', () => {
  it('lays out folded stacks in nested-set pre-order, siblings by name, merged by function', () => {
    const p = fixture(`
      main;serve;db.Query 3
      main;serve;json.Marshal 2
      main;gc 1
      main;serve 4
      main;serve;db.Query 1
    `);
    expect(flameRows(buildFlameGraph(p, { sampleType: 'samples' }))).toEqual([
      'total 11/0',
      '  main 11/0',
      '    gc 1/1',
      '    serve 10/4',
      '      db.Query 4/4',
      '      json.Marshal 2/2',
    ]);
  });

  it('returns plain typed-array columns in Grafana field names', () => {
    const f = buildFlameGraph(fixture('a;b 1'));
    expect(f.level).toBeInstanceOf(Int32Array);
    expect(f.value).toBeInstanceOf(Float64Array);
    expect(f.self).toBeInstanceOf(Float64Array);
    expect(f.label).toBeInstanceOf(Int32Array);
    expect(f.valueRight).toBeUndefined();
  });

  it('applies focus / ignore / hide (pprof semantics) and label filters', () => {
    const p = fixture(`
      main;serve;db.Query 3 @route=/a
      main;serve;json.Marshal 2 @route=/b
      main;gc 1
    `);
    const rows = (filter: object) => flameRows(buildFlameGraph(p, { sampleType: 'samples', filter }));
    expect(rows({ focus: '^db\\.' })).toEqual(['total 3/0', '  main 3/0', '    serve 3/0', '      db.Query 3/3']);
    expect(rows({ ignore: 'serve' })).toEqual(['total 1/0', '  main 1/0', '    gc 1/1']);
    expect(rows({ hide: '^serve$' })).toEqual([
      'total 6/0',
      '  main 6/0',
      '    db.Query 3/3',
      '    gc 1/1',
      '    json.Marshal 2/2',
    ]);
    expect(rows({ labels: { route: '/b' } })).toEqual(['total 2/0', '  main 2/0', '    serve 2/0', '      json.Marshal 2/2']);
    expect(rows({ labels: { route: /^\/[ab]$/ } })[0]).toBe('total 5/0');
  });

  it('rejects an invalid regex with BAD_ARGUMENT', () => {
    expect(() => buildFlameGraph(fixture('a 1'), { filter: { focus: '(' } })).toThrow(
      expect.objectContaining({ code: 'BAD_ARGUMENT' })
    );
  });

  it('caps nodes with an "other" node per parent and reports what was merged', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `main;f${String(i).padStart(2, '0')} ${i + 1}`).join('\n');
    const f = buildFlameGraph(fixture(lines), { sampleType: 'samples', maxNodes: 12 });
    expect(f.count).toBeLessThanOrEqual(12);
    expect(checkNestedSet(f)).toBeUndefined();
    const rows = flameRows(f);
    // The heaviest leaves survive (f49 = 50 … ), the rest fold into other.
    expect(rows).toContain('    f49 50/50');
    const other = rows.find((r) => r.trim().startsWith(OTHER_NODE))!;
    const otherValue = Number(other.trim().split(' ')[1].split('/')[0]);
    expect(otherValue).toBe(f.merged.value);
    expect(f.value[0]).toBe((50 * 51) / 2);
  });
});

describe('buildFlameGraph on the corpus', () => {
  const haveGo = requireGoInCI();
  const manifest = readFileSync(`${CORPUS}/MANIFEST.md`, 'utf8');
  // "flame nodes (by fn name)" column of MANIFEST.md, computed by the corpus author with pprof-format.
  const manifestNodes = (file: string) => {
    const row = manifest.split('\n').find((l) => l.startsWith(`| ${file} |`))!;
    return Number(row.split('|')[9].trim());
  };
  it.each([
    'google-pprof__sample.cpu',
    'speedscope__simple.prof',
    'parca__fgprof.pb.gz',
    'parca__profile-with-labels.pb.gz',
    'parca__alloc_space_delta.pb.gz',
    'parca__alloc_objects.pb.gz',
    'gen-node-tsc-heap.pb.gz',
    'synth-go-cpu-10k-stacks.pb.gz',
    'google-pprof__large.cpu',
  ])('%s: node count per MANIFEST, valid nested set, self per function = go tool pprof flat', (file) => {
    const p = load(file);
    const f = buildFlameGraph(p, { maxNodes: Infinity });
    expect(checkNestedSet(f)).toBeUndefined();
    expect(f.merged.nodes).toBe(0);
    // MANIFEST counts the root too, for the default sample type.
    expect(f.count).toBe(manifestNodes(file));
    if (!haveGo) {
      throw new Error('go missing: cannot check against go tool pprof');
    }
    const selfByName = new Map<string, number>();
    for (let i = 1; i < f.count; i++) {
      const n = f.names[f.label[i]];
      selfByName.set(n, (selfByName.get(n) ?? 0) + f.self[i]);
    }
    const st = p.sampleTypes[p.defaultSampleType];
    const ref = runPprofTop(`${CORPUS}/${file}`, st.type, st.unit);
    for (const r of ref.slice(0, 50)) {
      expect([r.name, selfByName.get(r.name) ?? 0]).toEqual([r.name, r.flat]);
    }
    expect(f.value[0]).toBe(ref.reduce((s, r) => s + r.flat, 0));
  });

  it('folds large.cpu (425k nodes) to the default 16,384-node cap', () => {
    const f = buildFlameGraph(load('google-pprof__large.cpu'));
    expect(f.count).toBeLessThanOrEqual(16_384);
    expect(f.merged.nodes).toBeGreaterThan(400_000);
    expect(checkNestedSet(f)).toBeUndefined();
  });
});

describe('SortedTrie (radix partitioning) vs StackTrie (hashing): two independent builders agree', () => {
  const { StackTrie } = require('../testing/StackTrie');
  const { toFlameLevels } = require('./toFlameLevels');
  const { forEachStack } = require('../transform/forEachStack');
  it.each([
    ['parca__alloc_objects.pb.gz', Infinity],
    ['parca__alloc_objects.pb.gz', 500],
    ['google-pprof__large.cpu', Infinity],
    ['google-pprof__large.cpu', 16_384],
  ])('%s, maxNodes %s: identical columns (uncapped) / valid and bounded (capped)', (file, maxNodes) => {
    const p = load(file);
    const t = new StackTrie(false, 1024);
    const fi = forEachStack(p, p.defaultSampleType, undefined, (f: Int32Array, d: number, v: number) => t.add(f, d, v));
    const viaHash = toFlameLevels(t, fi.names, 'total', p.sampleTypes[p.defaultSampleType], maxNodes);
    const viaSort = buildFlameGraph(p, { maxNodes });
    if (maxNodes !== Infinity) {
      // Under a cap, which of several equal-weight nodes survive depends on node creation order, which differs
      // between the builders; both must be valid, bounded and keep the total.
      for (const f of [viaSort, viaHash]) {
        expect(f.count).toBeLessThanOrEqual(maxNodes);
        expect(checkNestedSet(f)).toBeUndefined();
        expect(f.value[0]).toBe(viaHash.value[0]);
      }
      expect(Math.abs(viaSort.count - viaHash.count)).toBeLessThan(maxNodes * 0.01 + 3);
      return;
    }
    expect(viaSort.count).toBe(viaHash.count);
    expect(viaSort.merged).toEqual(viaHash.merged);
    const rows = (f: typeof viaSort) => Array.from(f.level, (l, i) => `${l} ${f.names[f.label[i]]} ${f.value[i]} ${f.self[i]}`);
    const a = rows(viaSort);
    const b = rows(viaHash);
    const firstDiff = a.findIndex((r, i) => r !== b[i]);
    expect(firstDiff === -1 ? 'same' : `${firstDiff}: ${a[firstDiff]} vs ${b[firstDiff]}`).toBe('same');
  });
});

describe('buildDiffFlameGraph (radix) vs a diff built with the hash trie: two independent builders agree', () => {
  const { StackTrie } = require('../testing/StackTrie');
  const { toFlameLevels } = require('./toFlameLevels');
  const { forEachStack } = require('../transform/forEachStack');
  const { buildDiffFlameGraph } = require('./buildDiffFlameGraph');
  const DEMO = `${__dirname}/../../fixtures/demo`;
  const read = (path: string) => decodeProfile(new Uint8Array(readFileSync(path)));

  it.each([
    ['demo cpu-base → cpu-hot', 'absolute', `${DEMO}/cpu-base.pb.gz`, `${DEMO}/cpu-hot.pb.gz`],
    ['demo cpu-base → cpu-hot', 'relative', `${DEMO}/cpu-base.pb.gz`, `${DEMO}/cpu-hot.pb.gz`],
    ['demo heap-base → heap-hot', 'absolute', `${DEMO}/heap-base.pb.gz`, `${DEMO}/heap-hot.pb.gz`],
    ['synth-10k → large.cpu (few shared names)', 'absolute', `${CORPUS}/synth-go-cpu-10k-stacks.pb.gz`, `${CORPUS}/google-pprof__large.cpu`],
  ])('%s (%s mode): identical columns', (_n, mode, basePath, compPath) => {
    const base = read(basePath);
    const comp = read(compPath);
    const ours = buildDiffFlameGraph(base, comp, { maxNodes: Infinity, mode, sampleType: base.sampleTypes.length - 1 });

    // Reference: names unified by string, stacks added one by one to a hash trie with two channels.
    const names: string[] = [];
    const ids = new Map<string, number>();
    const id = (n: string) => ids.get(n) ?? (ids.set(n, names.length), names.push(n), names.length - 1);
    const t = new StackTrie(true, 1024);
    const { frameIndex } = require('../transform/frameIndex');
    const add = (p: typeof base, right: boolean, scale: number) => {
      const pn: string[] = frameIndex(p).names;
      forEachStack(p, p.sampleTypes.length - 1, undefined, (f: Int32Array, d: number, v: number) => {
        const g = Int32Array.from(f.subarray(0, d), (x) => id(pn[x]));
        t.add(g, d, v * scale, right);
      });
    };
    let scale = 1;
    if (mode === 'relative') {
      let tb = 0;
      let tc = 0;
      forEachStack(base, base.sampleTypes.length - 1, undefined, (_f: unknown, _d: number, v: number) => (tb += v));
      forEachStack(comp, comp.sampleTypes.length - 1, undefined, (_f: unknown, _d: number, v: number) => (tc += v));
      scale = tc / tb;
    }
    add(base, false, scale);
    add(comp, true, 1);
    const ref = toFlameLevels(t, names, 'total', comp.sampleTypes[comp.sampleTypes.length - 1], Infinity);

    // 12 significant digits: the relative mode's scaled sums are added in a different order by the two builders.
    const num = (v: number) => Number(v.toPrecision(12));
    const rows = (f: typeof ours) =>
      Array.from(
        f.level,
        (l, i) => `${l} ${f.names[f.label[i]]} ${num(f.value[i])} ${num(f.self[i])} ${num(f.valueRight![i])} ${num(f.selfRight![i])}`
      );
    const a = rows(ours);
    const b = rows(ref);
    expect(a.length).toBeGreaterThan(50);
    const firstDiff = a.findIndex((r, i) => r !== b[i]);
    expect(firstDiff === -1 && a.length === b.length ? 'same' : `${firstDiff}: ${a[firstDiff]} vs ${b[firstDiff]}`).toBe('same');
  });
});
