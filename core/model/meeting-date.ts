import { isValidDate, type PlainDate, type TimeOfDay } from '../dates/calendar.js';
import { findDates } from '../dates/find-dates.js';

export interface FoundDate {
  date: PlainDate;
  time?: TimeOfDay;
  /** Offsets into the searched string. */
  start: number;
  end: number;
}

/** A full calendar date (with a year) in a short text such as "2026-11-20 10:00" or "Sept 22, 2026". */
export function absoluteDateIn(text: string, locale: string, timezone: string): FoundDate | undefined {
  const iso = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?/.exec(text);
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (isValidDate(y, mo, d)) {
      const time = iso[4] !== undefined ? { hour: Number(iso[4]), minute: Number(iso[5]) } : undefined;
      return { date: { year: y, month: mo, day: d }, time, start: iso.index, end: iso.index + iso[0].length };
    }
  }
  if (!/\d{4}/.test(text)) return undefined;
  const found = findDates(text.slice(0, 300), { timezone, locale }).find((m) => m.kind === 'concrete' && m.date);
  return found?.date ? { date: found.date, time: found.time, start: found.start, end: found.end } : undefined;
}

/** A date written in a file name: 2026-11-20-acme.md, acme_2026-11-20.md, 20261120-acme.md, 2026_11_20.md. */
export function dateInFileName(path: string): PlainDate | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  const patterns = [/(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)/, /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/];
  for (const re of patterns) {
    const m = re.exec(name);
    if (m && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    }
  }
  return undefined;
}
