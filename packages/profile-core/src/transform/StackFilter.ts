import { ProfileError } from '../model/ProfileError';

/**
 * Which samples and frames a view looks at. Regexes follow `go tool pprof` semantics:
 * focus keeps samples with a matching frame, ignore drops them, hide removes matching frames from stacks.
 * Strings are compiled with `new RegExp` (no flags).
 */
export interface StackFilter {
  focus?: RegExp | string;
  ignore?: RegExp | string;
  hide?: RegExp | string;
  /** Keep samples whose labels match all of these (string labels; RegExp or exact string). */
  labels?: Record<string, string | RegExp>;
}

export function toRegExp(r: RegExp | string | undefined, what: string): RegExp | undefined {
  if (r === undefined || r === '') {
    return undefined;
  }
  if (r instanceof RegExp) {
    // A global or sticky regex keeps lastIndex between test() calls and would match every other name only.
    return r.global || r.sticky ? new RegExp(r.source, r.flags.replace(/[gy]/g, '')) : r;
  }
  try {
    return new RegExp(r);
  } catch {
    throw new ProfileError('BAD_ARGUMENT', `invalid ${what} regular expression: ${r}`);
  }
}
