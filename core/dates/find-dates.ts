/**
 * Finding and reading dates in a short unit of note text (a sentence, an action item, a table cell).
 * This is the one place that calls chrono-node.
 *
 * How it works:
 * 1. A cheap prefilter returns [] for text that cannot hold a date (no digit, no month, weekday or
 *    date word) — most prose sentences.
 * 2. The text is copied with non-dates blanked out (same length, so offsets stay valid): base64-like
 *    runs of 200+ non-space characters, money, percentages, version numbers, phone numbers, "24/7".
 * 3. chrono-node (English; month-first or day-first by locale) finds candidates, in windows of at most
 *    ~480 characters (its cost grows with the square of the length). chrono is used as a *finder*: each
 *    result is re-read from its text and its certain components, and dropped when it does not hold up
 *    (the modal "may", "Sun Microsystems", "2/3 of the team", "for 3 weeks", "at 5 customers").
 * 4. Our own vocabulary (vocabulary/en/dates.json) adds what chrono misses or misreads: vague phrases
 *    ("next week", "mid-December", "Q3", "TBD"), EOD/COB, "the 15th", "in 3 business days".
 * 5. Overlaps are settled (the longer phrase wins: "the week of Dec 7" over "Dec 7", "Friday next week"
 *    over "next week") and neighbours are combined ("EOD" + "Friday", "Fri 11/27" + "@ 2pm",
 *    "Dec 4" + "(Fri)", "sometime" + "next week").
 * 6. Every day is resolved here, against the meeting date, never by chrono and never by the clock:
 *    - a bare weekday is the first such day strictly AFTER the meeting date: "Friday" in the notes of a
 *      Friday meeting is the Friday a week later (nobody writes "Friday" for the meeting day itself);
 *    - "this Friday" is the first Friday on or after the meeting date; "this coming Friday" and
 *      "coming Friday" the first one strictly after;
 *    - "next Friday" (and "Friday next week") is the Friday of the week after the meeting's week,
 *      weeks running Monday to Sunday — chrono's reading too. So in the notes of a Wednesday meeting
 *      "next Friday" is 9 days later and "next Monday" 5 days later;
 *    - "last Friday" is the last Friday strictly before the meeting;
 *    - a month and day without a year is the first such day no more than 60 days before the meeting:
 *      "Nov 13" in the notes of Nov 20 is that past Nov 13 (a typo or a stale line), "Dec 28" in the
 *      notes of Jan 3 the past Dec 28, and "Sep 1" in the notes of Nov 20 next year's Sep 1;
 *    - the date as written wins over a weekday written next to it ("Tue Dec 2" is Dec 2 whatever day
 *      that is; `writtenWeekday` keeps the Tuesday for the no-weekday-mismatch rule);
 *    - a time of day written without am/pm from 1 to 6 ("at 2:00", "Friday at 3") is afternoon:
 *      meeting notes name business hours (7:00 to 18:59). "06:30" (a leading zero) stays morning.
 */
import { Chrono, en, type ParsedComponents, type ParsedResult } from 'chrono-node';
import {
  WEEKDAY_NAMES,
  WEEKDAY_SHORT,
  addDays,
  daysBetween,
  formatTime,
  isValidDate,
  toIsoDate,
  weekdayOf,
  type PlainDate,
  type TimeOfDay,
} from './calendar.js';
import {
  ABSORBED_RE,
  DATE_CONTEXT_BEFORE_RE,
  DAY_RELATIVE_RE,
  DAY_WORDS,
  END_OF_DAY_RE,
  MONTH_CONTEXT_BEFORE_RE,
  NOT_DATES_RE,
  NOT_VAGUE_RE,
  VAGUE_BEFORE_RE,
  VAGUE_FINDER,
  VAGUE_RE,
  WEEKDAYS,
  WEEKDAYS_NEEDING_CONTEXT,
  WEEKDAY_TOKEN_RE,
  numberValue,
} from './date-vocabulary.js';
import { isDayFirstLocale } from './locale.js';
import { isValidTimeZone, offsetMinutes } from './timezone.js';
import type { DateContext, DateMention } from './types.js';

// ---------------------------------------------------------------------------------------------
// chrono instances: created once. Month-first (en-US) and day-first (en-GB and the like).

/**
 * chrono's casual English, without the parsers whose findings we read ourselves from the vocabulary
 * (relative words, "in 3 days", "next week", "this morning", "end of the month"): it is then about
 * three times faster, and cannot return "now", "for now" or "2 hours" as dates.
 */
const PARSERS_NOT_USED = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENCasualDateParser',
  'ENCasualTimeParser',
  'ENEndOfCurrentMonthParser',
  'ENRelativeDateFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
]);

function englishChrono(dayFirst: boolean): Chrono {
  const configuration = en.configuration.createCasualConfiguration(dayFirst);
  configuration.parsers = configuration.parsers.filter((p) => !PARSERS_NOT_USED.has(p.constructor.name));
  return new Chrono(configuration);
}

const MONTH_FIRST = englishChrono(false);
const DAY_FIRST = englishChrono(true);

/** What chrono (as configured) can find needs a digit, a month name or a weekday name. */
const CHRONO_GATE = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i;

/** Used when the note has no meeting date: only components written in the text are read then. */
const NO_REFERENCE_INSTANT = new Date(Date.UTC(2000, 0, 1, 12, 0));

// ---------------------------------------------------------------------------------------------
// Limits

/** Texts longer than this are searched in windows. */
const WINDOW_THRESHOLD = 400;
/** Largest piece of text chrono is ever given. */
const WINDOW_SIZE = 480;
/** Consecutive windows overlap by this much, so a phrase cut at one window's end is whole in the next. */
const WINDOW_OVERLAP = 80;
/** Runs of this many non-space characters (base64 images, hashes, minified code) are never read. */
const LONG_RUN = /(?<!\S)\S{200,}/;

// ---------------------------------------------------------------------------------------------
// Prefilter: one regular expression; a text that fails it holds no date.

/**
 * Could this text hold a date? A digit, a month or weekday name or abbreviation, or a word of the
 * date vocabulary (today, tomorrow, week, soon, EOD, TBD, …). Exported for tests.
 */
export const PREFILTER =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|tmrw?|yesterday|overmorrow|days?\b|week|month|quarter|year|half|sprint|fiscal|fy|ytd|soon|shortly|late|eventually|some ?(?:time|day)|some point|one of these days|tb[dca]|to be (?:det|conf|sched)|not yet sched|asap|a\.s\.a\.p|noon|midday|midnight|morning|afternoon|evening|night|eo[dbwmqy]|eofy|cob|e\.o\.d|c\.o\.b|end of|close of|spring|summer|fall|autumn|winter|holiday|new year|christmas|xmas|thanksgiving|easter|labor day|memorial day|break|launch|conference|freeze|offsite|future|down the|mid)/i;

// ---------------------------------------------------------------------------------------------
// Blanking non-dates (same length: offsets stay valid)

const blank = (m: string) => ' '.repeat(m.length);
const DOTTED_DATE = /^(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{4}\.\d{1,2}\.\d{1,2})$/;

const MASKS: RegExp[] = [
  // runs of 200+ non-space characters: base64 images, hashes, minified code
  LONG_RUN,
  // money: $1.5M, €200, £3k, USD 200, 1.5k, 200K, 10M, 2bn, 200 dollars
  /[$€£¥₹]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|mm|b|bn|million|billion|thousand)(?![a-z]))?/,
  /\b(?:usd|eur|gbp|cad|aud|inr|jpy|chf)\s?\d[\d,]*(?:\.\d+)?(?:k|m|mm|b|bn)?(?![\w])/,
  /(?<![\w.$€£])\d[\d,]*(?:\.\d+)?(?:k|mm|bn|m|b)(?![\w%])/,
  /\b\d[\d,]*(?:\.\d+)?\s?(?:usd|eur|gbp|dollars|euros|pounds|bucks)\b/,
  // percentages: 12%, 3.5 %, 40 percent
  /\d+(?:[.,]\d+)?\s?(?:%|percent\b|pct\b)/,
  // versions: v2, v2.0.1, 3.5.0, 1.2.3-beta (but not the dates 20.11.2026 and 2026.11.20: see prepare)
  /(?<![\w.])v\d+(?:\.\d+)*(?:[-+][\w.]+)?(?![\w])/,
  /(?<![\w.])\d+\.\d+\.\d+(?:\.\d+)*(?:[-+][\w.]+)?(?![\w.])/,
  // phone numbers: 555-123-4567, (415) 555 0100, +1 415 555 0100, +44 20 7946 0958
  /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?|\d{3}[\s.-])\d{3}[\s.-]?\d{4}(?![\w])/,
  /(?<![\w])\+\d{1,3}(?:[\s.-]?\d{2,4}){2,4}(?![\w])/,
  // never dates, whatever the context: 24/7, 24x7, 1:1
  NOT_DATES_RE,
  // spellings chrono does not know, respelled below at the same length: "Tues" → "Tue ", "Weds" → "Wed "
  /\b(?:tue|wed)s\b/,
];

/** All the masks in one pass. */
const MASK_RE = new RegExp(MASKS.map((re) => `(?:${re.source})`).join('|'), 'gi');
const RESPELL = /^(?:tue|wed)s$/i;

function prepare(text: string): string {
  return text.replace(MASK_RE, (m) => (RESPELL.test(m) ? `${m.slice(0, 3)} ` : DOTTED_DATE.test(m) ? m : blank(m)));
}

// ---------------------------------------------------------------------------------------------
// Candidates: what was found, before it is resolved against the meeting date.

type WeekdayModifier = 'bare' | 'this' | 'coming' | 'next' | 'last' | 'thisWeek' | 'nextWeek' | 'lastWeek';

interface Candidate {
  start: number;
  end: number;
  kind:
    | 'calendar' // month and day written: "Dec 1", "12/1", "2026-12-01"
    | 'weekday' // "Friday", "next Tue"
    | 'dayRelative' // "tomorrow", "in 3 days"
    | 'eod' // "EOD" alone: the meeting day
    | 'nth' // "the 15th"
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
  /** For "the 15th of next month". */
  monthOffset?: number;
  /** "a week from Friday": weeks added to the resolved day. */
  weeksLater?: number;
  /** The day is the end of the business day ("EOD Friday"). */
  endOfDay?: boolean;
  time?: TimeOfDay;
  /** The first day of a written range ("Dec 1-5", "Mon–Wed"). */
  range?: boolean;
  /** For vague candidates, the part of the text that names the period (for `how`). */
  phrase?: string;
  /** A time that counts only when joined to a day ("at 3" in "tomorrow at 3"). */
  weak?: boolean;
  /** The time is written before the day ("2pm on Friday"): words before it qualify the time. */
  timeFirst?: boolean;
}

const CONCRETE_KINDS = new Set<Candidate['kind']>(['calendar', 'weekday', 'dayRelative', 'eod', 'nth']);

// ---------------------------------------------------------------------------------------------
// Small text helpers

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v' || ch === '\u00a0';
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_]/.test(ch);
}

/** Up to `n` characters before `index`, starting at a whole word where possible. */
function before(s: string, index: number, n = 40): string {
  let from = Math.max(0, index - n);
  if (from > 0) {
    while (from < index && isWordChar(s[from - 1]) && isWordChar(s[from])) from++;
  }
  return s.slice(from, index);
}

function after(s: string, index: number, n = 24): string {
  return s.slice(index, index + n);
}

/** Trims whitespace and the punctuation chrono sometimes includes ("(Fri)", ", Friday", "Dec 4 "). */
function trimSpan(s: string, start: number, end: number): [number, number] {
  while (start < end && (isSpace(s[start]) || s[start] === ',' || s[start] === '(' || s[start] === '（')) start++;
  // chrono's span may start with the preposition ("on Tue Jun 23"): the date starts after it
  const on = /^on\s+/i.exec(s.slice(start, Math.min(end, start + 12)));
  if (on && start + on[0].length < end) start += on[0].length;
  while (end > start && (isSpace(s[end - 1]) || s[end - 1] === ',' || s[end - 1] === ')' || s[end - 1] === '）')) end--;
  return [start, end];
}

/** A word cut by a respelling ("Tues" read as "Tue "): take the whole word. */
function extendWord(original: string, end: number): number {
  while (end < original.length && /[A-Za-z]/.test(original[end]) && /[A-Za-z]/.test(original[end - 1] ?? '')) end++;
  return end;
}

// ---------------------------------------------------------------------------------------------
// Reading chrono results

const RELATIVE_TAGS = ['result/relativeDate', 'casualReference/'];

function hasRelativeTag(r: ParsedResult): boolean {
  for (const tag of r.tags()) {
    if (RELATIVE_TAGS.some((t) => tag.startsWith(t))) return true;
  }
  for (const tag of r.start.tags()) {
    if (RELATIVE_TAGS.some((t) => tag.startsWith(t))) return true;
  }
  return false;
}

/**
 * The time of day written in a result, if any. Hours 1–6 without am/pm are read as afternoon
 * (business hours), unless written with a leading zero ("06:30").
 */
function timeOf(c: ParsedComponents, text: string): TimeOfDay | undefined {
  if (!c.isCertain('hour')) return undefined;
  let hour = c.get('hour') ?? 0;
  const minute = c.isCertain('minute') ? (c.get('minute') ?? 0) : 0;
  if (!c.isCertain('meridiem') && hour >= 1 && hour <= 6 && !/(?<!\d)0\d[:.h]?\d\d/.test(text)) hour += 12;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  return { hour, minute };
}

/** The first weekday name written in `text`, e.g. "Tue" in "Tue Dec 1, 2pm". */
function weekdayWritten(text: string): { index: number; word: string; weekday: number } | undefined {
  const m = WEEKDAY_TOKEN_RE.exec(text);
  if (!m) return undefined;
  const weekday = WEEKDAYS.get(m[1].toLowerCase());
  return weekday === undefined ? undefined : { index: m.index, word: m[1], weekday };
}

function weekdayModifier(lowerText: string, lowerBefore: string): WeekdayModifier {
  const post = /\b(?:of\s+)?(next|this|last|past)\s+week\b/.exec(lowerText);
  if (post) return post[1] === 'next' ? 'nextWeek' : post[1] === 'this' ? 'thisWeek' : 'lastWeek';
  if (/\b(?:this\s+)?coming\s*$/.test(lowerBefore) || /\bcoming\b/.test(lowerText)) return 'coming';
  if (/\bnext\b/.test(lowerText)) return 'next';
  if (/\bthis\b/.test(lowerText)) return 'this';
  if (/\b(?:last|past)\b/.test(lowerText)) return 'last';
  return 'bare';
}

/** Is an abbreviated weekday ("Sun", "SAT", "wed") meant as a day here? */
function weekdayWordAccepted(word: string, modifier: WeekdayModifier, preceding: string, merged: boolean): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  // full names ("Friday", "friday"), and "Tues", "Thur", "Thurs", which are nothing else
  if (lower.length > 5 || lower === 'tues' || lower === 'thur' || lower === 'thurs') return true;
  if (merged || modifier !== 'bare') return true;
  if (DATE_CONTEXT_BEFORE_RE.test(preceding)) return true;
  if (WEEKDAYS_NEEDING_CONTEXT.has(lower)) return false; // "Sun Microsystems", "we sat down"
  const titleCase = word[0] === word[0].toUpperCase() && word.slice(1) === word.slice(1).toLowerCase();
  return titleCase; // "Fri", "Tue" — but not "SAT" (the exam) or "c'mon"
}

/** Reads "tomorrow", "in 3 days", "2 business days from now" — or undefined. */
const DAY_RELATIVE_ONE = new RegExp(DAY_RELATIVE_RE.source, 'i');

function dayRelativeIn(text: string): { index: number; length: number; delta: number; business: boolean } | undefined {
  const m = DAY_RELATIVE_ONE.exec(text);
  if (!m) return undefined;
  if (m[1] !== undefined) {
    const delta = DAY_WORDS.get(m[1].toLowerCase().replace(/\s+/g, ' '));
    return delta === undefined ? undefined : { index: m.index, length: m[0].length, delta, business: false };
  }
  const count = numberValue(m[2] ?? m[4] ?? '');
  if (count === undefined || count > 999) return undefined;
  const business = /^(business|working)$/i.test(m[3] ?? m[5] ?? '');
  const ago = /^ago$/i.test(m[6] ?? '');
  return { index: m.index, length: m[0].length, delta: ago ? -count : count, business };
}

const SLASH_NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/;
const SLASH_IN_TEXT = /(?<![\w/.:])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\w%/]|[.:]\d)/g;

/**
 * A numeric date ("12/1", "01/12/2026", "6.9.2026"): month and day in the locale's order. Returns
 * undefined when the order is impossible ("24/7" in en-US: chrono would quietly swap it) or when a
 * year-less date has no date context ("1/2", "3/5", "2/3 of the team").
 */
function readNumericDate(
  token: string,
  dayFirst: boolean,
  hasContext: () => boolean
): { year?: number; month: number; day: number } | undefined {
  const m = SLASH_NUMERIC.exec(token);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (m[1].length === 4) {
    // 2026/12/01 with a third part is handled by chrono (ISO-like); "2026/12" alone is not a day
    return undefined;
  }
  // Dotted dates (20.11.2026) are a European habit: day first whatever the locale.
  const dayFirstHere = dayFirst || m[2] === '.';
  const month = dayFirstHere ? b : a;
  const day = dayFirstHere ? a : b;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  let year: number | undefined;
  if (m[4] !== undefined) {
    year = Number(m[4]);
    if (m[4].length === 2) year += 2000;
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
  if (/^[\s,(]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|(?:at\s+)?\d{1,2}:\d\d)/i.test(post)) return true;
  // a range of numeric dates: "12/1-12/5", "12/1 to 12/5"
  if (/^\s*(?:[-–—]|to|through|thru|until)\s*\d{1,2}\/\d{1,2}/i.test(post)) return true;
  if (/\d{1,2}\/\d{1,2}\s*(?:[-–—]|to|through|thru|until)\s*$/i.test(pre)) return true;
  return false;
}

const VAGUE_ONE = new RegExp(VAGUE_RE.source, 'i');
const MONTH_NAME = /(?<![A-Za-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![A-Za-z])/i;

function classifyChrono(r: ParsedResult, offset: number, original: string, prepared: string, dayFirst: boolean): Candidate | undefined {
  let [start, end] = trimSpan(prepared, offset + r.index, offset + r.index + r.text.length);
  end = extendWord(original, end);
  if (end <= start) return undefined;
  const text = original.slice(start, end);
  const lower = text.toLowerCase();
  const c = r.start;
  const preceding = before(prepared, start);
  // a range of days ("Dec 1-5", "Mon–Wed"), not of hours ("10-11am")
  const range = !!r.end && (r.end.isCertain('day') || r.end.isCertain('weekday')) && r.end.get('day') !== c.get('day');

  // A phrase of the vague vocabulary, read whole ("next week", "in two weeks", "end of next week").
  const vague = VAGUE_ONE.exec(text);
  if (vague && vague.index === 0 && vague[0].length === text.length) {
    return { start, end, kind: 'vague', fromChrono: true, phrase: text };
  }

  const relative = hasRelativeTag(r);

  // Month and day written.
  if (c.isCertain('day') && c.isCertain('month') && !relative) {
    let month = c.get('month') ?? 0;
    let day = c.get('day') ?? 0;
    let year = c.isCertain('year') ? (c.get('year') ?? undefined) : undefined;
    // A numeric date is checked against the locale (chrono swaps impossible orders); a date with a
    // month name ("Jan 15-20") is not numeric.
    const numeric = MONTH_NAME.test(text) ? null : /(?<![\w/.:-])(\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)(?![\w/]|[.:-]\d)/.exec(text);
    if (numeric && !/^\d{4}-\d{2}-\d{2}/.test(numeric[1])) {
      const merged = c.isCertain('weekday') || c.isCertain('hour');
      const read = readNumericDate(numeric[1], dayFirst, () =>
        numericDateContext(prepared, start + numeric.index, start + numeric.index + numeric[1].length, merged)
      );
      if (!read) {
        if (/^\d{4}[/.]\d{1,2}[/.]\d{1,2}$/.test(numeric[1])) {
          // 2026/12/01: chrono's reading is right
        } else {
          return undefined;
        }
      } else {
        month = read.month;
        day = read.day;
        year = read.year ?? year;
      }
    }
    const written = c.isCertain('weekday') ? weekdayWritten(text) : undefined;
    return {
      start,
      end,
      kind: 'calendar',
      fromChrono: true,
      year,
      month,
      day,
      writtenWeekday: written?.weekday,
      time: timeOf(c, text),
      range,
    };
  }

  // Worded relative to the meeting: "tomorrow", "in 3 days", "tonight", "tomorrow at 3".
  // (Anything else chrono tags relative — "now", "2 hours", "for 3 weeks", "good morning", "the
  // week" — falls through and is dropped below, except a weekday with a part of day: "Monday morning".)
  const rel = relative ? dayRelativeIn(text) : undefined;
  if (rel) {
    return {
      start,
      end,
      kind: 'dayRelative',
      fromChrono: true,
      delta: rel.delta,
      businessDays: rel.business,
      time: timeOf(c, text),
    };
  }

  // A weekday: "Friday", "next Tue", "Friday at 10", "Wednesday next week".
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    if (/\bweekday\b/i.test(text)) return undefined;
    if (/\bweekend\b/i.test(text)) return undefined; // "this weekend" is vague (vocabulary); a bare "weekend" is nothing
    const written = weekdayWritten(text);
    if (!written) return undefined;
    const modifier = weekdayModifier(lower, preceding.toLowerCase());
    const context = preceding + text.slice(0, written.index); // chrono's span may hold the "on" of "on Sat"
    if (!weekdayWordAccepted(written.word, modifier, context, c.isCertain('hour'))) return undefined;
    // "coming" before the span ("this coming Friday") belongs to it
    const coming = /(?:\bthis\s+)?\bcoming\s+$/i.exec(preceding);
    if (coming && modifier === 'coming') start -= coming[0].length;
    return {
      start,
      end,
      kind: 'weekday',
      fromChrono: true,
      weekday: written.weekday,
      modifier,
      time: timeOf(c, text),
      range,
    };
  }

  // A month alone: "in December", "December 2026" (vague); "Jim March", "they may" (nothing).
  if (c.isCertain('month') && !c.isCertain('day')) {
    // "7825 may not", "they may": the modal, not the month
    if (/\bmay\b/.test(text) || text === 'MAY') return undefined;
    if (c.isCertain('year')) {
      const year = c.get('year') ?? 0;
      return year >= 1900 && year <= 2100 ? { start, end, kind: 'vague', fromChrono: true, phrase: text } : undefined;
    }
    if (!MONTH_CONTEXT_BEFORE_RE.test(preceding)) return undefined;
    return { start, end, kind: 'vague', fromChrono: true, phrase: text };
  }

  // A time of day alone: "at 2pm", "14:00", "noon", "2:00 PM ET".
  if (c.isCertain('hour') && !c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month')) {
    const time = timeOf(c, text);
    if (!time) return undefined;
    // A clock time ("14:00", "2pm", "3 o'clock", "1400 UTC") stands alone. A bare number ("at 10")
    // is a time next to a day ("Friday at 10", "tomorrow at 3") or after "at" at the end of a clause
    // ("let's meet at 10."), not otherwise ("we are at 5 customers", "from 600 to 500"). A timestamp
    // with seconds ("1:26:57", a recording offset) counts only next to a day.
    const clock = /\d[:.]\d\d|\d\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|o['’]?\s*clock|\b\d{3,4}\s*(?:utc|gmt|[a-z]{1,2}t)\b/i.test(text);
    const seconds = /\d:\d\d:\d\d/.test(text);
    const atEnd = /^(?:at|@)\s*\d{1,2}$/i.test(text) && /^\s*(?:$|[.,;!?)\]]|[-–—]\s)/.test(after(original, end));
    const weak = seconds || !(clock || atEnd);
    return { start, end, kind: 'time', fromChrono: true, time, weak };
  }

  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Our own finders

function* matches(re: RegExp, s: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield m;
  }
}

const NOT_VAGUE_GATE = /later|soon|some|end of|future|\d/i;

/** Spans of phrases that look vague but are not ("no later than", "as soon as"). */
function notVagueSpans(prepared: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!NOT_VAGUE_GATE.test(prepared)) return spans;
  for (const m of matches(NOT_VAGUE_RE, prepared)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

function insideAny(spans: Array<[number, number]>, start: number, end: number): boolean {
  return spans.some(([s, e]) => s <= start && end <= e);
}

const ORDINAL_DAY =
  /(?<![A-Za-z0-9_])(?:(on|by|before|until|till|til|thru|through|due|from|after|starting|since|no\s+later\s+than|eod|cob)\s+)?(the\s+)?(\d{1,2})(?:st|nd|rd|th)(\s+of\s+(?:the\s+)?(this|next)\s+month)?(?![A-Za-z0-9_])/gi;
const ORDINAL_THEN_MONTH =
  /^\s*(?:or|and|to|through|thru|until|-|–|—)\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])/i;
const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1])
);

/** What may follow "the 15th" for it to be a day rather than an ordinal in prose ("the 2nd option"). */
const AFTER_ORDINAL_DAY = /^(?:\s*$|\s*[.,;:!?)\]]|\s*[-–—]|\s+(?:at|@|and|or|to|through|thru|until|before|after|for|with|eod|cob|\d)\b)/i;

const NOON = /(?<![A-Za-z0-9_])(?:(?:at|by|around|before|after)\s+)?(?:12\s+)?(noon|midday|midnight)(?![A-Za-z0-9_])/gi;

/** Cheap tests that skip a finder when the text cannot hold what it finds. */
const GATES = {
  endOfDay: /eod|eob|cob|e\.o\.d|c\.o\.b|end of|close of/i,
  dayRelative: /to(?:day|night|m)|tmr|yesterday|overmorrow|last\s+night|this\s+(?:morn|after|even)|days?\b/i,
  ordinal: /\d(?:st|nd|rd|th)\b/i,
  noon: /noon|midday|midnight/i,
};

function ownCandidates(prepared: string): Candidate[] {
  const out: Candidate[] = [];
  let excludedSpans: Array<[number, number]> | undefined;
  const excluded = () => (excludedSpans ??= notVagueSpans(prepared));

  for (const m of GATES.noon.test(prepared) ? matches(NOON, prepared) : []) {
    const hour = m[1].toLowerCase() === 'midnight' ? 0 : 12;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'time', fromChrono: false, time: { hour, minute: 0 } });
  }

  for (const [start, end, phrase] of VAGUE_FINDER.find(prepared)) {
    if (insideAny(excluded(), start, end)) continue;
    out.push({ start, end, kind: 'vague', fromChrono: false, phrase });
  }

  for (const m of GATES.endOfDay.test(prepared) ? matches(END_OF_DAY_RE, prepared) : []) {
    const start = m.index;
    const end = start + m[0].length;
    if (insideAny(excluded(), start, end)) continue;
    out.push({ start, end, kind: 'eod', fromChrono: false, endOfDay: true });
  }

  for (const m of GATES.dayRelative.test(prepared) ? matches(DAY_RELATIVE_RE, prepared) : []) {
    const rel = dayRelativeIn(m[0]);
    if (!rel) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'dayRelative',
      fromChrono: false,
      delta: rel.delta,
      businessDays: rel.business,
    });
  }

  for (const m of GATES.ordinal.test(prepared) ? matches(ORDINAL_DAY, prepared) : []) {
    const preposition = m[1];
    const the = m[2];
    const n = Number(m[3]);
    const ofMonth = m[5]?.toLowerCase();
    if (n < 1 || n > 31) continue;
    const end = m.index + m[0].length;
    if (!ofMonth) {
      if (!preposition && !the) continue; // "3rd party", "1st call"
      if (!AFTER_ORDINAL_DAY.test(prepared.slice(end, end + 16))) continue; // "the 2nd option", "on the 3rd floor"
      if (!preposition && !/^\s*(?:$|[.,;:!?)\]])/.test(prepared.slice(end, end + 4))) continue;
      // "15th of December" is chrono's
      if (/^\s+of\b/i.test(prepared.slice(end, end + 6))) continue;
    }
    const start = m.index + (preposition ? m[0].indexOf(the ?? m[3], preposition.length) : 0);
    // "the 8th or the 9th of January": the month named after the second day is the first one's too
    const shared = ORDINAL_THEN_MONTH.exec(prepared.slice(end, end + 40));
    if (shared) {
      const month = MONTH_NUMBERS.get(shared[1].toLowerCase().replace(/\.$/, '').slice(0, 3));
      if (month) {
        out.push({ start, end, kind: 'calendar', fromChrono: false, month, day: n });
        continue;
      }
    }
    out.push({ start, end, kind: 'nth', fromChrono: false, day: n, monthOffset: ofMonth === 'next' ? 1 : ofMonth === 'this' ? 0 : undefined });
  }

  return out;
}

/** Numeric dates chrono misses ("12/1" in "12/1-12/5") or would misread; validated like chrono's. */
function ownNumericDates(prepared: string, dayFirst: boolean): Candidate[] {
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

// ---------------------------------------------------------------------------------------------
// Windows

function windowsOf(s: string): Array<[number, number]> {
  if (s.length <= WINDOW_THRESHOLD) return [[0, s.length]];
  const out: Array<[number, number]> = [];
  let start = 0;
  while (start < s.length) {
    while (start < s.length && isSpace(s[start])) start++;
    if (start >= s.length) break;
    let end = Math.min(s.length, start + WINDOW_SIZE);
    if (end < s.length) {
      let k = end;
      while (k > start + WINDOW_SIZE / 2 && !isSpace(s[k])) k--;
      if (k > start + WINDOW_SIZE / 2) end = k;
    }
    out.push([start, end]);
    if (end >= s.length) break;
    let next = Math.max(start + 1, end - WINDOW_OVERLAP);
    while (next < end && !isSpace(s[next])) next++;
    start = next;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Settling overlaps and combining neighbours

/** Longest first; on equal spans our vague reading, then chrono's, then our other finders. */
function rank(c: Candidate): number {
  if (c.kind === 'vague' && !c.fromChrono) return 0;
  if (c.fromChrono) return 1;
  return 2;
}

function settle(cands: Candidate[], textLength: number): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || rank(a) - rank(b) || a.start - b.start);
  const kept: Candidate[] = [];
  const taken = new Uint8Array(textLength);
  for (const c of sorted) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function gapText(s: string, a: Candidate, b: Candidate): string {
  return s.slice(a.end, b.start);
}

const DATE_THEN_TIME_GAP = /^\s*(?:,|@|at|from|starting at|-|–|—|\()?\s*$/i;
const TIME_THEN_DATE_GAP = /^\s*(?:,|on|@)?\s*$/i;
const EOD_THEN_DATE_GAP = /^[\s,]*(?:on|of)?\s*$/i;
const DATE_THEN_EOD_GAP = /^[\s,]*(?:by|at|@|-|–|—)?\s*$/i;
const WEEKDAY_AFTER_DATE_GAP = /^\s*[,(]?\s*$/;

function combine(prepared: string, list: Candidate[]): Candidate[] {
  let cands = list;
  let changed = true;
  let guard = 0;
  while (changed && guard++ < 8) {
    changed = false;
    const out: Candidate[] = [];
    for (let i = 0; i < cands.length; i++) {
      const a = cands[i];
      const b = cands[i + 1];
      if (b) {
        const merged = combinePair(prepared, a, b);
        if (merged) {
          out.push(merged);
          i++;
          changed = true;
          continue;
        }
      }
      out.push(a);
    }
    cands = out;
  }
  // A prefix may reach back over an earlier candidate ("sometime" in "sometime around Friday").
  const out: Candidate[] = [];
  for (const c of cands.map((x) => withPrefix(prepared, x))) {
    while (out.length > 0 && out[out.length - 1].end > c.start) out.pop();
    out.push(c);
  }
  return out;
}

function combinePair(s: string, a: Candidate, b: Candidate): Candidate | undefined {
  const gap = gapText(s, a, b);
  if (gap.length > 24) return undefined;
  const span = { start: a.start, end: b.end };

  // "EOD Friday", "COB tomorrow", "end of day on Dec 1"
  if (a.kind === 'eod' && CONCRETE_KINDS.has(b.kind) && b.kind !== 'eod' && EOD_THEN_DATE_GAP.test(gap)) {
    return { ...b, ...span, endOfDay: true };
  }
  // "Friday EOD", "Dec 1 by COB"
  if (b.kind === 'eod' && CONCRETE_KINDS.has(a.kind) && a.kind !== 'eod' && DATE_THEN_EOD_GAP.test(gap)) {
    return { ...a, ...span, endOfDay: true };
  }
  // "next week Tuesday", "next week on Tue": the Tuesday of next week
  if (a.kind === 'vague' && b.kind === 'weekday' && b.modifier === 'bare' && /^[\s,]*(?:on)?\s*$/i.test(gap)) {
    const which = /^(?:(?:the\s+)?(next|this|last)\s+week)$/i.exec(s.slice(a.start, a.end));
    if (which) {
      const w = which[1].toLowerCase();
      return { ...b, ...span, modifier: w === 'next' ? 'nextWeek' : w === 'this' ? 'thisWeek' : 'lastWeek' };
    }
  }
  // "sometime Friday": the day is known
  if (a.kind === 'vague' && CONCRETE_KINDS.has(b.kind) && /^\s*(?:on\s+)?$/i.test(gap) && ABSORBED_RE.test(s.slice(a.start, a.end))) {
    return { ...b, ...span };
  }
  // "Friday the 13th": an ordinal day with the weekday written
  if (a.kind === 'weekday' && a.modifier === 'bare' && b.kind === 'nth' && /^[\s,]*$/.test(gap)) {
    return { ...b, ...span, writtenWeekday: a.weekday, time: b.time ?? a.time };
  }
  // "Dec 4 (Fri)", "12/4, Friday": the weekday written after the date
  if (a.kind === 'calendar' && a.writtenWeekday === undefined && b.kind === 'weekday' && b.modifier === 'bare' && WEEKDAY_AFTER_DATE_GAP.test(gap)) {
    let end = b.end;
    if (gap.includes('(') && s[end] === ')') end++;
    return { ...a, start: a.start, end, writtenWeekday: b.weekday, time: a.time ?? b.time };
  }
  // "Fri 11/27 @ 2pm", "Friday, 2:00", "tomorrow at 3"
  if (CONCRETE_KINDS.has(a.kind) && !a.time && b.kind === 'time' && DATE_THEN_TIME_GAP.test(gap)) {
    let end = b.end;
    if (gap.includes('(') && s[end] === ')') end++;
    return { ...a, start: a.start, end, time: b.time };
  }
  // "2pm on Friday", "10:00, Tue Jun 23"
  if (a.kind === 'time' && CONCRETE_KINDS.has(b.kind) && !b.time && TIME_THEN_DATE_GAP.test(gap)) {
    return { ...b, ...span, time: a.time, timeFirst: true };
  }
  // "sometime next week", "later this month": one vague phrase
  if (a.kind === 'vague' && b.kind === 'vague' && /^\s*$/.test(gap)) {
    return { ...a, ...span, phrase: s.slice(a.start, b.end) };
  }
  return undefined;
}

/** Words just before a day that change it: "the week of Dec 7" (vague), "a week from Friday" (+7). */
const TIME_FIRST =
  /^(?:(?:at|@)\s*\d{1,2}(?:[:.]\d\d)?|\d{1,2}[:.]\d\d|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|(?:at\s+)?(?:noon|midday|midnight))/i;

function withPrefix(s: string, c: Candidate): Candidate {
  if (!CONCRETE_KINDS.has(c.kind) || c.timeFirst || TIME_FIRST.test(s.slice(c.start, c.start + 16))) return c;
  const pre = before(s, c.start, 40);
  const vague = VAGUE_BEFORE_RE.exec(pre);
  if (vague) {
    const start = c.start - (pre.length - vague.index);
    return { start, end: c.end, kind: 'vague', fromChrono: c.fromChrono, phrase: s.slice(start, c.end) };
  }
  const weeks = /(?<![A-Za-z0-9_])(a|one|two|three|four|\d{1,2})\s+weeks?\s+(?:from|after)\s+$/i.exec(pre);
  if (weeks && (c.kind === 'weekday' || c.kind === 'calendar' || c.kind === 'nth' || (c.kind === 'dayRelative' && c.delta !== 0))) {
    const n = numberValue(weeks[1]);
    if (n !== undefined) return { ...c, start: c.start - (pre.length - weeks.index), weeksLater: n };
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Resolution against the meeting date

function isoWeekday(d: PlainDate): number {
  const w = weekdayOf(d);
  return w === 0 ? 7 : w;
}

function label(d: PlainDate): string {
  return `${WEEKDAY_SHORT[weekdayOf(d)]} ${toIsoDate(d)}`;
}

/** Past-date window: a year-less month and day up to this many days before the meeting is that past day. */
const PAST_WINDOW_DAYS = 60;

function resolveYear(month: number, day: number, ref: PlainDate): PlainDate | undefined {
  for (let year = ref.year - 1; year <= ref.year + 4; year++) {
    if (!isValidDate(year, month, day)) continue;
    const d = { year, month, day };
    if (daysBetween(ref, d) >= -PAST_WINDOW_DAYS) return d;
  }
  return undefined;
}

function resolveWeekday(ref: PlainDate, weekday: number, modifier: WeekdayModifier): PlainDate {
  const refWd = weekdayOf(ref);
  const iso = weekday === 0 ? 7 : weekday;
  switch (modifier) {
    case 'this':
      return addDays(ref, (weekday - refWd + 7) % 7);
    case 'last':
      return addDays(ref, -((refWd - weekday + 7) % 7 || 7));
    case 'next':
    case 'nextWeek':
      return addDays(ref, 8 - isoWeekday(ref) + iso - 1);
    case 'thisWeek':
      return addDays(ref, -(isoWeekday(ref) - 1) + iso - 1);
    case 'lastWeek':
      return addDays(ref, -(isoWeekday(ref) - 1) - 7 + iso - 1);
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

function resolveNth(ref: PlainDate, n: number, monthOffset: number | undefined): PlainDate | undefined {
  if (monthOffset !== undefined) {
    const m0 = ref.month - 1 + monthOffset;
    const year = ref.year + Math.floor(m0 / 12);
    const month = (m0 % 12) + 1;
    return isValidDate(year, month, n) ? { year, month, day: n } : undefined;
  }
  for (let i = 0; i < 13; i++) {
    const m0 = ref.month - 1 + i;
    const year = ref.year + Math.floor(m0 / 12);
    const month = (m0 % 12) + 1;
    if (!isValidDate(year, month, n)) continue;
    const d = { year, month, day: n };
    if (daysBetween(ref, d) >= 0) return d;
  }
  return undefined;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function weekdayHow(c: Candidate, d: PlainDate | undefined, ref: PlainDate | undefined): string {
  const name = WEEKDAY_NAMES[c.weekday ?? 0];
  const at = d ? ` (${label(d)})` : '';
  switch (c.modifier) {
    case 'this':
      return `the first ${name} on or after the meeting${at}`;
    case 'coming':
      return `the coming ${name}, after the meeting${at}`;
    case 'next':
    case 'nextWeek':
      return `${name} of the week after the meeting's week, weeks running Monday to Sunday${at}`;
    case 'thisWeek':
      return `${name} of the meeting's week${at}`;
    case 'lastWeek':
      return `${name} of the week before the meeting's week${at}`;
    case 'last':
      return `the last ${name} before the meeting${at}`;
    default: {
      const same = ref && d && c.weekday === weekdayOf(ref) ? ` — the meeting was itself a ${name}, so a week later` : '';
      return `${name} after the meeting${at}${same}`;
    }
  }
}

function resolve(c: Candidate, ref: PlainDate | undefined, text: string): { date?: PlainDate; how: string } {
  const base = resolveBase(c, ref, text);
  if (!c.weeksLater || !base.date) return base;
  const date = addDays(base.date, 7 * c.weeksLater);
  const weeks = `${c.weeksLater} week${c.weeksLater === 1 ? '' : 's'}`;
  return { date, how: `${weeks} after ${base.how.replace(/ \([A-Z][a-z]{2} \d{4}-\d\d-\d\d\)/, '')} (${label(date)})` };
}

function resolveBase(c: Candidate, ref: PlainDate | undefined, text: string): { date?: PlainDate; how: string } {
  const eod = c.endOfDay ? 'end of day, ' : '';
  switch (c.kind) {
    case 'calendar': {
      const month = c.month ?? 0;
      const day = c.day ?? 0;
      const range = c.range ? '; the first day of the range' : '';
      if (c.year !== undefined) {
        if (!isValidDate(c.year, month, day)) return { how: `'${text}' is not a valid calendar date` };
        const d = { year: c.year, month, day };
        return { date: d, how: `${eod}calendar date (${label(d)})${range}` };
      }
      if (!ref) return { how: `${eod}calendar date; no meeting date, so the year is unknown${range}` };
      const d = resolveYear(month, day, ref);
      if (!d) return { how: `'${text}' is not a valid calendar date` };
      const back = daysBetween(ref, d);
      const year =
        back < 0
          ? `in the ${PAST_WINDOW_DAYS} days before the meeting, so read as past (a typo or a stale line?)`
          : d.year === ref.year
            ? 'year from the meeting'
            : 'next after the meeting, so next year';
      return { date: d, how: `${eod}calendar date, ${year} (${label(d)})${range}` };
    }
    case 'weekday': {
      if (!ref) return { how: `${eod}${WEEKDAY_NAMES[c.weekday ?? 0]}; no meeting date to count from` };
      const d = resolveWeekday(ref, c.weekday ?? 0, c.modifier ?? 'bare');
      return { date: d, how: `${eod}${weekdayHow(c, d, ref)}` };
    }
    case 'dayRelative': {
      if (!ref) return { how: `${eod}'${text}' counts from the meeting date, which the note does not give` };
      const d = c.businessDays ? addBusinessDays(ref, c.delta ?? 0) : addDays(ref, c.delta ?? 0);
      const n = Math.abs(c.delta ?? 0);
      const unit = c.businessDays ? 'business day' : 'day';
      const what =
        c.delta === 0
          ? 'the meeting day'
          : `${n} ${unit}${n === 1 ? '' : 's'} ${(c.delta ?? 0) > 0 ? 'after' : 'before'} the meeting`;
      return { date: d, how: `${eod}${what} (${label(d)})` };
    }
    case 'eod': {
      if (!ref) return { how: 'end of day on the meeting date, which the note does not give' };
      return { date: ref, how: `end of day on the meeting date (${label(ref)})` };
    }
    case 'nth': {
      const which = c.monthOffset === 1 ? 'next month' : c.monthOffset === 0 ? 'the meeting month' : undefined;
      if (!ref) return { how: `${eod}the ${ordinal(c.day ?? 0)} of a month; no meeting date to count from` };
      const d = resolveNth(ref, c.day ?? 0, c.monthOffset);
      if (!d) return { how: `the ${ordinal(c.day ?? 0)} of ${which ?? 'the month'} does not exist` };
      return {
        date: d,
        how: which
          ? `${eod}the ${ordinal(c.day ?? 0)} of ${which} (${label(d)})`
          : `${eod}the next ${ordinal(c.day ?? 0)} on or after the meeting (${label(d)})`,
      };
    }
    case 'time':
      return { how: `a time of day (${fmtTime(c.time)}) with no day` };
    case 'vague':
    default:
      return { how: `'${(c.phrase ?? text).trim()}' names no single day` };
  }
}

function fmtTime(t: TimeOfDay | undefined): string {
  return t ? formatTime(t) : '';
}

/** Vague phrases worded against the meeting ("next week", "soon") vs. against the calendar ("Q3", "mid-December"). */
const CALENDAR_WORDED =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b[qh][1-4]\b|\b[1-4][qh]\b|\b(?:19|20)\d\d\b|\bfy|\d+\/\d+|\b(?:spring|summer|fall|autumn|winter|holidays?|christmas|xmas|thanksgiving|easter)\b/i;

const RELATIVE_WORDED =
  /\b(?:next|this|coming|following|upcoming|in|within|ago|from\s+(?:now|today)|soon|soonish|shortly|later|eo[wmqy]|eofy|week|weekend|month|quarter|year|sprint|half)\b|\bmid-?week\b/i;

function isRelative(c: Candidate, text: string): boolean {
  switch (c.kind) {
    case 'weekday':
    case 'dayRelative':
    case 'eod':
    case 'nth':
      return true;
    case 'calendar':
    case 'time':
      return false;
    case 'vague':
    default:
      return RELATIVE_WORDED.test(text) && !CALENDAR_WORDED.test(text);
  }
}

// ---------------------------------------------------------------------------------------------
// The entry point

/**
 * The dates in `text`, sorted by start, non-overlapping. Offsets are into `text`.
 * Never throws; returns [] for anything it cannot read.
 */
export function findDates(text: string, ctx: DateContext): DateMention[] {
  try {
    return findDatesUnchecked(text, ctx);
  } catch {
    return [];
  }
}

let lastLocale: string | undefined;
let lastDayFirst = false;

function dayFirstCached(locale: string | undefined): boolean {
  if (locale !== lastLocale) {
    lastLocale = locale;
    lastDayFirst = isDayFirstLocale(locale);
  }
  return lastDayFirst;
}

function chronoReference(ctx: DateContext): { instant: Date; timezone: number } {
  const ref = ctx.reference;
  if (!ref) return { instant: NO_REFERENCE_INSTANT, timezone: 0 };
  const zone = typeof ctx.timezone === 'string' && isValidTimeZone(ctx.timezone) ? ctx.timezone : 'UTC';
  const offset = offsetMinutes(zone, ref.date, ref.time);
  const wall = Date.UTC(ref.date.year, ref.date.month - 1, ref.date.day, ref.time?.hour ?? 12, ref.time?.minute ?? 0);
  return { instant: new Date(wall - offset * 60_000), timezone: offset };
}

function findDatesUnchecked(text: string, ctx: DateContext): DateMention[] {
  if (typeof text !== 'string' || text.length === 0 || !PREFILTER.test(text)) return [];
  const prepared = prepare(text);
  const ref = ctx?.reference?.date;
  const validRef = ref && isValidDate(ref.year, ref.month, ref.day) ? ref : undefined;
  const dayFirst = dayFirstCached(ctx?.locale);
  const parser = dayFirst ? DAY_FIRST : MONTH_FIRST;
  const reference = chronoReference(validRef ? ctx : { ...ctx, reference: undefined });

  const cands: Candidate[] = [];
  for (const [ws, we] of windowsOf(prepared)) {
    const piece = prepared.slice(ws, we);
    if (!CHRONO_GATE.test(piece)) continue;
    for (const r of parser.parse(piece, reference)) {
      const c = classifyChrono(r, ws, text, prepared, dayFirst);
      if (c) cands.push(c);
    }
  }
  cands.push(...ownCandidates(prepared), ...ownNumericDates(prepared, dayFirst));
  if (cands.length === 0) return [];

  const settled = combine(prepared, settle(cands, prepared.length));
  const out: DateMention[] = [];
  for (const c of settled) {
    if (c.kind === 'time' && c.weak) continue;
    const mentionText = text.slice(c.start, c.end);
    const { date, how } = resolve(c, validRef, mentionText);
    const kind = c.kind === 'vague' ? 'vague' : c.kind === 'time' ? 'time' : 'concrete';
    const mention: DateMention = {
      start: c.start,
      end: c.end,
      text: mentionText,
      kind,
      relative: isRelative(c, mentionText),
      how: c.time && kind === 'concrete' ? `${how}, at ${fmtTime(c.time)}` : how,
    };
    if (date && kind === 'concrete') mention.date = date;
    if (c.time && kind !== 'vague') mention.time = c.time;
    if (c.writtenWeekday !== undefined && kind === 'concrete') mention.writtenWeekday = c.writtenWeekday;
    out.push(mention);
  }
  return out;
}
