/**
 * shared/notes/bad-inputs.md, rows that concern decoding: B1–B5, B7–B17, F1, F16. Each describe names its row.
 * (B6, B18–B22 and F2–F15 concern the app, proxy or alerting; B18's label cap is covered here too.)
 */
import { readFileSync } from 'fs';
import { gunzipSync, gzipSync, deflateRawSync, constants as zc } from 'zlib';
import { Profile as RefProfile } from 'pprof-format';
import { decodeProfile } from './decodeProfile';
import { ProfileError } from '../model/ProfileError';
import { DEFAULT_LIMITS, OTHER_NODE, TRUNCATED_FRAME } from '../model/limits';
import { ProfileBuilder } from '../model/ProfileBuilder';
import { encodePprof } from './encodePprof';
import { buildFlameGraph } from '../layout/buildFlameGraph';
import { topTable } from '../transform/topTable';
import { rawPprof, minimalFields, type RawField } from '../testing/rawPprof';
import { CORPUS } from '../testing/corpus';

const sampleGz = new Uint8Array(readFileSync(`${CORPUS}/google-pprof__sample.cpu`));
const sampleRaw = new Uint8Array(gunzipSync(sampleGz));

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ProfileError) {
      return e.code;
    }
    throw e; // an untyped exception fails the test
  }
  return 'OK';
}

const replace = (fields: RawField[], i: number, x: RawField) => fields.map((f, j) => (j === i ? x : f));

describe('B1 empty input', () => {
  it('rejects 0 bytes with EMPTY (pprof-format would accept it as a valid profile)', () => {
    expect(() => RefProfile.decode(new Uint8Array(0))).not.toThrow();
    expect(codeOf(() => decodeProfile(new Uint8Array(0)))).toBe('EMPTY');
    expect(codeOf(() => decodeProfile(new Uint8Array(gzipSync(Buffer.alloc(0)))))).toBe('EMPTY');
  });
  it('has a one-line message', () => {
    try {
      decodeProfile(new Uint8Array(0));
    } catch (e) {
      expect((e as Error).message).toBe('empty profile (0 bytes)');
    }
    expect.assertions(1);
  });
});

describe('B2 every truncated prefix', () => {
  it('rejects every prefix of the .pb.gz (gzip trailer CRC/ISIZE, EOF)', () => {
    const codes = new Set<string>();
    for (let n = 1; n < sampleGz.length; n++) {
      codes.add(codeOf(() => decodeProfile(sampleGz.subarray(0, n))));
    }
    expect(codes.has('OK')).toBe(false);
    expect([...codes].every((c) => ['TRUNCATED', 'GZIP_CORRUPT', 'NOT_PPROF'].includes(c))).toBe(true);
  });

  it('rejects every prefix of the raw .pb, except cuts exactly between top-level fields after the string table', () => {
    // Independent walk of the top-level fields: where does each end, and where does the last string end?
    const ends: number[] = [];
    let lastString = 0;
    for (let pos = 0; pos < sampleRaw.length; ) {
      const tag = sampleRaw[pos++];
      let v = 0;
      let shift = 0;
      let b: number;
      do {
        b = sampleRaw[pos++];
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      if ((tag & 7) === 2) {
        pos += v;
      }
      if (tag >> 3 === 6) {
        lastString = pos;
      }
      ends.push(pos);
    }
    const tolerated = new Set(ends.filter((e) => e >= lastString && e < sampleRaw.length));
    let accepted = 0;
    for (let n = 1; n < sampleRaw.length; n++) {
      const code = codeOf(() => decodeProfile(sampleRaw.subarray(0, n)));
      if (code === 'OK') {
        expect(tolerated.has(n)).toBe(true);
        accepted++;
      }
    }
    // Only the trailing scalar fields (time, duration, period type, period) can be cut off undetectably.
    expect(accepted).toBeLessThanOrEqual(tolerated.size);
    // pprof-format, for contrast, accepts truncated input silently.
    expect(() => RefProfile.decode(sampleRaw.subarray(0, 1000))).not.toThrow();
  });
});

describe('B4 gzip bomb', () => {
  // How fast it is rejected is measured in bench/ (row "gzip bomb"), not timed here; a decoder that inflated it all
  // would still fail this test: jest's timeout, or the heap, gives out long before 1 GiB is materialised.
  it('aborts a ~1 GiB-of-zeros gzip at the decompressed cap', () => {
    // 1 GiB of zeros as 64 independent 16 MiB deflate segments (full flush resets the window, so segments can be
    // repeated), final empty block, fake trailer: ~1 MB on the wire, built in milliseconds.
    const seg = deflateRawSync(Buffer.alloc(16 << 20), { level: 9, finishFlush: zc.Z_FULL_FLUSH });
    const fin = deflateRawSync(Buffer.alloc(0));
    const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    const bomb = new Uint8Array(Buffer.concat([header, ...Array(64).fill(seg), fin, Buffer.alloc(8)]));
    expect(bomb.length).toBeLessThan(2 << 20);
    expect(() => decodeProfile(bomb)).toThrow(/more than 33554432 bytes/);
    expect(codeOf(() => decodeProfile(bomb))).toBe('TOO_LARGE');
  });

  it('honours an overridden cap', () => {
    expect(codeOf(() => decodeProfile(sampleGz, { maxDecompressedBytes: 1000 }))).toBe('TOO_LARGE');
    expect(codeOf(() => decodeProfile(sampleRaw, { maxDecompressedBytes: 1000 }))).toBe('TOO_LARGE');
    expect(codeOf(() => decodeProfile(sampleGz, { maxInputBytes: 100 }))).toBe('TOO_LARGE');
  });
});

describe('B5 small gzip, many entries', () => {
  it('rejects locations and functions over their limits before decoding them', () => {
    const locs = new Uint8Array(200_000 * 2);
    for (let i = 0; i < locs.length; i += 2) {
      locs[i] = 0x22; // field 4 (location), empty
    }
    expect(codeOf(() => decodeProfile(locs, { maxLocations: 100_000 }))).toBe('LIMIT_EXCEEDED');
    const fns = locs.map((b) => (b ? 0x2a : 0)); // field 5 (function)
    expect(codeOf(() => decodeProfile(fns, { maxFunctions: 100_000 }))).toBe('LIMIT_EXCEEDED');
  });
});

describe('B7 deep stacks', () => {
  function deep(depth: number): Uint8Array {
    const b = new ProfileBuilder([{ type: 'samples', unit: 'count' }]);
    const leaf = b.addLocation([{ fn: b.addFunction('leaf') }]);
    const rec = b.addLocation([{ fn: b.addFunction('recurse') }]);
    const root = b.addLocation([{ fn: b.addFunction('main') }]);
    const stack = new Int32Array(depth).fill(rec);
    stack[0] = leaf;
    stack[depth - 1] = root;
    b.addSample(stack, [3]);
    return encodePprof(b.build());
  }

  it.each([1000, 2000, 10_000, 1_000_000])('%i frames: no overflow; cut at maxStackDepth keeping the root side', (depth) => {
    const p = decodeProfile(deep(depth));
    const f = buildFlameGraph(p, { maxNodes: Infinity });
    const keptDepth = Math.min(depth, 1024);
    expect(f.count).toBe(keptDepth + 1); // + root "total"
    expect(f.names[f.label[1]]).toBe('main'); // root side kept
    const leafName = f.names[f.label[f.count - 1]];
    expect(leafName).toBe(depth > 1024 ? TRUNCATED_FRAME : 'leaf');
    expect(p.warnings.some((w) => w.code === 'STACK_TRUNCATED')).toBe(depth > 1024);
    // Recursion counted once per sample toward cum.
    const rec = topTable(p).rows.find((r) => r.name === 'recurse')!;
    expect(rec.cum).toBe(3);
  });

  it('handles 1M frames untruncated when the limit is raised (iterative, no recursion)', () => {
    const p = decodeProfile(deep(1_000_000), { maxStackDepth: 2_000_000 });
    const f = buildFlameGraph(p, { maxNodes: Infinity });
    expect(f.count).toBe(1_000_001);
    expect(f.level[f.count - 1]).toBe(1_000_000);
  });
});

describe('B8 very wide profiles', () => {
  it('folds 100k unique leaves into "other" under the node cap, keeping totals', () => {
    const b = new ProfileBuilder([{ type: 'samples', unit: 'count' }]);
    const main = b.addLocation([{ fn: b.addFunction('main') }]);
    for (let i = 0; i < 100_000; i++) {
      b.addSample([b.addLocation([{ fn: b.addFunction(`leaf${i}`) }]), main], [1 + (i % 7)]);
    }
    const p = decodeProfile(encodePprof(b.build()));
    const f = buildFlameGraph(p, { maxNodes: 16_384 });
    expect(f.count).toBeLessThanOrEqual(16_384);
    const other = f.names.indexOf(OTHER_NODE);
    expect(other).toBeGreaterThan(0);
    let otherValue = 0;
    let childSum = 0;
    for (let i = 0; i < f.count; i++) {
      if (f.level[i] === 2) {
        childSum += f.value[i];
      }
      if (f.label[i] === other) {
        otherValue += f.value[i];
      }
    }
    expect(childSum).toBe(f.value[1]); // children of main still add up to main
    expect(f.merged.value).toBe(otherValue);
    expect(f.merged.nodes).toBe(100_002 - f.count + 1); // all nodes minus kept ones (the "other" node is new)
  });
});

describe('B9 big, negative and extreme values', () => {
  const withValue = (raw: number[]) =>
    rawPprof([
      { f: 1, msg: [{ f: 1, varint: 1 }, { f: 2, varint: 2 }] },
      // sample: location 1, value given as raw varint bytes (non-packed field 2, wire type 0 = tag 0x10)
      { f: 2, msg: [{ f: 1, varint: 1 }, { raw: [0x10, ...raw] }] },
      ...minimalFields().slice(2),
    ]);
  it.each([
    ['2^28', [0x80, 0x80, 0x80, 0x80, 0x01], 2 ** 28, false],
    ['2^53+1 (rounded, flagged)', [0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10], 2 ** 53, true],
    ['-1', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], -1, false],
    ['-123456789', [0xeb, 0xe5, 0x90, 0xc5, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], -123456789, false],
    ['int64 min', [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], -(2 ** 63), true],
  ])('%s', (_name, bytes, want, lossy) => {
    const p = decodeProfile(withValue(bytes as number[]));
    expect(p.samples.values[0]).toBe(want);
    expect(topTable(p).rows[0].flat).toBe(want);
    expect(p.warnings.some((w) => w.code === 'PRECISION_LOSS')).toBe(lossy);
  });

  it('agrees with pprof-format on the negative values of the delta corpus profile', () => {
    const gz = new Uint8Array(readFileSync(`${CORPUS}/parca__alloc_space_delta.pb.gz`));
    const ref = RefProfile.decode(gunzipSync(gz));
    const ours = decodeProfile(gz);
    const refValues = ref.sample.flatMap((s) => s.value.map((v) => Number(BigInt.asIntN(64, BigInt(v)))));
    expect(Array.from(ours.samples.values)).toEqual(refValues);
  });
});

describe('B10 dangling references (CheckValid)', () => {
  const base = minimalFields();
  it.each([
    ['location → unknown function', replace(base, 2, { f: 4, msg: [{ f: 1, varint: 1 }, { f: 4, msg: [{ f: 1, varint: 9 }] }] })],
    ['sample → unknown location', replace(base, 1, { f: 2, msg: [{ f: 1, packed: [7] }, { f: 2, packed: [1] }] })],
    ['location id 0', replace(base, 2, { f: 4, msg: [{ f: 4, msg: [{ f: 1, varint: 1 }] }] })],
    ['function id 0', replace(base, 3, { f: 5, msg: [{ f: 2, varint: 3 }] })],
    ['duplicate function ids', [...base, { f: 5, msg: [{ f: 1, varint: 1 }, { f: 2, varint: 3 }] }]],
    ['duplicate location ids', [...base, { f: 4, msg: [{ f: 1, varint: 1 }] }]],
    ['location → unknown mapping', replace(base, 2, { f: 4, msg: [{ f: 1, varint: 1 }, { f: 2, varint: 5 }] })],
  ])('%s → INVALID', (_n, fields) => {
    expect(codeOf(() => decodeProfile(rawPprof(fields)))).toBe('INVALID');
  });
  it('the unmodified minimal profile is valid (the cases above fail for their reason)', () => {
    expect(codeOf(() => decodeProfile(rawPprof(base)))).toBe('OK');
  });
});

describe('B11 value counts', () => {
  const base = minimalFields();
  it('rejects len(sample.value) != len(sample_type)', () => {
    const fields = replace(base, 1, { f: 2, msg: [{ f: 1, packed: [1] }, { f: 2, packed: [1, 2] }] });
    expect(codeOf(() => decodeProfile(rawPprof(fields)))).toBe('INVALID');
  });
  it('rejects samples without sample types', () => {
    expect(codeOf(() => decodeProfile(rawPprof(base.slice(1))))).toBe('INVALID');
  });
});

describe('B12 string table', () => {
  const base = minimalFields();
  it('rejects a string index out of range', () => {
    const fields = replace(base, 3, { f: 5, msg: [{ f: 1, varint: 1 }, { f: 2, varint: 99 }] });
    expect(codeOf(() => decodeProfile(rawPprof(fields)))).toBe('INVALID');
  });
  it('rejects string_table[0] != ""', () => {
    expect(codeOf(() => decodeProfile(rawPprof(replace(base, 4, { f: 6, bytes: 'x' }))))).toBe('INVALID');
  });
  it('rejects a negative string index', () => {
    const fields = replace(base, 3, { f: 5, msg: [{ f: 1, varint: 1 }, { f: 2, varint: -1 }] });
    expect(codeOf(() => decodeProfile(rawPprof(fields)))).toBe('INVALID');
  });
});

describe('B13 concatenated profiles', () => {
  it('rejects two raw profiles back to back (duplicate time_nanos, like pprof errConcatProfile)', () => {
    const two = new Uint8Array([...sampleRaw, ...sampleRaw]);
    expect(codeOf(() => decodeProfile(two))).toBe('CONCATENATED');
  });
  it('rejects two gzip members', () => {
    expect(codeOf(() => decodeProfile(new Uint8Array([...sampleGz, ...sampleGz])))).toBe('CONCATENATED');
  });
});

describe('B14 protobuf structure', () => {
  const base = minimalFields();
  it('rejects a varint longer than 10 bytes', () => {
    const fields: RawField[] = [...base, { raw: [0x48, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01] }];
    expect(codeOf(() => decodeProfile(rawPprof(fields)))).toBe('MALFORMED');
  });
  it.each([3, 4, 6, 7])('rejects wire type %i', (wire) => {
    const fields: RawField[] = [...base, { raw: [(9 << 3) | wire, 0] }];
    expect(codeOf(() => decodeProfile(rawPprof(fields)))).toBe('MALFORMED');
  });
  it('rejects a known field with the wrong wire type', () => {
    expect(codeOf(() => decodeProfile(rawPprof([...base, { f: 2, varint: 1 }])))).toBe('MALFORMED');
  });
  it('skips unknown fields >= 16 with valid wire types (forward compatible, like pprof)', () => {
    const fields: RawField[] = [...base, { f: 16, varint: 5 }, { f: 99, bytes: 'future' }];
    expect(codeOf(() => decodeProfile(rawPprof(fields)))).toBe('OK');
  });
  it('rejects a length running past the end', () => {
    expect(codeOf(() => decodeProfile(new Uint8Array([0x32, 0x05, 0x61])))).toBe('TRUNCATED');
  });
});

describe('B15 wrong formats are named', () => {
  const text = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['gzip in gzip', 'NESTED_GZIP', new Uint8Array(gzipSync(sampleGz))],
    ['zstd', 'ZSTD', new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x00])],
    ['debug=1 heap', 'TEXT_PROFILE', text('heap profile: 3: 768 [3: 768] @ heap/1048576\n1: 256 [1: 256] @ 0x1 0x2\n')],
    ['debug=1 goroutine', 'TEXT_PROFILE', text('goroutine profile: total 4\n1 @ 0x43a2b6 0x4067ac\n')],
    ['debug=2 goroutine dump', 'GOROUTINE_TEXT', text('goroutine 1 [running]:\nmain.main()\n\t/app/main.go:12 +0x1d\n')],
    ['HTML error page', 'HTML', text('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>')],
    ['JSON error', 'JSON', text('{"error":"unauthorized"}')],
    ['Go text/plain error', 'TEXT', text('404 page not found\n')],
    ['pprof busy error', 'TEXT', text('Could not enable CPU profiling: cpu profiling already in use\n')],
  ])('%s → %s', (_n, code, bytes) => {
    expect(codeOf(() => decodeProfile(bytes as Uint8Array))).toBe(code);
  });
  it('tells the user what to do for text profiles', () => {
    expect(() => decodeProfile(text('heap profile: 1: 2 [3: 4] @ heap/1\n'))).toThrow(/debug=0/);
  });
});

describe('B16 hostile names are plain data', () => {
  it('keeps HTML, javascript: URLs and RTL/zero-width characters verbatim (rendering is text-only)', () => {
    const names = ['<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'main.\u202eevil\u200b'];
    const b = new ProfileBuilder([{ type: 'samples', unit: 'count' }]);
    names.forEach((n) => b.addSample([b.addLocation([{ fn: b.addFunction(n) }])], [1]));
    const f = buildFlameGraph(decodeProfile(encodePprof(b.build())));
    expect(f.names.slice(1).sort()).toEqual([...names].sort());
  });
  it('cuts a 1 MB name at maxNameLength', () => {
    const b = new ProfileBuilder([{ type: 'samples', unit: 'count' }]);
    b.addSample([b.addLocation([{ fn: b.addFunction('x'.repeat(1 << 20)) }])], [1]);
    const p = decodeProfile(encodePprof(b.build()));
    const name = topTable(p).rows[0].name;
    expect(name.length).toBe(DEFAULT_LIMITS.maxNameLength); // 65,534 chars + '…'
    expect(name.endsWith('…')).toBe(true);
  });
});

describe('B17 invalid UTF-8', () => {
  it('decodes to U+FFFD without throwing', () => {
    const fields = replace(minimalFields(), 7, { f: 6, bytes: new Uint8Array([0x6d, 0xff, 0xfe, 0x61]) });
    const p = decodeProfile(rawPprof(fields));
    expect(topTable(p).rows[0].name).toBe('m\ufffd\ufffda');
  });
});

describe('B18 label cap', () => {
  it('ignores labels beyond maxLabelsPerSample and warns', () => {
    const b = new ProfileBuilder([{ type: 'samples', unit: 'count' }]);
    const labels = Array.from({ length: 1000 }, (_, i) => ({ key: `k${i}`, str: 'v' }));
    b.addSample([b.addLocation([{ fn: b.addFunction('main') }])], [1], labels);
    const p = decodeProfile(encodePprof(b.build()));
    expect(p.samples.labelStart[1]).toBe(100);
    expect(p.warnings.map((w) => w.code)).toContain('LABELS_DROPPED');
  });
});

describe('F16 decoder regressions pprof-format had', () => {
  it('pprof-format is pinned at >= 2.2.3 (2.2.1 was quadratic and dropped Go sample values)', () => {
    const v = require('pprof-format/package.json').version as string;
    const [maj, min, patch] = v.split('.').map(Number);
    expect(maj > 2 || (maj === 2 && (min > 2 || (min === 2 && patch >= 3)))).toBe(true);
  });
  it('reads non-packed location ids and values (older Go writers) the same as packed', () => {
    const nonPacked = rawPprof(
      replace(minimalFields(), 1, {
        f: 2,
        msg: [
          { f: 1, varint: 1 },
          { f: 2, varint: 42 },
        ],
      })
    );
    const packed = rawPprof(minimalFields(42));
    expect(decodeProfile(nonPacked).samples.values).toEqual(decodeProfile(packed).samples.values);
    expect(decodeProfile(nonPacked).samples.stack).toEqual(decodeProfile(packed).samples.stack);
  });
});
