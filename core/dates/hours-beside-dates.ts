/**
 * Numbers beside a date are not years unless written as one. chrono-node reads the number after a
 * month and day as a year: "Oct 18 15 UTC" as 2015, "March 6, 15-17:00" as 2015, "26 July 1400 UTC"
 * as the year 1400. A number followed by a time zone, or starting a range of hours, is an hour; so
 * is a four-digit clock time that no one would write as a year ("1400"). "14th April 15", with
 * nothing after it, keeps chrono's year; a four-digit 19xx/20xx is always a year.
 */
import type { TimeOfDay } from './calendar.js';
import { VOCABULARY, literalAlternation } from './date-vocabulary.js';
import { settleTime } from './time-of-day.js';

const ZONE = `(?:${literalAlternation(VOCABULARY.timeZones)})`;
/** The number at the end of chrono's text, with a time zone after it in the text. */
const NUMBER_AT_END = new RegExp(`[\\s,]+(\\d{1,4})(\\s*${ZONE})?$`, 'i');
const ZONE_AFTER = new RegExp(`^\\s*${ZONE}(?![A-Za-z])`, 'i');
/** "-17:00", "–17", " to 17:00" after the number: the end of a range of hours. */
const HOUR_RANGE_AFTER = /^\s*(?:[-–—]|to|until|till)\s*(\d{1,2})(?::(\d\d))?(?![\d:])/i;

export interface HourNotYear {
  time: TimeOfDay;
  endTime?: TimeOfDay;
  bareHour?: number;
  /** Characters after chrono's text that belong to the time ("-17:00"). */
  extra: number;
}

function asClock(digits: string): { hour: number; minute: number } | undefined {
  const n = Number(digits);
  if (digits.length <= 2) return n <= 23 ? { hour: n, minute: 0 } : undefined;
  const hour = Math.floor(n / 100);
  const minute = n % 100;
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

/**
 * The hour written where chrono read the year `year` at the end of `text` (followed by `following`),
 * or undefined when the number is a year.
 */
export function hourNotYear(text: string, following: string, year: number): HourNotYear | undefined {
  const m = NUMBER_AT_END.exec(text);
  if (!m) return undefined;
  const digits = m[1];
  if (Number(digits) % 100 !== year % 100) return undefined; // chrono's year is not this number
  if (digits.length === 4 && /^(?:19|20)\d\d$/.test(digits)) return undefined;
  if (digits.length === 3) return undefined;
  const clock = asClock(digits);
  if (!clock) return undefined;
  const zone = !!m[2] || ZONE_AFTER.test(following);
  const range = zone ? null : HOUR_RANGE_AFTER.exec(following);
  if (!zone && !range && digits.length !== 4) return undefined;
  const start = settleTime(clock.hour, clock.minute, undefined, digits.length === 4);
  if (!start) return undefined;
  const out: HourNotYear = { time: start.time, bareHour: start.bareHour, extra: 0 };
  if (range) {
    const end = settleTime(Number(range[1]), range[2] ? Number(range[2]) : 0, undefined, false);
    if (end) {
      out.endTime = end.time;
      out.extra = range[0].length;
    }
  }
  return out;
}
