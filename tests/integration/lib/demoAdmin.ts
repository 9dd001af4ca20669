/** The demo's admin port: bottleneck switches and net/http/pprof. */
import { mkdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

export type BottleneckName = 'cpu' | 'db' | 'lock' | 'network' | 'io' | 'alloc' | 'errors';

export async function setBottleneck(adminUrl: string, name: BottleneckName | 'off', on = true): Promise<void> {
  const url =
    name === 'off' ? `${adminUrl}/admin/bottlenecks/off` : `${adminUrl}/admin/bottlenecks/${name}?on=${on ? 1 : 0}`;
  const res = await fetch(url, { method: 'POST' });
  if (!res.ok) {
    throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  }
}

export async function bottlenecks(adminUrl: string): Promise<Array<{ name: string; enabled: boolean }>> {
  const res = await fetch(`${adminUrl}/admin/bottlenecks`);
  return (await res.json()) as Array<{ name: string; enabled: boolean }>;
}

/** Where captured profiles are kept for other tests to reuse (gitignored). */
export const PROFILE_DIR = resolve(__dirname, '../../../test-results/profiles');

/** Fetches /debug/pprof/<path> from the admin port and saves it as test-results/profiles/<file>. */
export async function captureProfile(adminUrl: string, path: string, file: string): Promise<string> {
  const res = await fetch(`${adminUrl}/debug/pprof/${path}`);
  if (!res.ok) {
    throw new Error(`GET /debug/pprof/${path}: ${res.status} ${await res.text()}`);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  mkdirSync(PROFILE_DIR, { recursive: true });
  const out = join(PROFILE_DIR, file);
  writeFileSync(out, bytes);
  return out;
}
