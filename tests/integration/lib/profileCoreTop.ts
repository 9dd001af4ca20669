/** The same top table through @hotpath/profile-core (decodeProfile + topTable), shaped like lib/pprofTop. */
import { readFileSync } from 'fs';
import { decodeProfile, topTable } from '@hotpath/profile-core';
import type { Top } from './pprofTop';

export function profileCoreTop(file: string, sampleType: string, labels?: Record<string, string>): Top {
  const profile = decodeProfile(new Uint8Array(readFileSync(file)));
  const t = topTable(profile, { sampleType, filter: labels ? { labels } : undefined });
  return { rows: t.rows.map((r) => ({ name: r.name, flat: r.flat, cum: r.cum })), total: t.total };
}
