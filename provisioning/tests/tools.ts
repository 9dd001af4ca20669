/**
 * External tools the provisioning tests drive (promtool from Debian's prometheus package, the Go toolchain).
 * Missing locally → those tests are SKIPPED (reported as skipped, never as passed). Missing with CI=true → FAIL.
 */
import { spawnSync } from 'node:child_process';

export function hasTool(bin: string): boolean {
  return (
    spawnSync(bin, ['--version'], { encoding: 'utf8' }).status === 0 ||
    spawnSync(bin, ['version'], { encoding: 'utf8' }).status === 0
  );
}

export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** describe() when the tool exists; otherwise describe.skip, plus a failing test in CI. */
export function describeWithTool(bin: string, hint: string, name: string, body: () => void): void {
  if (hasTool(bin)) {
    describe(name, body);
    return;
  }
  if (IN_CI) {
    describe(name, () => {
      it(`needs ${bin} (CI=true): ${hint}`, () => {
        throw new Error(`${bin} not found on PATH; ${hint}`);
      });
    });
    return;
  }
  describe.skip(`${name} [skipped: ${bin} not on PATH — ${hint}]`, body);
}

export function run(bin: string, args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(bin, args, { encoding: 'utf8', cwd: opts.cwd, input: opts.input, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}
