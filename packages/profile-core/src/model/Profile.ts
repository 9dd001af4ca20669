import type { StringTable } from './StringTable';

/** A pprof ValueType with its strings resolved, e.g. {type: 'cpu', unit: 'nanoseconds'}. */
export interface ValueType {
  type: string;
  unit: string;
}

/**
 * Functions, columnar. Index i is the dense function index (not the pprof id).
 * name/systemName/filename are string-table indexes.
 */
export interface FunctionTable {
  count: number;
  id: Float64Array;
  name: Int32Array;
  systemName: Int32Array;
  filename: Int32Array;
  startLine: Float64Array;
}

/**
 * Locations, columnar. The lines of location i are lineStart[i]..lineStart[i+1]-1; as in pprof, the first line is
 * the leaf-most (inlined callee) and the last one the caller.
 */
export interface LocationTable {
  count: number;
  id: Float64Array;
  address: Float64Array;
  /** Dense mapping index, or -1. */
  mapping: Int32Array;
  lineStart: Uint32Array;
  /** Dense function index of each line, or -1 when the line has no function (pprof allows function_id 0? no: see validate). */
  lineFunction: Int32Array;
  lineNumber: Float64Array;
}

export interface MappingTable {
  count: number;
  id: Float64Array;
  memoryStart: Float64Array;
  memoryLimit: Float64Array;
  fileOffset: Float64Array;
  filename: Int32Array;
  buildId: Int32Array;
  /** bit 0 has_functions, 1 has_filenames, 2 has_line_numbers, 3 has_inline_frames */
  flags: Uint8Array;
}

/**
 * Samples, columnar. Stack of sample s: stack[stackStart[s] .. stackStart[s+1]-1], dense location indexes,
 * leaf first (pprof order). Values: values[s * sampleTypes.length + t].
 * Labels of sample s: labelStart[s]..labelStart[s+1]-1; labelKey/labelStr are string indexes (labelStr 0 = numeric label).
 */
export interface SampleTable {
  count: number;
  stackStart: Uint32Array;
  stack: Int32Array;
  values: Float64Array;
  labelStart: Uint32Array;
  labelKey: Int32Array;
  labelStr: Int32Array;
  labelNum: Float64Array;
  labelNumUnit: Int32Array;
}

export interface ProfileWarning {
  code: 'PRECISION_LOSS' | 'STACK_TRUNCATED' | 'LABELS_DROPPED' | 'DUPLICATE_TIME' | 'DROP_FRAMES_APPLIED' | 'DROP_FRAMES_INVALID';
  message: string;
}

/**
 * A decoded, validated pprof profile. Treat as immutable: transforms build new objects.
 * Numbers are JS numbers; int64 values beyond ±2^53 are rounded and reported in `warnings` (PRECISION_LOSS).
 */
export interface Profile {
  sampleTypes: ValueType[];
  /** Index into sampleTypes: pprof's default_sample_type if set and found, else the last type (pprof's rule). */
  defaultSampleType: number;
  periodType: ValueType | null;
  period: number;
  timeNanos: number;
  durationNanos: number;
  comments: string[];
  dropFrames: string;
  keepFrames: string;
  strings: StringTable;
  functions: FunctionTable;
  locations: LocationTable;
  mappings: MappingTable;
  samples: SampleTable;
  warnings: ProfileWarning[];
}
