import type { InlayHint, Range } from 'vscode-languageserver';
import { formatDay } from '../core/dates/calendar.js';
import { dateMentions } from './describe.js';
import type { LintedNote } from './note-state.js';

/** The calendar day after each relative date phrase ("Friday" → Fri Nov 20), when the setting asks; none for a day the reader is not sure of ("every Friday"). */
export function inlayHints(linted: LintedNote, range: Range): InlayHint[] {
  if (!linted.settings.inlayHints.relativeDates) return [];
  const from = linted.positions.offset(range.start);
  const to = linted.positions.offset(range.end);
  return dateMentions(linted.result.note)
    .filter((m) => m.relative && m.kind === 'concrete' && m.sure !== false && m.date && m.end >= from && m.start <= to)
    .map((m) => ({
      position: linted.positions.position(m.end),
      label: formatDay(m.date!),
      paddingLeft: true,
      tooltip: m.how,
    }));
}
