import type { TimeOfDay } from './calendar.js';

/** How a weekday is qualified: "Friday", "this Friday", "next Friday", "Friday next week", … */
export type WeekdayModifier = 'bare' | 'this' | 'coming' | 'next' | 'last' | 'thisWeek' | 'nextWeek' | 'lastWeek';

/** A date found in the text, before it is resolved against the meeting date. */
export interface Candidate {
  start: number;
  end: number;
  kind:
    | 'calendar' // month and day written: "Dec 1", "12/1", "2026-12-01"
    | 'weekday' // "Friday", "next Tue"
    | 'dayRelative' // "tomorrow", "in 3 days"
    | 'eod' // "EOD" alone: the meeting day
    | 'nth' // "the 15th"
    | 'vague'
    | 'time';
  /** Found by chrono (vs. our own vocabulary); only breaks ties. */
  fromChrono: boolean;
  year?: number;
  month?: number;
  day?: number;
  writtenWeekday?: number;
  weekday?: number;
  modifier?: WeekdayModifier;
  delta?: number;
  businessDays?: boolean;
  /** For "the 15th of next month". */
  monthOffset?: number;
  /** "a week from Friday": weeks added to the resolved day. */
  weeksLater?: number;
  /** The day is the end of the business day ("EOD Friday"). */
  endOfDay?: boolean;
  time?: TimeOfDay;
  /** A calendar date that is the first day of a written range ("Dec 1-5"). */
  range?: boolean;
  /** For vague candidates, the part of the text that names the period (for `how`). */
  phrase?: string;
  /** A time that counts only when joined to a day ("at 3" in "tomorrow at 3"). */
  weak?: boolean;
  /** The time is written before the day ("2pm on Friday"): words before it qualify the time. */
  timeFirst?: boolean;
}

/** The kinds that name one day. */
export const CONCRETE_KINDS = new Set<Candidate['kind']>(['calendar', 'weekday', 'dayRelative', 'eod', 'nth']);
