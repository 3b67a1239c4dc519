import { formatDay, workdayAfter } from '../core/dates/calendar.js';
import type { ActionItem, Meeting, Note } from '../core/model/types.js';

/** Where a note-level problem is shown: the title, else the first line of the body. */
export function noteAnchor(note: Note): { start: number; end: number } {
  if (note.title) return { start: note.title.start, end: note.title.end };
  const from = note.frontMatter ? note.frontMatter.end : 0;
  const rest = note.text.slice(from);
  const lead = rest.length - rest.trimStart().length;
  const start = Math.min(note.text.length, from + lead);
  const lineEnd = note.text.indexOf('\n', start);
  const end = lineEnd < 0 ? note.text.length : lineEnd;
  return { start, end: Math.max(start, end > start && note.text[end - 1] === '\r' ? end - 1 : end) };
}

/** Where a meeting's problem is shown: its section heading in a log, else the note's anchor. */
export function meetingAnchor(note: Note, meeting: Meeting): { start: number; end: number } {
  return meeting.heading ? { start: meeting.heading.start, end: meeting.heading.end } : noteAnchor(note);
}

/** Where a next-steps problem is shown: the meeting's Next steps heading, else its first action item, else the meeting. */
export function nextStepsAnchor(note: Note, meeting: Meeting): { start: number; end: number } {
  if (meeting.nextStepsHeading) return meeting.nextStepsHeading;
  const first = meeting.actionItems[0];
  return first ? { start: first.start, end: first.end } : meetingAnchor(note, meeting);
}

/** "Mary" when the client's roster names someone, else "the client". */
export function clientName(note: Note): string {
  const first = note.roster.buyer[0]?.name.split(' ')[0];
  return first || 'the client';
}

export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `"${t.length > max ? t.slice(0, max - 1) + '…' : t}"`;
}

/** A plausible day to suggest in a message: the first weekday at least `days` after the meeting ("Tue Dec 1"). */
export function exampleDay(meeting: Meeting, days: number): string {
  return meeting.info.date ? formatDay(workdayAfter(meeting.info.date, days)) : 'Tue Dec 1';
}

/** Who holds an item, for a message: "Mary" (a person or a name), else "the client". */
export function holder(item: ActionItem): string {
  const owner = item.owners[0];
  if (owner?.person) return owner.person.name.split(' ')[0];
  if (item.side === 'joint') return 'both sides';
  const pronoun = /^(?:they|them|he|she|client|customer|prospect|buyer|the client|the customer)$/i;
  if (owner && /^\p{Lu}/u.test(owner.text) && !pronoun.test(owner.text) && owner.side === 'buyer') return owner.text;
  return 'the client';
}
