import { compareDates, type PlainDate } from '../dates/calendar.js';
import type { DateMention } from '../dates/types.js';
import type { MeetingEvent } from './types.js';

/** Open, concretely dated, and on or after the meeting's date (any concrete date when the meeting has none). */
export function isUpcoming(e: MeetingEvent, meetingDate: PlainDate | undefined): boolean {
  return !e.item?.done && e.when !== undefined && !(meetingDate && e.when.date && compareDates(e.when.date, meetingDate) < 0);
}

/** Pass 7: the earliest upcoming event; on the same day, one with a time beats one without. */
export function pickNextEvent(events: readonly MeetingEvent[]): MeetingEvent | undefined {
  let best: MeetingEvent | undefined;
  for (const e of events) {
    const when = e.when;
    if (!when || !e.upcoming) continue;
    if (!best) {
      best = e;
      continue;
    }
    const b = best.when!;
    if (when.date && b.date) {
      const c = compareDates(when.date, b.date);
      if (c < 0 || (c === 0 && eventTime(e) && !eventTime(best))) best = e;
    } else if (when.date && !b.date) best = e;
  }
  return best;
}

/** The time of day an event was given: with its date, or elsewhere in the same item or sentence. */
export function eventTime(e: MeetingEvent): DateMention['time'] {
  return e.when?.time ?? e.dates.find((d) => d.kind === 'time' && d.time)?.time;
}
