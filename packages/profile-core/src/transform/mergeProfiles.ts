import { ProfileError } from '../model/ProfileError';
import type { Profile } from '../model/Profile';
import { ProfileBuilder, type BuilderLabel } from '../model/ProfileBuilder';

export interface MergeInput {
  profile: Profile;
  /** Multiply every value by this (e.g. -1 to subtract). Default 1. */
  scale?: number;
  /** Keep only samples for which this returns true. */
  keep?: (sample: number) => boolean;
}

/**
 * Merges profiles with identical sample types (type and unit, in order — pprof's Merge rule) into one.
 * Functions and locations are de-duplicated by content, so ids from different files never collide.
 */
export function mergeProfiles(profiles: Array<Profile | MergeInput>): Profile {
  const inputs: MergeInput[] = profiles.map((p) => ('profile' in p ? p : { profile: p }));
  if (inputs.length === 0) {
    throw new ProfileError('BAD_ARGUMENT', 'mergeProfiles needs at least one profile');
  }
  const first = inputs[0].profile;
  const key = (p: Profile) => p.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(',');
  for (const { profile } of inputs) {
    if (key(profile) !== key(first)) {
      throw new ProfileError('INCOMPATIBLE', `cannot merge profiles with sample types [${key(first)}] and [${key(profile)}]`);
    }
  }
  const b = new ProfileBuilder(first.sampleTypes);
  b.defaultSampleType = first.defaultSampleType;
  b.periodType = first.periodType;
  b.comments = [...first.comments];
  let minTime = Infinity;
  for (const { profile: p, scale = 1, keep } of inputs) {
    b.period = Math.max(b.period, p.period);
    b.durationNanos += p.durationNanos;
    if (p.timeNanos) {
      minTime = Math.min(minTime, p.timeNanos);
    }
    const s = p.strings;
    const fnMap = new Int32Array(p.functions.count);
    for (let f = 0; f < p.functions.count; f++) {
      fnMap[f] = b.addFunction(
        s.get(p.functions.name[f]),
        s.get(p.functions.filename[f]),
        p.functions.startLine[f],
        s.get(p.functions.systemName[f])
      );
    }
    const locs = p.locations;
    const locMap = new Int32Array(locs.count);
    for (let l = 0; l < locs.count; l++) {
      const lines = [];
      for (let i = locs.lineStart[l]; i < locs.lineStart[l + 1]; i++) {
        lines.push({ fn: fnMap[locs.lineFunction[i]], line: locs.lineNumber[i] });
      }
      locMap[l] = b.addLocation(lines, locs.address[l]);
    }
    const sm = p.samples;
    const nT = p.sampleTypes.length;
    const vals = new Float64Array(nT);
    for (let i = 0; i < sm.count; i++) {
      if (keep && !keep(i)) {
        continue;
      }
      const stack = sm.stack.subarray(sm.stackStart[i], sm.stackStart[i + 1]).map((l) => locMap[l]);
      for (let t = 0; t < nT; t++) {
        vals[t] = sm.values[i * nT + t] * scale;
      }
      const labels: BuilderLabel[] = [];
      for (let l = sm.labelStart[i]; l < sm.labelStart[i + 1]; l++) {
        labels.push(
          sm.labelStr[l] !== 0
            ? { key: s.get(sm.labelKey[l]), str: s.get(sm.labelStr[l]) }
            : { key: s.get(sm.labelKey[l]), num: sm.labelNum[l], unit: s.get(sm.labelNumUnit[l]) || undefined }
        );
      }
      b.addSample(stack, vals, labels);
    }
  }
  b.timeNanos = minTime === Infinity ? 0 : minTime;
  return b.build();
}

/** A copy with every value multiplied by `factor`. */
export function scaleProfile(profile: Profile, factor: number): Profile {
  return mergeProfiles([{ profile, scale: factor }]);
}

/** comparison − baseline as one profile (baseline values negated), exactly what `go tool pprof -diff_base` shows. */
export function subtractProfile(comparison: Profile, baseline: Profile): Profile {
  return mergeProfiles([{ profile: comparison }, { profile: baseline, scale: -1 }]);
}
