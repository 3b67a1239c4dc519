import { resolveConfig } from '../core/engine/config.js';
import { lint } from '../core/engine/lint.js';
import type { ConfigData, LintResult, Severity } from '../core/engine/types.js';

/** One note for the lint worker: its text and what its config is made of (a config itself holds code). */
export interface LintJob {
  id: number;
  text: string;
  path?: string;
  data?: ConfigData;
  machineTimezone: string;
  ruleOverrides: Record<string, Severity>;
}

export type LintReply = { id: number; result: LintResult } | { id: number; error: string };

/** Lints the job's note: the same in the worker and, where no worker can start, in the server's thread. */
export function runLintJob(job: LintJob): LintResult {
  const config = resolveConfig(job.data, { machineTimezone: job.machineTimezone, ruleOverrides: job.ruleOverrides });
  return lint({ text: job.text, path: job.path }, config);
}
