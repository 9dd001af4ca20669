import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { mayBacktrack } from './applyDropFrames';
import { decodeProfile } from './decodeProfile';
import { encodePprof } from './encodePprof';
import { ProfileBuilder } from '../model/ProfileBuilder';
import { foldedProfile } from '../testing/foldedStacks';
import { compareRows, requireGoInCI, runPprofTop } from '../testing/goPprof';
import { foldedLines } from '../transform/foldedLines';
import { topTable } from '../transform/topTable';

/** A profile as a profiler would write it: with drop_frames / keep_frames set, then decoded as users load it. */
const withDrop = (text: string, dropFrames: string, keepFrames = '') =>
  decodeProfile(encodePprof({ ...foldedProfile(text), dropFrames, keepFrames }));

const STACKS = `
  runtime.goexit;main.serve;runtime.mallocgc;runtime.nextFree 5
  runtime.goexit;runtime.gcBgMarkWorker;runtime.gcDrain 3
  runtime.goexit;main.serve;main.work 2
`;

describe('drop_frames / keep_frames (pprof Prune semantics)', () => {
  it('cuts each stack at the first matching frame after a user frame; root-side matches stay', () => {
    const p = withDrop(STACKS, 'runtime\\..*');
    expect(foldedLines(p, { sampleType: 'samples' }).sort()).toEqual([
      'runtime.goexit;main.serve 5',
      'runtime.goexit;main.serve;main.work 2',
      // No user frame before the runtime ones: nothing is cut, as in pprof (avoids empty stacks).
      'runtime.goexit;runtime.gcBgMarkWorker;runtime.gcDrain 3',
    ]);
    expect(p.warnings.map((w) => w.code)).toContain('DROP_FRAMES_APPLIED');
  });

  it('keep_frames protects a frame drop_frames would cut', () => {
    const p = withDrop(STACKS, 'runtime\\..*', 'runtime\\.mallocgc');
    expect(foldedLines(p, { sampleType: 'samples' })).toContain('runtime.goexit;main.serve;runtime.mallocgc 5');
  });

  it('anchors the pattern and matches the simplified name (argument list cut, as pprof does)', () => {
    // Built directly: folded text cannot hold the space in "(anonymous namespace)".
    const b = new ProfileBuilder([{ type: 'samples', unit: 'count' }]);
    const stack = (...names: string[]) => names.reverse().map((n) => b.addLocation([{ fn: b.addFunction(n, 'x.cc') }]));
    b.addSample(stack('main', 'svc.handle', 'ns::(anonymous namespace)::parse(int)', 'leaf'), [4], []);
    b.addSample(stack('main', 'svc.handle', 'db.(*Conn).Query', 'leaf'), [6], []);
    const built = b.build();
    const pruned = (drop: string) =>
      foldedLines(decodeProfile(encodePprof({ ...built, dropFrames: drop })), { sampleType: 'samples' }).sort();
    // "db.(*Conn).Query" simplifies to "db." in pprof: the "(" of a Go method starts the cut argument list.
    expect(pruned('db\\.')).toEqual(['main;svc.handle 6', 'main;svc.handle;ns::(anonymous namespace)::parse(int);leaf 4']);
    // "(anonymous namespace)" is kept whole; "(int)" is cut.
    expect(pruned('ns::\\(anonymous namespace\\)::parse')).toEqual(['main;svc.handle 4', 'main;svc.handle;db.(*Conn).Query;leaf 6']);
    // Anchored: a pattern matching only part of a name prunes nothing.
    expect(pruned('handle')).toHaveLength(2);
    expect(pruned('handle').join()).toContain('leaf');
  });

  it('an invalid pattern is reported, not thrown, and prunes nothing', () => {
    const p = withDrop(STACKS, 'runtime\\.(');
    expect(p.warnings.map((w) => w.code)).toContain('DROP_FRAMES_INVALID');
    expect(foldedLines(p, { sampleType: 'samples' })).toHaveLength(3);
  });

  it('refuses a backtracking pattern from a hostile file instead of hanging on it', () => {
    const names = Array.from({ length: 50 }, (_, i) => `main;${'a'.repeat(40 + i)}! 1`).join('\n');
    // Unguarded, this call does not return (jest's timeout fails the test): (a+)+$ on 40+ a's and a "!".
    const p = withDrop(names, '(a+)+$');
    expect(p.warnings.map((w) => w.code)).toContain('DROP_FRAMES_INVALID');
  });

  it.each([
    ['(a+)+$', true],
    ['(a|a)*', true],
    ['((x|y)z)*', true],
    ['(x*y){2,}', true],
    ['(malloc|operator new|runtime\\..*)', false],
    ['runtime\\..*|[(+*]+', false],
    ['(?:abc)+', false],
    ['\\(a+\\)+', false],
  ])('mayBacktrack(%s) is %s', (src, want) => {
    expect(mayBacktrack(src)).toBe(want);
  });

  const haveGo = requireGoInCI();
  it.each([
    ['runtime frames, mallocgc kept', 'runtime\\..*', 'runtime\\.mallocgc'],
    // Hits the leaf-most inline frame of a location whose outer frame is the demo's handler: lines are trimmed.
    ['an inlined frame', 'github\\.com/grafana/pyroscope-go\\..*|modernc\\.org/sqlite/lib\\._walSehTry', ''],
  ])('top equals go tool pprof on a live demo profile with drop_frames: %s', (_n, dropFrames, keepFrames) => {
    if (!haveGo) {
      throw new Error('go missing: cannot compare with go tool pprof');
    }
    const src = decodeProfile(new Uint8Array(readFileSync(join(__dirname, '..', '..', 'fixtures', 'demo', 'cpu-hot.pb.gz'))));
    const file = join(mkdtempSync(join(tmpdir(), 'hotpath-drop-')), 'cpu.pb');
    writeFileSync(file, encodePprof({ ...src, dropFrames, keepFrames }));
    const ours = decodeProfile(new Uint8Array(readFileSync(file)));
    expect(ours.warnings.map((w) => w.code)).toContain('DROP_FRAMES_APPLIED');
    const ref = runPprofTop(file, 'cpu', 'nanoseconds');
    expect(compareRows(topTable(ours, { sampleType: 'cpu' }).rows, ref, 50)).toEqual([]);
    // And the pruning changed pprof's answer, so agreement is not trivial.
    expect(compareRows(topTable(src, { sampleType: 'cpu' }).rows, ref, 50)).not.toEqual([]);
  });
});
