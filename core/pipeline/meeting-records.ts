import type { Diagnostic } from '../engine/types.js';
import type { ActionItem, Meeting, MeetingEvent, Note, Owner, Person } from '../model/types.js';
import { eventTime } from '../model/next-event.js';
import { lineEndAt, positionAt } from '../text/lines.js';
import type { Vocabulary } from '../vocabulary/types.js';
import type { ActionRecord, Attendee, Evidence, EventRecord, MeetingRecord } from './types.js';

export interface RecordContext {
  /** The file as the report names it. */
  file: string;
  /** Its path below the folder reported on. */
  noteId: string;
  account: string;
  vocabulary: Vocabulary;
}

/** The rules whose findings make a streak across meetings. */
const STREAK_RULES = { complianceOnly: 'no-compliance-only', vagueFollowUp: 'no-vague-follow-up' } as const;

/**
 * The meetings a note records, as the pipeline view reads them: one for a note, one per dated section
 * of a running log. `diagnostics` are the note's, linted with every meeting judged.
 */
export function meetingRecords(note: Note, diagnostics: readonly Diagnostic[], context: RecordContext): MeetingRecord[] {
  const evidence = evidenceOf(note, context.file);
  const record = (item: ActionItem): ActionRecord => ({
    text: item.text.trim(),
    owners: item.owners.map((o) => o.text),
    side: item.side,
    done: item.done,
    ...(dueOf(item) ? { due: dueOf(item) } : {}),
    evidence: evidence(item.start),
  });
  return note.meetings.map((meeting) => {
    const items = note.actionItems.filter((i) => i.meeting === meeting.index);
    const found = (ruleId: string) => {
      const d = diagnostics.find((x) => x.ruleId === ruleId && x.start >= meeting.start && x.start < meeting.end);
      return d ? evidence(d.start) : undefined;
    };
    const complianceOnly = found(STREAK_RULES.complianceOnly);
    const vagueFollowUp = found(STREAK_RULES.vagueFollowUp);
    const next = meeting.nextEvent;
    return {
      account: context.account,
      file: context.file,
      noteId: context.noteId,
      index: meeting.index,
      ...(meeting.info.date ? { date: meeting.info.date } : {}),
      ...(meeting.info.time ? { time: meeting.info.time } : {}),
      timezone: meeting.info.timezone,
      title: titleOf(note, meeting, context.file),
      evidence: evidence(meeting.heading?.start ?? note.title?.start ?? meeting.info.start ?? 0),
      clientPeople: clientPeople(note, items, meeting.events, context),
      attendees: [...note.roster.buyer, ...note.roster.seller, ...note.roster.attendees].map(attendee),
      actions: items.filter((i) => !i.isEvent).map(record),
      carried: meeting.latest ? note.carriedItems.map(record) : [],
      ...(next?.when?.date ? { nextEvent: eventRecord(next, meeting, evidence) } : {}),
      ...(complianceOnly ? { complianceOnly } : {}),
      ...(vagueFollowUp ? { vagueFollowUp } : {}),
    };
  });
}

function evidenceOf(note: Note, file: string): (offset: number) => Evidence {
  return (offset) => {
    const { line } = positionAt(note.lineStarts, note.text, offset);
    const start = note.lineStarts[line - 1] ?? 0;
    const text = note.text.slice(start, lineEndAt(note.text, start)).trim();
    return { file, line, text: text.length > 120 ? `${text.slice(0, 119)}…` : text };
  };
}

function titleOf(note: Note, meeting: Meeting, file: string): string {
  const heading = meeting.heading?.text ?? note.title?.text;
  return heading?.trim() || file.split('/').at(-1) || file;
}

function dueOf(item: ActionItem) {
  return item.dueDates.find((d) => d.kind === 'concrete' && d.date)?.date;
}

function eventRecord(event: MeetingEvent, meeting: Meeting, evidence: (offset: number) => Evidence): EventRecord {
  const time = eventTime(event);
  return {
    date: event.when!.date!,
    ...(time ? { time } : {}),
    ...(time && event.when?.endTime ? { endTime: event.when.endTime } : {}),
    timezone: meeting.info.timezone,
    text: event.text.trim(),
    owners: event.owners.map((o) => o.text),
    side: event.side,
    evidence: evidence(event.start),
  };
}

/** The client people of a meeting: the client roster, and client owners named in its items and events. */
function clientPeople(note: Note, items: readonly ActionItem[], events: readonly MeetingEvent[], context: RecordContext): string[] {
  const pronouns = new Set(context.vocabulary.words('buyerPronouns').map((w) => w.toLowerCase()));
  const account = note.account?.toLowerCase();
  const named = (o: Owner) =>
    o.side === 'buyer' &&
    (o.person !== undefined || (/^\p{Lu}/u.test(o.text) && !pronouns.has(o.text.toLowerCase()) && o.text.toLowerCase() !== account));
  const names = [
    ...note.roster.buyer.map((p) => p.name),
    ...[...items.flatMap((i) => i.owners), ...events.flatMap((e) => e.owners)].filter(named).map((o) => o.person?.name ?? o.text),
  ];
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = name.toLowerCase();
    // "Mary" and "Mary Chen" are one person: keep the fuller name.
    const same = [...seen.keys()].find((k) => k === key || k.split(' ')[0] === key || key.split(' ')[0] === k);
    if (same === undefined) seen.set(key, name);
    else if (name.length > (seen.get(same) ?? '').length) {
      seen.delete(same);
      seen.set(key, name);
    }
  }
  return [...seen.values()];
}

function attendee(person: Person): Attendee {
  const email = person.handles.find((h) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(h));
  return { name: person.name, ...(email ? { email } : {}), side: person.side };
}
