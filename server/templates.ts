import { formatDay, workdayAfter } from '../core/dates/calendar.js';
import { lineEndAt } from '../core/text/lines.js';
import type { Note } from '../core/model/types.js';
import type { Vocabulary } from '../core/vocabulary/types.js';

/** Text to insert at an offset of the note (offsets without a byte-order mark). */
export interface Insertion {
  offset: number;
  text: string;
}

/** "- [ ] Dana to [their step] by Mon Nov 23": an item for the client, to be completed by the seller. */
export function clientActionTemplate(note: Note, vocabulary: Vocabulary): Insertion {
  const who = note.roster.buyer[0]?.name.split(' ')[0] ?? note.account ?? 'The client';
  return intoNextSteps(note, vocabulary, `${who} to [their step] by ${suggestedDay(note, 3)}`);
}

/** "- [ ] Next meeting: Tue Dec 1 at 10:00 with Dana, [agenda]": a dated next event. */
export function nextEventTemplate(note: Note, vocabulary: Vocabulary): Insertion {
  const who = note.roster.buyer[0]?.name.split(' ')[0];
  return intoNextSteps(note, vocabulary, `Next meeting: ${suggestedDay(note, 7)} at 10:00${who ? ` with ${who}` : ''}, [agenda]`);
}

/** A weekday at least `days` after the meeting; a placeholder (not a date) when the note has no meeting date. */
function suggestedDay(note: Note, days: number): string {
  return note.meeting.date ? formatDay(workdayAfter(note.meeting.date, days)) : '[day]';
}

/** A list item's marker at the start of a line: indent, then `-`, `*`, `+` or a number with `.` or `)`. */
const LIST_ITEM = /^([ \t]*)(?:([-*+])|(\d{1,9})([.)]))[ \t]+/;

/**
 * Adds an open task item to the next steps: at the end of the Next steps section (in the style of
 * its first list, numbered lists continued), else after the items under a "**Next steps:**" label,
 * else in a new "## Next steps" section at the end of the note.
 */
function intoNextSteps(note: Note, vocabulary: Vocabulary, item: string): Insertion {
  const { text } = note;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const heading = note.nextStepsHeading;
  if (heading) {
    const next = note.headings.find((h) => h.start > heading.start && h.depth <= heading.depth);
    return afterLines(text, heading.end, trimmedEnd(text, next ? next.start : text.length, heading.end), item, eol);
  }
  const label = labelledItems(note, vocabulary);
  if (label) return afterLines(text, label.start, label.end, item, eol);
  const end = trimmedEnd(text, text.length);
  const lead = end === 0 ? '' : `${eol}${eol}`;
  return { offset: end, text: `${lead}## Next steps${eol}${eol}- [ ] ${item}${end === text.length ? eol : ''}` };
}

/** The lines of the list right below a "Next steps:" label line (bold or not), if the note has one. */
function labelledItems(note: Note, vocabulary: Vocabulary): { start: number; end: number } | undefined {
  const { text } = note;
  for (const item of note.actionItems) {
    if (item.source === 'table' || item.source === 'prose') continue;
    const itemLine = text.lastIndexOf('\n', item.start - 1) + 1;
    const before = text.slice(0, itemLine).trimEnd();
    const label = before
      .slice(before.lastIndexOf('\n') + 1)
      .replace(/[*_]/g, '')
      .trim();
    if (label.length > 40 || !label.endsWith(':') || !vocabulary.has('nextStepsHeadings', label)) continue;
    let last = item;
    for (const next of note.actionItems)
      if (
        next.start > last.start &&
        next.source !== 'table' &&
        next.source !== 'prose' &&
        !/\n[ \t]*\r?\n(?![ \t])/.test(text.slice(last.end, next.start))
      )
        last = next;
    return { start: itemLine, end: trimmedEnd(text, lineEndAt(text, last.end)) };
  }
  return undefined;
}

/** The item after the lines text[from, to): in their first list's style (task box or not), or as a new task list after a blank line. */
function afterLines(text: string, from: number, to: number, item: string, eol: string): Insertion {
  const lines = text.slice(from, to).split('\n');
  const items = lines.map((line) => LIST_ITEM.exec(line)).filter((m): m is RegExpExecArray => m !== null);
  const first = items[0];
  if (!first || (!LIST_ITEM.test(lines[lines.length - 1]) && !/^[ \t]/.test(lines[lines.length - 1]))) {
    return { offset: to, text: `${eol}${eol}- [ ] ${item}` };
  }
  const [, indent, bullet, , delimiter] = first;
  const numbers = items.filter((m) => m[1] === indent && m[3] !== undefined).map((m) => Number(m[3]));
  const marker = bullet ?? `${Math.max(0, ...numbers) + 1}${delimiter}`;
  const box = /^\[[ xX]\][ \t]/.test(first.input.slice(first[0].length)) ? '[ ] ' : '';
  return { offset: to, text: `${eol}${indent}${marker} ${box}${item}` };
}

/** The offset after the last non-blank character before `end` (never before `floor`). */
function trimmedEnd(text: string, end: number, floor = 0): number {
  let at = end;
  while (at > floor && /\s/.test(text[at - 1])) at--;
  return at;
}
