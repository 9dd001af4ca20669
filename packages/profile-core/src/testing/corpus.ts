import { existsSync } from 'fs';
import { resolve } from 'path';

/**
 * The shared profile corpus (real pprof files, read-only). It lives beside the repository, as `../shared/corpus`
 * from the repo root — on developer machines and in CI alike, wherever the clone is. HOTPATH_CORPUS overrides it.
 */
export const CORPUS = process.env.HOTPATH_CORPUS ?? resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus');

if (!existsSync(CORPUS)) {
  throw new Error(`profile corpus not found at ${CORPUS}: expected ../shared/corpus beside the repository (or set HOTPATH_CORPUS)`);
}
