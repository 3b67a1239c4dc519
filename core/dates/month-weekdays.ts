/**
 * Days counted within a month: "the first Tuesday of October", "the last Friday of the month",
 * "the 2nd Wednesday in October 2027", "the last day of next month", "the first business day of
 * December", "the third day of October". The whole phrase is one candidate, so that no part of it
 * is read on its own ("last Friday" as a past Friday, "October" as a vague month).
 */
import { isValidDate, weekdayOf, type PlainDate } from './calendar.js';
import type { Candidate } from './candidate.js';
import { PHRASE_LISTS, VOCABULARY, WEEKDAYS, literalAlternation } from './date-vocabulary.js';
import { nthWeekdayOfMonth } from './holidays.js';
import { matches } from './text-spans.js';

const ORDINALS: ReadonlyMap<string, number> = new Map(Object.entries(VOCABULARY.ordinals));
const UNITS: ReadonlyMap<string, 'day' | 'businessDay'> = new Map(Object.entries(VOCABULARY.dayUnits));
const MONTHS = PHRASE_LISTS.month;

const ORD = `(${literalAlternation(ORDINALS.keys())}|\\d{1,2}(?:st|nd|rd|th))`;
const WEEKDAY = `(${literalAlternation(WEEKDAYS.keys())})\\.?`;
const UNIT = `(${literalAlternation(UNITS.keys())})`;
const MONTH = `(${literalAlternation(MONTHS)})\\.?`;

/** Groups: 1 ordinal, 2 weekday, 3 unit, 4 month name, 5 year, 6 "this"/"next" before "month". */
const MONTH_WEEKDAY = new RegExp(
  `(?<![A-Za-z0-9_])(?:the\\s+)?${ORD}\\s+(?:${WEEKDAY}|${UNIT})\\s+(?:of|in)\\s+(?:the\\s+)?` +
    `(?:${MONTH}(?:,?\\s+((?:19|20)\\d\\d))?|(?:(this|next|current|following|coming)\\s+)?month)(?![A-Za-z0-9_])`,
  'gi',
);

/** "… of (the) (next) month", "… in October": what every such phrase ends with. */
const GATE =
  /\b(?:of|in)\s+(?:the\s+)?(?:(?:this|next|current|following|coming)\s+)?(?:month|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

function ordinalValue(word: string): number | undefined {
  const w = word.toLowerCase();
  const digits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(w);
  return digits ? Number(digits[1]) : ORDINALS.get(w);
}

function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(w) + 1;
}

export function monthWeekdayCandidates(prepared: string): Candidate[] {
  const out: Candidate[] = [];
  if (!GATE.test(prepared)) return out;
  for (const m of matches(MONTH_WEEKDAY, prepared)) {
    const ordinal = ordinalValue(m[1]);
    if (ordinal === undefined || ordinal === 0) continue;
    const weekday = m[2] ? WEEKDAYS.get(m[2].toLowerCase()) : undefined;
    const unit = weekday !== undefined ? 'weekday' : UNITS.get(m[3]?.toLowerCase().replace(/\s+/g, ' ') ?? '');
    if (!unit) continue;
    if (unit === 'weekday' ? ordinal > 5 : ordinal > 31) continue;
    const c: Candidate = { start: m.index, end: m.index + m[0].length, kind: 'monthWeekday', fromChrono: false, ordinal, unit, weekday };
    if (m[4]) {
      c.month = monthNumber(m[4]);
      if (m[5]) c.year = Number(m[5]);
    } else {
      const which = m[6]?.toLowerCase();
      if (which === 'next' || which === 'following' || which === 'coming') c.monthOffset = 1;
      else if (which) c.monthOffset = 0;
      else c.rolling = true;
    }
    out.push(c);
  }
  return out;
}

/** The day `c` (a monthWeekday candidate) names in the given month, if it exists. */
export function dayInMonth(c: Candidate, year: number, month: number): PlainDate | undefined {
  const n = c.ordinal ?? 0;
  if (!isValidDate(year, month, 1) || n === 0) return undefined;
  if (c.unit === 'weekday') return nthWeekdayOfMonth(year, month, n, c.weekday ?? 0);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (c.unit === 'day') {
    const day = n > 0 ? n : last + 1 + n;
    return isValidDate(year, month, day) ? { year, month, day } : undefined;
  }
  // business days: Monday to Friday, counted from the start or (n < 0) the end of the month
  let seen = 0;
  for (let k = 0; k < last; k++) {
    const day = n > 0 ? 1 + k : last - k;
    const wd = weekdayOf({ year, month, day });
    if (wd === 0 || wd === 6) continue;
    if (++seen === Math.abs(n)) return { year, month, day };
  }
  return undefined;
}
