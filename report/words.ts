/** How the report's outputs word dates, events and actions (one place, so the formats agree). */
import { formatDay, formatTime, toIsoDate, type PlainDate, type TimeOfDay } from '../core/dates/calendar.js';
import { dayLabel } from '../core/pipeline/signals.js';
import type { ActionRecord, EventRecord, Evidence } from '../core/pipeline/types.js';

export { dayLabel };

/** "Fri Dec 4, 2026". */
export function longDay(d: PlainDate): string {
  return `${formatDay(d)}, ${d.year}`;
}

export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function eventWhen(event: EventRecord, today: PlainDate): string {
  return `${dayLabel(event.date, today)}${event.time ? ` ${formatTime(event.time)}` : ''}`;
}

/** Who the event is with: its owners, or both sides. */
export function eventWho(event: EventRecord): string {
  return event.owners.length > 0 ? event.owners.join(', ') : 'both sides';
}

export function actionLine(action: ActionRecord, today: PlainDate): string {
  // "Mary: send the deck" already names its owner; "Pricing agreed (owner column)" does not.
  const named =
    action.owners.length === 0 || action.owners.some((o) => action.text.toLowerCase().startsWith(o.toLowerCase().split(' ')[0]));
  const owners = named ? '' : `${action.owners.join(', ')}: `;
  const due = action.due ? ` (due ${dayLabel(action.due, today)})` : '';
  return `${owners}${oneLine(action.text, 70)}${due}`;
}

export function where(evidence: Evidence): string {
  return `${evidence.file}:${evidence.line}`;
}

/** Dates and times as the JSON output and the page's data attributes write them. */
export function isoDate(d: PlainDate): string {
  return toIsoDate(d);
}

export function isoTime(t: TimeOfDay): string {
  return formatTime(t);
}
