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
  // With a filter, each frame's match bits travel beside it (they belong to the line, not to the name: pprof
  // also matches the file name and the mapping's object file).
  const lineFlags = matcher?.lineFlags;
  const flags = lineFlags ? new Uint8Array(frames.length) : undefined;
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
        if (flags) {
          flags[d] = lineFlags![j];
        }
        frames[d++] = locNames[j];
      }
    }
    if (matcher) {
      d = matcher.apply(frames, flags!, d);
      if (d < 0) {
        continue;
      }
    }
    visit(frames, d, v, s);
  }
  return fi;
}

interface CompiledFilter {
  /** Match bits of each frame of frameIndex.locNames: 1 focus, 2 ignore, 4 hide. */
  lineFlags: Uint8Array;
  keepSample(s: number): boolean;
  /** Returns the new depth after hiding frames, or -1 to drop the sample. */
  apply(frames: Int32Array, flags: Uint8Array, depth: number): number;
}

const FOCUS = 1;
const IGNORE = 2;
const HIDE = 4;

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
  const lineFlags = frameMatchFlags(p, fi, focus, ignore, hide);
  const { labelStart, labelKey, labelStr } = p.samples;
  const strings = p.strings;
  const labelMatch = new Map<number, boolean>();
  const wanted = labels ? Object.entries(labels) : [];
  return {
    lineFlags,
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
    apply(frames, flags, depth) {
      let any = 0;
      for (let i = 0; i < depth; i++) {
        any |= flags[i];
      }
      if (focus && !(any & FOCUS)) {
        return -1;
      }
      if (ignore && any & IGNORE) {
        return -1;
      }
      if (hide && any & HIDE) {
        let d = 0;
        for (let i = 0; i < depth; i++) {
          if (!(flags[i] & HIDE)) {
            frames[d++] = frames[i];
          }
        }
        return d === 0 ? -1 : d;
      }
      return depth;
    },
  };
}

/**
 * pprof's Location.matchesName / unmatchedLines, per frame: a line matches when its function's name or file
 * name does, or when its location's mapping (the binary or shared object) does. Focus and ignore act on whole
 * locations, so a location's bits are shared by its inline frames; hide acts on single lines. An address-only
 * frame (no symbols) matches through its mapping only, as in pprof.
 */
function frameMatchFlags(p: Profile, fi: FrameIndex, focus?: RegExp, ignore?: RegExp, hide?: RegExp): Uint8Array {
  // Empty names and files are tested too, as pprof does (a pattern like "x?" matches them).
  const bits = (s: string) =>
    (focus && focus.test(s) ? FOCUS : 0) | (ignore && ignore.test(s) ? IGNORE : 0) | (hide && hide.test(s) ? HIDE : 0);
  const { functions: fns, locations: locs, mappings: maps, strings } = p;
  // Regexes run once per function and per mapping, not per frame.
  const fnBits = new Uint8Array(fns.count);
  for (let f = 0; f < fns.count; f++) {
    fnBits[f] = bits(strings.get(fns.name[f])) | bits(strings.get(fns.filename[f]));
  }
  const mapBits = new Uint8Array(maps.count);
  for (let m = 0; m < maps.count; m++) {
    mapBits[m] = bits(strings.get(maps.filename[m]));
  }
  const flags = new Uint8Array(fi.locNames.length);
  for (let l = 0; l < locs.count; l++) {
    const m = locs.mapping[l];
    const fromMapping = m >= 0 ? mapBits[m] : 0;
    const a = locs.lineStart[l];
    const b = locs.lineStart[l + 1];
    let whole = fromMapping;
    for (let i = a; i < b; i++) {
      whole |= fnBits[locs.lineFunction[i]];
    }
    const k0 = fi.locStart[l];
    const k1 = fi.locStart[l + 1];
    for (let k = k0; k < k1; k++) {
      // Focus/ignore bits of the whole location; the hide bit of this line (or of the mapping).
      const line = b > a ? fnBits[locs.lineFunction[a + (k - k0)]] : 0;
      flags[k] = (whole & (FOCUS | IGNORE)) | ((line | fromMapping) & HIDE);
    }
  }
  return flags;
}
