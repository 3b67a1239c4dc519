import { fixNote, type FixOutcome } from '../workspace/fix-note.js';
import { lint, resolveConfig } from '../engine/index.js';
import type { ConfigData, Diagnostic, LintResult, Severity } from '../core/engine/types.js';

/** What a note's config is made of (a resolved config holds code, so it is rebuilt where the job runs). */
interface ConfigInputs {
  data?: ConfigData;
  machineTimezone: string;
  ruleOverrides: Record<string, Severity>;
}

/**
 * One note for a lint worker: lint its text (the diagnostics and the Note model, for the server; the
 * diagnostics only, for the CLI), or (for the CLI's --fix) fix its bytes.
 */
export type LintJob = ConfigInputs & { id: number; path?: string } & (
    | { kind?: 'lint'; text: string }
    | { kind: 'check'; text: string }
    | { kind: 'fix'; bytes: Uint8Array; errorsOnly: boolean }
  );

export type LintReply =
  | { id: number; result: LintResult }
  | { id: number; diagnostics: Diagnostic[] }
  | { id: number; fixed: FixOutcome }
  | { id: number; error: string };

/** Runs a job: the same in the worker and, where no worker can start, in the caller's thread. */
export function runLintJob(job: LintJob): { result: LintResult } | { diagnostics: Diagnostic[] } | { fixed: FixOutcome } {
  const config = resolveConfig(job.data, { machineTimezone: job.machineTimezone, ruleOverrides: job.ruleOverrides });
  if (job.kind === 'fix') {
    const lintText = (text: string) => lint({ text, path: job.path }, config).diagnostics;
    return { fixed: fixNote(job.bytes, lintText, { shouldFix: (d) => !job.errorsOnly || d.severity === 'error' }) };
  }
  const result = lint({ text: job.text, path: job.path }, config);
  // The CLI needs no Note model: copying it out of the worker would cost more than the lint.
  return job.kind === 'check' ? { diagnostics: result.diagnostics } : { result };
}
