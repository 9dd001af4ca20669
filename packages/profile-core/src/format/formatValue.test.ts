import { formatValue } from './formatValue';

describe('formatValue', () => {
  it.each([
    [1_500_000_000, 'nanoseconds', '1.5s'],
    [20_000_000, 'nanoseconds', '20ms'],
    [-3_000, 'nanoseconds', '-3µs'],
    [90, 'seconds', '1.5min'],
    [1536, 'bytes', '1.5kB'],
    [195_181_317, 'bytes', '186.14MB'], // go tool pprof prints 186.14MB for this value
    [42, 'count', '42'],
    [0, 'bytes', '0B'],
  ])('%d %s → %s', (v, unit, want) => {
    expect(formatValue(v, unit)).toBe(want);
  });
});
