/**
 * Is the reader sure of a day? A day worded relative to the meeting ("Friday", "tomorrow", "the
 * 15th") is not sure when words beside it qualify it and were not read with it: "every Friday", "the
 * second Friday", "Friday of the launch week", "last Friday of Q3", "Friday after the offsite". Nor is
 * any day whose written weekday disagrees with it ("Thu 15th" when the 15th is a Friday). A fix must
 * never write such a day into a note.
 */
import { daysBetween, isValidDate, weekdayOf, type PlainDate } from './calendar.js';
import type { Candidate } from './candidate.js';
import { PHRASE_LISTS, VOCABULARY, literalAlternation } from './date-vocabulary.js';

const RELATIVE_KINDS = new Set<Candidate['kind']>(['weekday', 'dayRelative', 'nth', 'eod']);
const B = '(?<![A-Za-z0-9_])';
const E = '(?![A-Za-z0-9_])';

/** A qualifier ending just before the day: "every", "the second". */
const QUALIFIER_BEFORE = new RegExp(`${B}(?:${literalAlternation(VOCABULARY.unsure.before)})[\\s,]*$`, 'i');
/** A connector starting just after the day: " of", " after", " in". */
const CONNECTOR_AFTER = new RegExp(`^[\\s,]*(?:${literalAlternation(VOCABULARY.unsure.connectors)})\\s+(?:the\\s+)?`, 'i');
/** What the connector leads to that would change the day: a period, an event, a month. */
const TARGET = new RegExp(`^(?:${literalAlternation([...VOCABULARY.unsure.targets, ...PHRASE_LISTS.month])})\\.?${E}`, 'i');

/**
 * Whether the day `date` of candidate `c` (settled, among the settled `all`) is sure, in `prepared`.
 */
export function isSure(c: Candidate, date: PlainDate | undefined, prepared: string, all: readonly Candidate[], ref?: PlainDate): boolean {
  if (date && c.writtenWeekday !== undefined && weekdayOf(date) !== c.writtenWeekday) return false;
  // "Friday 26th" read as a later month's 26th (the next 26th is no Friday): a likely reading, not a sure one.
  if (date && ref && c.kind === 'nth' && c.writtenWeekday !== undefined && c.monthOffset === undefined && nthBefore(date, ref))
    return false;
  if (!RELATIVE_KINDS.has(c.kind) || c.step) return true;
  if (QUALIFIER_BEFORE.test(prepared.slice(Math.max(0, c.start - 24), c.start))) return false;
  const connector = CONNECTOR_AFTER.exec(prepared.slice(c.end, c.end + 40));
  if (!connector) return true;
  const at = c.end + connector[0].length;
  // another date read right after the connector, or the connector opens one ("in two weeks")
  if (all.some((o) => o !== c && o.kind !== 'time' && o.start >= c.end && o.start <= at + 1)) return false;
  return !TARGET.test(prepared.slice(at, at + 30));
}

/** Whether the same day of the month before `date` still falls on or after `ref`. */
function nthBefore(date: PlainDate, ref: PlainDate): boolean {
  const year = date.month === 1 ? date.year - 1 : date.year;
  const month = date.month === 1 ? 12 : date.month - 1;
  return isValidDate(year, month, date.day) && daysBetween(ref, { year, month, day: date.day }) >= 0;
}
