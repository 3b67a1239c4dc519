import { formatDay, workdayAfter } from '../core/dates/calendar.js';
import type { Note } from '../core/model/types.js';

/** Text to insert at an offset of the note (offsets without a byte-order mark). */
export interface Insertion {
  offset: number;
  text: string;
}

/** "- [ ] Dana to [their step] by Mon Nov 23": an item for the client, to be completed by the seller. */
export function clientActionTemplate(note: Note): Insertion {
  const who = note.roster.buyer[0]?.name.split(' ')[0] ?? note.account ?? 'The client';
  return intoNextSteps(note, `${who} to [their step] by ${suggestedDay(note, 3)}`);
}

/** "- [ ] Next meeting: Tue Dec 1 at 10:00 with Dana, [agenda]": a dated next event. */
export function nextEventTemplate(note: Note): Insertion {
  const who = note.roster.buyer[0]?.name.split(' ')[0];
  return intoNextSteps(note, `Next meeting: ${suggestedDay(note, 7)} at 10:00${who ? ` with ${who}` : ''}, [agenda]`);
}

/** A weekday at least `days` after the meeting; a placeholder when the note has no meeting date. */
function suggestedDay(note: Note, days: number): string {
  return note.meeting.date ? formatDay(workdayAfter(note.meeting.date, days)) : '[day, e.g. Tue Dec 1]';
}

/**
 * Adds an open task item at the end of the Next steps section, after its last item, in the section's
 * own bullet style; creates a "## Next steps" section at the end of the note when there is none.
 */
function intoNextSteps(note: Note, item: string): Insertion {
  const { text } = note;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const heading = note.nextStepsHeading;
  if (!heading) {
    const end = trimmedEnd(text, text.length);
    const lead = end === 0 ? '' : `${eol}${eol}`;
    return { offset: end, text: `${lead}## Next steps${eol}${eol}- [ ] ${item}${end === text.length ? eol : ''}` };
  }
  const next = note.headings.find((h) => h.start > heading.start && h.depth <= heading.depth);
  const sectionEnd = trimmedEnd(text, next ? next.start : text.length, heading.end);
  const body = text.slice(heading.end, sectionEnd);
  const lastLine = body.slice(body.lastIndexOf('\n') + 1);
  const bullet = /^(\s*)([-*+])\s+(?:\[[ xX]\]\s+)?/.exec(lastLine);
  const prefix = bullet ? `${bullet[1]}${bullet[2]} [ ] ` : '- [ ] ';
  const gap = bullet ? eol : `${eol}${eol}`;
  return { offset: sectionEnd, text: `${gap}${prefix}${item}` };
}

/** The offset after the last non-blank character before `end` (never before `floor`). */
function trimmedEnd(text: string, end: number, floor = 0): number {
  let at = end;
  while (at > floor && /\s/.test(text[at - 1])) at--;
  return at;
}
