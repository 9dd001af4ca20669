// Human-readable values by unit. Time and bytes follow go tool pprof's conventions (1 MB = 1024² bytes, "ms").
const TIME: Array<[number, string]> = [
  [3600e9, 'h'],
  [60e9, 'min'],
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
  [1, 'ns'],
];
const BYTES: Array<[number, string]> = [
  [1024 ** 4, 'TB'],
  [1024 ** 3, 'GB'],
  [1024 ** 2, 'MB'],
  [1024, 'kB'],
  [1, 'B'],
];
const TIME_UNITS: Record<string, number> = { nanoseconds: 1, microseconds: 1e3, milliseconds: 1e6, seconds: 1e9 };

export function formatValue(value: number, unit: string): string {
  const sign = value < 0 ? '-' : '';
  const v = Math.abs(value);
  if (TIME_UNITS[unit] !== undefined) {
    return sign + pick(v * TIME_UNITS[unit], TIME);
  }
  if (unit === 'bytes') {
    return sign + pick(v, BYTES);
  }
  return sign + (Number.isInteger(v) ? String(v) : v.toFixed(2));
}

function pick(v: number, scale: Array<[number, string]>): string {
  for (const [f, u] of scale) {
    if (v >= f) {
      return `${trim((v / f).toFixed(2))}${u}`;
    }
  }
  return `0${scale[scale.length - 1][1]}`;
}

function trim(s: string): string {
  return s.replace(/\.?0+$/, '');
}
