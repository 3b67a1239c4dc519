/**
 * The agreed next events as RFC 5545 iCalendar, one per account (its latest meeting's next event),
 * written with ical-generator. Times carry their meeting's zone (TZID with its VTIMEZONE; never floating),
 * a day without a time is a VALUE=DATE event, the UID is derived from the account, the note and the
 * meeting (a re-import updates the event, even when its day was edited), and DTSTAMP is the meeting's
 * own date, so the same notes always give the same file.
 */
import { createHash } from 'node:crypto';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole } from 'ical-generator';
import { DateTime } from 'luxon';
import { compareDates, type PlainDate, type TimeOfDay } from '../core/dates/calendar.js';
import { accountKey } from '../core/pipeline/account-name.js';
import type { AccountSummary, MeetingRecord, PipelineReport } from '../core/pipeline/types.js';
import { longDay, oneLine, where } from './words.js';

/** An event whose note gives no end lasts this long. */
const DEFAULT_MINUTES = 30;

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);

export function reportCalendar(report: PipelineReport): string {
  const calendar = ical({
    name: 'Agreed next meetings (notelint)',
    prodId: { company: 'notelint', product: 'notelint calendar', language: 'EN' },
    timezone: { name: null, generator: vtimezone },
  });
  // In a fixed order (by day, then account), not the report's worst-first one: the same notes give the same file on any day.
  const accounts = report.accounts
    .filter((a) => a.nextEvent)
    .sort((a, b) => compareDates(a.nextEvent!.date, b.nextEvent!.date) || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
  for (const account of accounts) {
    const meeting = account.meetings.at(-1);
    const event = account.nextEvent;
    if (!meeting || !event) continue;
    const zone = zoneFor(event.timezone);
    const at = (day: PlainDate, time?: TimeOfDay) =>
      DateTime.fromObject({ ...day, hour: time?.hour ?? 0, minute: time?.minute ?? 0 }, { zone: zone ?? 'UTC' });
    const start = at(event.date, event.time);
    const withEmail = meeting.attendees.filter((a) => a.email);
    const withoutEmail = meeting.attendees.filter((a) => !a.email).map((a) => a.name);
    const description = [
      `Agenda: ${oneLine(event.text, 400)}`,
      `Agreed at the meeting of ${meeting.date ? longDay(meeting.date) : 'an undated note'}: ${where(event.evidence)}`,
      ...(withoutEmail.length > 0 ? [`With: ${withoutEmail.join(', ')}`] : []),
    ].join('\n');
    calendar.createEvent({
      id: uidOf(account, meeting),
      summary: `${account.account}: ${oneLine(event.text, 60)}`,
      description,
      stamp: stampOf(meeting, event.date, zone),
      ...(event.time
        ? {
            start,
            end: event.endTime ? at(event.date, event.endTime) : start.plus({ minutes: DEFAULT_MINUTES }),
            ...(zone ? { timezone: zone } : {}),
          }
        : { start: DateTime.fromObject({ ...event.date }, { zone: 'UTC' }), allDay: true }),
      attendees: withEmail.map((a) => ({ name: a.name, email: a.email!, role: ICalAttendeeRole.REQ })),
    });
  }
  return calendar.toString();
}

/** A zone the calendar can describe with a VTIMEZONE; undefined for UTC (written with "Z") or a zone it does not know. */
function zoneFor(zone: string): string | undefined {
  if (UTC_ZONES.has(zone)) return undefined;
  return vtimezone(zone) ? zone : undefined;
}

function vtimezone(zone: string): string | null {
  try {
    return getVtimezoneComponent(zone) ?? null;
  } catch {
    return null;
  }
}

/** DTSTAMP: the meeting's date and time (UTC), from the note and never from the clock. */
function stampOf(meeting: MeetingRecord, fallback: PlainDate, zone: string | undefined): Date {
  const day = meeting.date ?? fallback;
  return DateTime.fromObject({ ...day, hour: meeting.time?.hour ?? 0, minute: meeting.time?.minute ?? 0 }, { zone: zone ?? 'UTC' })
    .toUTC()
    .toJSDate();
}

function uidOf(account: AccountSummary, meeting: MeetingRecord): string {
  const hash = createHash('sha256')
    .update(`${accountKey(account.account)}\n${meeting.noteId}\n${meeting.index}\nnext-event`)
    .digest('hex');
  return `${hash.slice(0, 32)}@notelint`;
}
