import { compareDates, formatDay } from '../core/dates/calendar.js';
import type { Rule } from '../core/engine/types.js';
import type { DateMention } from '../core/dates/types.js';
import { quote } from './anchors.js';
import { meta } from './meta.js';

export const noPastDate: Rule = {
  meta: meta({
    id: 'no-past-date',
    severity: 'error',
    description: 'An open action item or a next meeting must not be dated before the meeting itself.',
    fixable: false,
    scope: 'any-note',
  }),
  check({ note, report }) {
    const reported = new Set<number>();
    for (const meeting of note.judged) {
      const meetingDate = meeting.info.date;
      if (!meetingDate) continue;
      const dates: DateMention[] = [
        ...meeting.actionItems.filter((i) => !i.done).flatMap((i) => i.dueDates),
        ...meeting.events.filter((e) => e.source === 'front-matter').flatMap((e) => e.dates),
      ];
      for (const d of dates) {
        // Only calendar dates can be typos; "last Friday" and "yesterday" say they are past on purpose.
        if (d.kind !== 'concrete' || d.relative || !d.date || compareDates(d.date, meetingDate) >= 0) continue;
        reported.add(d.start);
        report({
          start: d.start,
          end: d.end,
          message: `${quote(d.text)} (${formatDay(d.date)}) is before the meeting (${formatDay(meetingDate)}). Fix the date or agree on a new one.`,
        });
      }
    }
    // A running log: an open item of an earlier meeting whose day has passed by the latest meeting is overdue.
    const latest = note.meetings.find((m) => m.latest);
    if (!latest?.info.date) return;
    for (const item of note.carriedItems) {
      const own = note.meetings[item.meeting].info.date;
      for (const d of item.dueDates) {
        if (d.kind !== 'concrete' || !d.date || reported.has(d.start) || compareDates(d.date, latest.info.date) >= 0) continue;
        // A day before its own meeting was a slip of that meeting's note, not a promise that fell due.
        if (own && compareDates(d.date, own) < 0) continue;
        report({
          start: d.start,
          end: d.end,
          message: `Due ${formatDay(d.date)}, still open at the ${formatDay(latest.info.date).slice(4)} meeting: mark it done or agree on a new date.`,
        });
      }
    }
  },
};
