import { readFileSync } from 'fs';
import { deflateRawSync, gzipSync, constants as zc } from 'zlib';
import { decodeProfile } from './decodeProfile';
import { decodeProfileAsync } from './decodeProfileAsync';
import { ProfileError } from '../model/ProfileError';
import { topTable } from '../transform/topTable';
import { CORPUS } from '../testing/corpus';

const read = (f: string) => new Uint8Array(readFileSync(`${CORPUS}/${f}`));
const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof ProfileError) {
      return e.code;
    }
    throw e;
  }
};

describe('decodeProfileAsync (native DecompressionStream)', () => {
  it('has the platform stream in this Node', () => {
    expect(typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream).toBe('function');
  });

  it.each(['google-pprof__large.cpu', 'parca__alloc_space_delta.pb.gz', 'parca__profile-with-labels.pb.gz'])(
    '%s: same profile as the sync decoder',
    async (f) => {
      const a = await decodeProfileAsync(read(f));
      const b = decodeProfile(read(f));
      // Byte comparison: toEqual on 100k-element typed arrays takes seconds.
      const same = (x: ArrayBufferView, y: ArrayBufferView) =>
        Buffer.compare(Buffer.from(x.buffer, x.byteOffset, x.byteLength), Buffer.from(y.buffer, y.byteOffset, y.byteLength)) === 0;
      expect(same(a.samples.values, b.samples.values)).toBe(true);
      expect(same(a.samples.stack, b.samples.stack)).toBe(true);
      expect(topTable(a).rows.slice(0, 20)).toEqual(topTable(b).rows.slice(0, 20));
    }
  );

  it('rejects the 1 GiB gzip bomb at the cap (timed in bench/, not here)', async () => {
    const seg = deflateRawSync(Buffer.alloc(16 << 20), { level: 9, finishFlush: zc.Z_FULL_FLUSH });
    const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    const bomb = new Uint8Array(Buffer.concat([header, ...Array(64).fill(seg), deflateRawSync(Buffer.alloc(0)), Buffer.alloc(8)]));
    expect(await code(decodeProfileAsync(bomb))).toBe('TOO_LARGE');
  });

  it('rejects truncated gzip, concatenated members and nested gzip with typed errors', async () => {
    const gz = read('google-pprof__sample.cpu');
    for (const n of [20, 500, gz.length - 4, gz.length - 1]) {
      expect(await code(decodeProfileAsync(gz.subarray(0, n)))).toBe('GZIP_CORRUPT');
    }
    expect(await code(decodeProfileAsync(new Uint8Array([...gz, ...gz])))).not.toBe('OK');
    expect(await code(decodeProfileAsync(new Uint8Array(gzipSync(gz))))).toBe('NESTED_GZIP');
    expect(await code(decodeProfileAsync(new Uint8Array(gzipSync(Buffer.alloc(0)))))).toBe('EMPTY');
  });

  it('falls back to the sync decoder for raw protobuf and non-gzip input', async () => {
    expect(await code(decodeProfileAsync(new TextEncoder().encode('<html>')))).toBe('HTML');
  });
});
