import type { Profile } from '../model/Profile';
import { forEachStack } from './forEachStack';
import { mergeProfiles } from './mergeProfiles';
import type { StackFilter } from './StackFilter';

/**
 * A new profile with only the samples `filter` keeps (focus / ignore / labels; `hide` does not change which
 * samples are kept and is ignored here). Example: `filterProfile(p, { labels: { route: '/checkout' } })`.
 */
export function filterProfile(profile: Profile, filter: StackFilter): Profile {
  const keep = new Uint8Array(profile.samples.count);
  const { hide: _hide, ...rest } = filter;
  // Judge samples on every sample type: a sample is kept if the filter keeps it for any type with a value.
  for (let t = 0; t < profile.sampleTypes.length; t++) {
    forEachStack(profile, t, rest, (_f, _d, _v, s) => (keep[s] = 1));
  }
  return mergeProfiles([{ profile, keep: (s) => keep[s] === 1 }]);
}
