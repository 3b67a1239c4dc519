import { formatDay } from '../core/dates/calendar.js';
import type { Rule } from '../core/engine/types.js';
import { eventTime } from '../core/model/next-event.js';
import { meta } from './meta.js';

export const requireEventTime: Rule = {
  meta: meta({
    id: 'require-event-time',
    severity: 'info',
    description: 'The next meeting should have a time of day, not only a date.',
    fixable: false,
    scope: 'customer-meeting',
  }),
  check({ note, report }) {
    for (const meeting of note.judged) {
      const next = meeting.nextEvent;
      if (!next?.when || eventTime(next)) continue;
      const day = next.when.date ? ` (${formatDay(next.when.date)})` : '';
      report({
        start: next.when.start,
        end: next.when.end,
        message: `The next meeting${day} has no time. Agree on a time with the client and send the calendar invite.`,
      });
    }
  },
};
