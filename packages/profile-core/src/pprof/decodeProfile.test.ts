import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'fflate';
import { Profile as RefProfile } from 'pprof-format';
import { decodeProfile, decodeProtobuf } from './decodeProfile';
import { ProfileError } from '../model/ProfileError';
import { DEFAULT_LIMITS } from '../model/limits';
import { CORPUS } from '../testing/corpus';
import { rawPprof, type RawField } from '../testing/rawPprof';

const files = readdirSync(CORPUS).filter((f) => !f.endsWith('.md'));
const read = (f: string) => new Uint8Array(readFileSync(join(CORPUS, f)));

// pprof-format returns number | bigint, and negative int64 as 2^64 - x.
const num = (v: number | bigint): number => {
  if (typeof v === 'bigint') {
    return Number(BigInt.asIntN(64, v));
  }
  return v;
};

describe('decodeProfile vs pprof-format (reference decoder) on the corpus', () => {
  it.each(files)('%s: same tables, stacks, values and labels', (f) => {
    const bytes = read(f);
    const ours = decodeProfile(bytes);
    const ref = RefProfile.decode(gunzipIfNeeded(bytes));
    const refStr = (i: number | bigint) => ref.stringTable.strings[num(i)];

    expect(ours.sampleTypes).toEqual(ref.sampleType.map((t) => ({ type: refStr(t.type), unit: refStr(t.unit) })));
    expect(ours.period).toBe(num(ref.period));
    expect(ours.durationNanos).toBe(num(ref.durationNanos));
    expect(ours.timeNanos).toBe(num(ref.timeNanos));
    expect(ours.samples.count).toBe(ref.sample.length);
    expect(ours.locations.count).toBe(ref.location.length);
    expect(ours.functions.count).toBe(ref.function.length);
    expect(ours.strings.length).toBe(ref.stringTable.strings.length);

    const fnById = new Map(ref.function.map((fn) => [num(fn.id), fn]));
    const locById = new Map(ref.location.map((l) => [num(l.id), l]));
    const nT = ours.sampleTypes.length;
    // One expect per profile: per-sample expects made this suite take a minute on the 100k-sample files.
    let firstMismatch: string | undefined;
    const same = (what: string, i: number, a: unknown, b: unknown) => {
      if (firstMismatch === undefined && JSON.stringify(a) !== JSON.stringify(b)) {
        firstMismatch = `sample ${i} ${what}: ours ${JSON.stringify(a)} ref ${JSON.stringify(b)}`;
      }
    };
    ref.sample.forEach((s, i) => {
      const a = ours.samples.stackStart[i];
      const b = ours.samples.stackStart[i + 1];
      const ourNames: string[] = [];
      for (let k = a; k < b; k++) {
        const loc = ours.samples.stack[k];
        for (let l = ours.locations.lineStart[loc]; l < ours.locations.lineStart[loc + 1]; l++) {
          ourNames.push(ours.strings.get(ours.functions.name[ours.locations.lineFunction[l]]));
        }
      }
      const refNames = s.locationId.flatMap((id) => locById.get(num(id))!.line.map((ln) => refStr(fnById.get(num(ln.functionId))!.name)));
      same('stack', i, ourNames, refNames);
      same('values', i, Array.from(ours.samples.values.subarray(i * nT, (i + 1) * nT)), s.value.map(num));
      const ourLabels = [];
      for (let l = ours.samples.labelStart[i]; l < ours.samples.labelStart[i + 1]; l++) {
        ourLabels.push([ours.strings.get(ours.samples.labelKey[l]), ours.strings.get(ours.samples.labelStr[l]), ours.samples.labelNum[l]]);
      }
      same('labels', i, ourLabels, s.label.map((l) => [refStr(l.key), refStr(l.str), num(l.num)]));
    });
    expect(firstMismatch).toBeUndefined();
  });

  it('decodes negative int64 values of delta profiles as negative numbers (B9)', () => {
    const p = decodeProfile(read('parca__alloc_space_delta.pb.gz'));
    let negatives = 0;
    p.samples.values.forEach((v) => (negatives += v < 0 ? 1 : 0));
    // MANIFEST: 288 negative int64 values
    expect(negatives).toBe(288);
  });

  it('picks default_sample_type, else the last type', () => {
    const large = decodeProfile(read('google-pprof__large.cpu'));
    expect(large.sampleTypes[large.defaultSampleType].type).toBe('cpu');
    const labels = decodeProfile(read('parca__profile-with-labels.pb.gz'));
    expect(labels.sampleTypes[labels.defaultSampleType].type).toBe('samples');
  });
});

function gunzipIfNeeded(b: Uint8Array): Uint8Array {
  return b[0] === 0x1f ? require('zlib').gunzipSync(b) : b;
}

describe('limits', () => {
  it('rejects too many samples by counting before decoding (B5)', () => {
    // 3M empty samples: field 2, length 0 → 2 bytes each; gzip makes this a few KB.
    const raw = new Uint8Array(3_000_000 * 2 + 6);
    raw.set([0x32, 0x00]); // string_table[0] = ""
    for (let i = 2; i < raw.length - 4; i += 2) {
      raw[i] = 0x12;
    }
    const gz = gzipSync(raw, { level: 9 });
    expect(gz.length).toBeLessThan(20_000);
    expect(() => decodeProfile(gz)).toThrow(expect.objectContaining({ code: 'LIMIT_EXCEEDED' }));
    // Counted in pass 1, before any column is allocated: with the limit raised, the same bytes are walked to
    // their (malformed) end instead.
    expect(() => decodeProfile(gz, { maxSamples: 3_000_000 })).toThrow(expect.objectContaining({ code: 'MALFORMED' }));
  });

  it('rejects millions of strings (B5: 4 KB gz → 1.4M strings)', () => {
    const raw = new Uint8Array(1_400_000 * 2);
    for (let i = 0; i < raw.length; i += 2) {
      raw[i] = 0x32;
    }
    const gz = gzipSync(raw, { level: 9 });
    expect(() => decodeProfile(gz)).toThrow(expect.objectContaining({ code: 'LIMIT_EXCEEDED' }));
    expect(() => decodeProfile(gz, { maxStrings: 2_000_000 })).not.toThrow();
  });

  it('exports documented defaults', () => {
    expect(DEFAULT_LIMITS.maxDecompressedBytes).toBe(32 * 1024 * 1024);
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });

  it('decodeProtobuf is the raw entry point (no sniffing)', () => {
    expect(() => decodeProtobuf(new Uint8Array([0x0a]))).toThrow(ProfileError);
  });
});

describe('location ids of every varint width', () => {
  // The decoder reads 1–3 byte ids inline and longer ones on a slow path, stores ids beyond int32 aside, and
  // looks dense ids up in a table but sparse ones in a Map: each path must resolve to the right location.
  function profileWithIds(ids: number[], packed: boolean, stack: number[] = ids): Uint8Array {
    const ref: RawField[] = packed ? [{ f: 1, packed: stack }] : stack.map((id) => ({ f: 1, varint: id }));
    const fields: RawField[] = [
      { f: 1, msg: [{ f: 1, varint: 1 }, { f: 2, varint: 2 }] },
      { f: 2, msg: [...ref, { f: 2, packed: [1] }] },
    ];
    ids.forEach((id, i) => {
      fields.push({ f: 4, msg: [{ f: 1, varint: id }, { f: 4, msg: [{ f: 1, varint: i + 1 }] }] });
      fields.push({ f: 5, msg: [{ f: 1, varint: i + 1 }, { f: 2, varint: 3 + i }] });
    });
    fields.push({ f: 6, bytes: '' }, { f: 6, bytes: 'samples' }, { f: 6, bytes: 'count' });
    ids.forEach((id) => fields.push({ f: 6, bytes: `f${id}` }));
    return rawPprof(fields);
  }
  const stackNames = (bytes: Uint8Array): string[] => {
    const p = decodeProfile(bytes, { maxStackDepth: 10_000 });
    const { lineStart, lineFunction } = p.locations;
    return Array.from(p.samples.stack, (loc) => p.strings.get(p.functions.name[lineFunction[lineStart[loc]]]));
  };

  const sparse = [1, 127, 128, 16383, 16384, 2097151, 2097152, 2 ** 28, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 5, 2 ** 40];
  it.each([true, false])('sparse ids up to 2^40 (packed: %s)', (packed) => {
    expect(stackNames(profileWithIds(sparse, packed))).toEqual(sparse.map((id) => `f${id}`));
    const dangling = profileWithIds(sparse, packed, [...sparse, 2 ** 33]);
    expect(() => decodeProfile(dangling)).toThrow(/unknown location id 8589934592/);
  });

  it('dense 2- and 3-byte ids, the last one ending the packed run', () => {
    const dense = Array.from({ length: 6000 }, (_, i) => 16000 + i);
    expect(stackNames(profileWithIds(dense, true))).toEqual(dense.map((id) => `f${id}`));
    // An id inside the dense range that no location has is still an error.
    const dangling = profileWithIds(dense, true, [16001, 15999]);
    expect(() => decodeProfile(dangling)).toThrow(/unknown location id 15999/);
  });
});
