import { gzipSync } from 'fflate';
import type { Profile } from '../model/Profile';
import { ProtoWriter } from './ProtoWriter';

export interface EncodeOptions {
  /** gzip the output like Go's runtime/pprof (default true). */
  gzip?: boolean;
}

/**
 * Profile → pprof protobuf bytes that `go tool pprof` reads. Ids are written as dense index + 1.
 * Use with mergeProfiles / subtractProfile to export merged or "comparison minus baseline" profiles.
 */
export function encodePprof(p: Profile, opts: EncodeOptions = {}): Uint8Array {
  const w = new ProtoWriter();
  const s = p.strings;
  // Re-intern strings: lazily decoded tables may hold unused entries; our own table is rebuilt compactly.
  const table: string[] = [''];
  const ids = new Map<string, number>([['', 0]]);
  const str = (x: string) => {
    let id = ids.get(x);
    if (id === undefined) {
      id = table.length;
      table.push(x);
      ids.set(x, id);
    }
    return id;
  };
  const si = (i: number) => str(s.get(i));

  for (const t of p.sampleTypes) {
    w.message(1, (m) => {
      m.uintField(1, str(t.type));
      m.uintField(2, str(t.unit));
    });
  }
  const { samples, locations: locs, functions: fns, mappings: maps } = p;
  const nTypes = p.sampleTypes.length;
  const locIds = new Float64Array(samples.stack.length);
  for (let i = 0; i < locIds.length; i++) {
    locIds[i] = samples.stack[i] + 1;
  }
  for (let i = 0; i < samples.count; i++) {
    w.message(2, (m) => {
      m.packed(1, locIds, samples.stackStart[i], samples.stackStart[i + 1]);
      m.packed(2, samples.values, i * nTypes, (i + 1) * nTypes);
      for (let l = samples.labelStart[i]; l < samples.labelStart[i + 1]; l++) {
        m.message(3, (lm) => {
          lm.uintField(1, si(samples.labelKey[l]));
          lm.uintField(2, si(samples.labelStr[l]));
          lm.uintField(3, samples.labelNum[l]);
          lm.uintField(4, si(samples.labelNumUnit[l]));
        });
      }
    });
  }
  for (let i = 0; i < maps.count; i++) {
    w.message(3, (m) => {
      m.uintField(1, i + 1);
      m.uintField(2, maps.memoryStart[i]);
      m.uintField(3, maps.memoryLimit[i]);
      m.uintField(4, maps.fileOffset[i]);
      m.uintField(5, si(maps.filename[i]));
      m.uintField(6, si(maps.buildId[i]));
      for (let b = 0; b < 4; b++) {
        m.uintField(7 + b, (maps.flags[i] >> b) & 1);
      }
    });
  }
  for (let i = 0; i < locs.count; i++) {
    w.message(4, (m) => {
      m.uintField(1, i + 1);
      m.uintField(2, locs.mapping[i] + 1);
      m.uintField(3, locs.address[i]);
      for (let l = locs.lineStart[i]; l < locs.lineStart[i + 1]; l++) {
        m.message(4, (lm) => {
          lm.uintField(1, locs.lineFunction[l] + 1);
          lm.uintField(2, locs.lineNumber[l]);
        });
      }
    });
  }
  for (let i = 0; i < fns.count; i++) {
    w.message(5, (m) => {
      m.uintField(1, i + 1);
      m.uintField(2, si(fns.name[i]));
      m.uintField(3, si(fns.systemName[i]));
      m.uintField(4, si(fns.filename[i]));
      m.uintField(5, fns.startLine[i]);
    });
  }
  // Scalars reference strings too, so intern them before writing the table.
  const dropFrames = str(p.dropFrames);
  const keepFrames = str(p.keepFrames);
  const periodType = p.periodType ? [str(p.periodType.type), str(p.periodType.unit)] : undefined;
  const comments = p.comments.map(str);
  const defaultType = p.sampleTypes[p.defaultSampleType] ? str(p.sampleTypes[p.defaultSampleType].type) : 0;
  const enc = new TextEncoder();
  for (const x of table) {
    w.bytesField(6, enc.encode(x));
  }
  w.uintField(7, dropFrames);
  w.uintField(8, keepFrames);
  w.uintField(9, p.timeNanos);
  w.uintField(10, p.durationNanos);
  if (periodType) {
    w.message(11, (m) => {
      m.uintField(1, periodType[0]);
      m.uintField(2, periodType[1]);
    });
  }
  w.uintField(12, p.period);
  for (const c of comments) {
    w.tag(13, 0);
    w.varint(c);
  }
  w.uintField(14, defaultType);
  const bytes = w.finish();
  return opts.gzip === false ? bytes : gzipSync(bytes);
}
