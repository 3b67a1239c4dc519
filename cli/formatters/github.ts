/**
 * GitHub Actions workflow commands: one annotation per message,
 *   ::error file=notes/a.md,line=3,col=5,endLine=3,endColumn=12,title=notelint (rule-id)::message
 * (`warning` for warnings, `notice` for infos). Paths are relative to the working folder (the checkout,
 * in a workflow). GitHub takes `col`/`endColumn` only when the annotation starts and ends on one line,
 * so a range over several lines gives `line` and `endLine` alone.
 *
 * Escaping as GitHub's toolkit does it (`@actions/core` `toCommandValue`/`escapeData`/`escapeProperty`):
 * in the message, `%` `\r` `\n`; in property values, those and `:` `,` as well.
 */
import { displayPath, toPosix } from '../../workspace/paths.js';
import type { LintMessage } from '../results.js';
import type { Formatter } from './types.js';

export const github: Formatter = (results, context) => {
  let out = '';
  for (const result of results) {
    const file = toPosix(displayPath(result.filePath, context.cwd));
    for (const m of result.messages) out += `${annotation(file, m)}\n`;
  }
  return out;
};

function annotation(file: string, m: LintMessage): string {
  const properties: [string, string | number][] = [['file', file]];
  const line = Math.max(1, m.line || 1);
  properties.push(['line', line]);
  const oneLine = m.endLine === undefined || m.endLine === line;
  if (oneLine && m.column) properties.push(['col', m.column]);
  if (m.endLine !== undefined) properties.push(['endLine', m.endLine]);
  if (oneLine && m.endLine !== undefined && m.endColumn !== undefined) properties.push(['endColumn', m.endColumn]);
  properties.push(['title', m.ruleId ? `notelint (${m.ruleId})` : 'notelint']);
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${command(m)} ${list}::${escapeData(m.message)}`;
}

function command(m: LintMessage): 'error' | 'warning' | 'notice' {
  if (m.fatal || m.severity === 2) return 'error';
  return m.level === 'info' ? 'notice' : 'warning';
}

export function escapeData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}
