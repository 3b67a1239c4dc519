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
