/**
 * Reading one chrono-node result into a candidate. chrono is used as a *finder*: each result is
 * re-read from its text and its certain components, and dropped when it does not hold up (the modal
 * "may", "Sun Microsystems", "2/3 of the team", "for 3 weeks", "at 5 customers").
 */
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import type { Candidate } from './candidate.js';
import { MONTH_CONTEXT_BEFORE_RE } from './date-vocabulary.js';
import { numericDateInResult } from './numeric-dates.js';
import { dayRelativeIn } from './relative-days.js';
import { hourNotYear } from './hours-beside-dates.js';
import { after, before, extendWord, trimSpan } from './text-spans.js';
import { clockOf, timeAlone, timeOf } from './time-of-day.js';
import { isVaguePhrase } from './vague-phrases.js';
import { weekdayModifier, weekdayWordAccepted, weekdayWritten } from './weekday-words.js';

const RELATIVE_TAGS = ['result/relativeDate', 'casualReference/'];

function anyRelativeTag(tags: Set<string>): boolean {
  for (const tag of tags) {
    if (RELATIVE_TAGS.some((t) => tag.startsWith(t))) return true;
  }
  return false;
}

/** One result of chrono at `offset` in `prepared` (the blanked copy of `original`), or undefined. */
export function readChronoResult(
  r: ParsedResult,
  offset: number,
  original: string,
  prepared: string,
  dayFirst: boolean,
): Candidate | undefined {
  const c = readStart(r, offset, original, prepared, dayFirst);
  // a range of hours: "9:30 - 11:00", "Thursday from 9:30 to 11:00", "3-4pm"
  if (c && c.kind !== 'vague' && c.time && !c.endTime && r.end?.isCertain('hour')) {
    const endTime = timeOf(r.end, original.slice(c.start, c.end));
    if (endTime) c.endTime = endTime;
  }
  return c;
}

/** A candidate's time read from chrono's components, with its bare hour. */
function withTime(cand: Candidate, c: ParsedComponents, text: string): Candidate {
  const clock = clockOf(c, text);
  if (clock) {
    cand.time = clock.time;
    if (clock.bareHour !== undefined) cand.bareHour = clock.bareHour;
  }
  return cand;
}

function readStart(r: ParsedResult, offset: number, original: string, prepared: string, dayFirst: boolean): Candidate | undefined {
  let [start, end] = trimSpan(prepared, offset + r.index, offset + r.index + r.text.length);
  end = extendWord(original, end);
  if (end <= start) return undefined;
  const text = original.slice(start, end);
  const c = r.start;

  // A phrase of the vague vocabulary, read whole ("next week", "in two weeks", "end of next week").
  if (isVaguePhrase(text)) return { start, end, kind: 'vague', fromChrono: true, phrase: text };

  const relative = anyRelativeTag(r.tags()) || anyRelativeTag(c.tags());

  // Month and day written.
  if (c.isCertain('day') && c.isCertain('month') && !relative) return calendarDate(r, start, end, text, prepared, dayFirst);

  // Worded relative to the meeting: "tomorrow", "in 3 days", "tonight", "tomorrow at 3".
  // (Anything else chrono tags relative — "now", "2 hours", "for 3 weeks", "good morning", "the
  // week" — falls through and is dropped below, except a weekday with a part of day: "Monday morning".)
  const rel = relative ? dayRelativeIn(text) : undefined;
  if (rel) {
    return withTime({ start, end, kind: 'dayRelative', fromChrono: true, delta: rel.delta, businessDays: rel.business }, c, text);
  }

  // A weekday: "Friday", "next Tue", "Friday at 10", "Wednesday next week".
  if (c.isCertain('weekday') && !c.isCertain('day')) return weekday(c, start, end, text, before(prepared, start));

  // A month alone: "in December", "December 2026" (vague); "Jim March", "they may" (nothing).
  if (c.isCertain('month') && !c.isCertain('day')) {
    // "from 13 to 15 July" read as hours of July: no date of chrono's (month-days.ts reads it)
    if (c.isCertain('hour')) return undefined;
    // "7825 may not", "they may": the modal, not the month
    if (/\bmay\b/.test(text) || text === 'MAY') return undefined;
    if (c.isCertain('year')) {
      const year = c.get('year') ?? 0;
      if (year < 1900 || year > 2100) return undefined;
    } else if (!MONTH_CONTEXT_BEFORE_RE.test(before(prepared, start))) {
      return undefined;
    }
    return { start, end, kind: 'vague', fromChrono: true, phrase: text };
  }

  // A time of day alone: "at 2pm", "14:00", "noon", "2:00 PM ET".
  if (c.isCertain('hour') && !c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month')) {
    return timeAlone(c, original, start, end);
  }

  return undefined;
}

function calendarDate(
  r: ParsedResult,
  start: number,
  end: number,
  text: string,
  prepared: string,
  dayFirst: boolean,
): Candidate | undefined {
  const c = r.start;
  let month = c.get('month') ?? 0;
  let day = c.get('day') ?? 0;
  let year = c.isCertain('year') ? (c.get('year') ?? undefined) : undefined;
  const numeric = numericDateInResult(text, start, prepared, dayFirst, c.isCertain('weekday') || c.isCertain('hour'));
  if (numeric === null) return undefined;
  if (numeric) {
    month = numeric.month;
    day = numeric.day;
    year = numeric.year ?? year;
  }
  const written = c.isCertain('weekday') ? weekdayWritten(text) : undefined;
  const cand: Candidate = {
    start,
    end,
    kind: 'calendar',
    fromChrono: true,
    year,
    month,
    day,
    writtenWeekday: written?.weekday,
    // a range of days ("Dec 1-5", "Mon–Wed"), not of hours ("10-11am")
    range: !!r.end && (r.end.isCertain('day') || r.end.isCertain('weekday')) && r.end.get('day') !== c.get('day'),
  };
  withTime(cand, c, text);
  if (cand.range && r.end?.isCertain('day')) {
    const endMonth = r.end.isCertain('month') ? (r.end.get('month') ?? month) : month;
    const endYear = r.end.isCertain('year') ? (r.end.get('year') ?? undefined) : undefined;
    cand.rangeEnd = { month: endMonth, day: r.end.get('day') ?? day, year: endYear ?? year };
  }
  // "Oct 18 15 UTC", "March 6, 15-17:00": the number chrono took for a year is an hour
  if (year !== undefined && !numeric && c.isCertain('year') && !cand.time) {
    const hour = hourNotYear(text, after(prepared, end, 16), year);
    if (hour) {
      cand.year = undefined;
      cand.time = hour.time;
      cand.bareHour = hour.bareHour;
      if (hour.endTime) cand.endTime = hour.endTime;
      cand.end = end + hour.extra;
      if (cand.rangeEnd) cand.rangeEnd = { ...cand.rangeEnd, year: undefined };
    }
  }
  return cand;
}

function weekday(c: ParsedComponents, start: number, end: number, text: string, preceding: string): Candidate | undefined {
  if (/\bweekday\b/i.test(text)) return undefined;
  if (/\bweekend\b/i.test(text)) return undefined; // "this weekend" is vague (vocabulary); a bare "weekend" is nothing
  const written = weekdayWritten(text);
  if (!written) return undefined;
  const modifier = weekdayModifier(text.toLowerCase(), preceding.toLowerCase());
  const context = preceding + text.slice(0, written.index); // chrono's span may hold the "on" of "on Sat"
  // "mon." with its dot is the abbreviation, as "Mon" is
  const dotted = text[written.index + written.word.length] === '.';
  if (!weekdayWordAccepted(dotted ? `${written.word}.` : written.word, modifier, context, c.isCertain('hour'))) return undefined;
  // "coming" before the span ("this coming Friday") belongs to it, and so does the "this" of "this past Friday"
  const coming = /(?:\bthis\s+)?\bcoming\s+$/i.exec(preceding);
  if (coming && modifier === 'coming') start -= coming[0].length;
  const thisPast = modifier === 'last' && /^past\b/i.test(text) ? /\bthis\s+$/i.exec(preceding) : null;
  if (thisPast) start -= thisPast[0].length;
  return withTime(
    {
      start,
      end,
      kind: 'weekday',
      fromChrono: true,
      weekday: written.weekday,
      modifier,
    },
    c,
    text,
  );
}
