import type { Profile } from '../model/Profile';
import { frameIndex, type FrameIndex } from './frameIndex';
import { type StackFilter, toRegExp } from './StackFilter';

/**
 * Called once per kept sample with its frames ROOT FIRST in `frames[0..depth-1]` (name ids of frameIndex).
 * `frames` is reused between calls: copy what you keep.
 */
export type StackVisitor = (frames: Int32Array, depth: number, value: number, sample: number) => void;

/**
 * The one loop every view shares: expand each sample's locations into function frames (inline frames
 * included), apply the filter, skip zero values (as pprof does), hand a root-first stack to `visit`.
 * Iterative; never recurses, whatever the depth.
 */
export function forEachStack(p: Profile, sampleType: number, filter: StackFilter | undefined, visit: StackVisitor): FrameIndex {
  const fi = frameIndex(p);
  const { stackStart, stack, values, count } = p.samples;
  const nTypes = p.sampleTypes.length;
  const { locStart, locNames } = fi;
  const matcher = compileFilter(p, fi, filter);
  let maxDepth = 1;
  for (let s = 0; s < count; s++) {
    maxDepth = Math.max(maxDepth, stackStart[s + 1] - stackStart[s]);
  }
  const frames = new Int32Array(maxDepth * fi.maxFramesPerLocation + 1);
  for (let s = 0; s < count; s++) {
    const v = values[s * nTypes + sampleType];
    if (v === 0) {
      continue;
    }
    if (matcher && !matcher.keepSample(s)) {
      continue;
    }
    // Stack is leaf-first; walk it backwards to produce root-first frames. Lines within a location are also
    // leaf-first, so walk those backwards too.
    let d = 0;
    const a = stackStart[s];
    for (let i = stackStart[s + 1] - 1; i >= a; i--) {
      const loc = stack[i];
      const la = locStart[loc];
      for (let j = locStart[loc + 1] - 1; j >= la; j--) {
        frames[d++] = locNames[j];
      }
    }
    if (matcher) {
      d = matcher.apply(frames, d);
      if (d < 0) {
        continue;
      }
    }
    visit(frames, d, v, s);
  }
  return fi;
}

interface CompiledFilter {
  keepSample(s: number): boolean;
  /** Returns the new depth after hiding frames, or -1 to drop the sample. */
  apply(frames: Int32Array, depth: number): number;
}

function compileFilter(p: Profile, fi: FrameIndex, f: StackFilter | undefined): CompiledFilter | undefined {
  if (!f) {
    return undefined;
  }
  const focus = toRegExp(f.focus, 'focus');
  const ignore = toRegExp(f.ignore, 'ignore');
  const hide = toRegExp(f.hide, 'hide');
  const labels = f.labels && Object.keys(f.labels).length > 0 ? f.labels : undefined;
  if (!focus && !ignore && !hide && !labels) {
    return undefined;
  }
  // Per-name flags: bit 1 focus, 2 ignore, 4 hide — regexes run once per unique name, not per frame.
  const flags = new Uint8Array(fi.names.length);
  fi.names.forEach((n, i) => {
    flags[i] = (focus && focus.test(n) ? 1 : 0) | (ignore && ignore.test(n) ? 2 : 0) | (hide && hide.test(n) ? 4 : 0);
  });
  const { labelStart, labelKey, labelStr } = p.samples;
  const strings = p.strings;
  const labelMatch = new Map<number, boolean>();
  const wanted = labels ? Object.entries(labels) : [];
  return {
    keepSample(s) {
      for (const [k, want] of wanted) {
        let ok = false;
        for (let i = labelStart[s]; i < labelStart[s + 1] && !ok; i++) {
          if (strings.get(labelKey[i]) !== k) {
            continue;
          }
          const sv = labelStr[i];
          let m = labelMatch.get(sv * 64 + wanted.findIndex((w) => w[0] === k));
          if (m === undefined) {
            const str = strings.get(sv);
            m = typeof want === 'string' ? str === want : want.test(str);
            labelMatch.set(sv * 64 + wanted.findIndex((w) => w[0] === k), m);
          }
          ok = m;
        }
        if (!ok) {
          return false;
        }
      }
      return true;
    },
    apply(frames, depth) {
      let any = 0;
      for (let i = 0; i < depth; i++) {
        any |= flags[frames[i]];
      }
      if (focus && !(any & 1)) {
        return -1;
      }
      if (ignore && any & 2) {
        return -1;
      }
      if (hide && any & 4) {
        let d = 0;
        for (let i = 0; i < depth; i++) {
          if (!(flags[frames[i]] & 4)) {
            frames[d++] = frames[i];
          }
        }
        return d === 0 ? -1 : d;
      }
      return depth;
    },
  };
}
