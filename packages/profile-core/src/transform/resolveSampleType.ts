import { ProfileError } from '../model/ProfileError';
import type { Profile } from '../model/Profile';

/**
 * A sample type chosen by index, by type name ('cpu', 'inuse_space') or as 'type/unit'; undefined means the
 * profile's default (pprof's default_sample_type, else the last type).
 */
export type SampleTypeRef = number | string | undefined;

export function resolveSampleType(p: Profile, ref: SampleTypeRef): number {
  if (ref === undefined || ref === '') {
    return p.defaultSampleType;
  }
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < p.sampleTypes.length) {
      return ref;
    }
  } else {
    const i = p.sampleTypes.findIndex((t) => t.type === ref || `${t.type}/${t.unit}` === ref);
    if (i >= 0) {
      return i;
    }
    if (/^\d+$/.test(ref) && Number(ref) < p.sampleTypes.length) {
      return Number(ref);
    }
  }
  const have = p.sampleTypes.map((t) => t.type).join(', ') || 'none';
  throw new ProfileError('UNKNOWN_SAMPLE_TYPE', `no sample type "${ref}" in this profile (have: ${have})`);
}
