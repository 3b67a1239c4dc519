/**
 * IANA time zones → UTC offsets, with daylight saving, computed by the runtime's Intl data.
 *
 * chrono-node ignores zone names: it only understands a fixed offset in minutes. The offset of a
 * note's zone depends on the date (New York is UTC−5 in winter, UTC−4 in summer), so it is computed
 * here for the meeting's own date and time and passed to chrono explicitly.
 */
import type { PlainDate, TimeOfDay } from './calendar.js';

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** "+05:30", "-0800", "UTC+2", "GMT-03:00": fixed offsets some notes write instead of a zone name. */
const FIXED_OFFSET = /^(?:UTC|GMT|Z)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i;

function fixedOffset(name: string): number | undefined {
  const m = FIXED_OFFSET.exec(name.trim());
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] ? Number(m[3]) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  const sign = m[1] === '+' ? 1 : -1;
  return sign * (hours * 60 + minutes);
}

function formatterFor(name: string): Intl.DateTimeFormat | null {
  let f = formatters.get(name);
  if (f !== undefined) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  } catch {
    f = null;
  }
  if (formatters.size > 500) formatters.clear(); // a bound for hostile input; real notes use a handful of zones
  formatters.set(name, f);
  return f;
}

/** True for names the runtime knows ("America/New_York", "UTC", "Europe/London") and for fixed offsets ("+05:30"). */
export function isValidTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 100) return false;
  if (fixedOffset(name) !== undefined) return true;
  return formatterFor(name) !== null;
}

/** The zone's offset from UTC, in minutes east of Greenwich, at one UTC instant. */
function offsetAtInstant(f: Intl.DateTimeFormat, utcMs: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of f.formatToParts(new Date(utcMs))) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value) % 24;
        break;
      case 'minute':
        minute = Number(part.value);
        break;
    }
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const instantToMinute = Math.floor(utcMs / 60_000) * 60_000;
  return Math.round((wall - instantToMinute) / 60_000);
}

/**
 * Offset (minutes east of UTC, e.g. −300 for New York in winter, +330 for Kolkata) of `timezone`
 * at the wall-clock `time` (default noon) of `date` there. Daylight saving is included.
 * Throws a RangeError for a name the runtime does not know; check with `isValidTimeZone` first.
 *
 * A wall time that does not exist (skipped by a spring-forward) gets the offset in force just
 * after the change; an ambiguous one (repeated by a fall-back) gets the earlier (daylight) offset.
 */
export function offsetMinutes(timezone: string, date: PlainDate, time?: TimeOfDay): number {
  // Every sentence of a note asks the same question: answer it again without work.
  const hour = time?.hour ?? 12;
  const minute = time?.minute ?? 0;
  const last = lastAnswer;
  if (
    last &&
    last.timezone === timezone &&
    last.year === date.year &&
    last.month === date.month &&
    last.day === date.day &&
    last.hour === hour &&
    last.minute === minute
  ) {
    return last.offset;
  }
  const offset = offsetCached(timezone, date, time);
  lastAnswer = { timezone, year: date.year, month: date.month, day: date.day, hour, minute, offset };
  return offset;
}

let lastAnswer: { timezone: string; year: number; month: number; day: number; hour: number; minute: number; offset: number } | undefined;

function offsetCached(timezone: string, date: PlainDate, time?: TimeOfDay): number {
  // Notes of one folder share a few zones and dates: remember the answers (bounded).
  const key = `${timezone}|${date.year}-${date.month}-${date.day}|${time?.hour ?? 12}:${time?.minute ?? 0}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const offset = computeOffset(timezone, date, time);
  if (offsets.size > 5000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

const offsets = new Map<string, number>();

function computeOffset(timezone: string, date: PlainDate, time?: TimeOfDay): number {
  const fixed = fixedOffset(timezone);
  if (fixed !== undefined) return fixed;
  const f = formatterFor(timezone);
  if (!f) throw new RangeError(`Unknown time zone: ${timezone}`);
  const wallMs = Date.UTC(date.year, date.month - 1, date.day, time?.hour ?? 12, time?.minute ?? 0);
  // Wall time = UTC + offset, so UTC = wall − offset. Guess with the offset a day earlier and a day
  // later (both sides of any transition), keep the guess that maps back to the wall time.
  const before = offsetAtInstant(f, wallMs - 86_400_000);
  const after = offsetAtInstant(f, wallMs + 86_400_000);
  for (const guess of before === after ? [before] : [before, after]) {
    if (offsetAtInstant(f, wallMs - guess * 60_000) === guess) return guess;
  }
  return after;
}

/** The UTC instant of a wall-clock time in a zone (noon when no time is given). */
export function instantOf(timezone: string, date: PlainDate, time?: TimeOfDay): Date {
  const offset = offsetMinutes(timezone, date, time);
  return new Date(Date.UTC(date.year, date.month - 1, date.day, time?.hour ?? 12, time?.minute ?? 0) - offset * 60_000);
}
