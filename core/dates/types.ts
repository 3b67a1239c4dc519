import type { PlainDate, TimeOfDay } from './calendar.js';

/**
 * concrete: names one agreed day ("Dec 1", "Friday", "tomorrow");
 * vague: names no single day ("next week", "mid-December", "TBD");
 * time: a time of day with no day ("at 2pm").
 */
export type DateKind = 'concrete' | 'vague' | 'time';

export interface DateMention {
  /** Offsets into the text that was searched (callers add their base offset). */
  start: number;
  end: number;
  text: string;
  kind: DateKind;
  /** The resolved day; absent when it cannot be known (no meeting date for a relative phrase, or a vague phrase). */
  date?: PlainDate;
  time?: TimeOfDay;
  /** Worded relative to the meeting ("Friday", "tomorrow", "in 3 days") rather than as a calendar date. */
  relative: boolean;
  /** 0 = Sunday … 6 = Saturday, when the text writes a weekday together with an explicit calendar date ("Tue Dec 2"). */
  writtenWeekday?: number;
  /** How the phrase was read, for a seller: "the Friday after the meeting (Wed 2026-11-18)". */
  how: string;
  /**
   * Is the reader sure of `date`? false when words next to a relative day qualify it and were not
   * read ("the second Friday", "Friday of the launch week"), or when the weekday written with a date
   * disagrees with it ("Thu 15th" on a Friday). A fix must never write a day that is not sure.
   * Set on every mention findDates returns; absent on mentions made elsewhere.
   */
  sure?: boolean;
  /** The last day of a range of days written with it ("July 13 through 15": July 15); `date` is the first. */
  endDate?: PlainDate;
  /** The other days offered ("Dec 8 or 9": [Dec 9]); `date` is the first. */
  alternatives?: PlainDate[];
  /** The end of a range of times ("between 9:30 and 11:00": 11:00); `time` is the start. */
  endTime?: TimeOfDay;
}

export interface DateContext {
  /** The meeting date (and time) every relative phrase is resolved against; absent when the note has none. */
  reference?: { date: PlainDate; time?: TimeOfDay };
  /** IANA time zone of the meeting, e.g. "America/New_York". */
  timezone: string;
  /** "en-US" (month/day) or "en-GB" and other day/month locales. */
  locale: string;
}
