import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { decodeProfile } from '../pprof/decodeProfile';
import { comparePprofTop, parsePprofTop, requireGoInCI } from './goPprof';
import { CORPUS } from './corpus';

// Live Go runtime profiles (cpu, heap, allocs, mutex, block, goroutine) captured from the demo: fixtures/demo.
const DEMO = join(__dirname, '..', '..', 'fixtures', 'demo');
const cases = [CORPUS, DEMO].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => !f.endsWith('.md'))
    .flatMap((f) =>
      decodeProfile(new Uint8Array(readFileSync(join(dir, f)))).sampleTypes.map(
        (t) => [dir === DEMO ? `fixtures/demo/${f}` : f, t.type, join(dir, f)] as [string, string, string]
      )
    )
);

// Fails (does not skip) when go is missing and CI=true; locally without go the comparisons cannot run, and the
// guard test below says so loudly instead of passing silently.
const haveGo = requireGoInCI();

describe('go tool pprof is the reference: top 50 by flat, flat and cum exact', () => {
  it('has go available (required in CI)', () => {
    if (process.env.CI === 'true') {
      expect(haveGo).toBe(true);
    }
  });

  (haveGo ? it.each(cases) : it.each([['(go missing)', '', '']]))('%s -sample_index=%s', (_name, sampleType, file) => {
    if (!haveGo) {
      throw new Error('go is not installed: cannot compare with go tool pprof');
    }
    const r = comparePprofTop(file, sampleType, 50);
    expect(r.mismatches).toEqual([]);
    expect(r.compared).toBe(Math.min(50, r.pprofRows));
    expect(r.ourRows).toBe(r.pprofRows);
  });
});

describe('parsePprofTop', () => {
  it('reads units, inline markers and zero flats', () => {
    const rows = parsePprofTop(
      [
        '      flat  flat%   sum%        cum   cum%',
        '1280000000ns 72.73% 72.73% 1370000000ns 77.84%  runtime.mapiternext',
        '110000000ns  6.25% 87.50% 110000000ns  6.25%  math.Abs (inline)',
        '         0     0%   100%    -1234B   100%  main.main',
      ].join('\n')
    );
    expect(rows).toEqual([
      { name: 'runtime.mapiternext', flat: 1280000000, cum: 1370000000 },
      { name: 'math.Abs', flat: 110000000, cum: 110000000 },
      { name: 'main.main', flat: 0, cum: -1234 },
    ]);
  });
});
