/**
 * One note of a CLI run, from its bytes to its result: too large, found in the cache, linted, or fixed
 * (and then written, shown, or handed to standard output). Each step is its own method; the threads
 * are the workspace's (workspace/run-notes.ts).
 */
import type { Diagnostic, ResolvedConfig } from '../core/engine/types.js';
import { describeFsError } from '../workspace/config-files.js';
import { willFix, type FixOutcome } from '../workspace/fix-note.js';
import { tooLarge } from '../workspace/note-size.js';
import type { ResolvedConfigs } from '../workspace/resolved-configs.js';
import type { NoteRunner } from '../workspace/run-notes.js';
import type { LintCache } from './cache.js';
import { STDIN_PATH } from './gather.js';
import type { LintJob } from './lint-files.js';
import { fileMessage, makeResult, messageFromDiagnostic, type LintMessage, type LintResult } from './results.js';
import { FileChangedError, ReadOnlyError, writeFileAtomic } from './write-file.js';

export interface ProcessOptions {
  /** `--fix` (write) or `--fix-dry-run` (show). */
  fix: boolean;
  fixDryRun: boolean;
  /** `--quiet`: fix errors only. */
  quiet: boolean;
  /** The note comes from standard input (`--stdin`): the fixed bytes go to standard output. */
  stdin: boolean;
}

export class NoteProcessor {
  /** `--stdin --fix`: the fixed note's bytes (the input itself when nothing changed). */
  stdinOutput?: Uint8Array;

  constructor(
    private readonly options: ProcessOptions,
    private readonly runner: NoteRunner,
    private readonly configs: ResolvedConfigs,
    private readonly version: string,
    private readonly cache: LintCache | undefined,
  ) {}

  private get fixing(): boolean {
    return this.options.fix || this.options.fixDryRun;
  }

  /** The result of one note's bytes (a throw is reported by lintFiles as a crash on the note). */
  readonly process = async (job: LintJob, bytes: Uint8Array): Promise<LintResult> => {
    const large = tooLarge(bytes.length, job.config.maxNoteBytes);
    if (large) return makeResult(job.path, [fileMessage(large, 'warning')]);
    const key = this.keyOf(job.config, bytes);
    const cached = this.cached(job, key);
    if (cached) return cached;
    return this.fixing ? this.fix(job, bytes, key) : this.lint(job, bytes, key);
  };

  /** The stored result, unless the run fixes and the stored problems hold a fix to apply. */
  private cached(job: LintJob, key: string): LintResult | undefined {
    const messages = this.cache?.get(job.path, key);
    if (!messages) return undefined;
    const needsFixing = (m: LintMessage) => m.fix !== undefined && willFix(severityOf(m), this.options.quiet);
    return this.fixing && messages.some(needsFixing) ? undefined : makeResult(job.path, messages);
  }

  private async lint(job: LintJob, bytes: Uint8Array, key: string): Promise<LintResult> {
    const result = resultOf(job.path, await this.runner.check(bytes, lintPath(job), job.config));
    this.cache?.set(job.path, key, result.messages);
    return result;
  }

  private async fix(job: LintJob, bytes: Uint8Array, key: string): Promise<LintResult> {
    const outcome = await this.runner.fix(bytes, lintPath(job), job.config, this.options.quiet);
    const result = resultOf(job.path, outcome.diagnostics);
    if (this.options.stdin) this.stdinOutput = outcome.bytes;
    if (!outcome.changed) {
      this.cache?.set(job.path, key, result.messages);
      return result;
    }
    // Shown, not written: a dry run, standard input (its fixed text is the output) or staged content (not the file's).
    if (this.options.stdin) return this.options.fixDryRun ? { ...result, output: textWithBom(outcome.bytes) } : result;
    if (this.options.fixDryRun || job.content !== undefined) return { ...result, output: textWithBom(outcome.bytes) };
    return this.write(job, bytes, outcome, result);
  }

  /** Writes the fixed note if it is still what was read; if not written, the note as it is, and why. */
  private async write(job: LintJob, bytes: Uint8Array, outcome: FixOutcome, result: LintResult): Promise<LintResult> {
    try {
      await writeFileAtomic(job.path, outcome.bytes, { expectedContent: bytes });
    } catch (error) {
      const why =
        error instanceof FileChangedError
          ? 'The file changed while notelint was fixing it: the fixes were not written.'
          : error instanceof ReadOnlyError
            ? 'Cannot write the fix: the file is read-only.'
            : `Cannot write the fixed file: ${describeFsError(error)}.`;
      const unfixed = resultOf(job.path, await this.runner.check(bytes, lintPath(job), job.config));
      return makeResult(job.path, [...unfixed.messages, fileMessage(why, 'fatal')]);
    }
    this.cache?.set(job.path, this.keyOf(job.config, outcome.bytes), result.messages);
    return result;
  }

  /** The note's `--cache` key; none without a cache. */
  private keyOf(config: ResolvedConfig, bytes: Uint8Array): string {
    return this.cache ? this.configs.cacheKey(bytes, config, this.version) : '';
  }
}

/** The path the engine is told (for a date in the file name): none for unnamed standard input. */
function lintPath(job: LintJob): string | undefined {
  return job.path === STDIN_PATH ? undefined : job.path;
}

function resultOf(file: string, diagnostics: readonly Diagnostic[]): LintResult {
  return makeResult(file, diagnostics.map(messageFromDiagnostic));
}

function severityOf(m: LintMessage): Diagnostic['severity'] {
  return m.severity === 2 ? 'error' : m.level === 'info' ? 'info' : 'warn';
}

/** A note's bytes as ESLint's `output`: the text, with its BOM. */
function textWithBom(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
