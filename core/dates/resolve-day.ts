/**
 * The day a candidate names, resolved against the meeting date — never by chrono, never by the clock:
 * - a bare weekday is the first such day strictly AFTER the meeting date: "Friday" in the notes of a
 *   Friday meeting is the Friday a week later (nobody writes "Friday" for the meeting day itself);
 * - "this Friday" is the first Friday on or after the meeting date; "this coming Friday" and
 *   "coming Friday" the first one strictly after;
 * - "next Friday" (and "Friday next week") is the Friday of the week after the meeting's week,
 *   weeks running Monday to Sunday — chrono's reading too. So in the notes of a Wednesday meeting
 *   "next Friday" is 9 days later and "next Monday" 5 days later;
 * - "last Friday" is the last Friday strictly before the meeting;
 * - a month and day without a year is the first such day no more than 60 days before the meeting:
 *   "Nov 13" in the notes of Nov 20 is that past Nov 13 (a typo or a stale line), "Dec 28" in the
 *   notes of Jan 3 the past Dec 28, and "Sep 1" in the notes of Nov 20 next year's Sep 1;
 * - the date as written wins over a weekday written next to it ("Tue Dec 2" is Dec 2 whatever day
 *   that is; `writtenWeekday` keeps the Tuesday for the no-weekday-mismatch rule);
 * - "the 15th" is the next 15th on or after the meeting; "a week from Friday" 7 days after Friday;
 * - "Friday after next" is a week after the coming Friday, "Friday before last" a week before the last;
 * - a holiday without a year follows the month-and-day rule ("Thanksgiving" in notes of Dec 3 is the
 *   past one, a week before); "next Thanksgiving" is the first after the meeting, "this Thanksgiving"
 *   the first on or after it, "last Thanksgiving" the last before it;
 * - "the first Tuesday of October" follows the month-and-day rule for its year; "of the month" is the
 *   meeting's month, or the next one when that day is already past ("the first Tuesday of the month"
 *   in notes of Feb 12 is Mar 5); "of this month" and "of next month" are those months;
 * - "the Friday after Thanksgiving", "the day before Dec 1": the step from the day named.
 */
import { addDays, daysBetween, isValidDate, weekdayOf, type PlainDate } from './calendar.js';
import type { Candidate, MonthDay, WeekdayModifier } from './candidate.js';
import { holidayDay } from './holidays.js';
import { dayInMonth } from './month-weekdays.js';

/** Past-date window: a year-less month and day up to this many days before the meeting is that past day. */
export const PAST_WINDOW_DAYS = 60;

/** The first day `dayIn(year)` gives, from the year before the meeting's on, that is no more than `minDays` from it. */
function firstFrom(ref: PlainDate, dayIn: (year: number) => PlainDate | undefined, minDays: number, years = 5): PlainDate | undefined {
  for (let year = ref.year - 1; year <= ref.year + years; year++) {
    const d = dayIn(year);
    if (d && daysBetween(ref, d) >= minDays) return d;
  }
  return undefined;
}

/** The last day `dayIn(year)` gives that lies strictly before the meeting. */
function lastBefore(ref: PlainDate, dayIn: (year: number) => PlainDate | undefined): PlainDate | undefined {
  for (let year = ref.year + 1; year >= ref.year - 5; year--) {
    const d = dayIn(year);
    if (d && daysBetween(ref, d) < 0) return d;
  }
  return undefined;
}

function resolveYear(month: number, day: number, ref: PlainDate): PlainDate | undefined {
  return firstFrom(ref, (year) => (isValidDate(year, month, day) ? { year, month, day } : undefined), -PAST_WINDOW_DAYS, 4);
}

function resolveHoliday(c: Candidate, ref: PlainDate | undefined): PlainDate | undefined {
  const id = c.holiday ?? '';
  if (c.year !== undefined) return holidayDay(id, c.year);
  if (!ref) return undefined;
  if (c.yearOffset !== undefined) return holidayDay(id, ref.year + c.yearOffset);
  const dayIn = (year: number) => holidayDay(id, year);
  switch (c.holidayWhich) {
    case 'next':
      return firstFrom(ref, dayIn, 1);
    case 'this':
      return firstFrom(ref, dayIn, 0);
    case 'last':
      return lastBefore(ref, dayIn);
    default:
      return firstFrom(ref, dayIn, -PAST_WINDOW_DAYS);
  }
}

function monthAfter(ref: PlainDate, offset: number): { year: number; month: number } {
  const m0 = ref.month - 1 + offset;
  return { year: ref.year + Math.floor(m0 / 12), month: (((m0 % 12) + 12) % 12) + 1 };
}

function resolveMonthWeekday(c: Candidate, ref: PlainDate | undefined): PlainDate | undefined {
  if (c.month !== undefined) {
    const month = c.month;
    if (c.year !== undefined) return dayInMonth(c, c.year, month);
    return ref ? firstFrom(ref, (year) => dayInMonth(c, year, month), -PAST_WINDOW_DAYS) : undefined;
  }
  if (!ref) return undefined;
  const here = monthAfter(ref, c.monthOffset ?? 0);
  const d = dayInMonth(c, here.year, here.month);
  if (!c.rolling || (d && daysBetween(ref, d) >= 0)) return d;
  const next = monthAfter(ref, 1);
  return dayInMonth(c, next.year, next.month);
}

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(weekday: number): number {
  return weekday === 0 ? 7 : weekday;
}

function resolveWeekday(ref: PlainDate, weekday: number, modifier: WeekdayModifier): PlainDate {
  const refWd = weekdayOf(ref);
  const toMonday = -(isoWeekday(refWd) - 1); // from the meeting to the Monday of its week
  const iso = isoWeekday(weekday);
  switch (modifier) {
    case 'this':
      return addDays(ref, (weekday - refWd + 7) % 7);
    case 'last':
      return addDays(ref, -((refWd - weekday + 7) % 7 || 7));
    case 'next':
    case 'nextWeek':
      return addDays(ref, toMonday + 7 + iso - 1);
    case 'thisWeek':
      return addDays(ref, toMonday + iso - 1);
    case 'lastWeek':
      return addDays(ref, toMonday - 7 + iso - 1);
    case 'afterNext':
      return addDays(ref, ((weekday - refWd + 7) % 7 || 7) + 7);
    case 'beforeLast':
      return addDays(ref, -((refWd - weekday + 7) % 7 || 7) - 7);
    case 'bare':
    case 'coming':
    default:
      return addDays(ref, (weekday - refWd + 7) % 7 || 7);
  }
}

function addBusinessDays(d: PlainDate, n: number): PlainDate {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let cur = d;
  while (left > 0) {
    cur = addDays(cur, step);
    const w = weekdayOf(cur);
    if (w !== 0 && w !== 6) left--;
  }
  return cur;
}

/** The `n`th day of the month `monthOffset` months after the meeting's, if that day exists. */
function nthOfMonth(ref: PlainDate, monthOffset: number, n: number): PlainDate | undefined {
  const m0 = ref.month - 1 + monthOffset;
  const year = ref.year + Math.floor(m0 / 12);
  const month = (m0 % 12) + 1;
  return isValidDate(year, month, n) ? { year, month, day: n } : undefined;
}

/** How many months past the next one "Friday 26th" may look for a 26th that is a Friday. */
const WEEKDAY_NTH_MONTHS = 2;

function resolveNth(ref: PlainDate, n: number, monthOffset: number | undefined, weekday: number | undefined): PlainDate | undefined {
  if (monthOffset !== undefined) return nthOfMonth(ref, monthOffset, n);
  for (let i = 0; i < 13; i++) {
    const d = nthOfMonth(ref, i, n);
    if (!d || daysBetween(ref, d) < 0) continue;
    if (weekday === undefined || weekdayOf(d) === weekday) return d;
    // "Friday 26th" written on Aug 16 when Aug 26 is a Sunday: the writer means the 26th that is a Friday, if one is near.
    for (let later = i + 1; later <= i + 1 + WEEKDAY_NTH_MONTHS; later++) {
      const next = nthOfMonth(ref, later, n);
      if (next && weekdayOf(next) === weekday) return next;
    }
    return d;
  }
  return undefined;
}

/**
 * The day a candidate names, before "a week from …" is applied; undefined when it cannot be known
 * (no meeting date for a relative phrase, no such day, a vague phrase or a time alone).
 */
export function namedDay(c: Candidate, ref: PlainDate | undefined): PlainDate | undefined {
  switch (c.kind) {
    case 'calendar': {
      const month = c.month ?? 0;
      const day = c.day ?? 0;
      if (c.year !== undefined) return isValidDate(c.year, month, day) ? { year: c.year, month, day } : undefined;
      return ref ? resolveYear(month, day, ref) : undefined;
    }
    case 'weekday':
      return ref ? resolveWeekday(ref, c.weekday ?? 0, c.modifier ?? 'bare') : undefined;
    case 'dayRelative':
      if (!ref) return undefined;
      return c.businessDays ? addBusinessDays(ref, c.delta ?? 0) : addDays(ref, c.delta ?? 0);
    case 'eod':
      return ref;
    case 'nth':
      return ref ? resolveNth(ref, c.day ?? 0, c.monthOffset, c.writtenWeekday) : undefined;
    case 'holiday':
      return resolveHoliday(c, ref);
    case 'monthWeekday':
      return resolveMonthWeekday(c, ref);
    default:
      return undefined;
  }
}

/** The named day with "a week from …" and "the Friday after …" applied. */
export function dayMeant(c: Candidate, named: PlainDate | undefined): PlainDate | undefined {
  if (!named) return undefined;
  let d = c.weeksLater ? addDays(named, 7 * c.weeksLater) : named;
  const step = c.step;
  if (step) {
    if (step.weekday === undefined)
      return step.business ? addBusinessDays(d, step.direction * step.count) : addDays(d, step.direction * step.count);
    for (let seen = 0; seen < step.count; ) {
      d = addDays(d, step.direction);
      if (weekdayOf(d) === step.weekday) seen++;
    }
  }
  return d;
}

/** The last day of a range, or another day offered, written after the day `first` (a year-less one follows it). */
export function laterDay(first: PlainDate, other: MonthDay): PlainDate | undefined {
  if (other.year !== undefined)
    return isValidDate(other.year, other.month, other.day) ? { year: other.year, month: other.month, day: other.day } : undefined;
  for (const year of [first.year, first.year + 1]) {
    if (isValidDate(year, other.month, other.day) && daysBetween(first, { year, month: other.month, day: other.day }) >= 0) {
      return { year, month: other.month, day: other.day };
    }
  }
  return undefined;
}
