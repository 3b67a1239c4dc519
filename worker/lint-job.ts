import { fixNote, type FixOutcome } from '../cli/fix.js';
import { resolveConfig } from '../core/engine/config.js';
import { lint } from '../core/engine/lint.js';
import type { ConfigData, LintResult, Severity } from '../core/engine/types.js';

/** What a note's config is made of (a resolved config holds code, so it is rebuilt where the job runs). */
interface ConfigInputs {
  data?: ConfigData;
  machineTimezone: string;
  ruleOverrides: Record<string, Severity>;
}

/** One note for the lint worker: lint its text, or (for the CLI's --fix) fix its bytes. */
export type LintJob = ConfigInputs & { id: number; path?: string } & (
    | { kind?: 'lint'; text: string }
    | { kind: 'fix'; bytes: Uint8Array; errorsOnly: boolean }
  );

export type LintReply = { id: number; result: LintResult } | { id: number; fixed: FixOutcome } | { id: number; error: string };

/** Runs a job: the same in the worker and, where no worker can start, in the caller's thread. */
export function runLintJob(job: LintJob): { result: LintResult } | { fixed: FixOutcome } {
  const config = resolveConfig(job.data, { machineTimezone: job.machineTimezone, ruleOverrides: job.ruleOverrides });
  if (job.kind === 'fix') {
    const lintText = (text: string) => lint({ text, path: job.path }, config).diagnostics;
    return { fixed: fixNote(job.bytes, lintText, { shouldFix: (d) => !job.errorsOnly || d.severity === 'error' }) };
  }
  return { result: lint({ text: job.text, path: job.path }, config) };
}
