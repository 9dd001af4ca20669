/**
 * B3 / hardening: random and mutated inputs never produce an untyped exception, a hang or unbounded memory.
 * CI runs a bounded number of iterations; HOTPATH_FUZZ_ITERATIONS=100000 (and HOTPATH_FUZZ_SEED) for more.
 */
import { readFileSync } from 'fs';
import { gunzipSync, gzipSync } from 'zlib';
import { decodeProfile } from './decodeProfile';
import { encodePprof } from './encodePprof';
import { ProfileError } from '../model/ProfileError';
import { buildFlameGraph } from '../layout/buildFlameGraph';
import { topTable } from '../transform/topTable';
import { sandwich } from '../transform/sandwich';
import { searchProfile } from '../transform/searchProfile';
import { CORPUS } from '../testing/corpus';

const ITER = Number(process.env.HOTPATH_FUZZ_ITERATIONS ?? 1500);
const SEED = Number(process.env.HOTPATH_FUZZ_SEED ?? 20261204);
const seeds = ['google-pprof__sample.cpu', 'speedscope__simple.prof', 'parca__fgprof.pb.gz', 'parca__profile-with-labels.pb.gz'].map(
  (f) => new Uint8Array(readFileSync(`${CORPUS}/${f}`))
);
const rawSeeds = seeds.map((b) => new Uint8Array(gunzipSync(b)));

// xorshift32: deterministic, so a failure can be replayed from the seed and iteration printed below.
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function mutate(src: Uint8Array, r: () => number): Uint8Array {
  let b = Uint8Array.from(src);
  const n = 1 + Math.floor(r() * 8);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(r() * b.length);
    switch (Math.floor(r() * 6)) {
      case 0:
        b[at] ^= 1 << Math.floor(r() * 8);
        break;
      case 1:
        b[at] = Math.floor(r() * 256);
        break;
      case 2:
        b[at] = [0x00, 0x7f, 0x80, 0xff][Math.floor(r() * 4)];
        break;
      case 3:
        b = b.subarray(0, at);
        break;
      case 4: {
        const len = Math.floor(r() * 64);
        b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at, at + len), ...b.subarray(at)]);
        break;
      }
      default: {
        const len = Math.floor(r() * 64);
        b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + len)]);
      }
    }
    if (b.length === 0) {
      break;
    }
  }
  return b;
}

/** Decodes and, when that succeeds, drives every view. Returns 'ok' or the ProfileError code; throws otherwise. */
function exercise(bytes: Uint8Array): string {
  try {
    const p = decodeProfile(bytes, { maxSamples: 50_000, maxDecompressedBytes: 8 << 20 });
    const top = topTable(p);
    buildFlameGraph(p, { maxNodes: 500 });
    if (top.rows.length > 0) {
      sandwich(p, top.rows[0].name);
    }
    searchProfile(p, 'main');
    decodeProfile(encodePprof(p)); // our own export must decode again
    return 'ok';
  } catch (e) {
    if (e instanceof ProfileError) {
      return e.code;
    }
    throw e;
  }
}

describe(`fuzz (${ITER} iterations per kind, seed ${SEED})`, () => {
  const kinds: Array<[string, (r: () => number) => Uint8Array]> = [
    ['random bytes 1 B – 64 KB', (r) => Uint8Array.from({ length: 1 + Math.floor(r() ** 3 * 65536) }, () => Math.floor(r() * 256))],
    ['mutated raw protobuf', (r) => mutate(rawSeeds[Math.floor(r() * rawSeeds.length)], r)],
    ['mutated gzip', (r) => mutate(seeds[Math.floor(r() * seeds.length)], r)],
    ['re-gzipped mutated protobuf (valid gzip, broken content)', (r) => new Uint8Array(gzipSync(mutate(rawSeeds[Math.floor(r() * rawSeeds.length)], r)))],
  ];

  it.each(kinds)('%s: only typed errors, bounded time and memory', (_name, gen) => {
    const r = rng(SEED + _name.length);
    const codes = new Map<string, number>();
    let maxHeap = 0;
    // A hang guard, not a speed test (speed is measured in bench/): inputs take milliseconds, and a decoder that
    // loops would never return to any timeout, so each input's time is checked against a bound 1000× too high.
    let slowest = 0;
    for (let i = 0; i < ITER; i++) {
      const input = gen(r);
      let code: string;
      const t0 = performance.now();
      try {
        code = exercise(input);
      } catch (e) {
        throw new Error(`iteration ${i} (seed ${SEED}): untyped ${(e as Error)?.stack ?? e}`);
      }
      slowest = Math.max(slowest, performance.now() - t0);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (i % 100 === 0) {
        maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed);
      }
    }
    expect(slowest).toBeLessThan(10_000);
    expect(maxHeap).toBeLessThan(1024 * 1024 * 1024);
    // The generators reach past the sniffer into the decoder and validator (not just "not pprof").
    expect(codes.size).toBeGreaterThan(1);
  });
});
