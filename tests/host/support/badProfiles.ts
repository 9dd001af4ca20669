/**
 * Hostile and extreme profiles for the rows of shared/notes/bad-inputs.md, built the way real data reaches the
 * panel: pprof BYTES (what a Go service serves) → profile-core's decodeProfile (limits: name length, stack depth) →
 * buildFlameGraph (node cap) → the flame DataFrame.
 */
import { ProfileBuilder, buildFlameGraph, decodeProfile, encodePprof, type FlameLevels } from '@hotpath/profile-core';
// test-only helper of profile-core (not exported from its index): folded text → real pprof bytes
import { foldedStacks } from '../../../packages/profile-core/src/testing/foldedStacks';

const CPU = [
  { type: 'samples', unit: 'count' },
  { type: 'cpu', unit: 'nanoseconds' },
];
const PERIOD = 10_000_000;

/** Decodes pprof bytes with profile-core's default limits and lays out the flame graph with its default node cap. */
export function flameOfPprof(bytes: Uint8Array): FlameLevels {
  return buildFlameGraph(decodeProfile(bytes), {});
}

/** B16: function names a symbolizer can produce for hostile code (Go allows any bytes in a symbol of a cgo/asm file). */
export const HOSTILE_NAMES = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=1</script>',
  js: 'javascript:alert(1)',
  // U+202E RIGHT-TO-LEFT OVERRIDE: "main.evil\u202Egnp.exe" displays as main.evilexe.png
  rtl: 'main.evil\u202Egnp.exe',
  // zero-width space, zero-width joiner, byte-order mark inside an identifier
  zeroWidth: 'main.zero\u200Bwidth\u200D\uFEFFname',
} as const;
/** 1 MiB of name: profile-core cuts names at maxNameLength (65,535) and ends them with "…". */
export const HUGE_NAME = `main.huge${'x'.repeat(1 << 20)}`;
export const HUGE_NAME_PREFIX = HUGE_NAME.slice(0, 200);

/** main → main.handler → each hostile name as a leaf (the hostile names also as file names), plus the 1 MiB name. */
export function hostilePprof(): Uint8Array {
  const b = new ProfileBuilder(CPU);
  b.period = PERIOD;
  b.periodType = CPU[1];
  b.durationNanos = 10e9;
  b.timeNanos = 1.7e18;
  const main = b.addLocation([{ fn: b.addFunction('main.main', 'main.go') }]);
  const handler = b.addLocation([{ fn: b.addFunction('main.handler', 'handler.go') }]);
  const leaves = [...Object.values(HOSTILE_NAMES), HUGE_NAME];
  leaves.forEach((name, i) => {
    const leaf = b.addLocation([{ fn: b.addFunction(name, `${name}.go`) }]);
    const n = 10 * (leaves.length - i);
    b.addSample([leaf, handler, main], [n, n * PERIOD], []);
  });
  return encodePprof(b.build());
}

/** B7: one stack `depth` frames deep (main.d00000 … root first) holding most samples, plus a shallow sibling. */
export function deepPprof(depth: number): Uint8Array {
  const frames = Array.from({ length: depth }, (_, i) => `main.d${String(i).padStart(5, '0')}`);
  return foldedStacks([`${frames.join(';')} 90`, 'main.d00000;main.shallow 10'].join('\n'), { sampleTypes: CPU });
}

/** B8: `width` distinct leaf functions under one handler, with uneven weights so the node cap has to choose. */
export function widePprof(width: number): Uint8Array {
  const lines: string[] = [];
  for (let i = 0; i < width; i++) {
    lines.push(`main.main;main.handler;leaf.f${String(i).padStart(6, '0')} ${1 + ((i * 7919) % 97)}`);
  }
  return foldedStacks(lines.join('\n'), { sampleTypes: CPU });
}
