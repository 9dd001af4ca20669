import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { decodeProfile } from '../pprof/decodeProfile';
import { encodePprof } from '../pprof/encodePprof';
import { diffProfiles } from './diffProfiles';
import { mergeProfiles, scaleProfile, subtractProfile } from './mergeProfiles';
import { filterProfile } from './filterProfile';
import { topTable } from './topTable';
import { buildDiffFlameGraph } from '../layout/buildDiffFlameGraph';
import { foldedStacks } from '../testing/foldedStacks';
import { flameRows, checkNestedSet } from '../testing/flameRows';
import { compareRows, requireGoInCI, runPprofTop } from '../testing/goPprof';
import { CORPUS } from '../testing/corpus';

const A = `${CORPUS}/synth-go-cpu-10k-stacks.pb.gz`;
const SMALL_A = `${CORPUS}/google-pprof__sample.cpu`;
const haveGo = requireGoInCI();
const needGo = () => {
  if (!haveGo) {
    throw new Error('go missing: cannot compare with go tool pprof');
  }
};
const dir = mkdtempSync(join(tmpdir(), 'hotpath-diff-'));
const read = (f: string) => decodeProfile(new Uint8Array(readFileSync(f)));
const fixture = (text: string) => decodeProfile(foldedStacks(text));

const base = fixture(`
  main;serve;db.Query 10
  main;serve;json.Marshal 10
  main;old 5
`);
const comp = fixture(`
  main;serve;db.Query 40
  main;serve;json.Marshal 10
  main;fresh 10
`);

describe('diffProfiles', () => {
  it('absolute: before/after/delta/delta% per function, new and vanished, ranked regressions', () => {
    const d = diffProfiles(base, comp, { sampleType: 'samples', mode: 'absolute' });
    expect(d.scale).toBe(1);
    const q = d.rows.find((r) => r.name === 'db.Query')!;
    expect([q.before.flat, q.after.flat, q.deltaFlat, q.deltaFlatPercent]).toEqual([10, 40, 30, 300]);
    expect(d.newFunctions).toEqual(['fresh']);
    expect(d.vanishedFunctions).toEqual(['old']);
    expect(d.regressions.map((r) => r.name)).toEqual(['db.Query', 'fresh']);
    expect(d.rows.find((r) => r.name === 'fresh')!.deltaFlatPercent).toBeNull();
    expect(d.improvements.map((r) => r.name)).toEqual(['old']);
  });

  it('relative: scales the baseline by totalAfter/totalBefore (25 → 60: ×2.4)', () => {
    const d = diffProfiles(base, comp, { sampleType: 'samples' });
    expect(d.mode).toBe('relative');
    expect(d.scale).toBeCloseTo(60 / 25);
    const j = d.rows.find((r) => r.name === 'json.Marshal')!;
    expect(j.deltaFlat).toBeCloseTo(10 - 10 * 2.4); // same absolute time, smaller share: an improvement
    expect(d.regressions[0].name).toBe('db.Query');
  });

  it('absolute diff equals go tool pprof -diff_base on corpus profiles', () => {
    needGo();
    // Same binary, different windows: sample.cpu vs a copy with half the samples dropped (a filter).
    const b = read(SMALL_A);
    const c = filterProfile(b, { ignore: '^runtime\\.evacuate$' });
    const cFile = join(dir, 'comp.pb.gz');
    writeFileSync(cFile, encodePprof(c));
    const d = diffProfiles(b, c, { sampleType: 'cpu', mode: 'absolute' });
    const ours = d.rows.map((r) => ({ name: r.name, flat: r.deltaFlat, cum: r.deltaCum }));
    ours.sort((x, y) => Math.abs(y.flat) - Math.abs(x.flat) || (x.name < y.name ? -1 : 1));
    const ref = runPprofTop(cFile, 'cpu', 'nanoseconds', [`-diff_base=${SMALL_A}`]);
    expect(compareRows(ours.filter((r) => r.flat !== 0 || r.cum !== 0), ref, 50)).toEqual([]);
  });

  it('exports comparison − baseline that go tool pprof reads, equal to its own -diff_base', () => {
    needGo();
    const a = read(A);
    const c = filterProfile(a, { ignore: 'cache' });
    const cFile = join(dir, 'comp2.pb.gz');
    const diffFile = join(dir, 'diff.pb.gz');
    writeFileSync(cFile, encodePprof(c));
    writeFileSync(diffFile, encodePprof(subtractProfile(c, a)));
    const viaPprof = runPprofTop(cFile, 'cpu', 'nanoseconds', [`-diff_base=${A}`]);
    const viaExport = runPprofTop(diffFile, 'cpu', 'nanoseconds');
    expect(viaPprof.length).toBeGreaterThan(50);
    expect(compareRows(viaExport, viaPprof, 50)).toEqual([]);
    // And -diff_base accepts our exports on both sides.
    const baseFile = join(dir, 'base.pb.gz');
    writeFileSync(baseFile, encodePprof(a));
    const both = runPprofTop(cFile, 'cpu', 'nanoseconds', [`-diff_base=${baseFile}`]);
    expect(compareRows(both, viaPprof, 50)).toEqual([]);
  });
});

describe('mergeProfiles / filterProfile', () => {
  it('merging a profile with itself equals go tool pprof merging the two files', () => {
    needGo();
    const merged = mergeProfiles([read(SMALL_A), read(SMALL_A)]);
    const ref = runPprofTop([SMALL_A, SMALL_A], 'cpu', 'nanoseconds');
    expect(compareRows(topTable(merged, { sampleType: 'cpu' }).rows, ref)).toEqual([]);
    const file = join(dir, 'merged.pb.gz');
    writeFileSync(file, encodePprof(merged));
    expect(compareRows(runPprofTop(file, 'cpu', 'nanoseconds'), ref)).toEqual([]);
  });

  it('refuses to merge different sample types', () => {
    const heap = read(`${CORPUS}/parca__alloc_objects.pb.gz`);
    expect(() => mergeProfiles([read(SMALL_A), heap])).toThrow(expect.objectContaining({ code: 'INCOMPATIBLE' }));
  });

  it('filterProfile by label keeps exactly the labelled samples', () => {
    const p = fixture('main;a 3 @route=/x\nmain;b 2 @route=/y\nmain;c 1');
    const x = filterProfile(p, { labels: { route: '/x' } });
    expect(x.samples.count).toBe(1);
    expect(topTable(x, { sampleType: 'samples' }).total).toBe(3);
  });
});

describe('buildDiffFlameGraph', () => {
  it("uses Grafana's diff layout: value = left + right, valueRight = right", () => {
    const f = buildDiffFlameGraph(base, comp, { sampleType: 'samples' });
    expect(checkNestedSet(f)).toBeUndefined();
    expect(flameRows(f)).toEqual([
      'total 85/0 | 60/0',
      '  main 85/0 | 60/0',
      '    fresh 10/10 | 10/10',
      '    old 5/5 | 0/0',
      '    serve 70/0 | 50/0',
      '      db.Query 50/50 | 40/40',
      '      json.Marshal 20/20 | 10/10',
    ]);
    expect(f.total).toBe(25); // left (baseline) total; value[0] is left + right
    expect(f.totalRight).toBe(60);
  });

  it('diffs the synth-100k pair into one tree whose halves match each profile', () => {
    const a = read(`${CORPUS}/synth-go-cpu-100k-stacks-a.pb.gz`);
    const b = read(`${CORPUS}/synth-go-cpu-100k-stacks-b.pb.gz`);
    const f = buildDiffFlameGraph(a, b, { maxNodes: Infinity });
    const ta = topTable(a).total;
    const tb = topTable(b).total;
    expect(f.value[0]).toBe(ta + tb);
    expect(f.valueRight![0]).toBe(tb);
    expect(f.count).toBeGreaterThan(941_201); // at least every node of a
  });
});

describe('scaleProfile', () => {
  it('multiplies every value (e.g. to normalise a 30 s window to 60 s)', () => {
    const p = fixture('main;a 3\nmain;b 1');
    const s = scaleProfile(p, 2);
    expect(topTable(s, { sampleType: 'samples' }).rows.map((r) => [r.name, r.flat])).toEqual([
      ['a', 6],
      ['b', 2],
      ['main', 0],
    ]);
  });
});
