/** A calendar day with no time zone: what a note means by "Dec 1". Months are 1–12. */
export interface PlainDate {
  year: number;
  month: number;
  day: number;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

const DAY_MS = 86_400_000;

function utcMs(d: PlainDate): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtcMs(ms: number): PlainDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return false;
  return fromUtcMs(Date.UTC(year, month - 1, day)).day === day;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(d: PlainDate): number {
  return new Date(utcMs(d)).getUTCDay();
}

export function addDays(d: PlainDate, days: number): PlainDate {
  return fromUtcMs(utcMs(d) + days * DAY_MS);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return Math.round((utcMs(b) - utcMs(a)) / DAY_MS);
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return utcMs(a) - utcMs(b);
}

export function toIsoDate(d: PlainDate): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function parseIsoDate(s: string): PlainDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? { year: y, month: mo, day: d } : undefined;
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue Dec 1" — how messages show a day to a seller. */
export function formatDay(d: PlainDate): string {
  return `${WEEKDAY_SHORT[weekdayOf(d)]} ${MONTH_SHORT[d.month - 1]} ${d.day}`;
}

export function formatTime(t: TimeOfDay): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** The first Monday-to-Friday day at least `days` after `d`. */
export function workdayAfter(d: PlainDate, days: number): PlainDate {
  let day = addDays(d, days);
  while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day = addDays(day, 1);
  return day;
}
