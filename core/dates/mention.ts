/** A settled candidate turned into the public DateMention: its kind, wording, day, time and `how`. */
import type { PlainDate } from './calendar.js';
import type { Candidate } from './candidate.js';
import { howOf } from './how-texts.js';
import { dayMeant, laterDay, namedDay } from './resolve-day.js';
import { fmtTime } from './time-of-day.js';
import type { DateMention } from './types.js';
import { isRelativeVague } from './vague-phrases.js';

/** Worded relative to the meeting ("Friday", "tomorrow", "next week") rather than to the calendar? */
function isRelative(c: Candidate, text: string): boolean {
  switch (c.kind) {
    case 'weekday':
    case 'dayRelative':
    case 'eod':
    case 'nth':
      return true;
    case 'holiday':
      // "next Thanksgiving", "Memorial Day of last year"; not "Thanksgiving", "Black Friday 2027"
      return c.holidayWhich !== undefined || c.yearOffset !== undefined;
    case 'monthWeekday':
      // "the last Friday of the month"; not "the first Tuesday of October"
      return c.month === undefined;
    case 'calendar':
    case 'time':
      return false;
    case 'vague':
    default:
      return isRelativeVague(text);
  }
}

/**
 * The mention of `c` in `original`, resolved against the meeting date `ref` (when valid); `sure`
 * says whether the reader is sure of its day (see sureness.ts).
 */
export function toMention(
  c: Candidate,
  original: string,
  ref: PlainDate | undefined,
  sure: (date: PlainDate | undefined) => boolean,
): DateMention {
  const text = original.slice(c.start, c.end);
  const named = namedDay(c, ref);
  const date = dayMeant(c, named);
  const kind = c.kind === 'vague' ? 'vague' : c.kind === 'time' ? 'time' : 'concrete';
  const endDate = date && kind === 'concrete' && c.rangeEnd ? laterDay(date, c.rangeEnd) : undefined;
  const alternatives = date && kind === 'concrete' && c.alternatives ? c.alternatives.flatMap((o) => laterDay(date, o) ?? []) : undefined;
  const how = howOf(c, ref, named, date, text, endDate, alternatives);
  const at = c.time && kind === 'concrete' ? `, at ${fmtTime(c.time)}${c.endTime ? ` to ${fmtTime(c.endTime)}` : ''}` : '';
  const mention: DateMention = {
    start: c.start,
    end: c.end,
    text,
    kind,
    relative: isRelative(c, text),
    how: `${how}${at}`,
    sure: kind !== 'concrete' || sure(date),
  };
  if (date && kind === 'concrete') mention.date = date;
  if (c.time && kind !== 'vague') mention.time = c.time;
  if (c.endTime && c.time && kind !== 'vague') mention.endTime = c.endTime;
  if (c.writtenWeekday !== undefined && kind === 'concrete') mention.writtenWeekday = c.writtenWeekday;
  if (endDate) mention.endDate = endDate;
  if (alternatives && alternatives.length > 0) mention.alternatives = alternatives;
  return mention;
}
