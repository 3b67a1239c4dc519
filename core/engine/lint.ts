import { buildNote } from '../model/build-note.js';
import { positionAt } from '../text/lines.js';
import { suppressed } from './suppress.js';
import type { Diagnostic, LintInput, LintResult, ResolvedConfig, Rule } from './types.js';

/**
 * Lints one note with the rules it is given. Pure: no I/O, no clock, no environment. Never throws on
 * any input text; a rule that throws becomes one diagnostic naming it, and the other rules still run.
 */
export function lintWith(registry: readonly Rule[], input: LintInput, config: ResolvedConfig): LintResult {
  const text = !input.bomRemoved && input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
  const note = buildNote(text, {
    path: input.path,
    seller: config.seller,
    locale: config.locale,
    timezone: config.timezone,
    vocabulary: config.vocabulary,
    logs: config.logs,
    memo: input.memo,
  });
  input.memo?.endLint();
  const diagnostics: Diagnostic[] = [];
  for (const rule of registry) {
    const setting = config.rules.get(rule.meta.id);
    if (!setting || setting.severity === 'off') continue;
    if (rule.meta.scope === 'customer-meeting' && !note.isCustomerMeeting) continue;
    const severity = setting.severity;
    const found = diagnostics.length;
    try {
      checkRule(rule, severity, setting.options);
    } catch (error) {
      // What the rule reported before it failed is dropped: it may be half a finding.
      diagnostics.length = found;
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push({
        ruleId: rule.meta.id,
        severity: 'error',
        message: `The rule ${rule.meta.id} failed on this note (a bug in notelint: please report it): ${reason.split('\n')[0]}. The other rules still ran.`,
        start: 0,
        end: 0,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      });
    }
  }
  diagnostics.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return { diagnostics, note };

  function checkRule(rule: Rule, severity: Diagnostic['severity'], options: Record<string, unknown>): void {
    rule.check({
      note,
      options,
      vocabulary: config.vocabulary,
      report({ start, end, message, fix }) {
        const s = Math.max(0, Math.min(start, text.length));
        const e = Math.max(s, Math.min(end, text.length));
        const from = positionAt(note.lineStarts, text, s);
        if (suppressed(note, rule.meta.id, s, from.line)) return;
        const to = positionAt(note.lineStarts, text, e);
        diagnostics.push({
          ruleId: rule.meta.id,
          severity,
          message,
          start: s,
          end: e,
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column,
          ...(fix ? { fix } : {}),
        });
      },
    });
  }
}
