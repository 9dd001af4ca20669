import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Repository root (tests/host/support → ../../..). */
export const ROOT = resolve(__dirname, '..', '..', '..');
/** The built plugin under test; HOTPATH_DIST points the tests at another build (e.g. an unpacked release zip). */
export const DIST = resolve(process.env.HOTPATH_DIST ?? join(ROOT, 'dist'));
/** The shared profile corpus, beside the repository (../shared/corpus) on developer machines and in CI alike. */
export const CORPUS = resolve(process.env.HOTPATH_CORPUS ?? join(ROOT, '..', 'shared', 'corpus'));
export const APP_ID = 'hotpath-hotpath-app';
export const PANEL_ID = 'hotpath-correlation-panel';
/** Where Grafana serves a plugin's dist/ (public/plugins/<id>/); the nested panel lives below it. */
export const APP_BASE = `/public/plugins/${APP_ID}`;
export const APP_MODULE = `${APP_BASE}/module.js`;
export const PANEL_MODULE = `${APP_BASE}/panels/correlation/module.js`;

/** The files the host tests load. Missing ones mean "run npm run build first" — these tests never build. */
export const REQUIRED_DIST_FILES = ['module.js', 'plugin.json', 'panels/correlation/module.js', 'panels/correlation/plugin.json'];

export function missingDistFiles(): string[] {
  return REQUIRED_DIST_FILES.filter((f) => !existsSync(join(DIST, f)));
}
