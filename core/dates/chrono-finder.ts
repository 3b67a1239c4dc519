/**
 * The chrono-node instances (English; month-first or day-first by locale) and the search of a
 * text with them. This is the one place that calls chrono-node.
 */
// Only the English locale: the package's main entry loads every language (250 modules at start-up).
import * as en from 'chrono-node/en';
import type { Candidate } from './candidate.js';
import { readChronoResult } from './chrono-result.js';
import { isValidTimeZone, instantOf, offsetMinutes } from './timezone.js';
import { isSpace } from './text-spans.js';
import type { DateContext } from './types.js';

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

function englishChrono(dayFirst: boolean): en.Chrono {
  const configuration = en.configuration.createCasualConfiguration(dayFirst);
  configuration.parsers = configuration.parsers.filter((p) => !PARSERS_NOT_USED.has(p.constructor.name));
  return new en.Chrono(configuration);
}

const MONTH_FIRST = englishChrono(false);
const DAY_FIRST = englishChrono(true);

/**
 * What chrono (as configured) can find needs a month or weekday name, or a number written as part of
 * a date or a time: "12/1", "2026-12-01", "10:30", "3pm", "3 o'clock", "at 3", "3 to 4", "1400 UTC",
 * a four-digit year. A number alone ("5 customers", "v2") gives chrono nothing to read, and most
 * texts that pass the prefilter hold only such numbers: they are not given to chrono at all.
 */
const CHRONO_GATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)|\d\s*(?:[:./\-–—]\s*\d|[ap]\.?m?\b|o\W*clock|h\b|hrs?\b|in\s+the|at\s+night|tonight|(?:to|till|until|through|thru|and)\s+\d|(?:utc|gmt|z|[a-z]{1,3}t)\b)|(?:at|from|@)\s*\d|\d{4}|T\d/i;

/** Used when the note has no meeting date: only components written in the text are read then. */
const NO_REFERENCE_INSTANT = new Date(Date.UTC(2000, 0, 1, 12, 0));

/** The meeting as chrono takes it: an instant and a fixed offset (chrono ignores zone names). */
function chronoReference(ctx: DateContext): { instant: Date; timezone: number } {
  const ref = ctx.reference;
  if (!ref) return { instant: NO_REFERENCE_INSTANT, timezone: 0 };
  const zone = typeof ctx.timezone === 'string' && isValidTimeZone(ctx.timezone) ? ctx.timezone : 'UTC';
  return { instant: instantOf(zone, ref.date, ref.time), timezone: offsetMinutes(zone, ref.date, ref.time) };
}

/** Texts longer than this are searched in windows (chrono's cost grows with the square of the length). */
const WINDOW_THRESHOLD = 400;
/** Largest piece of text chrono is ever given. */
const WINDOW_SIZE = 480;
/** Consecutive windows overlap by this much, so a phrase cut at one window's end is whole in the next. */
const WINDOW_OVERLAP = 80;

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

/**
 * What chrono finds in `prepared` (the blanked copy of `original`), each result re-read by
 * readChronoResult; `sawAny` says chrono returned anything at all, even what was dropped (our own
 * grammar for month days and weekdays needs a look only then). `ctx.reference` must be a valid date
 * or absent.
 */
export function chronoCandidates(
  original: string,
  prepared: string,
  dayFirst: boolean,
  ctx: DateContext,
): { candidates: Candidate[]; sawAny: boolean } {
  const parser = dayFirst ? DAY_FIRST : MONTH_FIRST;
  const reference = chronoReference(ctx);
  const out: Candidate[] = [];
  let sawAny = false;
  for (const [ws, we] of windowsOf(prepared)) {
    const piece = prepared.slice(ws, we);
    if (!CHRONO_GATE.test(piece)) continue;
    for (const r of parser.parse(piece, reference)) {
      sawAny = true;
      const c = readChronoResult(r, ws, original, prepared, dayFirst);
      if (c) out.push(c);
    }
  }
  return { candidates: out, sawAny };
}
