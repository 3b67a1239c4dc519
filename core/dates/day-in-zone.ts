import { parseIsoDate, type PlainDate } from './calendar.js';

/** The calendar day an instant falls on in an IANA time zone (UTC when the zone is unknown). */
export function dayInZone(timezone: string, instant: Date): PlainDate {
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  let text: string;
  try {
    text = format(timezone);
  } catch {
    text = format('UTC');
  }
  return parseIsoDate(text) ?? { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() };
}
