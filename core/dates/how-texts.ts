/** How a date was read, for a seller (`DateMention.how`): "the Friday after the meeting (Fri 2026-11-27)". */
import { WEEKDAY_NAMES, WEEKDAY_SHORT, daysBetween, toIsoDate, weekdayOf, type PlainDate } from './calendar.js';
import type { Candidate } from './candidate.js';
import { holidayName } from './holidays.js';
import { PAST_WINDOW_DAYS } from './resolve-day.js';
import { fmtTime } from './time-of-day.js';

/** "Fri 2026-11-27". */
function label(d: PlainDate): string {
  return `${WEEKDAY_SHORT[weekdayOf(d)]} ${toIsoDate(d)}`;
}

/** "; the first day of the range", said of a range whose end is not known. */
const RANGE_IN_HOW = /; the first day of the range$/;

/** " (Fri 2026-11-27)" at the end of a how text. */
const LABEL_IN_HOW = / \([A-Z][a-z]{2} \d{4}-\d\d-\d\d\)/;

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function weekdayHow(c: Candidate, d: PlainDate, ref: PlainDate): string {
  const name = WEEKDAY_NAMES[c.weekday ?? 0];
  const at = ` (${label(d)})`;
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
    case 'afterNext':
      return `the ${name} after the coming one, a week later${at}`;
    case 'beforeLast':
      return `the ${name} before the last one, a week earlier${at}`;
    default: {
      const same = c.weekday === weekdayOf(ref) ? ` — the meeting was itself a ${name}, so a week later` : '';
      return `${name} after the meeting${at}${same}`;
    }
  }
}

/** "; the first day of a range to Wed 2026-12-09", "; or Wed 2026-12-09". */
function restHow(endDate: PlainDate | undefined, alternatives: readonly PlainDate[] | undefined): string {
  if (endDate) return `; the first day of a range to ${label(endDate)}`;
  if (alternatives && alternatives.length > 0) return `; the first of the days offered, or ${alternatives.map(label).join(', or ')}`;
  return '';
}

/** "the third Tuesday after", "the day before", "2 business days after". */
function stepHow(c: Candidate): string {
  const step = c.step;
  if (!step) return '';
  const dir = step.direction > 0 ? 'after' : 'before';
  if (step.weekday !== undefined) {
    const nth = step.count === 1 ? '' : `${ordinal(step.count)} `;
    return `the ${nth}${WEEKDAY_NAMES[step.weekday]} ${dir}`;
  }
  const unit = step.business ? 'business day' : 'day';
  return step.count === 1 ? `the ${unit} ${dir}` : `${step.count} ${unit}s ${dir}`;
}

/**
 * How `c` (written as `text`) was read against the meeting date `ref`: `named` is the day it names
 * (see namedDay) and `meant` that day with "a week from …" and "the Friday after …" applied.
 */
export function howOf(
  c: Candidate,
  ref: PlainDate | undefined,
  named: PlainDate | undefined,
  meant: PlainDate | undefined,
  text: string,
  endDate?: PlainDate,
  alternatives?: readonly PlainDate[],
): string {
  const base = namedHow(c, ref, named, text);
  const how = endDate || alternatives?.length ? base.replace(RANGE_IN_HOW, '') + restHow(endDate, alternatives) : base;
  if (!named || !meant || (!c.weeksLater && !c.step)) return how;
  const parts: string[] = [];
  if (c.step) parts.push(stepHow(c));
  if (c.weeksLater) parts.push(`${c.weeksLater} week${c.weeksLater === 1 ? '' : 's'} after`);
  return `${parts.join(' ')} ${how.replace(LABEL_IN_HOW, '')} (${label(meant)})`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "the last Friday of", "the first business day of", "the 3rd day of". */
function monthWeekdayWhat(c: Candidate): string {
  const n = c.ordinal ?? 0;
  const which = n === -1 ? 'last' : n > 0 && n <= 5 ? ['first', 'second', 'third', 'fourth', 'fifth'][n - 1] : ordinal(n);
  const unit = c.unit === 'weekday' ? WEEKDAY_NAMES[c.weekday ?? 0] : c.unit === 'businessDay' ? 'business day' : 'day';
  return `the ${which} ${unit} of`;
}

/** The year a year-less day was given: past (in the window), the meeting's, or the next. */
function yearHow(ref: PlainDate, d: PlainDate): string {
  const back = daysBetween(ref, d);
  return back < 0
    ? `in the ${PAST_WINDOW_DAYS} days before the meeting, so read as past (a typo or a stale line?)`
    : d.year === ref.year
      ? 'year from the meeting'
      : 'next after the meeting, so next year';
}

function namedHow(c: Candidate, ref: PlainDate | undefined, d: PlainDate | undefined, text: string): string {
  const eod = c.endOfDay ? 'end of day, ' : '';
  switch (c.kind) {
    case 'calendar': {
      const range = c.range ? '; the first day of the range' : '';
      if (c.year !== undefined) {
        if (!d) return `'${text}' is not a valid calendar date`;
        return `${eod}calendar date (${label(d)})${range}`;
      }
      if (!ref) return `${eod}calendar date; no meeting date, so the year is unknown${range}`;
      if (!d) return `'${text}' is not a valid calendar date`;
      return `${eod}calendar date, ${yearHow(ref, d)} (${label(d)})${range}`;
    }
    case 'holiday': {
      const name = `the holiday ${holidayName(c.holiday ?? '')}`;
      if (!d)
        return ref || c.year !== undefined ? `${name} has no day that year` : `${eod}${name}; no meeting date, so the year is unknown`;
      if (c.year !== undefined || c.yearOffset !== undefined || !ref) return `${eod}${name} (${label(d)})`;
      const which =
        c.holidayWhich === 'next'
          ? 'the first after the meeting'
          : c.holidayWhich === 'this'
            ? 'the first on or after the meeting'
            : c.holidayWhich === 'last'
              ? 'the last before the meeting'
              : yearHow(ref, d);
      return `${eod}${name}, ${which} (${label(d)})`;
    }
    case 'monthWeekday': {
      const what = monthWeekdayWhat(c);
      const month =
        c.month !== undefined
          ? `${MONTHS[c.month - 1]}${c.year !== undefined ? ` ${c.year}` : ''}`
          : c.monthOffset === 1
            ? 'next month'
            : c.monthOffset === 0
              ? 'the meeting month'
              : 'the month (the next one once it is past)';
      if (!d)
        return ref || c.year !== undefined ? `${what} ${month} does not exist` : `${eod}${what} ${month}; no meeting date to count from`;
      const year = c.month !== undefined && c.year === undefined && ref ? `, ${yearHow(ref, d)}` : '';
      return `${eod}${what} ${month}${year} (${label(d)})`;
    }
    case 'weekday': {
      if (!ref || !d) return `${eod}${WEEKDAY_NAMES[c.weekday ?? 0]}; no meeting date to count from`;
      return `${eod}${weekdayHow(c, d, ref)}`;
    }
    case 'dayRelative': {
      if (!ref || !d) return `${eod}'${text}' counts from the meeting date, which the note does not give`;
      const n = Math.abs(c.delta ?? 0);
      const unit = c.businessDays ? 'business day' : 'day';
      const what =
        c.delta === 0 ? 'the meeting day' : `${n} ${unit}${n === 1 ? '' : 's'} ${(c.delta ?? 0) > 0 ? 'after' : 'before'} the meeting`;
      return `${eod}${what} (${label(d)})`;
    }
    case 'eod': {
      if (!ref) return 'end of day on the meeting date, which the note does not give';
      return `end of day on the meeting date (${label(ref)})`;
    }
    case 'nth': {
      const which = c.monthOffset === 1 ? 'next month' : c.monthOffset === 0 ? 'the meeting month' : undefined;
      if (!ref) return `${eod}the ${ordinal(c.day ?? 0)} of a month; no meeting date to count from`;
      if (!d) return `the ${ordinal(c.day ?? 0)} of ${which ?? 'the month'} does not exist`;
      return which
        ? `${eod}the ${ordinal(c.day ?? 0)} of ${which} (${label(d)})`
        : `${eod}the next ${ordinal(c.day ?? 0)} on or after the meeting (${label(d)})`;
    }
    case 'time':
      return `a time of day (${fmtTime(c.time)}) with no day`;
    case 'vague':
    default:
      return `'${(c.phrase ?? text).trim()}' names no single day`;
  }
}
