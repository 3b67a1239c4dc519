/** How a date was read, for a seller (`DateMention.how`): "the Friday after the meeting (Fri 2026-11-27)". */
import { WEEKDAY_NAMES, WEEKDAY_SHORT, daysBetween, toIsoDate, weekdayOf, type PlainDate } from './calendar.js';
import type { Candidate } from './candidate.js';
import { PAST_WINDOW_DAYS } from './resolve-day.js';
import { fmtTime } from './time-of-day.js';

/** "Fri 2026-11-27". */
function label(d: PlainDate): string {
  return `${WEEKDAY_SHORT[weekdayOf(d)]} ${toIsoDate(d)}`;
}

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
    default: {
      const same = c.weekday === weekdayOf(ref) ? ` — the meeting was itself a ${name}, so a week later` : '';
      return `${name} after the meeting${at}${same}`;
    }
  }
}

/**
 * How `c` (written as `text`) was read against the meeting date `ref`: `named` is the day it names
 * (see namedDay) and `meant` that day with "a week from …" applied.
 */
export function howOf(c: Candidate, ref: PlainDate | undefined, named: PlainDate | undefined, meant: PlainDate | undefined, text: string): string {
  const how = namedHow(c, ref, named, text);
  if (!c.weeksLater || !named || !meant) return how;
  const weeks = `${c.weeksLater} week${c.weeksLater === 1 ? '' : 's'}`;
  return `${weeks} after ${how.replace(LABEL_IN_HOW, '')} (${label(meant)})`;
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
      const back = daysBetween(ref, d);
      const year =
        back < 0
          ? `in the ${PAST_WINDOW_DAYS} days before the meeting, so read as past (a typo or a stale line?)`
          : d.year === ref.year
            ? 'year from the meeting'
            : 'next after the meeting, so next year';
      return `${eod}calendar date, ${year} (${label(d)})${range}`;
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
        c.delta === 0
          ? 'the meeting day'
          : `${n} ${unit}${n === 1 ? '' : 's'} ${(c.delta ?? 0) > 0 ? 'after' : 'before'} the meeting`;
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
