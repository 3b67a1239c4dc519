/**
 * ESLint's "stylish" output: each file with problems (path underlined), then one aligned row per
 * message — `line:col  severity  message  rule-id` — and a summary. A clean run prints nothing.
 * Note-derived text (path, message, rule id) is escaped for the terminal before the columns are sized.
 */
import pc from 'picocolors';
import { displayPath } from '../../workspace/paths.js';
import { totals, type LintMessage } from '../results.js';
import { visible } from './terminal-text.js';
import type { Formatter } from './types.js';

export const stylish: Formatter = (results, context) => {
  const c = pc.createColors(context.color);
  const t = totals(results);
  const problems = t.errors + t.warnings + t.infos;
  if (problems === 0) return '';

  let out = '\n';
  for (const result of results) {
    if (result.messages.length === 0) continue;
    out += `${c.underline(visible(displayPath(result.filePath, context.cwd)))}\n`;
    const rows = result.messages.map((m) => ({
      line: String(m.line || 0),
      column: String(m.column || 0),
      kind: kindOf(m),
      message: visible(oneLine(m.message)),
      rule: visible(m.ruleId ?? ''),
    }));
    const width = { line: 0, column: 0, kind: 0, message: 0 };
    for (const r of rows) {
      width.line = Math.max(width.line, r.line.length);
      width.column = Math.max(width.column, r.column.length);
      width.kind = Math.max(width.kind, r.kind.length);
      width.message = Math.max(width.message, r.message.length);
    }
    for (const r of rows) {
      const position = c.dim(`${r.line.padStart(width.line)}:${r.column.padEnd(width.column)}`);
      const kind = paint(c, r.kind)(r.kind.padEnd(width.kind));
      const cells = [`  ${position}`, kind, r.rule ? r.message.padEnd(width.message) : r.message];
      if (r.rule) cells.push(c.dim(r.rule));
      out += `${cells.join('  ')}\n`;
    }
    out += '\n';
  }

  const counts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
  if (t.infos > 0) counts.push(plural(t.infos, 'info'));
  const summary = `✖ ${plural(problems, 'problem')} (${counts.join(', ')})`;
  const tone = t.errors > 0 ? c.red : t.warnings > 0 ? c.yellow : c.blue;
  out += `${c.bold(tone(summary))}\n`;
  if (t.fixable > 0) out += `${c.bold(tone(`  ${plural(t.fixable, 'problem')} fixable with --fix.`))}\n`;
  out += '\n';
  return out;
};

type Kind = 'error' | 'warning' | 'info';

function kindOf(m: LintMessage): Kind {
  if (m.severity === 2) return 'error';
  return m.level === 'info' ? 'info' : 'warning';
}

function paint(c: ReturnType<typeof pc.createColors>, kind: string): (text: string) => string {
  if (kind === 'error') return c.red;
  if (kind === 'warning') return c.yellow;
  return c.blue;
}

/** One row per message: line breaks become spaces, and a final period is dropped, as in ESLint. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').replace(/([^ ])\.$/u, '$1');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
