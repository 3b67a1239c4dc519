/**
 * ESLint's "compact" output: one line per message, then the count —
 *   notes/a.md: line 3, col 5, Error - The note must record next steps. (require-next-steps)
 *
 *   1 problem
 * Paths are shown as stylish shows them (relative to the working folder when below it); infos read
 * "Info"; a message's line breaks become spaces so that each problem stays on one line, and the path,
 * message and rule id are then escaped for the terminal (`\x1b`, `\n`…). A clean run prints nothing.
 */
import { displayPath } from '../../workspace/paths.js';
import type { LintMessage } from '../results.js';
import { visible } from './terminal-text.js';
import type { Formatter } from './types.js';

export const compact: Formatter = (results, context) => {
  let out = '';
  let total = 0;
  for (const result of results) {
    const file = visible(displayPath(result.filePath, context.cwd));
    for (const m of result.messages) {
      total++;
      const rule = m.ruleId ? ` (${visible(m.ruleId)})` : '';
      out += `${file}: line ${m.line || 0}, col ${m.column || 0}, ${kind(m)} - ${visible(oneLine(m.message))}${rule}\n`;
    }
  }
  if (total > 0) out += `\n${total} problem${total === 1 ? '' : 's'}\n`;
  return out;
};

function kind(m: LintMessage): 'Error' | 'Warning' | 'Info' {
  if (m.fatal || m.severity === 2) return 'Error';
  return m.level === 'info' ? 'Info' : 'Warning';
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/gu, ' ');
}
