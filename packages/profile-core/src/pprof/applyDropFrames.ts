import type { Profile, ProfileWarning } from '../model/Profile';

/**
 * Applies a profile's own drop_frames / keep_frames the way `go tool pprof` does when it loads a file
 * (profile.RemoveUninteresting → Prune), so our numbers stay equal to pprof's on profiles that set them (some
 * C++ and Java profilers do; Go's runtime does not):
 *  - both are anchored (`^(…)$`) and matched against the simplified function name (argument list cut at the
 *    first "(" that is not "(anonymous namespace)" or "operator()", a leading "." dropped);
 *  - in each location, the root-most matching inline frame and every frame beneath it are removed; a location
 *    whose outermost frame matches is removed whole;
 *  - in each sample, scanning from the root, the first such location after at least one untouched ("user")
 *    location cuts the stack there; matching locations before any user frame are kept, so nothing is pruned
 *    to an empty stack.
 * Returns the profile unchanged when drop_frames is empty, and with a warning (never an error) when a pattern
 * is not a valid regular expression, as pprof prints one and goes on.
 */
export function applyDropFrames(p: Profile): Profile {
  if (p.dropFrames === '') {
    return p;
  }
  if (mayBacktrack(p.dropFrames) || mayBacktrack(p.keepFrames)) {
    // Go's RE2 runs any pattern in linear time; JavaScript's engine backtracks, so a hostile file could hang the
    // worker with "(a+)+$". Nested quantifiers are refused rather than run.
    return withWarning(p, {
      code: 'DROP_FRAMES_INVALID',
      message: `drop_frames/keep_frames has a repeated group that repeats inside (could take exponential time) and was not applied: ${clip(p.dropFrames)} / ${clip(p.keepFrames)}`,
    });
  }
  const drop = compile(p.dropFrames);
  const keep = p.keepFrames === '' ? undefined : compile(p.keepFrames);
  if (!drop || keep === null) {
    return withWarning(p, {
      code: 'DROP_FRAMES_INVALID',
      message: `drop_frames/keep_frames is not a valid regular expression here and was not applied: ${clip(p.dropFrames)} / ${clip(p.keepFrames)}`,
    });
  }

  const { functions: fns, locations: locs, strings } = p;
  // Per function: does its name start a prune? (Names repeat across lines; regexes run once per function.)
  const fnPrunes = new Uint8Array(fns.count);
  for (let f = 0; f < fns.count; f++) {
    const name = strings.get(fns.name[f]);
    if (name !== '') {
      const simple = simplifyFunc(name);
      fnPrunes[f] = drop.test(simple) && !(keep && keep.test(simple)) ? 1 : 0;
    }
  }

  // Per location: 0 untouched, 1 lines trimmed (prune beneath), 2 removed whole. Lines are leaf first, so the
  // root-most inline frame is the last one.
  const state = new Uint8Array(locs.count);
  const keptLines = new Uint32Array(locs.count); // how many root-side lines survive
  let changed = false;
  for (let l = 0; l < locs.count; l++) {
    const a = locs.lineStart[l];
    const b = locs.lineStart[l + 1];
    keptLines[l] = b - a;
    for (let i = b - 1; i >= a; i--) {
      if (fnPrunes[locs.lineFunction[i]]) {
        state[l] = i === b - 1 ? 2 : 1;
        keptLines[l] = b - 1 - i;
        changed = true;
        break;
      }
    }
  }
  if (!changed) {
    return p;
  }

  // Locations keep their root-side lines only (state 1); a removed location (state 2) keeps its lines too,
  // because a sample that reaches it before any user frame still shows it, as in pprof.
  const lineStart = new Uint32Array(locs.count + 1);
  let nLines = 0;
  for (let l = 0; l < locs.count; l++) {
    lineStart[l] = nLines;
    nLines += state[l] === 1 ? keptLines[l] : locs.lineStart[l + 1] - locs.lineStart[l];
  }
  lineStart[locs.count] = nLines;
  const lineFunction = new Int32Array(nLines);
  const lineNumber = new Float64Array(nLines);
  for (let l = 0; l < locs.count; l++) {
    const b = locs.lineStart[l + 1];
    const n = lineStart[l + 1] - lineStart[l];
    lineFunction.set(locs.lineFunction.subarray(b - n, b), lineStart[l]);
    lineNumber.set(locs.lineNumber.subarray(b - n, b), lineStart[l]);
  }

  const { stackStart, stack, count } = p.samples;
  const newStart = new Uint32Array(count + 1);
  const newStack = new Int32Array(stack.length);
  let o = 0;
  let cut = 0;
  for (let s = 0; s < count; s++) {
    const a = stackStart[s];
    let from = a; // leaf-most index kept
    let foundUser = false;
    for (let i = stackStart[s + 1] - 1; i >= a; i--) {
      const st = state[stack[i]];
      if (st === 0) {
        foundUser = true;
      } else if (foundUser) {
        from = st === 2 ? i + 1 : i;
        cut++;
        break;
      }
    }
    newStart[s] = o;
    newStack.set(stack.subarray(from, stackStart[s + 1]), o);
    o += stackStart[s + 1] - from;
  }
  newStart[count] = o;

  return withWarning(
    {
      ...p,
      locations: { ...locs, lineStart, lineFunction, lineNumber },
      samples: { ...p.samples, stackStart: newStart, stack: newStack.subarray(0, o) },
    },
    { code: 'DROP_FRAMES_APPLIED', message: `drop_frames applied (as go tool pprof does): ${cut} of ${count} stacks were cut` }
  );
}

/**
 * True when a group that contains a quantifier or an alternation is itself quantified: "(a+)+", "(a|a)*",
 * "(x*y){2,}". That is where backtracking engines go exponential; real drop_frames lists ("(malloc|operator new)")
 * never need it.
 */
export function mayBacktrack(src: string): boolean {
  const open: Array<{ risky: boolean }> = [{ risky: false }];
  let lastGroupRisky = false;
  let afterGroup = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    const quant = c === '*' || c === '+' || c === '{' || (c === '?' && src[i - 1] !== '(');
    if (quant) {
      if (afterGroup && lastGroupRisky) {
        return true;
      }
      open[open.length - 1].risky = true;
      afterGroup = false;
      continue;
    }
    afterGroup = false;
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      // Skip a character class: quantifier characters inside it are literals.
      for (i++; i < src.length && src[i] !== ']'; i++) {
        if (src[i] === '\\') {
          i++;
        }
      }
    } else if (c === '(') {
      open.push({ risky: false });
    } else if (c === ')' && open.length > 1) {
      lastGroupRisky = open.pop()!.risky;
      afterGroup = true;
      if (lastGroupRisky) {
        open[open.length - 1].risky = true;
      }
    } else if (c === '|') {
      open[open.length - 1].risky = true;
    }
  }
  return false;
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

function compile(src: string): RegExp | null {
  try {
    return new RegExp(`^(${src})$`);
  } catch {
    return null;
  }
}

// pprof's simplifyFunc: the names it keeps whole although they contain "(".
const RESERVED = ['(anonymous namespace)', 'operator()'];

function simplifyFunc(name: string): string {
  const f = name.startsWith('.') ? name.slice(1) : name;
  let i = 0;
  while ((i = f.indexOf('(', i)) >= 0) {
    const reserved = RESERVED.find((r) => f.startsWith(r, i) || (r === 'operator()' && f.startsWith(r, i - 8)));
    if (!reserved) {
      return f.slice(0, i);
    }
    // Skip past the reserved name that contains this "(".
    i = f.startsWith(reserved, i) ? i + reserved.length : i - 8 + reserved.length;
  }
  return f;
}

function withWarning(p: Profile, w: ProfileWarning): Profile {
  return { ...p, warnings: [...p.warnings, w] };
}
