/** A settled candidate turned into the public DateMention: its kind, wording, day, time and `how`. */
import type { PlainDate } from './calendar.js';
import type { Candidate } from './candidate.js';
import { howOf } from './how-texts.js';
import { dayMeant, namedDay } from './resolve-day.js';
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
    case 'calendar':
    case 'time':
      return false;
    case 'vague':
    default:
      return isRelativeVague(text);
  }
}

/** The mention of `c` in `original`, resolved against the meeting date `ref` (when valid). */
export function toMention(c: Candidate, original: string, ref: PlainDate | undefined): DateMention {
  const text = original.slice(c.start, c.end);
  const named = namedDay(c, ref);
  const date = dayMeant(c, named);
  const how = howOf(c, ref, named, date, text);
  const kind = c.kind === 'vague' ? 'vague' : c.kind === 'time' ? 'time' : 'concrete';
  const mention: DateMention = {
    start: c.start,
    end: c.end,
    text,
    kind,
    relative: isRelative(c, text),
    how: c.time && kind === 'concrete' ? `${how}, at ${fmtTime(c.time)}` : how,
  };
  if (date && kind === 'concrete') mention.date = date;
  if (c.time && kind !== 'vague') mention.time = c.time;
  if (c.writtenWeekday !== undefined && kind === 'concrete') mention.writtenWeekday = c.writtenWeekday;
  return mention;
}
