/**
 * ESLint's JSON result shape: one entry per linted file (even without messages) —
 * {filePath, messages:[{ruleId, severity, message, line, column, endLine, endColumn, fix?}], errorCount,
 * fatalErrorCount, warningCount, fixableErrorCount, fixableWarningCount, usedDeprecatedRules, output?}
 * (`output`: the fixed text, with --fix-dry-run).
 * Infos have severity 1 like warnings, with `"level": "info"`; they are not counted as warnings.
 */
import type { LintMessage, LintResult } from '../results.js';
import type { Formatter } from './types.js';

export const json: Formatter = (results) => `${JSON.stringify(results.map(toEslintResult))}\n`;

function toEslintResult(result: LintResult) {
  return {
    filePath: result.filePath,
    messages: result.messages.map(toEslintMessage),
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    usedDeprecatedRules: [] as never[],
    ...(result.output !== undefined ? { output: result.output } : {}),
  };
}

function toEslintMessage(m: LintMessage) {
  return {
    ruleId: m.ruleId,
    ...(m.fatal ? { fatal: true } : {}),
    severity: m.severity,
    ...(m.level ? { level: m.level } : {}),
    message: m.message,
    line: m.line,
    column: m.column,
    ...(m.endLine !== undefined ? { endLine: m.endLine, endColumn: m.endColumn } : {}),
    ...(m.fix ? { fix: m.fix } : {}),
  };
}
