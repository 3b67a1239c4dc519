import type { Note } from '../model/types.js';
import { positionAt } from '../text/lines.js';

/** Whether inline comments or front matter turn a rule off at an offset (SPEC 2.3). */
export function suppressed(note: Note, ruleId: string, offset: number, line: number): boolean {
  if (note.disabledRules === 'all' || note.disabledRules.includes(ruleId)) return true;
  let off = false;
  for (const d of note.directives) {
    if (d.rules.length && !d.rules.includes(ruleId)) continue;
    const dLine = positionAt(note.lineStarts, note.text, d.start).line;
    if (d.kind === 'disable-line' && dLine === line) return true;
    if (d.kind === 'disable-next-line' && positionAt(note.lineStarts, note.text, d.end).line + 1 === line) return true;
    if (d.start > offset) continue;
    if (d.kind === 'disable') off = true;
    else if (d.kind === 'enable') off = false;
  }
  return off;
}
