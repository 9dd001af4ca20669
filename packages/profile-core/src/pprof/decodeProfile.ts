import { DEFAULT_LIMITS, type ProfileLimits, TRUNCATED_FRAME } from '../model/limits';
import { ProfileError } from '../model/ProfileError';
import type { Profile, ProfileWarning, ValueType } from '../model/Profile';
import { LazyStringTable } from '../model/StringTable';
import { GrowableF64, GrowableI32 } from '../model/growable';
import { ProtoReader } from './ProtoReader';
import { describeFormat, sniffFormat } from './sniffFormat';
import { gunzipCapped } from './gunzipCapped';
import { applyDropFrames } from './applyDropFrames';

/**
 * Decodes pprof bytes (gzip or raw protobuf, sniffed) into a validated, columnar {@link Profile}.
 * Throws {@link ProfileError} — and only that — on anything that is not a valid profile within `limits`.
 */
export function decodeProfile(bytes: Uint8Array, limits?: Partial<ProfileLimits>): Profile {
  const lim: ProfileLimits = { ...DEFAULT_LIMITS, ...limits };
  if (!(bytes instanceof Uint8Array)) {
    throw new ProfileError('BAD_ARGUMENT', 'decodeProfile expects a Uint8Array');
  }
  if (bytes.length > lim.maxInputBytes) {
    throw new ProfileError('TOO_LARGE', `input is ${bytes.length} bytes, over the ${lim.maxInputBytes}-byte limit (maxInputBytes)`);
  }
  let data = bytes;
  let format = sniffFormat(data);
  if (format === 'gzip') {
    data = gunzipCapped(data, lim.maxDecompressedBytes);
    format = sniffFormat(data);
    if (format === 'gzip') {
      throw new ProfileError('NESTED_GZIP', 'gzip inside gzip: the profile was compressed twice (decompress one layer)');
    }
    if (format === 'empty') {
      throw new ProfileError('EMPTY', 'empty profile (gzip of 0 bytes)');
    }
  } else if (format === 'protobuf' && data.length > lim.maxDecompressedBytes) {
    throw new ProfileError('TOO_LARGE', `profile is ${data.length} bytes, over maxDecompressedBytes ${lim.maxDecompressedBytes}`);
  }
  if (format !== 'protobuf') {
    throw new ProfileError(FORMAT_CODES[format] ?? 'NOT_PPROF', describeFormat(format, data));
  }
  return decodeProtobuf(data, lim);
}

const FORMAT_CODES: Partial<Record<string, ProfileError['code']>> = {
  empty: 'EMPTY',
  zstd: 'ZSTD',
  html: 'HTML',
  json: 'JSON',
  'text-profile': 'TEXT_PROFILE',
  'goroutine-text': 'GOROUTINE_TEXT',
  text: 'TEXT',
  unknown: 'NOT_PPROF',
};

// pprof.proto Profile field numbers.
const TWO_53 = 2 ** 53;
const F_SAMPLE_TYPE = 1;
const F_SAMPLE = 2;
const F_MAPPING = 3;
const F_LOCATION = 4;
const F_FUNCTION = 5;
const F_STRING = 6;
const F_DROP_FRAMES = 7;
const F_KEEP_FRAMES = 8;
const F_TIME = 9;
const F_DURATION = 10;
const F_PERIOD_TYPE = 11;
const F_PERIOD = 12;
const F_COMMENT = 13;
const F_DEFAULT_TYPE = 14;

/** Decodes an uncompressed pprof protobuf. Exposed for tests and benchmarks; most callers want decodeProfile. */
export function decodeProtobuf(buf: Uint8Array, lim: ProfileLimits = DEFAULT_LIMITS): Profile {
  const r = new ProtoReader(buf);
  const end = buf.length;

  // Pass 1: walk top-level fields only (lengths are skipped, not parsed) to count entries. This rejects
  // "small gzip → millions of entries" (B5) before allocating anything, and sizes every column exactly.
  let nTypes = 0;
  let nSamples = 0;
  let nMappings = 0;
  let nLocations = 0;
  let nFunctions = 0;
  let nStrings = 0;
  let sampleBytes = 0;
  let seenTime1 = false;
  let seenDuration1 = false;
  while (r.pos < end) {
    const tag = r.uint(end);
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 0) {
      throw new ProfileError('MALFORMED', `invalid field number 0 at offset ${r.pos}`);
    }
    if (field >= F_SAMPLE_TYPE && field <= F_STRING) {
      if (wire !== 2) {
        throw new ProfileError('MALFORMED', `field ${field} has wire type ${wire}, want 2 (length-delimited)`);
      }
      const start = r.pos;
      r.pos = r.lengthEnd(end);
      switch (field) {
        case F_SAMPLE_TYPE:
          nTypes++;
          break;
        case F_SAMPLE:
          if (++nSamples > lim.maxSamples) {
            throw limit('samples', lim.maxSamples, 'maxSamples');
          }
          sampleBytes += r.pos - start;
          break;
        case F_MAPPING:
          nMappings++;
          break;
        case F_LOCATION:
          if (++nLocations > lim.maxLocations) {
            throw limit('locations', lim.maxLocations, 'maxLocations');
          }
          break;
        case F_FUNCTION:
          if (++nFunctions > lim.maxFunctions) {
            throw limit('functions', lim.maxFunctions, 'maxFunctions');
          }
          break;
        case F_STRING:
          if (++nStrings > lim.maxStrings) {
            throw limit('strings', lim.maxStrings, 'maxStrings');
          }
          break;
      }
    } else if ((field === F_TIME || field === F_DURATION) && wire === 0) {
      // pprof's errConcatProfile: a second time_nanos means two profiles were concatenated (B13). Checked in
      // pass 1 because the second profile's samples would otherwise fail earlier with a confusing value-count error.
      const v = r.int(end);
      if (v !== 0) {
        if (field === F_TIME ? seenTime1 : seenDuration1) {
          throw new ProfileError('CONCATENATED', `two ${field === F_TIME ? 'time_nanos' : 'duration_nanos'} fields: this looks like concatenated profiles`);
        }
        if (field === F_TIME) {
          seenTime1 = true;
        } else {
          seenDuration1 = true;
        }
      }
    } else {
      r.skip(wire, end);
    }
  }
  if (nStrings === 0) {
    throw new ProfileError(
      end === 0 ? 'EMPTY' : 'INVALID',
      end === 0 ? 'empty profile' : 'profile has no string table (string_table[0] must be "")'
    );
  }
  if (nSamples > 0 && nTypes === 0) {
    throw new ProfileError('INVALID', 'missing sample type information: profile has samples but no sample_type');
  }

  // Pass 2: parse. Ids are stored raw and resolved to dense indexes at the end (pprof writes samples before the
  // locations they reference).
  r.pos = 0;
  let maxStr = 0;
  const checkStr = (s: number) => {
    if (s > maxStr || s < 0) {
      maxStr = s < 0 ? Infinity : s;
    }
    return s;
  };
  const typeIdx: number[] = [];
  const unitIdx: number[] = [];
  const strStart = new Uint32Array(nStrings);
  const strLen = new Uint32Array(nStrings);
  let si = 0;

  // +1 slot in location/function columns for the "[truncated]" marker frame.
  const fnId = new Float64Array(nFunctions + 1);
  const fnName = new Int32Array(nFunctions + 1);
  const fnSys = new Int32Array(nFunctions + 1);
  const fnFile = new Int32Array(nFunctions + 1);
  const fnStart = new Float64Array(nFunctions + 1);
  let fi = 0;

  const locId = new Float64Array(nLocations + 1);
  const locAddr = new Float64Array(nLocations + 1);
  const locMapRaw = new Float64Array(nLocations + 1);
  const lineStart = new Uint32Array(nLocations + 2);
  const lineFnRaw = new GrowableF64(Math.max(16, nLocations * 2));
  const lineNo = new GrowableF64(Math.max(16, nLocations * 2));
  let li = 0;

  const mapId = new Float64Array(nMappings);
  const mapStart = new Float64Array(nMappings);
  const mapLimit = new Float64Array(nMappings);
  const mapOffset = new Float64Array(nMappings);
  const mapFile = new Int32Array(nMappings);
  const mapBuild = new Int32Array(nMappings);
  const mapFlags = new Uint8Array(nMappings);
  let mi = 0;

  const stackStart = new Uint32Array(nSamples + 1);
  // Raw location ids of all samples, appended in place (local variables, no per-id method call: this is the
  // hottest loop of the decoder) and later resolved to location indexes in the same array. Int32, not Float64:
  // half the bytes to allocate and touch (the staging array was the decoder's biggest allocation, and on a busy
  // heap its GC pressure cost more than the parsing). pprof ids are uint64 but real ones are small; an id that
  // does not fit an int32 is kept in bigIds and stored as -2-k. -1 marks a truncated stack's leaf.
  // Sample messages carry 1.7–2.6 bytes per location id in the corpus (ids, values, labels): sampleBytes/2 rarely
  // needs a regrowth, and the untouched tail of a fresh buffer costs address space, not page faults.
  let stackIds: Int32Array = new Int32Array(Math.max(64, Math.min(Math.ceil(sampleBytes / 2), 1 << 23)));
  const bigIds: number[] = [];
  let stackLen = 0;
  const values = new Float64Array(nSamples * nTypes);
  const labelStart = new Uint32Array(nSamples + 1);
  const labelKey = new GrowableI32(64);
  const labelStr = new GrowableI32(64);
  const labelNum = new GrowableF64(64);
  const labelUnit = new GrowableI32(64);
  let smp = 0;
  let truncatedStacks = 0;
  let deepest = 0;
  let labelsDropped = 0;
  const maxDepth = Math.max(2, lim.maxStackDepth);

  let timeNanos = 0;
  let durationNanos = 0;
  let period = 0;
  let periodType: [number, number] | null = null;
  let defaultType = 0;
  let dropFrames = 0;
  let keepFrames = 0;
  const comments: number[] = [];
  let seenTime = false;
  let seenDuration = false;
  const warnings: ProfileWarning[] = [];
  let lossy = 0;

  while (r.pos < end) {
    const tag = r.uint(end);
    const field = tag >>> 3;
    const wire = tag & 7;
    switch (field) {
      case F_SAMPLE_TYPE: {
        const e = r.lengthEnd(end);
        const vt = readValueType(r, e);
        typeIdx.push(checkStr(vt[0]));
        unitIdx.push(checkStr(vt[1]));
        break;
      }
      case F_SAMPLE: {
        const e = r.lengthEnd(end);
        const first = stackLen;
        let nv = 0;
        const vbase = smp * nTypes;
        let nl = 0;
        while (r.pos < e) {
          const t = r.uint(e);
          const f = t >>> 3;
          const w = t & 7;
          if (f === 1) {
            if (w === 2) {
              const pe = r.lengthEnd(e);
              // Each id is at least one byte: make room for the worst case once per packed run.
              if (stackLen + (pe - r.pos) + 1 > stackIds.length) {
                stackIds = growI32(stackIds, stackLen + (pe - r.pos) + 1);
              }
              // The decoder's hottest loop, so the 1–3 byte varints of real location ids are read inline (a
              // call per id to r.uint was not inlined into this large function); longer ones take r.uint.
              const buf = r.buf;
              let pos = r.pos;
              while (pos < pe) {
                let id = buf[pos];
                if (id < 0x80) {
                  pos++;
                } else if (pos + 2 < pe && buf[pos + 1] < 0x80) {
                  id = (id & 0x7f) | (buf[pos + 1] << 7);
                  pos += 2;
                } else if (pos + 2 < pe && buf[pos + 2] < 0x80) {
                  id = (id & 0x7f) | ((buf[pos + 1] & 0x7f) << 7) | (buf[pos + 2] << 14);
                  pos += 3;
                } else {
                  r.pos = pos;
                  id = r.uint(pe);
                  pos = r.pos;
                  if (id > 0x7fffffff) {
                    id = -2 - bigIds.push(id) + 1;
                  }
                }
                stackIds[stackLen++] = id;
              }
              r.pos = pos;
            } else if (w === 0) {
              if (stackLen + 2 > stackIds.length) {
                stackIds = growI32(stackIds, stackLen + 2);
              }
              const id = r.uint(e);
              stackIds[stackLen++] = id <= 0x7fffffff ? id : -2 - bigIds.push(id) + 1;
            } else {
              throw wireError('sample.location_id', w);
            }
          } else if (f === 2) {
            if (w === 2) {
              const pe = r.lengthEnd(e);
              while (r.pos < pe) {
                const v = r.int(pe);
                if (v >= TWO_53 || v <= -TWO_53) {
                  lossy++;
                }
                if (nv < nTypes) {
                  values[vbase + nv] = v;
                }
                nv++;
              }
            } else if (w === 0) {
              const v = r.int(e);
              if (v >= TWO_53 || v <= -TWO_53) {
                lossy++;
              }
              if (nv < nTypes) {
                values[vbase + nv] = v;
              }
              nv++;
            } else {
              throw wireError('sample.value', w);
            }
          } else if (f === 3 && w === 2) {
            const le = r.lengthEnd(e);
            let k = 0;
            let s = 0;
            let num = 0;
            let nu = 0;
            while (r.pos < le) {
              const lt = r.uint(le);
              const lf = lt >>> 3;
              const lw = lt & 7;
              if (lw !== 0) {
                r.skip(lw, le);
              } else if (lf === 1) {
                k = r.int(le);
              } else if (lf === 2) {
                s = r.int(le);
              } else if (lf === 3) {
                num = r.int(le);
              } else if (lf === 4) {
                nu = r.int(le);
              } else {
                r.skip(lw, le);
              }
            }
            if (nl < lim.maxLabelsPerSample) {
              labelKey.push(checkStr(k));
              labelStr.push(checkStr(s));
              labelNum.push(num);
              labelUnit.push(checkStr(nu));
              nl++;
            } else {
              labelsDropped++;
            }
          } else {
            r.skip(w, e);
          }
        }
        if (nv !== nTypes) {
          throw new ProfileError('INVALID', `sample #${smp} has ${nv} values, want ${nTypes} (one per sample_type)`);
        }
        // Deep stacks keep their root side (the end of pprof's leaf-first list) and get a marker leaf (B7).
        const depth = stackLen - first;
        if (depth > deepest) {
          deepest = depth;
        }
        if (depth > maxDepth) {
          // Keep the last maxDepth-1 ids (root side), marker (-1) first = leaf position.
          truncatedStacks++;
          stackIds.copyWithin(first + 1, stackLen - (maxDepth - 1), stackLen);
          stackIds[first] = -1;
          stackLen = first + maxDepth;
        }
        smp++;
        stackStart[smp] = stackLen;
        labelStart[smp] = labelKey.length;
        break;
      }
      case F_MAPPING: {
        const e = r.lengthEnd(end);
        let flags = 0;
        while (r.pos < e) {
          const t = r.uint(e);
          const f = t >>> 3;
          const w = t & 7;
          if (w !== 0) {
            r.skip(w, e);
            continue;
          }
          const v = r.uint(e);
          switch (f) {
            case 1:
              mapId[mi] = v;
              break;
            case 2:
              mapStart[mi] = v;
              break;
            case 3:
              mapLimit[mi] = v;
              break;
            case 4:
              mapOffset[mi] = v;
              break;
            case 5:
              mapFile[mi] = checkStr(v);
              break;
            case 6:
              mapBuild[mi] = checkStr(v);
              break;
            case 7:
            case 8:
            case 9:
            case 10:
              if (v) {
                flags |= 1 << (f - 7);
              }
              break;
          }
        }
        mapFlags[mi++] = flags;
        break;
      }
      case F_LOCATION: {
        const e = r.lengthEnd(end);
        while (r.pos < e) {
          const t = r.uint(e);
          const f = t >>> 3;
          const w = t & 7;
          if (f === 4 && w === 2) {
            const le = r.lengthEnd(e);
            let fn = 0;
            let line = 0;
            while (r.pos < le) {
              const lt = r.uint(le);
              const lw = lt & 7;
              if (lw !== 0) {
                r.skip(lw, le);
                continue;
              }
              const lf = lt >>> 3;
              const v = r.int(le);
              if (lf === 1) {
                fn = v;
              } else if (lf === 2) {
                line = v;
              }
            }
            lineFnRaw.push(fn);
            lineNo.push(line);
          } else if (w === 0) {
            const v = r.uint(e);
            if (f === 1) {
              locId[li] = v;
            } else if (f === 2) {
              locMapRaw[li] = v;
            } else if (f === 3) {
              locAddr[li] = v;
            }
          } else {
            r.skip(w, e);
          }
        }
        li++;
        lineStart[li] = lineFnRaw.length;
        break;
      }
      case F_FUNCTION: {
        const e = r.lengthEnd(end);
        while (r.pos < e) {
          const t = r.uint(e);
          const f = t >>> 3;
          const w = t & 7;
          if (w !== 0) {
            r.skip(w, e);
            continue;
          }
          const v = r.int(e);
          switch (f) {
            case 1:
              fnId[fi] = v;
              break;
            case 2:
              fnName[fi] = checkStr(v);
              break;
            case 3:
              fnSys[fi] = checkStr(v);
              break;
            case 4:
              fnFile[fi] = checkStr(v);
              break;
            case 5:
              fnStart[fi] = v;
              break;
          }
        }
        fi++;
        break;
      }
      case F_STRING: {
        const e = r.lengthEnd(end);
        strStart[si] = r.pos;
        strLen[si] = e - r.pos;
        si++;
        r.pos = e;
        break;
      }
      case F_TIME:
      case F_DURATION:
      case F_PERIOD:
      case F_DEFAULT_TYPE:
      case F_DROP_FRAMES:
      case F_KEEP_FRAMES: {
        if (wire !== 0) {
          throw wireError(`profile field ${field}`, wire);
        }
        const v = r.int(end);
        if (field === F_TIME) {
          // pprof's errConcatProfile: a second time_nanos means two profiles were concatenated (B13).
          if (seenTime && v !== 0) {
            throw new ProfileError('CONCATENATED', 'two time_nanos fields: this looks like concatenated profiles');
          }
          seenTime = v !== 0;
          timeNanos = v;
        } else if (field === F_DURATION) {
          if (seenDuration && v !== 0) {
            throw new ProfileError('CONCATENATED', 'two duration_nanos fields: this looks like concatenated profiles');
          }
          seenDuration = v !== 0;
          durationNanos = v;
        } else if (field === F_PERIOD) {
          period = v;
        } else if (field === F_DEFAULT_TYPE) {
          defaultType = checkStr(v);
        } else if (field === F_DROP_FRAMES) {
          dropFrames = checkStr(v);
        } else {
          keepFrames = checkStr(v);
        }
        break;
      }
      case F_PERIOD_TYPE: {
        if (wire !== 2) {
          throw wireError('period_type', wire);
        }
        const e = r.lengthEnd(end);
        const vt = readValueType(r, e);
        periodType = [checkStr(vt[0]), checkStr(vt[1])];
        break;
      }
      case F_COMMENT: {
        if (wire === 2) {
          const e = r.lengthEnd(end);
          while (r.pos < e) {
            comments.push(checkStr(r.int(e)));
          }
        } else if (wire === 0) {
          comments.push(checkStr(r.int(end)));
        } else {
          throw wireError('comment', wire);
        }
        break;
      }
      default:
        // Unknown fields (e.g. doc_url = 15, or future ones) are skipped as protobuf requires.
        r.skip(wire, end);
    }
  }

  // ---- Validation (google/pprof profile.CheckValid and string checks of encode.go) ----
  if (maxStr >= nStrings) {
    throw new ProfileError(
      'INVALID',
      `string index ${maxStr === Infinity ? '(negative)' : maxStr} out of range (string table has ${nStrings} entries)`
    );
  }
  if (strLen[0] !== 0) {
    throw new ProfileError('INVALID', 'string_table[0] must be the empty string');
  }

  const fnIndex = makeIdIndex(fnId, nFunctions, 'function');
  const locIndex = makeIdIndex(locId, nLocations, 'location');
  const mapIndex = makeIdIndex(mapId, nMappings, 'mapping');

  const nLines = lineFnRaw.length;
  const lineFunction = new Int32Array(nLines);
  for (let i = 0; i < nLines; i++) {
    const id = lineFnRaw.data[i];
    const idx = id === 0 ? -2 : fnIndex(id);
    if (idx < 0) {
      throw new ProfileError('INVALID', `location line references ${id === 0 ? 'function id 0' : `unknown function id ${id}`}`);
    }
    lineFunction[i] = idx;
  }
  const locMapping = new Int32Array(nLocations + 1).fill(-1);
  for (let i = 0; i < nLocations; i++) {
    const id = locMapRaw[i];
    if (id !== 0) {
      const idx = mapIndex(id);
      if (idx < 0) {
        throw new ProfileError('INVALID', `location id ${locId[i]} references unknown mapping id ${id}`);
      }
      locMapping[i] = idx;
    }
  }

  let nLocOut = nLocations;
  let nFnOut = nFunctions;
  let extras: string[] = [];
  if (truncatedStacks > 0) {
    // The marker is a real function + location so every view (flame, top, folded, export) shows it.
    nFnOut = nFunctions + 1;
    nLocOut = nLocations + 1;
    extras = [TRUNCATED_FRAME];
    fnName[nFunctions] = nStrings;
    fnId[nFunctions] = maxOf(fnId, nFunctions) + 1;
    locId[nLocations] = maxOf(locId, nLocations) + 1;
    lineStart[nLocations + 1] = nLines + 1;
    warnings.push({
      code: 'STACK_TRUNCATED',
      message: `${truncatedStacks} stacks deeper than ${maxDepth} frames were cut (deepest ${deepest}); kept the root side`,
    });
  }
  // Resolve ids to location indexes in place, then drop the staging slack when it is large.
  const sd = stackIds;
  const locTable = locIndex.table;
  const locMax = locTable ? locTable.length - 1 : 0;
  for (let i = 0; i < stackLen; i++) {
    const raw = sd[i];
    // Dense ids (the usual case) are looked up inline: a closure call per id cost as much as the parse.
    let idx = raw > 0 && raw <= locMax ? locTable![raw] : -1;
    if (idx < 0) {
      if (raw === -1) {
        sd[i] = nLocations;
        continue;
      }
      const id = raw >= 0 ? raw : bigIds[-2 - raw];
      idx = id === 0 ? -1 : locIndex(id);
      if (idx < 0) {
        throw new ProfileError('INVALID', `sample references ${id === 0 ? 'location id 0' : `unknown location id ${id}`}`);
      }
    }
    sd[i] = idx;
  }
  // Copy out only when over half the buffer would be slack kept alive by the profile.
  const stack = sd.length > stackLen + (stackLen >> 1) + 64 ? sd.slice(0, stackLen) : sd.subarray(0, stackLen);
  let lineFunctionOut = lineFunction;
  let lineNumberOut = lineNo.finish();
  if (truncatedStacks > 0) {
    lineFunctionOut = new Int32Array(nLines + 1);
    lineFunctionOut.set(lineFunction);
    lineFunctionOut[nLines] = nFunctions;
    const ln = new Float64Array(nLines + 1);
    ln.set(lineNumberOut);
    lineNumberOut = ln;
  }

  if (lossy > 0) {
    warnings.push({
      code: 'PRECISION_LOSS',
      message: `${lossy} sample value(s) are at or beyond ±2^53 and may have been rounded to the nearest representable number`,
    });
  }
  if (labelsDropped > 0) {
    warnings.push({
      code: 'LABELS_DROPPED',
      message: `${labelsDropped} labels beyond ${lim.maxLabelsPerSample} per sample were ignored`,
    });
  }

  const strings = new LazyStringTable(buf, strStart, strLen, nStrings, lim.maxNameLength, extras);
  const sampleTypes: ValueType[] = typeIdx.map((t, i) => ({ type: strings.get(t), unit: strings.get(unitIdx[i]) }));
  let defaultSampleType = sampleTypes.length - 1;
  if (defaultType !== 0) {
    const want = strings.get(defaultType);
    const i = sampleTypes.findIndex((t) => t.type === want);
    if (i >= 0) {
      defaultSampleType = i;
    }
  }

  return applyDropFrames({
    sampleTypes,
    defaultSampleType: Math.max(0, defaultSampleType),
    periodType: periodType ? { type: strings.get(periodType[0]), unit: strings.get(periodType[1]) } : null,
    period,
    timeNanos,
    durationNanos,
    comments: comments.map((c) => strings.get(c)),
    dropFrames: strings.get(dropFrames),
    keepFrames: strings.get(keepFrames),
    strings,
    functions: {
      count: nFnOut,
      id: fnId.subarray(0, nFnOut),
      name: fnName.subarray(0, nFnOut),
      systemName: fnSys.subarray(0, nFnOut),
      filename: fnFile.subarray(0, nFnOut),
      startLine: fnStart.subarray(0, nFnOut),
    },
    locations: {
      count: nLocOut,
      id: locId.subarray(0, nLocOut),
      address: locAddr.subarray(0, nLocOut),
      mapping: locMapping.subarray(0, nLocOut),
      lineStart: lineStart.subarray(0, nLocOut + 1),
      lineFunction: lineFunctionOut,
      lineNumber: lineNumberOut,
    },
    mappings: {
      count: nMappings,
      id: mapId,
      memoryStart: mapStart,
      memoryLimit: mapLimit,
      fileOffset: mapOffset,
      filename: mapFile,
      buildId: mapBuild,
      flags: mapFlags,
    },
    samples: {
      count: nSamples,
      stackStart,
      stack,
      values,
      labelStart,
      labelKey: labelKey.finish(),
      labelStr: labelStr.finish(),
      labelNum: labelNum.finish(),
      labelNumUnit: labelUnit.finish(),
    },
    warnings,
  });
}

function growI32(a: Int32Array, min: number): Int32Array {
  const b = new Int32Array(Math.max(min, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}

function readValueType(r: ProtoReader, e: number): [number, number] {
  let type = 0;
  let unit = 0;
  while (r.pos < e) {
    const t = r.uint(e);
    const w = t & 7;
    if (w !== 0) {
      r.skip(w, e);
      continue;
    }
    const v = r.int(e);
    if (t >>> 3 === 1) {
      type = v;
    } else if (t >>> 3 === 2) {
      unit = v;
    }
  }
  return [type, unit];
}

interface IdIndex {
  (id: number): number;
  /** Direct lookup (id → index, -1 if none) when ids are dense; the caller may index it inline. */
  table?: Int32Array;
}

/**
 * Maps pprof ids to dense indexes and enforces CheckValid's "id != 0 and unique" (B10). Ids are usually 1..n,
 * so a direct lookup array is used when they are dense enough; a Map otherwise.
 */
function makeIdIndex(ids: Float64Array, n: number, what: string): IdIndex {
  let max = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (id === 0) {
      throw new ProfileError('INVALID', `${what} #${i} has id 0`);
    }
    if (id > max) {
      max = id;
    }
  }
  if (max <= 4 * n + 1024) {
    const table = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      if (table[id] !== -1) {
        throw new ProfileError('INVALID', `duplicate ${what} id ${id}`);
      }
      table[id] = i;
    }
    const index: IdIndex = (id) => (id > 0 && id <= max && Number.isInteger(id) ? table[id] : -1);
    index.table = table;
    return index;
  }
  const map = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (map.has(ids[i])) {
      throw new ProfileError('INVALID', `duplicate ${what} id ${ids[i]}`);
    }
    map.set(ids[i], i);
  }
  return (id) => map.get(id) ?? -1;
}

function maxOf(a: Float64Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] > m) {
      m = a[i];
    }
  }
  return m;
}

function limit(what: string, max: number, name: string): ProfileError {
  return new ProfileError('LIMIT_EXCEEDED', `profile has more than ${max} ${what} (limit ${name})`);
}

function wireError(what: string, wire: number): ProfileError {
  return new ProfileError('MALFORMED', `${what} has unexpected wire type ${wire}`);
}
