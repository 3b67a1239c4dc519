/**
 * Bulk suppressions, as in ESLint 9: `--suppress-all` records every current problem, per file and rule,
 * in `notelint-suppressions.json`; later runs leave out up to that many problems of that rule in that
 * file, so a team can adopt notelint on an old notes repository and hold new notes (and new problems in
 * old ones) to the rules. `--prune-suppressions` lowers the counts to what still occurs.
 *
 * The file (keys: paths relative to the working folder with "/" separators, then rule ids):
 *
 *   {
 *     "notes/2024-03-01-acme.md": {
 *       "no-vague-follow-up": { "count": 2 },
 *       "require-dated-next-event": { "count": 1 }
 *     }
 *   }
 *
 * When a file has more problems of a rule than recorded, the first ones (in document order) stay
 * suppressed and the rest are reported.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './errors.js';
import { describeFsError } from '../workspace/config-files.js';
import { decodeUtf8, displayPath, toPosix } from '../workspace/paths.js';
import { makeResult, type LintMessage, type LintResult } from './results.js';
import { writeFileAtomic } from './write-file.js';

export const DEFAULT_SUPPRESSIONS_FILE = 'notelint-suppressions.json';

type Counts = Map<string, number>; // rule id → count

export class Suppressions {
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly cwd: string,
    private readonly byFile: Map<string, Counts>,
  ) {}

  /** Reads the suppressions file (none yet: no suppressions). Throws CliError naming it when malformed. */
  static async load(file: string, cwd: string): Promise<Suppressions> {
    const shown = displayPath(file, cwd);
    let text: string;
    try {
      text = decodeUtf8(await readFile(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Suppressions(file, cwd, new Map());
      throw new CliError(`${shown}: cannot read the suppressions file: ${(error as Error).message}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new CliError(`${shown}: the suppressions file is not valid JSON (${(error as Error).message})`);
    }
    const problem = (where: string, what: string) =>
      new CliError(`${shown}: ${where}${what} (the suppressions file maps paths to {"rule-id": {"count": n}})`);
    if (!isObject(data)) throw problem('', 'expected an object');
    const byFile = new Map<string, Counts>();
    for (const [key, rules] of Object.entries(data)) {
      if (!isObject(rules)) throw problem(`"${key}": `, 'expected an object of rule ids');
      const counts: Counts = new Map();
      for (const [ruleId, entry] of Object.entries(rules)) {
        const count = isObject(entry) ? entry.count : undefined;
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
          throw problem(`"${key}"."${ruleId}": `, 'expected {"count": a whole number}');
        }
        if (count > 0) counts.set(ruleId, count);
      }
      if (counts.size > 0) byFile.set(key, counts);
    }
    return new Suppressions(file, cwd, byFile);
  }

  /** The key of a linted file: relative to the working folder, "/" separators. */
  keyOf(filePath: string): string {
    return toPosix(path.relative(this.cwd, filePath));
  }

  /** Leaves out the suppressed problems; counts are recomputed, the rest of the result is kept. */
  apply(result: LintResult): LintResult {
    const counts = this.byFile.get(this.keyOf(result.filePath));
    if (!counts) return result;
    const seen = new Map<string, number>();
    const kept = result.messages.filter((m) => {
      if (m.ruleId === null) return true;
      const n = (seen.get(m.ruleId) ?? 0) + 1;
      seen.set(m.ruleId, n);
      return n > (counts.get(m.ruleId) ?? 0);
    });
    if (kept.length === result.messages.length) return result;
    return withMessages(result, kept);
  }

  /** How many recorded problems of the linted files no longer occur (for a hint to prune). */
  unused(results: readonly LintResult[]): number {
    let unused = 0;
    for (const result of results) {
      const counts = this.byFile.get(this.keyOf(result.filePath));
      if (!counts) continue;
      const current = countByRule(result.messages);
      for (const [ruleId, count] of counts) unused += Math.max(0, count - (current.get(ruleId) ?? 0));
    }
    return unused;
  }

  /** `--suppress-all`: the linted files' entries become their current problem counts. */
  record(results: readonly LintResult[]): void {
    for (const result of results) {
      const key = this.keyOf(result.filePath);
      const current = countByRule(result.messages);
      if (current.size > 0) this.byFile.set(key, current);
      else this.byFile.delete(key);
      this.dirty = true;
    }
  }

  /** `--prune-suppressions`: the linted files' counts are lowered to what still occurs. */
  prune(results: readonly LintResult[]): void {
    for (const result of results) {
      const key = this.keyOf(result.filePath);
      const counts = this.byFile.get(key);
      if (!counts) continue;
      const current = countByRule(result.messages);
      for (const [ruleId, count] of counts) {
        const now = Math.min(count, current.get(ruleId) ?? 0);
        if (now === count) continue;
        if (now === 0) counts.delete(ruleId);
        else counts.set(ruleId, now);
        this.dirty = true;
      }
      if (counts.size === 0) this.byFile.delete(key);
    }
  }

  /** Writes the file (atomically, sorted) when it changed; entries of files that no longer exist go. */
  async save(): Promise<void> {
    const missing = await Promise.all(
      [...this.byFile.keys()].map((key) =>
        stat(path.resolve(this.cwd, key)).then(
          () => undefined,
          () => key,
        ),
      ),
    );
    for (const key of missing) {
      if (key === undefined) continue;
      this.byFile.delete(key);
      this.dirty = true;
    }
    if (!this.dirty) return;
    const data: Record<string, Record<string, { count: number }>> = {};
    for (const key of [...this.byFile.keys()].sort(compare)) {
      const counts = this.byFile.get(key) as Counts;
      data[key] = {};
      for (const ruleId of [...counts.keys()].sort(compare)) data[key][ruleId] = { count: counts.get(ruleId) as number };
    }
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
    this.dirty = false;
  }
}

function countByRule(messages: readonly LintMessage[]): Counts {
  const counts: Counts = new Map();
  for (const m of messages) if (m.ruleId !== null) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
  return counts;
}

function withMessages(result: LintResult, messages: LintMessage[]): LintResult {
  const next = makeResult(result.filePath, messages, result.crashed);
  if (result.output !== undefined) next.output = result.output;
  return next;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Bulk suppressions on a run's results: `--suppress-all` records the problems, `--prune-suppressions`
 * forgets those gone; then the recorded ones are left out of the results. Nothing happens without a
 * suppressions file. `unnamed` is standard input's path (never suppressed).
 */
export async function applySuppressions(
  results: LintResult[],
  options: { suppressionsLocation?: string; suppressAll: boolean; pruneSuppressions: boolean },
  io: { cwd: string; stderr: { write(text: string): unknown } },
  unnamed: string,
): Promise<LintResult[]> {
  const file = path.resolve(io.cwd, options.suppressionsLocation ?? DEFAULT_SUPPRESSIONS_FILE);
  const suppressions = await Suppressions.load(file, io.cwd);
  const linted = results.filter((r) => r.filePath !== unnamed && r.fatalErrorCount === 0);
  if (options.suppressAll || options.pruneSuppressions) {
    if (options.suppressAll) suppressions.record(linted);
    else suppressions.prune(linted);
    try {
      await suppressions.save();
    } catch (error) {
      throw new CliError(`cannot write the suppressions file ${displayPath(file, io.cwd)}: ${describeFsError(error)}`);
    }
  } else {
    const unused = suppressions.unused(linted);
    if (unused > 0) {
      io.stderr.write(
        `notelint: ${unused} suppressed problem${unused === 1 ? ' no longer occurs' : 's no longer occur'}; run with --prune-suppressions to update ${displayPath(file, io.cwd)}.\n`,
      );
    }
  }
  return results.map((r) => (r.filePath === unnamed ? r : suppressions.apply(r)));
}
