/**
 * Test-only (F1): run decode + flame layout in a worker_threads Worker with V8 heap limits and a wall-clock
 * timeout, the way the browser app runs profile-core in a Web Worker and terminate()s it on timeout.
 * The library is bundled once with esbuild so the worker runs plain JS.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Worker } from 'worker_threads';

let bundlePath: string | undefined;

function bundle(): string {
  if (!bundlePath) {
    const dir = mkdtempSync(join(tmpdir(), 'hotpath-worker-'));
    bundlePath = join(dir, 'worker.js');
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { parentPort } from 'worker_threads';
       import { decodeProfile, buildFlameGraph, ProfileError } from ${JSON.stringify(join(__dirname, '..', 'index.ts'))};
       parentPort!.on('message', (bytes: Uint8Array) => {
         try {
           const p = decodeProfile(bytes);
           const f = buildFlameGraph(p);
           parentPort!.postMessage({ ok: true, nodes: f.count, total: f.total });
         } catch (e) {
           parentPort!.postMessage({ ok: false, code: e instanceof ProfileError ? e.code : 'UNTYPED', message: String(e) });
         }
       });`
    );
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundlePath, logLevel: 'error' });
  }
  return bundlePath;
}

export type WorkerOutcome =
  | { kind: 'result'; ok: true; nodes: number; total: number }
  | { kind: 'result'; ok: false; code: string; message: string }
  | { kind: 'timeout' }
  | { kind: 'crashed'; error: string };

export function decodeInWorker(
  bytes: Uint8Array,
  opts: { timeoutMs: number; maxOldGenerationSizeMb: number }
): Promise<WorkerOutcome> {
  const w = new Worker(bundle(), { resourceLimits: { maxOldGenerationSizeMb: opts.maxOldGenerationSizeMb } });
  return new Promise<WorkerOutcome>((resolve) => {
    const timer = setTimeout(() => {
      void w.terminate();
      resolve({ kind: 'timeout' });
    }, opts.timeoutMs);
    w.once('message', (m) => {
      clearTimeout(timer);
      void w.terminate();
      resolve({ kind: 'result', ...m });
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      resolve({ kind: 'crashed', error: String(e) });
    });
    w.postMessage(bytes);
  });
}
