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
}

export interface DateContext {
  /** The meeting date (and time) every relative phrase is resolved against; absent when the note has none. */
  reference?: { date: PlainDate; time?: TimeOfDay };
  /** IANA time zone of the meeting, e.g. "America/New_York". */
  timezone: string;
  /** "en-US" (month/day) or "en-GB" and other day/month locales. */
  locale: string;
}
