import { ProfileError } from '../model/ProfileError';
import type { Profile, ValueType } from '../model/Profile';
import { accumulate } from './topTable';
import { resolveSampleType, type SampleTypeRef } from './resolveSampleType';
import type { StackFilter } from './StackFilter';

/**
 * relative: the baseline is scaled by totalAfter / totalBefore before subtracting, so a 30 s vs 60 s window or
 * twice the traffic does not look like a regression everywhere. absolute: raw values are subtracted.
 */
export type DiffMode = 'relative' | 'absolute';

export interface DiffRow {
  name: string;
  file: string;
  /** Raw values in the baseline. */
  before: { flat: number; cum: number };
  /** Raw values in the comparison. */
  after: { flat: number; cum: number };
  /** after − before × scale. */
  deltaFlat: number;
  deltaCum: number;
  /** delta / (before × scale) × 100; null when the function is new (before = 0). */
  deltaFlatPercent: number | null;
  deltaCumPercent: number | null;
  status: 'new' | 'vanished' | 'changed' | 'unchanged';
}

export interface ProfileDiff {
  mode: DiffMode;
  sampleType: ValueType;
  totalBefore: number;
  totalAfter: number;
  /** Factor applied to baseline values (1 in absolute mode). */
  scale: number;
  /** Every function of either profile, by |deltaCum| desc then name. */
  rows: DiffRow[];
  /** Only in the comparison / only in the baseline. */
  newFunctions: string[];
  vanishedFunctions: string[];
  /** Functions whose own (flat) value grew, largest growth first. */
  regressions: DiffRow[];
  /** Functions whose flat value shrank, largest drop first. */
  improvements: DiffRow[];
}

export interface DiffOptions {
  sampleType?: SampleTypeRef;
  mode?: DiffMode;
  filter?: StackFilter;
}

export function diffProfiles(base: Profile, comp: Profile, opts: DiffOptions = {}): ProfileDiff {
  const mode = opts.mode ?? 'relative';
  const [tb, tc] = matchSampleType(base, comp, opts.sampleType);
  const a = accumulate(base, tb, opts.filter);
  const b = accumulate(comp, tc, opts.filter);
  const scale = mode === 'relative' && a.total !== 0 ? b.total / a.total : 1;
  const rows = new Map<string, DiffRow>();
  const row = (name: string, file: string) => {
    let r = rows.get(name);
    if (!r) {
      r = {
        name,
        file,
        before: { flat: 0, cum: 0 },
        after: { flat: 0, cum: 0 },
        deltaFlat: 0,
        deltaCum: 0,
        deltaFlatPercent: null,
        deltaCumPercent: null,
        status: 'unchanged',
      };
      rows.set(name, r);
    }
    return r;
  };
  a.names.forEach((n, i) => {
    if (a.seen[i]) {
      const r = row(n, a.files[i]);
      r.before.flat += a.flat[i];
      r.before.cum += a.cum[i];
    }
  });
  b.names.forEach((n, i) => {
    if (b.seen[i]) {
      const r = row(n, b.files[i]);
      r.after.flat += b.flat[i];
      r.after.cum += b.cum[i];
    }
  });
  const pct = (d: number, before: number) => (before === 0 ? null : (d / Math.abs(before)) * 100);
  const newFunctions: string[] = [];
  const vanishedFunctions: string[] = [];
  for (const r of rows.values()) {
    const bf = r.before.flat * scale;
    const bc = r.before.cum * scale;
    r.deltaFlat = r.after.flat - bf;
    r.deltaCum = r.after.cum - bc;
    r.deltaFlatPercent = pct(r.deltaFlat, bf);
    r.deltaCumPercent = pct(r.deltaCum, bc);
    const inBefore = r.before.cum !== 0 || r.before.flat !== 0;
    const inAfter = r.after.cum !== 0 || r.after.flat !== 0;
    r.status = !inBefore ? 'new' : !inAfter ? 'vanished' : r.deltaCum !== 0 || r.deltaFlat !== 0 ? 'changed' : 'unchanged';
    if (r.status === 'new') {
      newFunctions.push(r.name);
    } else if (r.status === 'vanished') {
      vanishedFunctions.push(r.name);
    }
  }
  const all = [...rows.values()].sort(
    (x, y) => Math.abs(y.deltaCum) - Math.abs(x.deltaCum) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)
  );
  const byName = (x: DiffRow, y: DiffRow) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  return {
    mode,
    sampleType: comp.sampleTypes[tc],
    totalBefore: a.total,
    totalAfter: b.total,
    scale,
    rows: all,
    newFunctions: newFunctions.sort(),
    vanishedFunctions: vanishedFunctions.sort(),
    regressions: all.filter((r) => r.deltaFlat > 0).sort((x, y) => y.deltaFlat - x.deltaFlat || byName(x, y)),
    improvements: all.filter((r) => r.deltaFlat < 0).sort((x, y) => x.deltaFlat - y.deltaFlat || byName(x, y)),
  };
}

/** The same sample type in both profiles: resolved in the comparison, found by type name in the baseline. */
export function matchSampleType(base: Profile, comp: Profile, ref: SampleTypeRef): [number, number] {
  const tc = resolveSampleType(comp, ref);
  const want = comp.sampleTypes[tc];
  const tb = base.sampleTypes.findIndex((t) => t.type === want.type && t.unit === want.unit);
  if (tb < 0) {
    throw new ProfileError(
      'INCOMPATIBLE',
      `baseline has no sample type ${want.type}/${want.unit} (has: ${base.sampleTypes.map((t) => t.type).join(', ')})`
    );
  }
  return [tb, tc];
}
