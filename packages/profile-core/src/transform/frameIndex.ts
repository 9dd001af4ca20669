import type { Profile } from '../model/Profile';

/**
 * Function names interned once per profile, and each location expanded into the name ids of its frames
 * (leaf-most inline frame first, as pprof lists lines). All views aggregate by function name, like
 * `go tool pprof`'s default "functions" granularity.
 */
export interface FrameIndex {
  /** Unique function names; a name id indexes this array. */
  names: string[];
  /** First filename seen for each name id ('' if none). */
  files: string[];
  /** Frames of location i: locNames[locStart[i] .. locStart[i+1]-1], leaf first. */
  locStart: Uint32Array;
  locNames: Int32Array;
  /** Largest number of frames one location expands to (sizes per-sample buffers). */
  maxFramesPerLocation: number;
}

const cache = new WeakMap<Profile, FrameIndex>();

export function frameIndex(p: Profile): FrameIndex {
  let fi = cache.get(p);
  if (!fi) {
    fi = build(p);
    cache.set(p, fi);
  }
  return fi;
}

function build(p: Profile): FrameIndex {
  const { functions: fns, locations: locs, strings } = p;
  const ids = new Map<string, number>();
  const names: string[] = [];
  const files: string[] = [];
  const fnName = new Int32Array(fns.count);
  for (let f = 0; f < fns.count; f++) {
    // pprof prints nameless functions as <unknown>; match it so names line up with go tool pprof.
    const name = strings.get(fns.name[f]) || '<unknown>';
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
      files.push(strings.get(fns.filename[f]));
    }
    fnName[f] = id;
  }
  const locStart = new Uint32Array(locs.count + 1);
  let total = 0;
  for (let l = 0; l < locs.count; l++) {
    total += Math.max(1, locs.lineStart[l + 1] - locs.lineStart[l]);
  }
  const locNames = new Int32Array(total);
  let k = 0;
  let maxFrames = 1;
  for (let l = 0; l < locs.count; l++) {
    locStart[l] = k;
    const a = locs.lineStart[l];
    const b = locs.lineStart[l + 1];
    if (b === a) {
      // No symbol information: pprof shows the address.
      const name = '0x' + locs.address[l].toString(16);
      let id = ids.get(name);
      if (id === undefined) {
        id = names.length;
        ids.set(name, id);
        names.push(name);
        files.push('');
      }
      locNames[k++] = id;
    } else {
      for (let i = a; i < b; i++) {
        locNames[k++] = fnName[locs.lineFunction[i]];
      }
      maxFrames = Math.max(maxFrames, b - a);
    }
  }
  locStart[locs.count] = k;
  return { names, files, locStart, locNames, maxFramesPerLocation: maxFrames };
}
