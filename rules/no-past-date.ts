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
    const meetingDate = note.meeting.date;
    if (!meetingDate) return;
    const dates: DateMention[] = [
      ...note.actionItems.filter((i) => !i.done).flatMap((i) => i.dates),
      ...note.events.filter((e) => e.source === 'front-matter').flatMap((e) => e.dates),
    ];
    for (const d of dates) {
      // Only calendar dates can be typos; "last Friday" and "yesterday" say they are past on purpose.
      if (d.kind !== 'concrete' || d.relative || !d.date || compareDates(d.date, meetingDate) >= 0) continue;
      report({
        start: d.start,
        end: d.end,
        message: `${quote(d.text)} (${formatDay(d.date)}) is before the meeting (${formatDay(meetingDate)}). Fix the date or agree on a new one.`,
      });
    }
  },
};
