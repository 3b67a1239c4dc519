/**
 * Numeric dates ("12/1", "01/12/2026", "6.9.2026"): month and day in the locale's order, and a
 * year-less one only with date context around it.
 */
import type { Candidate } from './candidate.js';
import { DATE_CONTEXT_BEFORE_RE } from './date-vocabulary.js';
import { after, before, matches } from './text-spans.js';

interface NumericDate {
  year?: number;
  month: number;
  day: number;
}

const SLASH_NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/;
const SLASH_IN_TEXT = /(?<![\w/.:])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\w%/]|[.:]\d)/g;

/**
 * A numeric date token read in the locale's order — or the other way when only that one is a date
 * ("15/12" is Dec 15 in en-US too, "12/18" Dec 18 in en-GB: one reading rules itself out). Returns
 * undefined when neither order is a date, or when a year-less date has no date context ("1/2",
 * "3/5", "2/3 of the team"). A two-digit year is 20yy, or 19yy from 70 on ("10/31/74").
 */
function readNumericDate(token: string, dayFirst: boolean, hasContext: () => boolean): NumericDate | undefined {
  const m = SLASH_NUMERIC.exec(token);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (m[1].length === 4) {
    // 2026/12/01 with a third part is handled by chrono (ISO-like); "2026/12" alone is not a day
    return undefined;
  }
  // Dotted dates (20.11.2026) are a European habit: day first whatever the locale.
  let dayFirstHere = dayFirst || m[2] === '.';
  const possible = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;
  if (!possible(dayFirstHere ? b : a, dayFirstHere ? a : b)) dayFirstHere = !dayFirstHere;
  const month = dayFirstHere ? b : a;
  const day = dayFirstHere ? a : b;
  if (!possible(month, day)) return undefined;
  let year: number | undefined;
  if (m[4] !== undefined) {
    year = Number(m[4]);
    if (m[4].length === 2) year += year >= 70 ? 1900 : 2000;
    return { year, month, day };
  }
  if (m[2] !== '/') return undefined; // "1.2", "3-5" without a year: not dates
  if (day > 12 || hasContext()) return { month, day };
  return undefined;
}

/** Year-less numeric dates need one of these around them to count (see readNumericDate). */
function numericDateContext(prepared: string, start: number, end: number, merged: boolean): boolean {
  if (merged) return true; // chrono joined a weekday or a time to it: "Wed 6/9", "12/1 at 2pm"
  const pre = before(prepared, start, 30);
  const post = after(prepared, end, 30);
  if (/^\s+of\b/i.test(post)) return false; // "2/3 of the team"
  if (DATE_CONTEXT_BEFORE_RE.test(pre)) return true;
  // a weekday or a time written next to it: "Fri 12/4", "12/4 (Fri)", "12/4, 2pm"
  if (/(?:^|[^A-Za-z])(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*\.?[\s,(]*$/i.test(pre)) return true;
  if (
    /^[\s,(]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|(?:at\s+)?\d{1,2}:\d\d)/i.test(
      post,
    )
  )
    return true;
  // a range of numeric dates: "12/1-12/5", "12/1 to 12/5"
  if (/^\s*(?:[-–—]|to|through|thru|until)\s*\d{1,2}\/\d{1,2}/i.test(post)) return true;
  if (/\d{1,2}\/\d{1,2}\s*(?:[-–—]|to|through|thru|until)\s*$/i.test(pre)) return true;
  return false;
}

const MONTH_NAME = /(?<![A-Za-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![A-Za-z])/i;
const NUMERIC_TOKEN = /(?<![\w/.:-])(\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)(?![\w/]|[.:-]\d)/;

/**
 * The numeric date in a month-and-day result of chrono (which swaps impossible orders), read in the
 * locale's order: the date; undefined to keep chrono's reading (no numeric date, or an ISO-like
 * 2026-12-01 or 2026/12/01); null to drop the result. `text` starts at `start` in `prepared`;
 * `merged` says chrono joined a weekday or a time to it.
 */
export function numericDateInResult(
  text: string,
  start: number,
  prepared: string,
  dayFirst: boolean,
  merged: boolean,
): NumericDate | null | undefined {
  // a date with a month name ("Jan 15-20") is not numeric
  const numeric = MONTH_NAME.test(text) ? null : NUMERIC_TOKEN.exec(text);
  if (!numeric || /^\d{4}-\d{2}-\d{2}/.test(numeric[1])) return undefined;
  const tokenStart = start + numeric.index;
  const read = readNumericDate(numeric[1], dayFirst, () =>
    numericDateContext(prepared, tokenStart, tokenStart + numeric[1].length, merged),
  );
  if (read) return read;
  return /^\d{4}[/.]\d{1,2}[/.]\d{1,2}$/.test(numeric[1]) ? undefined : null;
}

/** Numeric dates chrono misses ("12/1" in "12/1-12/5") or would misread; validated like chrono's. */
export function numericDateCandidates(prepared: string, dayFirst: boolean): Candidate[] {
  const out: Candidate[] = [];
  if (!prepared.includes('/')) return out;
  for (const m of matches(SLASH_IN_TEXT, prepared)) {
    const start = m.index;
    const end = start + m[0].length;
    const read = readNumericDate(m[0], dayFirst, () => numericDateContext(prepared, start, end, false));
    if (!read) continue;
    out.push({ start, end, kind: 'calendar', fromChrono: false, year: read.year, month: read.month, day: read.day });
  }
  return out;
}
