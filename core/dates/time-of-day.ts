/**
 * Times of day. A time written without am/pm from 1 to 6 ("at 2:00", "Friday at 3") is afternoon:
 * meeting notes name business hours (7:00 to 18:59). "06:30" (a leading zero) stays morning.
 */
import type { ParsedComponents } from 'chrono-node';
import { formatTime, type TimeOfDay } from './calendar.js';
import type { Candidate } from './candidate.js';
import { after, matches } from './text-spans.js';

/** The time of day written in a chrono result, if any. */
export function timeOf(c: ParsedComponents, text: string): TimeOfDay | undefined {
  if (!c.isCertain('hour')) return undefined;
  let hour = c.get('hour') ?? 0;
  const minute = c.isCertain('minute') ? (c.get('minute') ?? 0) : 0;
  if (!c.isCertain('meridiem') && hour >= 1 && hour <= 6 && !/(?<!\d)0\d[:.h]?\d\d/.test(text)) hour += 12;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  return { hour, minute };
}

/**
 * A time of day chrono found with no day: "at 2pm", "14:00", "2:00 PM ET". A clock time ("14:00",
 * "2pm", "3 o'clock", "1400 UTC") stands alone. A bare number ("at 10") is a time next to a day
 * ("Friday at 10", "tomorrow at 3") or after "at" at the end of a clause ("let's meet at 10."), not
 * otherwise ("we are at 5 customers", "from 600 to 500"): it is `weak`. So is a timestamp with
 * seconds ("1:26:57", a recording offset).
 */
export function timeAlone(c: ParsedComponents, original: string, start: number, end: number): Candidate | undefined {
  const text = original.slice(start, end);
  const time = timeOf(c, text);
  if (!time) return undefined;
  const clock = /\d[:.]\d\d|\d\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|o['’]?\s*clock|\b\d{3,4}\s*(?:utc|gmt|[a-z]{1,2}t)\b/i.test(text);
  const seconds = /\d:\d\d:\d\d/.test(text);
  const atEnd = /^(?:at|@)\s*\d{1,2}$/i.test(text) && /^\s*(?:$|[.,;!?)\]]|[-–—]\s)/.test(after(original, end));
  const weak = seconds || !(clock || atEnd);
  return { start, end, kind: 'time', fromChrono: true, time, weak };
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
