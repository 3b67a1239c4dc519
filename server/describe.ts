import { formatDay, formatTime, toIsoDate, WEEKDAY_NAMES, weekdayOf, type PlainDate } from '../core/dates/calendar.js';
import type { DateMention } from '../core/dates/types.js';
import { eventTime } from '../core/model/next-event.js';
import type { Note } from '../core/model/types.js';
import { STATUS_LABELS } from '../core/pipeline/report.js';
import type { AccountSummary } from '../core/pipeline/types.js';

/** Markdown for a hover on a date phrase: the day it resolves to and how it was read. */
export function describeDate(mention: DateMention): string {
  const lines: string[] = [];
  if (mention.date) {
    const time = mention.time ? ` at ${formatTime(mention.time)}` : '';
    lines.push(`**${WEEKDAY_NAMES[weekdayOf(mention.date)]}, ${toIsoDate(mention.date)}**${time}`);
  }
  lines.push(`Read as: ${mention.how}`);
  if (mention.kind === 'concrete') {
    lines.push(
      mention.date
        ? 'A concrete day: it counts as a date for next steps.'
        : 'A concrete day, but the note has no meeting date to count it from: add `date:` to the front matter.',
    );
  } else if (mention.kind === 'vague') {
    lines.push('Vague: it does not count as a date. Write the day itself, e.g. "Tue Dec 1".');
  } else {
    lines.push('A time of day without a day: add the day it belongs to.');
  }
  return lines.join('\n\n');
}

/** Markdown for a hover on the meeting's own date. */
export function describeMeetingDate(date: PlainDate): string {
  return `**${WEEKDAY_NAMES[weekdayOf(date)]}, ${toIsoDate(date)}**: the meeting date. "Friday", "tomorrow" and "next week" in this note count from it.`;
}

/** One line on the note's next event: "Next event: Tue Dec 1 at 14:00 — "Demo with IT"". */
export function describeNextEvent(note: Note): string {
  const event = note.nextEvent;
  if (!event?.when?.date) return 'No dated next event: book the next meeting with the client and write its day in Next steps.';
  const time = eventTime(event);
  const what = event.text.replace(/\s+/g, ' ').trim();
  const short = what.length > 60 ? `${what.slice(0, 59)}…` : what;
  return `Next event: ${formatDay(event.when.date)}${time ? ` at ${formatTime(time)}` : ''} — "${short}"`;
}

/** Every date phrase of the note: in prose, action items, headings and front matter events. */
export function dateMentions(note: Note): DateMention[] {
  const all = note.sentences.flatMap((s) => s.dates);
  for (const event of note.events) if (event.source === 'front-matter') all.push(...event.dates);
  return all;
}

/** One line on the note's account: "Acme Corp: at risk — A client action was due Mon Nov 30 and still open: …". */
export function describeAccount(account: AccountSummary): string {
  const meetings = account.meetings.length;
  return `${account.account}: ${STATUS_LABELS[account.status]} — ${account.reason} (${meetings} meeting${meetings === 1 ? '' : 's'})`;
}

/** Markdown for the title's hover: the account's status, why, and the evidence of each signal. */
export function describeAccountMarkdown(account: AccountSummary): string {
  const lines = [`**${escapeMarkdown(account.account)}: ${STATUS_LABELS[account.status]}** — ${escapeMarkdown(account.reason)}`];
  for (const signal of account.signals) {
    lines.push(
      `- ${escapeMarkdown(signal.message)} (${signal.evidence.map((e) => `\`${e.file.replace(/`/g, "'")}:${e.line}\``).join(', ')})`,
    );
  }
  return lines.join('\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (ch) => `\\${ch}`);
}
