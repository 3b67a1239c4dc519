import { rules } from '../../rules/index.js';
import { buildNote } from '../model/build-note.js';
import { positionAt } from '../text/lines.js';
import { suppressed } from './suppress.js';
import type { Diagnostic, LintInput, LintResult, ResolvedConfig } from './types.js';

/** Lints one note. Pure: no I/O, no clock, no environment. Never throws on any input text. */
export function lint(input: LintInput, config: ResolvedConfig): LintResult {
  const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
  const note = buildNote(text, {
    path: input.path,
    seller: config.seller,
    locale: config.locale,
    timezone: config.timezone,
    vocabulary: config.vocabulary,
    logs: config.logs,
  });
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = config.rules.get(rule.meta.id);
    if (!setting || setting.severity === 'off') continue;
    if (rule.meta.scope === 'customer-meeting' && !note.isCustomerMeeting) continue;
    const severity = setting.severity;
    rule.check({
      note,
      options: setting.options,
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
  diagnostics.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return { diagnostics, note };
}
