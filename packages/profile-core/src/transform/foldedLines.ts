import type { Profile } from '../model/Profile';
import { forEachStack } from './forEachStack';
import { frameIndex } from './frameIndex';
import { resolveSampleType, type SampleTypeRef } from './resolveSampleType';
import type { StackFilter } from './StackFilter';

export interface FoldedOptions {
  sampleType?: SampleTypeRef;
  filter?: StackFilter;
}

/** Folded stacks ("root;...;leaf value"), one line per unique stack, in first-seen order. */
export function foldedLines(profile: Profile, opts: FoldedOptions = {}): string[] {
  const t = resolveSampleType(profile, opts.sampleType);
  // ';' separates frames in the folded format; a ';' inside a name would split it, so it becomes ':'.
  const names = frameIndex(profile).names.map((n) => n.replace(/;/g, ':'));
  const acc = new Map<string, number>();
  forEachStack(profile, t, opts.filter, (frames, depth, v) => {
    let key = '';
    for (let i = 0; i < depth; i++) {
      key += (i ? ';' : '') + names[frames[i]];
    }
    acc.set(key, (acc.get(key) ?? 0) + v);
  });
  const out: string[] = [];
  acc.forEach((v, k) => out.push(`${k} ${v}`));
  return out;
}
