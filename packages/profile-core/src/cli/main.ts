/**
 * `hotpath` CLI. Writes results to stdout; on bad input prints ONE line "hotpath: <reason>" to stderr and exits
 * non-zero (1 bad input, 2 usage, 3 regression over --fail-over). Output of --json is documented in README.md.
 */
import { readFileSync } from 'fs';
import { decodeProfile } from '../pprof/decodeProfile';
import { ProfileError } from '../model/ProfileError';
import type { Profile } from '../model/Profile';
import { topTable } from '../transform/topTable';
import { diffProfiles, type DiffMode } from '../transform/diffProfiles';
import { foldedLines } from '../transform/foldedLines';
import { findSuspects } from '../transform/findSuspects';
import { formatValue } from '../format/formatValue';
import { type StackFilter, toRegExp } from '../transform/StackFilter';

const USAGE = `usage:
  hotpath top FILE [-n N] [--sample-type T] [FILTER] [--json]
  hotpath diff BASE NEW [--relative|--absolute] [--sample-type T] [-n N] [--fail-over PCT] [FILTER] [--json]
  hotpath folded FILE [--sample-type T] [FILTER]
  hotpath suspects BASE NEW [--relative|--absolute] [--sample-type T] [FILTER] [--json]
FILTER (as go tool pprof; regexes match function names, file names and mapping files):
  --focus RE  --ignore RE  --hide RE  --tagfocus KEY=RE (repeatable: every one must match)`;

class UsageError extends Error {}

interface Args {
  positional: string[];
  n?: number;
  sampleType?: string;
  json: boolean;
  mode: DiffMode;
  failOver?: number;
  filter?: StackFilter;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { positional: [], json: false, mode: 'relative' };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) {
        throw new UsageError(`${x} needs a value`);
      }
      return v;
    };
    if (x === '-n' || x === '--nodecount') {
      const n = Number(value());
      if (!Number.isInteger(n) || n <= 0) {
        throw new UsageError('-n needs a positive integer');
      }
      a.n = n;
    } else if (x === '--sample-type' || x === '-t') {
      a.sampleType = value();
    } else if (x.startsWith('--sample-type=')) {
      a.sampleType = x.slice('--sample-type='.length);
    } else if (x === '--json') {
      a.json = true;
    } else if (x === '--relative') {
      a.mode = 'relative';
    } else if (x === '--absolute') {
      a.mode = 'absolute';
    } else if (x === '--fail-over') {
      a.failOver = Number(value());
      if (!Number.isFinite(a.failOver)) {
        throw new UsageError('--fail-over needs a number (percent of the comparison total)');
      }
    } else if (x === '--focus' || x === '--ignore' || x === '--hide') {
      const key = x.slice(2) as 'focus' | 'ignore' | 'hide';
      a.filter = { ...a.filter, [key]: toRegExp(value(), key) };
    } else if (x === '--tagfocus') {
      const v = value();
      const eq = v.indexOf('=');
      if (eq <= 0) {
        throw new UsageError('--tagfocus needs KEY=REGEX, e.g. --tagfocus route=^/checkout$');
      }
      const labels = { ...a.filter?.labels, [v.slice(0, eq)]: toRegExp(v.slice(eq + 1), 'tagfocus') ?? /^$/ };
      a.filter = { ...a.filter, labels };
    } else if (x.startsWith('-') && x !== '-') {
      throw new UsageError(`unknown option ${x}`);
    } else {
      a.positional.push(x);
    }
  }
  return a;
}

function load(file: string): Profile {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file === '-' ? 0 : file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ProfileError('BAD_ARGUMENT', `${file}: cannot read (${code ?? String(e)})`);
  }
  try {
    const p = decodeProfile(bytes);
    // Warnings go to stderr so --json output stays parseable; a CI log still shows them.
    for (const w of p.warnings) {
      process.stderr.write(`hotpath: warning: ${file}: ${w.message} [${w.code}]\n`);
    }
    return p;
  } catch (e) {
    if (e instanceof ProfileError) {
      throw new ProfileError(e.code, `${file}: ${e.message}`);
    }
    throw e;
  }
}

const pct = (v: number, total: number) => (total === 0 ? 0 : (v / Math.abs(total)) * 100);
const out = (s: string) => process.stdout.write(s);

function need(a: Args, n: number, cmd: string) {
  if (a.positional.length !== n) {
    throw new UsageError(`${cmd} takes ${n === 1 ? 'one file' : 'two files'}`);
  }
}

export function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  try {
    if (!cmd || cmd === '-h' || cmd === '--help' || cmd === 'help') {
      out(USAGE + '\n');
      return cmd ? 0 : 2;
    }
    const a = parseArgs(rest);
    switch (cmd) {
      case 'top': {
        need(a, 1, 'top');
        const p = load(a.positional[0]);
        const t = topTable(p, { sampleType: a.sampleType, filter: a.filter });
        const rows = t.rows.slice(0, a.n ?? 20);
        if (a.json) {
          out(
            JSON.stringify(
              {
                file: a.positional[0],
                sampleType: t.sampleType,
                total: t.total,
                rows: rows.map((r) => ({ ...r, flatPercent: pct(r.flat, t.total), cumPercent: pct(r.cum, t.total) })),
              },
              null,
              2
            ) + '\n'
          );
        } else {
          const u = t.sampleType.unit;
          out(`Type: ${t.sampleType.type} (${u}); total ${formatValue(t.total, u)}; showing ${rows.length} of ${t.rows.length} functions\n`);
          out(`${'flat'.padStart(10)} ${'flat%'.padStart(7)} ${'sum%'.padStart(7)} ${'cum'.padStart(10)} ${'cum%'.padStart(7)}  name\n`);
          let sum = 0;
          for (const r of rows) {
            sum += r.flat;
            out(
              `${formatValue(r.flat, u).padStart(10)} ${pct(r.flat, t.total).toFixed(2).padStart(6)}% ${pct(sum, t.total).toFixed(2).padStart(6)}% ${formatValue(r.cum, u).padStart(10)} ${pct(r.cum, t.total).toFixed(2).padStart(6)}%  ${r.name}\n`
            );
          }
        }
        return 0;
      }
      case 'diff': {
        need(a, 2, 'diff');
        const base = load(a.positional[0]);
        const comp = load(a.positional[1]);
        const d = diffProfiles(base, comp, { sampleType: a.sampleType, mode: a.mode, filter: a.filter });
        const n = a.n ?? 20;
        const worst = d.regressions[0];
        const worstShare = worst ? pct(worst.deltaFlat, d.totalAfter) : 0;
        if (a.json) {
          out(
            JSON.stringify(
              {
                base: a.positional[0],
                new: a.positional[1],
                mode: d.mode,
                sampleType: d.sampleType,
                totalBefore: d.totalBefore,
                totalAfter: d.totalAfter,
                scale: d.scale,
                regressions: d.regressions.slice(0, n),
                improvements: d.improvements.slice(0, n),
                newFunctions: d.newFunctions,
                vanishedFunctions: d.vanishedFunctions,
                rows: d.rows.slice(0, n),
              },
              null,
              2
            ) + '\n'
          );
        } else {
          const u = d.sampleType.unit;
          out(
            `Type: ${d.sampleType.type}; ${d.mode} diff; total ${formatValue(d.totalBefore, u)} → ${formatValue(d.totalAfter, u)}` +
              (d.mode === 'relative' ? ` (baseline scaled ×${d.scale.toFixed(3)})` : '') +
              '\n'
          );
          out(`Regressions (flat growth):\n`);
          for (const r of d.regressions.slice(0, n)) {
            const p = r.deltaFlatPercent === null ? 'new' : `${r.deltaFlatPercent >= 0 ? '+' : ''}${r.deltaFlatPercent.toFixed(1)}%`;
            out(`  +${formatValue(r.deltaFlat, u).padEnd(10)} ${p.padStart(8)}  ${r.name}\n`);
          }
          out(`New functions: ${d.newFunctions.length}; vanished: ${d.vanishedFunctions.length}\n`);
        }
        if (a.failOver !== undefined && worstShare > a.failOver) {
          process.stderr.write(
            `hotpath: regression: ${worst.name} grew by ${worstShare.toFixed(2)}% of the total (over --fail-over ${a.failOver})\n`
          );
          return 3;
        }
        return 0;
      }
      case 'folded': {
        need(a, 1, 'folded');
        const p = load(a.positional[0]);
        for (const l of foldedLines(p, { sampleType: a.sampleType, filter: a.filter })) {
          out(l + '\n');
        }
        return 0;
      }
      case 'suspects': {
        need(a, 2, 'suspects');
        const r = findSuspects(load(a.positional[0]), load(a.positional[1]), {
          sampleType: a.sampleType,
          mode: a.mode,
          filter: a.filter,
        });
        if (a.json) {
          out(JSON.stringify({ base: a.positional[0], new: a.positional[1], ...r }, null, 2) + '\n');
        } else if (r.suspects.length === 0) {
          out('No cause grew by more than 1% of the total.\n');
        } else {
          r.suspects.forEach((s, i) => out(`${i + 1}. ${s.why}\n`));
        }
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${cmd}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`hotpath: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof ProfileError) {
      process.stderr.write(`hotpath: ${e.message} [${e.code}]\n`);
      return 1;
    }
    process.stderr.write(`hotpath: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
}

if (require.main === module || process.env.HOTPATH_CLI_MAIN === '1') {
  process.exitCode = main(process.argv.slice(2));
}
