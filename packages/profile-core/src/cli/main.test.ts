import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from './main';
import { decodeProfile } from '../pprof/decodeProfile';
import { topTable } from '../transform/topTable';
import { foldedStacks } from '../testing/foldedStacks';
import { requireGoInCI, runPprofTop, compareRows } from '../testing/goPprof';
import { CORPUS } from '../testing/corpus';

const BIN = join(__dirname, '..', '..', 'bin', 'hotpath.js');
const dir = mkdtempSync(join(tmpdir(), 'hotpath-cli-'));

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    return { code: main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const base = join(dir, 'base.pb.gz');
const comp = join(dir, 'comp.pb.gz');
writeFileSync(base, foldedStacks('main;serve;db.Query 10\nmain;serve;render 10'));
writeFileSync(comp, foldedStacks('main;serve;db.Query 50\nmain;serve;render 10\nmain;fresh 5'));

describe('hotpath top', () => {
  it('--json rows equal go tool pprof -top for the default sample type', () => {
    const file = `${CORPUS}/parca__fgprof.pb.gz`;
    const r = run(['top', file, '-n', '50', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.sampleType).toEqual({ type: 'time', unit: 'nanoseconds' });
    expect(j.rows).toHaveLength(50);
    expect(Object.keys(j.rows[0]).sort()).toEqual(['cum', 'cumPercent', 'file', 'flat', 'flatPercent', 'name']);
    if (requireGoInCI()) {
      expect(compareRows(j.rows, runPprofTop(file, 'time', 'nanoseconds'), 50)).toEqual([]);
    } else {
      throw new Error('go missing');
    }
  });

  it('--sample-type picks another type; text output has a header', () => {
    const r = run(['top', `${CORPUS}/parca__alloc_objects.pb.gz`, '--sample-type', 'alloc_objects', '-n', '3']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^Type: alloc_objects/);
    expect(r.out.trim().split('\n')).toHaveLength(5);
  });
});

describe('hotpath filters and warnings', () => {
  const LARGE = `${CORPUS}/google-pprof__large.cpu`;
  it('--focus / --ignore / --hide give go tool pprof\'s rows', () => {
    if (!requireGoInCI()) {
      throw new Error('go missing');
    }
    const args = ['--focus', 'rand\\.go$', '--ignore', '^math/rand\\.\\(\\*Rand\\)\\.Int63$', '--hide', '^runtime\\.'];
    const r = run(['top', LARGE, '-n', '50', '--json', ...args]);
    expect(r.code).toBe(0);
    const ref = runPprofTop(LARGE, 'cpu', 'nanoseconds', ['-focus=rand\\.go$', '-ignore=^math/rand\\.\\(\\*Rand\\)\\.Int63$', '-hide=^runtime\\.']);
    expect(ref.length).toBeGreaterThan(3);
    expect(compareRows(JSON.parse(r.out).rows, ref, 50)).toEqual([]);
  });

  it('--tagfocus keeps samples whose label matches, as pprof -tagfocus', () => {
    if (!requireGoInCI()) {
      throw new Error('go missing');
    }
    const file = `${CORPUS}/parca__profile-with-labels.pb.gz`;
    const r = run(['top', file, '-n', '50', '--json', '--tagfocus', 'thread_id=^2756170$']);
    expect(r.code).toBe(0);
    const ref = runPprofTop(file, 'samples', 'count', ['-tagfocus=thread_id=^2756170$']);
    expect(compareRows(JSON.parse(r.out).rows, ref, 50)).toEqual([]);
    expect(JSON.parse(r.out).total).toBeLessThan(JSON.parse(run(['top', file, '--json']).out).total);
  });

  it('filters apply to diff and folded too; a bad regex or --tagfocus is a one-line error', () => {
    const d = JSON.parse(run(['diff', base, comp, '--absolute', '--json', '--focus', 'db\\.']).out);
    expect(d.totalBefore).toBe(10 * 10_000_000);
    expect(d.totalAfter).toBe(50 * 10_000_000);
    expect(run(['folded', comp, '--hide', '^serve$']).out).toContain('main;db.Query 50');
    const bad = run(['top', base, '--focus', '(']);
    expect(bad.code).toBe(1);
    expect(bad.err.trim().split('\n')).toEqual(['hotpath: invalid focus regular expression: ( [BAD_ARGUMENT]']);
    expect(run(['top', base, '--tagfocus', 'nokey']).code).toBe(2);
  });

  it('prints profile warnings on stderr, keeping --json stdout parseable', () => {
    const deep = join(dir, 'deep.pb.gz');
    writeFileSync(deep, foldedStacks(`${Array.from({ length: 1500 }, (_, i) => `f${i}`).join(';')} 1`));
    const r = run(['top', deep, '--json']);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(r.err).toMatch(/^hotpath: warning: .*deep\.pb\.gz: 1 stacks deeper than 1024 frames were cut.*\[STACK_TRUNCATED\]$/m);
  });
});

describe('hotpath diff / suspects / folded', () => {
  it('diff --json ranks regressions and lists new functions', () => {
    const r = run(['diff', base, comp, '--absolute', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.mode).toBe('absolute');
    expect(j.regressions[0].name).toBe('db.Query');
    expect(j.regressions[0].deltaFlat).toBe(40 * 10_000_000);
    expect(j.newFunctions).toEqual(['fresh']);
  });

  it('diff --fail-over exits 3 when a regression exceeds the threshold', () => {
    const r = run(['diff', base, comp, '--fail-over', '10']);
    expect(r.code).toBe(3);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(run(['diff', base, base, '--fail-over', '10']).code).toBe(0);
  });

  it('suspects --json explains the regression', () => {
    const r = run(['suspects', base, comp, '--absolute', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.suspects[0].cause).toBe('cpu');
    expect(j.suspects[0].frames[0].name).toBe('db.Query');
  });

  it('folded prints one line per stack that sums to the total', () => {
    const file = `${CORPUS}/google-pprof__sample.cpu`;
    const r = run(['folded', file]);
    const sum = r.out
      .trim()
      .split('\n')
      .reduce((s, l) => s + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    expect(sum).toBe(topTable(decodeProfile(new Uint8Array(readFileSync(file)))).total);
  });
});

describe('bad input: non-zero exit, one line', () => {
  it.each([
    [['top', join(dir, 'missing.pb')], 1, /cannot read/],
    [['top', '/etc/hostname'], 1, /not a profile/],
    [['top', `${CORPUS}/MANIFEST.md`], 1, /\[TEXT\]|\[HTML\]/],
    [['top', `${CORPUS}/google-pprof__sample.cpu`, '--sample-type', 'nope'], 1, /UNKNOWN_SAMPLE_TYPE/],
    [['top'], 2, /top takes one file/],
    [['frobnicate'], 2, /unknown command/],
    [['top', 'x', '-n', 'zero'], 2, /positive integer/],
  ])('%j → exit %i', (args, code, msg) => {
    const r = run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.err.split('\n')[0]).toMatch(msg);
    expect(r.err.split('\n')[0].startsWith('hotpath: ')).toBe(true);
  });

  it('an empty file is reported as such', () => {
    const empty = join(dir, 'empty.pb.gz');
    writeFileSync(empty, '');
    const r = run(['top', empty]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`hotpath: ${empty}: empty profile (0 bytes) [EMPTY]\n`);
  });
});

describe('bin/hotpath.js launcher', () => {
  it('runs through tsx (no build step) with a real process exit code', () => {
    const ok = execFileSync('node', [BIN, 'top', `${CORPUS}/google-pprof__sample.cpu`, '-n', '2', '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(ok).rows).toHaveLength(2);
    const bad = spawnSync('node', [BIN, 'top', '/etc/hostname'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
