/**
 * Test-only: readable fixtures. `foldedStacks` turns Brendan Gregg's folded format into a real pprof profile:
 *
 *   main;handler;db.Query 30        ← root first, then value(s)
 *   main;handler;json.Marshal 10 @route=/api   ← optional labels after '@' (key=value, comma separated)
 *
 * Several values per line map to several sample types.
 */
import type { Profile, ValueType } from '../model/Profile';
import { ProfileBuilder } from '../model/ProfileBuilder';
import { encodePprof } from '../pprof/encodePprof';

export interface FoldedOptions {
  sampleTypes?: ValueType[];
  period?: number;
  periodType?: ValueType;
  durationNanos?: number;
  timeNanos?: number;
}

export function foldedProfile(text: string, opts: FoldedOptions = {}): Profile {
  const types = opts.sampleTypes ?? [
    { type: 'samples', unit: 'count' },
    { type: 'cpu', unit: 'nanoseconds' },
  ];
  const b = new ProfileBuilder(types);
  b.period = opts.period ?? 10_000_000;
  b.periodType = opts.periodType ?? { type: 'cpu', unit: 'nanoseconds' };
  b.durationNanos = opts.durationNanos ?? 10e9;
  b.timeNanos = opts.timeNanos ?? 1.7e18;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) {
      continue;
    }
    const [body, labelText] = line.split(/\s+@/);
    const parts = body.split(/\s+/);
    const frames = parts[0].split(';');
    let nums = parts.slice(1).map(Number);
    if (nums.length === 1 && types.length === 2 && types[0].type === 'samples') {
      // One number with the default types: that many samples of `period` ns each.
      nums = [nums[0], nums[0] * b.period];
    }
    const locs = frames.reverse().map((f) => b.addLocation([{ fn: b.addFunction(f, `${f.split('.')[0]}.go`) }]));
    const labels = labelText
      ? labelText.split(',').map((kv) => {
          const [key, str] = kv.split('=');
          return { key, str };
        })
      : [];
    b.addSample(locs, nums, labels);
  }
  return b.build();
}

/** Folded stacks → gzipped pprof bytes (what a Go service would serve). */
export function foldedStacks(text: string, opts: FoldedOptions = {}): Uint8Array {
  return encodePprof(foldedProfile(text, opts));
}
