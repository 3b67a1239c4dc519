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
 * - "the 15th" is the next 15th on or after the meeting; "a week from Friday" 7 days after Friday.
 */
import { addDays, daysBetween, isValidDate, weekdayOf, type PlainDate } from './calendar.js';
import type { Candidate, WeekdayModifier } from './candidate.js';

/** Past-date window: a year-less month and day up to this many days before the meeting is that past day. */
export const PAST_WINDOW_DAYS = 60;

function resolveYear(month: number, day: number, ref: PlainDate): PlainDate | undefined {
  for (let year = ref.year - 1; year <= ref.year + 4; year++) {
    if (!isValidDate(year, month, day)) continue;
    const d = { year, month, day };
    if (daysBetween(ref, d) >= -PAST_WINDOW_DAYS) return d;
  }
  return undefined;
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

function resolveNth(ref: PlainDate, n: number, monthOffset: number | undefined): PlainDate | undefined {
  if (monthOffset !== undefined) return nthOfMonth(ref, monthOffset, n);
  for (let i = 0; i < 13; i++) {
    const d = nthOfMonth(ref, i, n);
    if (d && daysBetween(ref, d) >= 0) return d;
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
      return ref ? resolveNth(ref, c.day ?? 0, c.monthOffset) : undefined;
    default:
      return undefined;
  }
}

/** The named day with "a week from …" applied. */
export function dayMeant(c: Candidate, named: PlainDate | undefined): PlainDate | undefined {
  return c.weeksLater && named ? addDays(named, 7 * c.weeksLater) : named;
}
