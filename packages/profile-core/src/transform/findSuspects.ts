import { ProfileError } from '../model/ProfileError';
import type { Profile, ValueType } from '../model/Profile';
import { formatValue } from '../format/formatValue';
import { matchSampleType, type DiffMode } from './diffProfiles';
import { forEachStack } from './forEachStack';
import { frameIndex } from './frameIndex';
import type { SampleTypeRef } from './resolveSampleType';
import type { StackFilter } from './StackFilter';
import { SUSPECT_RULES, type SuspectCause, type SuspectRule } from './suspectRules';

export interface SuspectFrame {
  name: string;
  before: number;
  after: number;
  delta: number;
}

export interface Suspect {
  cause: SuspectCause;
  label: string;
  /** Value attributed to this cause (baseline raw, comparison raw) and after − before × scale. */
  before: number;
  after: number;
  delta: number;
  /** delta / (before × scale) × 100, null if the cause is new. */
  deltaPercent: number | null;
  /** delta as a share of the comparison's total, in %. */
  shareOfTotal: number;
  /** Frames that matched, largest growth first (at most 5). */
  frames: SuspectFrame[];
  /** One sentence: what grew, by how much, through which frames, and what that usually means. */
  why: string;
}

export interface SuspectOptions {
  sampleType?: SampleTypeRef;
  mode?: DiffMode;
  filter?: StackFilter;
  rules?: readonly SuspectRule[];
  /** Ignore causes whose growth is below this share of the comparison total, in % (default 1). */
  minSharePercent?: number;
}

export interface SuspectReport {
  sampleType: ValueType;
  mode: DiffMode;
  totalBefore: number;
  totalAfter: number;
  scale: number;
  /** Causes that grew, largest growth first. */
  suspects: Suspect[];
}

/**
 * Explains a regression by cause. Each sample of both profiles is attributed to the first rule (table order)
 * with a matching frame; the matched frame is the leaf-most one. Causes are ranked by growth.
 */
export function findSuspects(base: Profile, comp: Profile, opts: SuspectOptions = {}): SuspectReport {
  const rules = opts.rules ?? SUSPECT_RULES;
  const mode = opts.mode ?? 'relative';
  const [tb, tc] = matchSampleType(base, comp, opts.sampleType);
  const typeName = comp.sampleTypes[tc].type;
  const active = rules.filter((r) => !r.sampleTypes || r.sampleTypes.includes(typeName));
  const compiled = active.map((r) => {
    try {
      return r.patterns.map((p) => new RegExp(p));
    } catch {
      throw new ProfileError('BAD_ARGUMENT', `invalid pattern in suspect rule "${r.cause}"`);
    }
  });

  const sides = [attribute(base, tb), attribute(comp, tc)];
  const [a, b] = sides;
  const scale = mode === 'relative' && a.total !== 0 ? b.total / a.total : 1;
  const unit = comp.sampleTypes[tc].unit;
  const suspects: Suspect[] = [];
  active.forEach((rule, ri) => {
    const before = a.byRule[ri];
    const after = b.byRule[ri];
    const delta = after - before * scale;
    if (delta <= 0 || (b.total !== 0 && (delta / Math.abs(b.total)) * 100 < (opts.minSharePercent ?? 1))) {
      return;
    }
    const names = new Set([...a.frames[ri].keys(), ...b.frames[ri].keys()]);
    const frames: SuspectFrame[] = [...names]
      .map((name) => {
        const fb = a.frames[ri].get(name) ?? 0;
        const fa = b.frames[ri].get(name) ?? 0;
        return { name, before: fb, after: fa, delta: fa - fb * scale };
      })
      .filter((f) => f.delta > 0)
      .sort((x, y) => y.delta - x.delta || (x.name < y.name ? -1 : 1))
      .slice(0, 5);
    const deltaPercent = before === 0 ? null : (delta / Math.abs(before * scale)) * 100;
    const shareOfTotal = b.total === 0 ? 0 : (delta / Math.abs(b.total)) * 100;
    // In relative mode every "before" is scaled to the comparison's total first; say so, or a cause that grew less
    // than its top frame (other frames of the cause shrank) reads like an arithmetic error.
    const scaled = mode === 'relative' && scale !== 1 ? `, baseline scaled ×${scale.toPrecision(3)} to the same total` : '';
    const grew = `${rule.label} grew by ${formatValue(delta, unit)}${
      deltaPercent === null ? ' (new)' : ` (+${deltaPercent.toFixed(0)}%)`
    }, ${shareOfTotal.toFixed(1)}% of the comparison${scaled}`;
    const via = frames.length
      ? `; frames (with their runtime callees), before → after: ${frames
          .map((f) => `${f.name} ${formatValue(f.before, unit)} → ${formatValue(f.after, unit)}`)
          .join(', ')}`
      : '';
    suspects.push({
      cause: rule.cause,
      label: rule.label,
      before,
      after,
      delta,
      deltaPercent,
      shareOfTotal,
      frames,
      why: `${grew}${via}. ${capitalise(rule.why)}.`,
    });
  });
  suspects.sort((x, y) => y.delta - x.delta);
  return { sampleType: comp.sampleTypes[tc], mode, totalBefore: a.total, totalAfter: b.total, scale, suspects };

  function attribute(p: Profile, t: number) {
    const fi = frameIndex(p);
    // Per name: the first rule index it matches (-1 none), computed once per unique name.
    const ruleOf = new Int32Array(fi.names.length).fill(-1);
    fi.names.forEach((n, i) => {
      ruleOf[i] = compiled.findIndex((res, ri) => !active[ri].fallback && res.some((re) => re.test(n)));
    });
    const fallback = active.findIndex((r) => r.fallback);
    const byRule = new Float64Array(active.length);
    const frames = active.map(() => new Map<string, number>());
    let total = 0;
    forEachStack(p, t, opts.filter, (fr, depth, v) => {
      total += v;
      let best = active.length;
      let frame = -1;
      for (let i = depth - 1; i >= 0; i--) {
        const r = ruleOf[fr[i]];
        if (r >= 0 && r < best) {
          best = r;
          frame = fr[i];
        }
      }
      // A fallback rule placed before a matching rule (goroutines) wins over it.
      if (fallback >= 0 && fallback < best) {
        best = fallback;
        frame = -1;
      }
      if (best === active.length) {
        return;
      }
      if (frame < 0) {
        frame = fr[depth - 1];
        for (let i = depth - 1; i >= 0; i--) {
          if (!fi.names[fr[i]].startsWith('runtime.')) {
            frame = fr[i];
            break;
          }
        }
      }
      byRule[best] += v;
      if (frame >= 0) {
        const name = fi.names[frame];
        frames[best].set(name, (frames[best].get(name) ?? 0) + v);
      }
    });
    return { byRule, frames, total };
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
