/**
 * Lint results in ESLint's shape (the formatters' input), built from the engine's diagnostics, plus
 * file-level problems (a file that cannot be read, an engine crash, a file ignored on purpose).
 */
import type { Diagnostic, Fix } from '../core/engine/types.js';

export interface LintMessage {
  /** null for a problem with the file itself rather than a rule. */
  ruleId: string | null;
  /** ESLint's numbers: 2 error, 1 warning (and info, told apart by `level`). */
  severity: 1 | 2;
  /** Present on info messages only, so that they can be told from warnings. */
  level?: 'info';
  /** The file could not be linted at all. */
  fatal?: true;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: Fix;
}

export interface LintResult {
  /** Absolute path. */
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  /** Warnings only (not infos). */
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fixableInfoCount: number;
  /** The engine threw on this file: a bug, reported as a crash (exit code 2). */
  crashed?: boolean;
  /** `--fix-dry-run` (and `--fix` on standard input): the fixed text, only when fixes changed it (ESLint's `output`). */
  output?: string;
}

export function messageFromDiagnostic(d: Diagnostic): LintMessage {
  const message: LintMessage = {
    ruleId: d.ruleId,
    severity: d.severity === 'error' ? 2 : 1,
    ...(d.severity === 'info' ? { level: 'info' as const } : {}),
    message: d.message,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
  };
  if (d.fix) message.fix = { range: [d.fix.range[0], d.fix.range[1]], text: d.fix.text };
  return message;
}

/** A problem with the file as a whole (ESLint's fatal message shape), at 1:1. */
export function fileMessage(message: string, kind: 'fatal' | 'warning'): LintMessage {
  return kind === 'fatal'
    ? { ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }
    : { ruleId: null, severity: 1, message, line: 1, column: 1 };
}

export function makeResult(filePath: string, messages: LintMessage[], crashed = false): LintResult {
  const sorted = [...messages].sort((a, b) => a.line - b.line || a.column - b.column);
  const result: LintResult = {
    filePath,
    messages: sorted,
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    infoCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fixableInfoCount: 0,
  };
  if (crashed) result.crashed = true;
  for (const m of sorted) {
    if (m.severity === 2) {
      result.errorCount++;
      if (m.fatal) result.fatalErrorCount++;
      if (m.fix) result.fixableErrorCount++;
    } else if (m.level === 'info') {
      result.infoCount++;
      if (m.fix) result.fixableInfoCount++;
    } else {
      result.warningCount++;
      if (m.fix) result.fixableWarningCount++;
    }
  }
  return result;
}

/** `--quiet`: errors only. */
export function errorsOnly(result: LintResult): LintResult {
  const quiet = makeResult(
    result.filePath,
    result.messages.filter((m) => m.severity === 2),
    result.crashed,
  );
  if (result.output !== undefined) quiet.output = result.output;
  return quiet;
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  crashed: number;
}

export function totals(results: readonly LintResult[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0, fixable: 0, crashed: 0 };
  for (const r of results) {
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.infos += r.infoCount;
    t.fixable += r.fixableErrorCount + r.fixableWarningCount + r.fixableInfoCount;
    if (r.crashed) t.crashed++;
  }
  return t;
}
