import { readFileSync } from 'fs';
import { decodeProfile } from '../pprof/decodeProfile';
import { topTable } from './topTable';
import { sandwich } from './sandwich';
import { searchProfile } from './searchProfile';
import { foldedLines } from './foldedLines';
import { foldedStacks } from '../testing/foldedStacks';
import { flameRows, checkNestedSet } from '../testing/flameRows';
import { compareRows, requireGoInCI, runPprofTop } from '../testing/goPprof';
import { CORPUS } from '../testing/corpus';

const LARGE = `${CORPUS}/google-pprof__large.cpu`;
const fixture = (text: string) => decodeProfile(foldedStacks(text));
const haveGo = requireGoInCI();
const needGo = () => {
  if (!haveGo) {
    throw new Error('go missing: cannot compare with go tool pprof');
  }
};
const large = decodeProfile(new Uint8Array(readFileSync(LARGE)));

describe('topTable', () => {
  it('counts cum once per sample under recursion, flat at the leaf', () => {
    const p = fixture(`
      main;f;g;f;g;f 5
      main;f 2
      main;h 1
    `);
    const rows = topTable(p, { sampleType: 'samples' }).rows.map((r) => [r.name, r.flat, r.cum]);
    expect(rows).toEqual([
      ['f', 7, 7],
      ['h', 1, 1],
      ['g', 0, 5],
      ['main', 0, 8],
    ]);
  });

  it('respects limit and sample type, and reports the unit', () => {
    const t = topTable(fixture('main;a 3\nmain;b 1'), { sampleType: 'cpu', limit: 1 });
    expect(t.rows).toHaveLength(1);
    expect(t.sampleType).toEqual({ type: 'cpu', unit: 'nanoseconds' });
    expect(t.total).toBe(4 * 10_000_000);
  });

  it('throws UNKNOWN_SAMPLE_TYPE for a missing type', () => {
    expect(() => topTable(fixture('a 1'), { sampleType: 'alloc_space' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SAMPLE_TYPE' })
    );
  });

  it.each([
    ['-focus', { focus: '^main\\.next$' }, ['-focus=^main\\.next$']],
    ['-ignore', { ignore: '^time\\.Now$' }, ['-ignore=^time\\.Now$']],
    ['-focus + -ignore', { focus: '^runtime\\.', ignore: '^runtime\\.mcall$' }, ['-focus=^runtime\\.', '-ignore=^runtime\\.mcall$']],
  ])('%s on large.cpu equals go tool pprof', (_n, filter, args) => {
    needGo();
    const ours = topTable(large, { sampleType: 'cpu', filter }).rows;
    const ref = runPprofTop(LARGE, 'cpu', 'nanoseconds', args);
    expect(compareRows(ours, ref, 50)).toEqual([]);
  });

  it.each([
    ['-focus on a file name', { focus: 'rand\\.go$' }, ['-focus=rand\\.go$']],
    ['-ignore on a file name', { ignore: '/runtime/proc\\.go$' }, ['-ignore=/runtime/proc\\.go$']],
    ['-hide on a file name', { hide: 'rand\\.go$' }, ['-hide=rand\\.go$']],
  ])('%s (pprof matches function files too) on large.cpu equals go tool pprof', (_n, filter, args) => {
    needGo();
    const ours = topTable(large, { sampleType: 'cpu', filter }).rows;
    const ref = runPprofTop(LARGE, 'cpu', 'nanoseconds', args);
    expect(compareRows(ours, ref, 50)).toEqual([]);
    // The file-name match changes the answer: matching function names alone would not.
    const byName = topTable(large, { sampleType: 'cpu', filter: Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, new RegExp(`^${v}`)])) }).rows;
    expect(compareRows(byName, ref, 50)).not.toEqual([]);
  });

  it.each([
    ['-ignore', { ignore: '\\[kernel' }, ['-ignore=\\[kernel']],
    ['-hide', { hide: 'kallsyms' }, ['-hide=kallsyms']],
    ['-focus', { focus: 'kallsyms\\]$' }, ['-focus=kallsyms\\]$']],
  ])('%s on a mapping (object file) name equals go tool pprof', (_n, filter, args) => {
    needGo();
    const file = `${CORPUS}/parca__profile-with-labels.pb.gz`;
    const p = decodeProfile(new Uint8Array(readFileSync(file)));
    const ours = topTable(p, { filter }).rows;
    const ref = runPprofTop(file, 'samples', 'count', args);
    expect(ref.length).toBeGreaterThan(5);
    expect(compareRows(ours, ref, 50)).toEqual([]);
    expect(compareRows(topTable(p).rows, ref, 50)).not.toEqual([]);
  });

  it('label filter equals go tool pprof -tagfocus', () => {
    needGo();
    const file = `${CORPUS}/parca__profile-with-labels.pb.gz`;
    const p = decodeProfile(new Uint8Array(readFileSync(file)));
    const ours = topTable(p, { filter: { labels: { thread_id: '2756170' } } }).rows;
    const ref = runPprofTop(file, 'samples', 'count', ['-tagfocus=thread_id=^2756170$']);
    expect(ref.length).toBeGreaterThan(10);
    expect(compareRows(ours, ref, 50)).toEqual([]);
  });
});

describe('sandwich', () => {
  it('shows callers inverted and callees, each sample once under recursion', () => {
    const p = fixture(`
      main;a;f;b;f;c 2
      main;x;f 3
      main;y 7
    `);
    const s = sandwich(p, 'f', { sampleType: 'samples' });
    expect(s.total).toBe(5);
    expect(flameRows(s.callees)).toEqual(['total 5/0', '  f 5/3', '    b 2/0', '      f 2/0', '        c 2/2']);
    expect(flameRows(s.callers)).toEqual([
      'total 5/0',
      '  f 5/0',
      '    b 2/0',
      '      f 2/0',
      '        a 2/0',
      '          main 2/2',
      '    x 3/0',
      '      main 3/3',
    ]);
  });

  it('on large.cpu: the function node holds its pprof cum on both sides, within 50 ms budget class', () => {
    needGo();
    const ref = runPprofTop(LARGE, 'cpu', 'nanoseconds').find((r) => r.name === 'time.Now')!;
    const s = sandwich(large, 'time.Now', { sampleType: 'cpu', maxNodes: Infinity });
    expect(s.total).toBe(ref.cum);
    expect(s.callees.value[1]).toBe(ref.cum);
    expect(s.callers.value[1]).toBe(ref.cum);
    expect(checkNestedSet(s.callers)).toBeUndefined();
    expect(checkNestedSet(s.callees)).toBeUndefined();
  });

  it('throws BAD_ARGUMENT for an unknown function', () => {
    expect(() => sandwich(fixture('a 1'), 'zzz')).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
  });
});

describe('searchProfile', () => {
  it('matched % counts each sample once, however many frames match', () => {
    const p = fixture(`
      main;db.Query;db.exec 3
      main;db.Query 1
      main;json 6
    `);
    const r = searchProfile(p, '^db\\.', { sampleType: 'samples' });
    expect(r.matched).toBe(4);
    expect(r.total).toBe(10);
    expect(r.matchedPercent).toBe(40);
    expect(r.functions).toEqual(['db.Query', 'db.exec']);
  });

  it('equals go tool pprof -focus totals on large.cpu', () => {
    needGo();
    const ref = runPprofTop(LARGE, 'cpu', 'nanoseconds', ['-focus=^math/rand\\.']);
    const refTotal = ref.reduce((s, r) => s + r.flat, 0);
    const r = searchProfile(large, '^math/rand\\.', { sampleType: 'cpu' });
    expect(r.matched).toBe(refTotal);
  });
});

describe('foldedLines', () => {
  it('round-trips folded input', () => {
    const text = ['main;a;b 3', 'main;c 2'];
    expect(foldedLines(fixture(text.join('\n')), { sampleType: 'samples' }).sort()).toEqual(text.sort());
  });
});
