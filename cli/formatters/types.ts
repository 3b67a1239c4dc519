import type { RuleMeta } from '../../core/engine/types.js';
import type { LintResult } from '../results.js';

export interface FormatterContext {
  /** The working folder (formatters may show paths relative to it). */
  cwd: string;
  /** Whether to use ANSI colours. */
  color: boolean;
  /** Metadata of every rule, by id (for documentation links and the like). */
  rulesMeta: ReadonlyMap<string, RuleMeta>;
}

/** Turns lint results into the text written to stdout ("" prints nothing). */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
