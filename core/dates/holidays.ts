/**
 * Holidays as days: the small table of vocabulary/en/dates.json (US and UK holidays sellers plan
 * around), each computed for any year — a fixed day, the nth weekday of a month, a day counted from
 * Easter, or from another holiday — and found in text with what qualifies it: "next Thanksgiving",
 * "Black Friday 2027", "Memorial Day of last year". Which year a bare holiday means is decided with
 * the other year-less dates in resolve-day.ts.
 */
import { addDays, isValidDate, type PlainDate } from './calendar.js';
import type { Candidate } from './candidate.js';
import { PHRASE_LISTS, VOCABULARY, type HolidayData } from './date-vocabulary.js';
import { compilePhrase, endsWithPhrase } from './phrase-pattern.js';
import { after, before } from './text-spans.js';

const TABLE: ReadonlyMap<string, HolidayData> = new Map(VOCABULARY.holidays.map((h) => [h.id, h]));

/** All names in one anchored regex, a group per holiday (in table order), to tell which holiday a found name is. */
const NAMES_RE = new RegExp(
  `^(?:${VOCABULARY.holidays.map((h) => `(${h.names.map((n) => compilePhrase(n, PHRASE_LISTS)).join('|')})`).join('|')})$`,
  'i',
);
const IDS = VOCABULARY.holidays.map((h) => h.id);

/** "next", "this coming", "last" just before the name. */
const WHICH_BEFORE = endsWithPhrase(Object.keys(VOCABULARY.holidayWhich), PHRASE_LISTS);
const WHICH: ReadonlyMap<string, 'next' | 'this' | 'last'> = new Map(Object.entries(VOCABULARY.holidayWhich));
/** ", 2027", " 2027" just after the name. */
const YEAR_AFTER = /^,?\s*((?:19|20)\d\d)(?![\w/:-]|\.\d)/;
/** " of next year", " this year" just after the name. */
const YEAR_WORD_AFTER = /^\s+(?:of\s+)?(this|next|last)\s+(?:year|yr)(?![A-Za-z0-9_])/i;

/** "Thanksgiving week", "the Christmas party": a time around the holiday, not its day (vague). */
const PERIOD_AFTER = new RegExp(
  `^\\s+(?:${PHRASE_LISTS.holidayPeriod.map((p) => compilePhrase(p, PHRASE_LISTS)).join('|')})(?![A-Za-z0-9_])`,
  'i',
);
const THE_BEFORE = /(?<![A-Za-z0-9_])the\s+$/i;

/** Easter Sunday of `year` (Gregorian calendar; the anonymous computus). */
export function easterSunday(year: number): PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The `nth` (1 = first, -1 = last) `weekday` (0 = Sunday) of a month, if there is one. */
export function nthWeekdayOfMonth(year: number, month: number, nth: number, weekday: number): PlainDate | undefined {
  if (nth === 0 || !isValidDate(year, month, 1)) return undefined;
  if (nth > 0) {
    const firstWd = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    const day = 1 + ((weekday - firstWd + 7) % 7) + 7 * (nth - 1);
    return isValidDate(year, month, day) ? { year, month, day } : undefined;
  }
  const last = new Date(Date.UTC(year, month, 0));
  const lastDay = last.getUTCDate();
  const day = lastDay - ((last.getUTCDay() - weekday + 7) % 7) + 7 * (nth + 1);
  return day >= 1 ? { year, month, day } : undefined;
}

/** The name of holiday `id` for a seller ("Thanksgiving"). */
export function holidayName(id: string): string {
  return TABLE.get(id)?.name ?? id;
}

/** The day of holiday `id` in `year`, or undefined for an unknown holiday or year. */
export function holidayDay(id: string, year: number, depth = 0): PlainDate | undefined {
  const h = TABLE.get(id);
  if (!h || !Number.isInteger(year) || year < 1000 || year > 9999 || depth > 4) return undefined;
  if (h.after !== undefined) {
    const base = holidayDay(h.after, year, depth + 1);
    return base ? addDays(base, h.days ?? 0) : undefined;
  }
  if (h.easter !== undefined) return addDays(easterSunday(year), h.easter);
  if (h.month === undefined) return undefined;
  if (h.day !== undefined) return isValidDate(year, h.month, h.day) ? { year, month: h.month, day: h.day } : undefined;
  if (h.weekday !== undefined && h.nth !== undefined) return nthWeekdayOfMonth(year, h.month, h.nth, h.weekday);
  return undefined;
}

/** Which holiday of the table a found name is. */
function holidayNamed(name: string): string | undefined {
  const m = NAMES_RE.exec(name);
  if (!m) return undefined;
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return IDS[g - 1];
  return undefined;
}

const NOT_HOLIDAY_AFTER = new RegExp(`^\\s+(?:${VOCABULARY.notHolidayBefore.join('|')})(?![A-Za-z])`, 'i');

/**
 * The holiday named by `name`, found from `nameStart` to `nameEnd` in `prepared` (vague-phrases.ts
 * finds the names in the same pass as the vague phrases), with "next"/"this"/"last" before it and a
 * year after it; a vague candidate for "Thanksgiving week" or "the Christmas party"; undefined when
 * `name` is no holiday's (or "Easter egg").
 */
export function holidayAt(prepared: string, nameStart: number, nameEnd: number, name: string): Candidate | undefined | null {
  const id = holidayNamed(name);
  if (!id) return undefined;
  const post = after(prepared, nameEnd, 24);
  if (NOT_HOLIDAY_AFTER.test(post)) return null;
  const period = PERIOD_AFTER.exec(post);
  if (period) {
    const the = THE_BEFORE.exec(before(prepared, nameStart, 8));
    const start = the ? nameStart - the[0].length : nameStart;
    const end = nameEnd + period[0].length;
    return { start, end, kind: 'vague', fromChrono: false, phrase: prepared.slice(start, end) };
  }
  const c: Candidate = { start: nameStart, end: nameEnd, kind: 'holiday', fromChrono: false, holiday: id };
  const pre = before(prepared, nameStart, 24);
  const which = WHICH_BEFORE.exec(pre);
  if (which) {
    c.holidayWhich = WHICH.get(which[0].trim().toLowerCase().replace(/\s+/g, ' '));
    if (c.holidayWhich) c.start = nameStart - (pre.length - which.index);
  }
  const year = YEAR_AFTER.exec(post);
  const yearWord = year ? undefined : YEAR_WORD_AFTER.exec(post);
  if (year) {
    c.year = Number(year[1]);
    c.end = nameEnd + year[0].length;
  } else if (yearWord) {
    const w = yearWord[1].toLowerCase();
    c.yearOffset = w === 'next' ? 1 : w === 'last' ? -1 : 0;
    c.end = nameEnd + yearWord[0].length;
  }
  return c;
}
