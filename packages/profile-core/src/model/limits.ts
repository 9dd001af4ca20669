/**
 * Hard limits applied while decoding. Each exists because a tiny input can otherwise freeze a browser tab:
 * a 4 KB gzip can expand into millions of table entries (see shared/notes/bad-inputs.md B4, B5, B7, B8).
 * Override per call: `decodeProfile(bytes, { ...DEFAULT_LIMITS, maxSamples: 2_000_000 })`.
 */
export interface ProfileLimits {
  /** Max bytes after gunzip. Decompression streams and stops as soon as this is exceeded (gzip bombs). */
  maxDecompressedBytes: number;
  /** Max compressed / raw input bytes accepted at all (checked before any work). */
  maxInputBytes: number;
  /** Max `sample` entries. */
  maxSamples: number;
  /** Max `location` entries. */
  maxLocations: number;
  /** Max `function` entries. */
  maxFunctions: number;
  /** Max `string_table` entries. */
  maxStrings: number;
  /** Stacks deeper than this (in locations) keep their root side and get a "[truncated]" leaf frame (and a warning). */
  maxStackDepth: number;
  /** Labels beyond this count on one sample are ignored (B18; Pyroscope uses 100). */
  maxLabelsPerSample: number;
  /** Function / file names are cut to this many characters when materialised (Pyroscope: 65,535). */
  maxNameLength: number;
  /** Default node cap for flame graphs; the smallest nodes merge into an "other" node. */
  maxFlameNodes: number;
}

export const DEFAULT_LIMITS: Readonly<ProfileLimits> = Object.freeze({
  maxDecompressedBytes: 32 * 1024 * 1024,
  maxInputBytes: 32 * 1024 * 1024,
  maxSamples: 1_000_000,
  maxLocations: 1_000_000,
  maxFunctions: 1_000_000,
  maxStrings: 1_000_000,
  maxStackDepth: 1024,
  maxLabelsPerSample: 100,
  maxNameLength: 65_535,
  maxFlameNodes: 16_384,
});

/** Name of the synthetic leaf frame that marks a stack cut at maxStackDepth. */
export const TRUNCATED_FRAME = '[truncated]';
/** Label of the flame node that absorbs nodes beyond maxNodes. */
export const OTHER_NODE = 'other';
