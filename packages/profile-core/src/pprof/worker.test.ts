/** F1: decoding never freezes or OOMs its (worker) thread: typed errors within heap limits and a deadline. */
import { readFileSync } from 'fs';
import { deflateRawSync, gzipSync, constants as zc } from 'zlib';
import { decodeInWorker } from '../testing/decodeInWorker';
import { CORPUS } from '../testing/corpus';

const limits = { timeoutMs: 10_000, maxOldGenerationSizeMb: 256 };

function bomb(): Uint8Array {
  const seg = deflateRawSync(Buffer.alloc(16 << 20), { level: 9, finishFlush: zc.Z_FULL_FLUSH });
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  return new Uint8Array(Buffer.concat([header, ...Array(64).fill(seg), deflateRawSync(Buffer.alloc(0)), Buffer.alloc(8)]));
}

function manyStrings(): Uint8Array {
  const raw = new Uint8Array(3_000_000 * 2);
  for (let i = 0; i < raw.length; i += 2) {
    raw[i] = 0x32;
  }
  return new Uint8Array(gzipSync(raw, { level: 9 }));
}

describe('decode in worker_threads with resourceLimits (F1)', () => {
  it('decodes a real profile within 256 MB of heap', async () => {
    const r = await decodeInWorker(new Uint8Array(readFileSync(`${CORPUS}/synth-go-cpu-100k-stacks-a.pb.gz`)), limits);
    expect(r).toMatchObject({ kind: 'result', ok: true });
  });

  it.each([
    ['1 GiB gzip bomb', bomb, 'TOO_LARGE'],
    ['3M strings from a few KB of gzip', manyStrings, 'LIMIT_EXCEEDED'],
  ])('%s → typed error, no OOM, no timeout', async (_n, make, code) => {
    const r = await decodeInWorker(make(), limits);
    expect(r).toMatchObject({ kind: 'result', ok: false, code });
  });

  it('a deadline terminates a worker that takes too long (the app-side guard)', async () => {
    const r = await decodeInWorker(new Uint8Array(readFileSync(`${CORPUS}/synth-go-cpu-100k-stacks-a.pb.gz`)), {
      timeoutMs: 1,
      maxOldGenerationSizeMb: 256,
    });
    expect(r.kind).toBe('timeout');
  });
});
