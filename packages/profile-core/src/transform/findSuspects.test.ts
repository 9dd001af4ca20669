import { readFileSync } from 'fs';
import { join } from 'path';
import { decodeProfile } from '../pprof/decodeProfile';
import { foldedStacks } from '../testing/foldedStacks';
import { findSuspects } from './findSuspects';
import { rankProfileTypes } from './rankProfileTypes';
import { SUSPECT_RULES, type SuspectRule } from './suspectRules';

const p = (text: string, sampleTypes?: Array<{ type: string; unit: string }>) =>
  decodeProfile(foldedStacks(text, sampleTypes ? { sampleTypes } : {}));

// A shop handler; each case grows one kind of work in the comparison.
const BASE = `
  runtime.goexit;net/http.(*conn).serve;main.checkout;main.price 50
  runtime.goexit;net/http.(*conn).serve;main.checkout;database/sql.(*DB).QueryContext;modernc.org/sqlite.(*conn).step 20
  runtime.goexit;net/http.(*conn).serve;main.checkout;encoding/json.Marshal;runtime.mallocgc 10
  runtime.goexit;runtime.gcBgMarkWorker;runtime.gcDrain 5
  runtime.goexit;net/http.(*conn).serve;main.checkout;net/http.(*Client).Do;net.(*conn).Read;internal/poll.(*FD).Read;syscall.read 10
  runtime.goexit;main.flush;os.(*File).Sync;syscall.fsync 5
  runtime.goexit;net/http.(*conn).serve;main.checkout;sync.(*Mutex).Lock;runtime.semacquire1 5
`;

function grow(line: RegExp, by: number): string {
  return BASE.split('\n')
    .map((l) => (line.test(l) ? l.replace(/(\d+)$/, (n) => String(Number(n) * by)) : l))
    .join('\n');
}

describe('findSuspects', () => {
  it.each([
    ['database', /sqlite/],
    ['lock', /semacquire/],
    ['gc', /mallocgc|gcDrain/],
    ['network', /Client\)\.Do/],
    ['io', /fsync/],
    ['cpu', /main\.price/],
  ])('names %s as the top suspect when its frames grow', (cause, line) => {
    const r = findSuspects(p(BASE), p(grow(line, 5)), { sampleType: 'samples', mode: 'absolute' });
    expect(r.suspects[0].cause).toBe(cause);
    expect(r.suspects[0].frames.length).toBeGreaterThan(0);
    expect(r.suspects[0].why).toMatch(/grew by/);
  });

  it('says which frames matched and how much they grew', () => {
    const r = findSuspects(p(BASE), p(grow(/sqlite/, 3)), { sampleType: 'samples', mode: 'absolute' });
    const db = r.suspects[0];
    expect(db.before).toBe(20);
    expect(db.after).toBe(60);
    expect(db.delta).toBe(40);
    expect(db.deltaPercent).toBe(200);
    expect(db.frames[0]).toEqual({ name: 'modernc.org/sqlite.(*conn).step', before: 20, after: 60, delta: 40 });
    expect(db.why).toContain('modernc.org/sqlite.(*conn).step');
  });

  it('does not call every HTTP handler "network" (net/http.(*conn).serve is the server root)', () => {
    const r = findSuspects(p(BASE), p(grow(/main\.price/, 3)), { sampleType: 'samples', mode: 'absolute' });
    expect(r.suspects.map((s) => s.cause)).toEqual(['cpu']);
    expect(r.suspects[0].frames[0].name).toBe('main.price');
  });

  it('relative mode: uniform growth (more traffic) is not a suspect', () => {
    const doubled = grow(/./, 2);
    expect(findSuspects(p(BASE), p(doubled), { sampleType: 'samples' }).suspects).toEqual([]);
    expect(findSuspects(p(BASE), p(doubled), { sampleType: 'samples', mode: 'absolute' }).suspects.length).toBeGreaterThan(1);
  });

  it('reports goroutine growth for goroutine profiles, naming the non-runtime frame', () => {
    const g = [{ type: 'goroutine', unit: 'count' }];
    const base = p('runtime.goexit;main.worker;runtime.gopark 10', g);
    const comp = p('runtime.goexit;main.worker;runtime.gopark 10\nruntime.goexit;main.leak;runtime.chanrecv;runtime.gopark 500', g);
    const r = findSuspects(base, comp, { mode: 'absolute' });
    expect(r.suspects[0].cause).toBe('goroutines');
    expect(r.suspects[0].frames[0].name).toBe('main.leak');
  });

  it('on live demo profiles, names the switched-on cpu bottleneck (quadratic search ranking) first', () => {
    const demo = (f: string) => decodeProfile(new Uint8Array(readFileSync(join(__dirname, '..', '..', 'fixtures', 'demo', f))));
    const r = findSuspects(demo('cpu-base.pb.gz'), demo('cpu-hot.pb.gz'), { sampleType: 'cpu' });
    expect(r.suspects[0].cause).toBe('cpu');
    expect(r.suspects[0].frames.map((f) => f.name)).toContain('github.com/hotpath/hotpath/demo/internal/search.editDistance');
  });

  it('uses the rule table as data: a custom rule classifies new frames', () => {
    const rules: SuspectRule[] = [
      { cause: 'network', label: 'Redis', patterns: ['^redis\\.'], why: 'redis calls grew' },
      ...SUSPECT_RULES,
    ];
    const r = findSuspects(p('main;redis.Get 1\nmain;x 9'), p('main;redis.Get 30\nmain;x 9'), {
      sampleType: 'samples',
      mode: 'absolute',
      rules,
    });
    expect(r.suspects[0].label).toBe('Redis');
  });

  it('every rule pattern compiles and every cause has a why', () => {
    for (const rule of SUSPECT_RULES) {
      expect(rule.why.length).toBeGreaterThan(10);
      rule.patterns.forEach((pat) => expect(() => new RegExp(pat)).not.toThrow());
    }
    expect(new Set(SUSPECT_RULES.map((r) => r.cause))).toEqual(
      new Set(['goroutines', 'database', 'lock', 'network', 'io', 'gc', 'cpu'])
    );
  });
});

describe('rankProfileTypes', () => {
  it('ranks the type that changed most first (total growth and shape change)', () => {
    const cpuBase = p('main;a 10\nmain;b 10');
    const cpuSame = p('main;a 10\nmain;b 10');
    const mutexBase = p('main;lock 5');
    const mutexUp = p('main;lock 50');
    const heapBase = p('main;x 10\nmain;y 10');
    const heapShifted = p('main;x 19\nmain;y 1');
    const r = rankProfileTypes([
      { type: 'cpu', base: cpuBase, comp: cpuSame, sampleType: 'samples' },
      { type: 'mutex', base: mutexBase, comp: mutexUp, sampleType: 'samples' },
      { type: 'inuse', base: heapBase, comp: heapShifted, sampleType: 'samples' },
    ]);
    expect(r.map((x) => x.type)).toEqual(['mutex', 'inuse', 'cpu']);
    expect(r[0].totalChangePercent).toBe(900);
    expect(r[1].shapeChange).toBeCloseTo(0.45);
    expect(r[2].score).toBe(0);
  });
});
