/**
 * Month-and-day phrases chrono-node misreads, and the guard that keeps a day from being swallowed by
 * a time: in "Feb 15 in the morning", "Dec 3 in the afternoon" and "July 13 through 15" chrono reads
 * "15 in the morning", "3 in the afternoon" and "13 through 15" as hours, and the day is lost. Read
 * here whole: ranges ("July 13 through 15", "from 13 to 15 July") and alternatives ("Dec 8 or 9")
 * give their first day, the rest noted; a part of the day after a date is part of the date.
 */
import type { Candidate, MonthDay } from './candidate.js';
import { PHRASE_LISTS, VOCABULARY, literalAlternation } from './date-vocabulary.js';
import { matches } from './text-spans.js';

const MONTH = `(${literalAlternation(PHRASE_LISTS.month)})\\.?`;
const THROUGH = literalAlternation(VOCABULARY.dayRanges.through);
const OR = literalAlternation(VOCABULARY.dayRanges.or);
/** A part of the day written after a date: "in the morning", "at night", "afternoon". */
const PART = `(?:${literalAlternation(
  Object.keys(VOCABULARY.clock.partsOfDay).filter((p) => /^(?:in|at)\s/.test(p)),
)}|${literalAlternation(Object.keys(VOCABULARY.clock.partOfDayWords).filter((w) => w !== 'tonight'))})`;
const YEAR = `(?:,?\\s+((?:19|20)\\d\\d))`;
const DAY = `(\\d{1,2})(?:st|nd|rd|th)?`;
/** What may not follow the second day of a range for it to be a day: a time ("3-4pm", "13-15:00"), more digits. */
const NOT_A_DAY_AFTER = `(?![\\w:/]|\\.\\d|\\s*(?:[ap]\\.?m\\b|[ap]\\b|o['’]?\\s?clock|h\\b|hrs?\\b|hours?\\b|minutes?\\b|mins?\\b|days?\\b|%))`;
const TAIL = `(?:\\s*(${THROUGH}|${OR})\\s*(?:the\\s+)?${DAY}${NOT_A_DAY_AFTER})`;

/**
 * Month first: "July 13 through 15", "Dec 8 or 9", "Feb 15 in the morning", "february the 15th".
 * Groups: 1 month, 2 "the", 3 day, 4 connector, 5 second day, 6 year, 7 part of day.
 */
const MONTH_FIRST = new RegExp(
  `(?<![A-Za-z0-9_])${MONTH}\\s+(the\\s+)?${DAY}(?![\\w:/]|\\.\\d)${TAIL}?${YEAR}?(\\s+${PART})?(?![A-Za-z0-9_])`,
  'gi',
);
/**
 * Day first: "from 13 to 15 July", "13th or 14th of June", "15 of february in the morning".
 * Groups: 1 day, 2 connector, 3 second day, 4 month, 5 year, 6 part of day.
 */
const DAY_FIRST = new RegExp(
  `(?<![\\w:/.$€£-])(?:the\\s+)?${DAY}(?:\\s*(${THROUGH}|${OR})\\s*(?:the\\s+)?${DAY})?\\s+(?:of\\s+)?${MONTH}${YEAR}?(\\s+${PART})?(?![A-Za-z0-9_])`,
  'gi',
);

/** A month name beside a number: "Feb 15", "15 of February", "13–15 July". */
const GATE =
  /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:the\s+)?\d|\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const OR_RE = new RegExp(`^(?:${OR})$`, 'i');

function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(w) + 1;
}

function candidate(
  start: number,
  end: number,
  month: number,
  day: number,
  connector: string | undefined,
  second: number | undefined,
  year: number | undefined,
): Candidate | undefined {
  if (month < 1 || day < 1 || day > 31) return undefined;
  const c: Candidate = { start, end, kind: 'calendar', fromChrono: false, month, day, year };
  if (connector !== undefined && second !== undefined) {
    if (second < 1 || second > 31 || second === day) return undefined;
    const other: MonthDay = { month, day: second, year };
    if (OR_RE.test(connector.trim())) {
      c.alternatives = [other];
    } else {
      if (second < day) return undefined;
      c.range = true;
      c.rangeEnd = other;
    }
  }
  return c;
}

/**
 * The phrases above, only where they hold what chrono misreads: a range, an alternative, "the", a
 * part of day. (chrono always finds something beside a month name and a number, if only a time:
 * find-dates runs this only then.)
 */
export function monthDayCandidates(prepared: string): Candidate[] {
  const out: Candidate[] = [];
  if (!GATE.test(prepared)) return out;
  for (const m of matches(MONTH_FIRST, prepared)) {
    if (!m[2] && !m[4] && !m[7]) continue; // "Dec 1", "Dec 1, 2026": chrono's
    const c = candidate(
      m.index,
      m.index + m[0].length,
      monthNumber(m[1]),
      Number(m[3]),
      m[4],
      m[5] ? Number(m[5]) : undefined,
      m[6] ? Number(m[6]) : undefined,
    );
    if (c) out.push(c);
  }
  for (const m of matches(DAY_FIRST, prepared)) {
    if (!m[2] && !m[6]) continue; // "15 Dec", "13–15 July" without a part of day: chrono's
    const c = candidate(
      m.index,
      m.index + m[0].length,
      monthNumber(m[4]),
      Number(m[1]),
      m[2],
      m[3] ? Number(m[3]) : undefined,
      m[5] ? Number(m[5]) : undefined,
    );
    if (c) out.push(c);
  }
  return out;
}

/** A chrono time that starts just after a month name ("Jan 5 - 6pm"): the month and its first number are a day. */
const MONTH_BEFORE = new RegExp(`(?<![A-Za-z])${MONTH}\\s+$`, 'i');

/**
 * The days that chrono's times took from a month name: in "Jan 5 - 6pm" and "Dec 3 - 4pm" the 5 and
 * the 3 are days. Each such day is a candidate of its own (the guard then drops the time).
 */
export function daysUnderTimes(prepared: string, cands: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  if (!cands.some((c) => c.kind === 'time' && c.fromChrono)) return out;
  for (const c of cands) {
    if (c.kind !== 'time' || !c.fromChrono) continue;
    const number = /^(\d{1,2})(?![\d:.])/.exec(prepared.slice(c.start, c.end));
    if (!number) continue;
    const month = MONTH_BEFORE.exec(prepared.slice(Math.max(0, c.start - 12), c.start));
    if (!month) continue;
    const day = Number(number[1]);
    if (day < 1 || day > 31) continue;
    const start = c.start - (Math.min(12, c.start) - month.index);
    out.push({ start, end: c.start + number[1].length, kind: 'calendar', fromChrono: false, month: monthNumber(month[1]), day });
  }
  return out;
}

/**
 * The guard: a time of day that overlaps a day read by our own finders is no time ("15 in the
 * morning" in "Feb 15 in the morning" is the 15th). The day wins whatever the lengths.
 */
export function withoutTimesOverDays(cands: Candidate[]): Candidate[] {
  const days = cands.filter((c) => !c.fromChrono && (c.kind === 'calendar' || c.kind === 'nth'));
  if (days.length === 0) return cands;
  return cands.filter((c) => c.kind !== 'time' || !days.some((d) => d.start < c.end && c.start < d.end));
}
