import type { Diagnostic, LintResult } from '../core/engine/types.js';
import { lint } from '../engine/index.js';
import { fixNote, type FixOutcome } from '../workspace/fix-note.js';
import { ResolvedConfigs, type ConfigInputs } from '../workspace/resolved-configs.js';
import { memoFor } from './note-memos.js';

/**
 * One note for a lint worker: lint its text (the diagnostics and the Note model, for the server; the
 * diagnostics only, for the CLI), or (for the CLI's --fix) fix its bytes. A resolved config holds
 * compiled vocabulary, so the job carries what it is resolved from.
 */
export type LintJob = ConfigInputs & { id: number; path?: string } & (
    | {
        kind?: 'lint';
        text: string;
        /** An open document's URI: its lints share a NoteMemo. */
        memoKey?: string;
      }
    | { kind: 'check'; text: string }
    | { kind: 'fix'; bytes: Uint8Array; errorsOnly: boolean }
  );

export type LintReply =
  | { id: number; result: LintResult }
  | { id: number; diagnostics: Diagnostic[] }
  | { id: number; fixed: FixOutcome }
  | { id: number; error: string };

/** The configs this thread has resolved: a folder's notes under one config resolve it once per worker. */
const configs = new ResolvedConfigs();

/** Runs a job: the same in the worker and, where no worker can start, in the caller's thread. */
export function runLintJob(job: LintJob): { result: LintResult } | { diagnostics: Diagnostic[] } | { fixed: FixOutcome } {
  const config = configs.get(job);
  if (job.kind === 'fix') {
    const lintText = (text: string) => lint({ text, path: job.path, bomRemoved: true }, config).diagnostics;
    return { fixed: fixNote(job.bytes, lintText, { errorsOnly: job.errorsOnly }) };
  }
  const memo = job.kind !== 'check' && job.memoKey !== undefined ? memoFor(job.memoKey, job.text.length) : undefined;
  const result = lint({ text: job.text, path: job.path, memo }, config);
  // The CLI needs no Note model: copying it out of the worker would cost more than the lint.
  return job.kind === 'check' ? { diagnostics: result.diagnostics } : { result };
}
