/**
 * Times of day. A time written without am/pm from 1 to 6 ("at 2:00", "Friday at 3") is afternoon:
 * meeting notes name business hours (7:00 to 18:59). "06:30" (a leading zero) stays morning. A part
 * of the day written with it decides instead: "tonight at 8" is 20:00, "3 in the morning" 03:00.
 */
import type { ParsedComponents } from 'chrono-node';
import { formatTime, type TimeOfDay } from './calendar.js';
import type { Candidate } from './candidate.js';
import { VOCABULARY, literalAlternation, type PartOfDay } from './date-vocabulary.js';
import { after, matches } from './text-spans.js';

/** A time as read: the time meant, and the hour as written when no am/pm or part of day settled it. */
export interface ClockTime {
  time: TimeOfDay;
  bareHour?: number;
}

/**
 * The time meant by `hour`:`minute` as written, with what was said of it: "am"/"pm", or a part of
 * the day ("night": 8 is 20:00, 12 is midnight, 2 is 02:00). Nothing said: business hours, unless
 * the hour is written with a leading zero ("06:30").
 */
export function settleTime(hour: number, minute: number, said?: PartOfDay, leadingZero = false): ClockTime | undefined {
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  if (said === 'am') return { time: { hour: hour === 12 ? 0 : hour, minute } };
  if (said === 'pm') return { time: { hour: hour >= 1 && hour <= 11 ? hour + 12 : hour, minute } };
  if (said === 'night') return { time: { hour: hour >= 5 && hour <= 11 ? hour + 12 : hour === 12 ? 0 : hour, minute } };
  const business = hour >= 1 && hour <= 6 && !leadingZero;
  return { time: { hour: business ? hour + 12 : hour, minute }, bareHour: hour };
}

/** A candidate's time read again with a part of the day, when its hour was bare. */
export function withPartOfDay<T extends Candidate>(c: T, said: PartOfDay | undefined): T {
  if (!said || c.bareHour === undefined || !c.time) return c;
  const settled = settleTime(c.bareHour, c.time.minute, said);
  return settled ? { ...c, time: settled.time, bareHour: undefined } : c;
}

const PART_WORDS = new Map(Object.entries(VOCABULARY.clock.partOfDayWords));
const PART_WORD_RE = new RegExp(`(?<![A-Za-z])(${literalAlternation(PART_WORDS.keys())})(?![A-Za-z])`, 'i');

/** The part of the day a phrase names ("tonight", "tomorrow afternoon", "Monday morning"), if any. */
export function partOfDayIn(text: string): PartOfDay | undefined {
  const m = PART_WORD_RE.exec(text);
  return m ? PART_WORDS.get(m[1].toLowerCase()) : undefined;
}

const SAID = new Map<string, PartOfDay>([
  ...Object.entries(VOCABULARY.clock.meridiem),
  ...Object.entries(VOCABULARY.clock.partsOfDay).filter(([p]) => /^(?:in|at)\s/.test(p)),
]);
/** am/pm or "in the morning" right after a time: group 1. */
const SAID_AFTER = new RegExp(`^\\s*(${literalAlternation(SAID.keys())})(?![A-Za-z])`, 'i');

const LEADING_ZERO = /(?<!\d)0\d[:.h]?\d\d/;

/** The time of day written in a chrono result, if any. */
export function timeOf(c: ParsedComponents, text: string): TimeOfDay | undefined {
  return clockOf(c, text)?.time;
}

/** The time of day written in a chrono result with its bare hour, if any. */
export function clockOf(c: ParsedComponents, text: string): ClockTime | undefined {
  if (!c.isCertain('hour')) return undefined;
  const hour = c.get('hour') ?? 0;
  const minute = c.isCertain('minute') ? (c.get('minute') ?? 0) : 0;
  if (c.isCertain('meridiem')) return settleTime(hour, minute, hour >= 12 ? 'pm' : 'am');
  return settleTime(hour, minute, undefined, LEADING_ZERO.test(text));
}

/**
 * A time of day chrono found with no day: "at 2pm", "14:00", "2:00 PM ET". A clock time ("14:00",
 * "2pm", "3 o'clock", "1400 UTC") stands alone. A bare number ("at 10") is a time next to a day
 * ("Friday at 10", "tomorrow at 3") or after "at" at the end of a clause ("let's meet at 10."), not
 * otherwise ("we are at 5 customers", "from 600 to 500"): it is `weak`. So is a timestamp with
 * seconds ("1:26:57", a recording offset).
 */
export function timeAlone(c: ParsedComponents, original: string, start: number, end: number): Candidate | undefined {
  let text = original.slice(start, end);
  let clockTime = clockOf(c, text);
  if (!clockTime) return undefined;
  // "from 3 to 4 in the PM", "3 oclock am": what is said after chrono's span settles the hour
  const said = c.isCertain('meridiem') ? null : SAID_AFTER.exec(after(original, end, 28));
  if (said && clockTime.bareHour !== undefined) {
    const settled = settleTime(clockTime.bareHour, clockTime.time.minute, SAID.get(said[1].toLowerCase().replace(/\s+/g, ' ')));
    if (settled) {
      clockTime = settled;
      end += said[0].length;
      text = original.slice(start, end);
    }
  }
  const { time, bareHour } = clockTime;
  // (chrono marks the meridiem certain for "at 16" and "1 P": only what is written counts)
  const clock =
    !!said ||
    /\bin\s+the\s+(?:morning|afternoon|evening)|\bat\s+night/i.test(text) ||
    /\d[:.]\d\d|\d\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|o['’]?\s*clock|\b\d{3,4}\s*(?:utc|gmt|[a-z]{1,2}t)\b/i.test(text);
  const seconds = /\d:\d\d:\d\d/.test(text);
  const atEnd = /^(?:at|@)\s*\d{1,2}$/i.test(text) && /^\s*(?:$|[.,;!?)\]]|[-–—]\s)/.test(after(original, end));
  const weak = seconds || !(clock || atEnd);
  return { start, end, kind: 'time', fromChrono: true, time, bareHour, weak };
}

const NOON = /(?<![A-Za-z0-9_])(?:(?:at|by|around|before|after)\s+)?(?:12\s+)?(noon|midday|midnight)(?![A-Za-z0-9_])/gi;
const NOON_GATE = /noon|midday|midnight/i;

/** "noon", "at midday", "by midnight". */
export function noonCandidates(prepared: string): Candidate[] {
  const out: Candidate[] = [];
  if (!NOON_GATE.test(prepared)) return out;
  for (const m of matches(NOON, prepared)) {
    const hour = m[1].toLowerCase() === 'midnight' ? 0 : 12;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'time', fromChrono: false, time: { hour, minute: 0 } });
  }
  return out;
}

/** Does the text start with a time ("at 3", "14:00", "2pm", "noon")? */
export const STARTS_WITH_TIME =
  /^(?:(?:at|@)\s*\d{1,2}(?:[:.]\d\d)?|\d{1,2}[:.]\d\d|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|(?:at\s+)?(?:noon|midday|midnight))/i;

/** "14:00", or '' for no time. */
export function fmtTime(t: TimeOfDay | undefined): string {
  return t ? formatTime(t) : '';
}
