import type { TimeOfDay } from './calendar.js';

/**
 * How a weekday is qualified: "Friday", "this Friday", "next Friday", "Friday next week",
 * "Friday after next" (a week after the coming one), "Friday before last" (a week before the last one), …
 */
export type WeekdayModifier =
  | 'bare'
  | 'this'
  | 'coming'
  | 'next'
  | 'last'
  | 'thisWeek'
  | 'nextWeek'
  | 'lastWeek'
  | 'afterNext'
  | 'beforeLast';

/** A month and day written in a range or as alternatives ("July 13 through 15", "Dec 8 or 9"). */
export interface MonthDay {
  year?: number;
  month: number;
  day: number;
}

/** "the Friday after Thanksgiving", "the day before Dec 1": a step from the day a candidate names. */
export interface DayStep {
  /** A weekday (0–6), or "day" for plain days. */
  weekday?: number;
  /** How many such days (the third Tuesday after Christmas: 3). */
  count: number;
  direction: 1 | -1;
  /** Plain days counted Monday to Friday ("2 business days after Dec 1"). */
  business?: boolean;
}

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
    | 'holiday' // "Thanksgiving", "Black Friday", "Easter Monday 2027"
    | 'monthWeekday' // "the first Tuesday of October", "the last day of the month"
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
  /** For "the 15th of next month"; for a monthWeekday, 0 = this month, 1 = next month. */
  monthOffset?: number;
  /** "a week from Friday": weeks added to the resolved day. */
  weeksLater?: number;
  /** The day is the end of the business day ("EOD Friday"). */
  endOfDay?: boolean;
  time?: TimeOfDay;
  /** The hour as written when no am/pm was (0–23): a part of the day ("tonight") may still settle it. */
  bareHour?: number;
  /** The end of a range of times ("between 9:30 and 11:00"). */
  endTime?: TimeOfDay;
  /** A calendar date that is the first day of a written range ("Dec 1-5"). */
  range?: boolean;
  /** The last day of a written range of days, when known ("July 13 through 15"). */
  rangeEnd?: MonthDay;
  /** The other days offered ("Dec 8 or 9": Dec 9). */
  alternatives?: MonthDay[];
  /** For vague candidates, the part of the text that names the period (for `how`). */
  phrase?: string;
  /** A time that counts only when joined to a day ("at 3" in "tomorrow at 3"). */
  weak?: boolean;
  /** The time is written before the day ("2pm on Friday"): words before it qualify the time. */
  timeFirst?: boolean;
  /** For a holiday: its id in the table; `holidayWhich` says "next", "this", "last" or nothing (bare). */
  holiday?: string;
  holidayWhich?: 'next' | 'this' | 'last';
  /** For a holiday: years from the meeting's ("Thanksgiving of next year": 1). */
  yearOffset?: number;
  /** For a monthWeekday: which one (1 = first, -1 = last) of what unit of the month. */
  ordinal?: number;
  unit?: 'weekday' | 'day' | 'businessDay';
  /** For a monthWeekday of "the month": the meeting's month, or the next one when that day is past. */
  rolling?: boolean;
  /** "the Friday after Thanksgiving": the step applied to the day this candidate names. */
  step?: DayStep;
}

/** The kinds that name one day. */
export const CONCRETE_KINDS = new Set<Candidate['kind']>(['calendar', 'weekday', 'dayRelative', 'eod', 'nth', 'holiday', 'monthWeekday']);
