import type { Rule } from '../core/engine/types.js';
import { exampleDay, holder } from './anchors.js';
import { meta } from './meta.js';

export const requireActionDueDate: Rule = {
  meta: meta({
    id: 'require-action-due-date',
    severity: 'warn',
    description: 'Every open client or joint action item must have a concrete due date.',
    fixable: false,
    scope: 'customer-meeting',
  }),
  check({ note, report }) {
    for (const meeting of note.judged) {
      const example = exampleDay(meeting, 5);
      for (const item of meeting.actionItems) {
        // Meetings are checked by require-dated-next-event; this rule is about the client's tasks.
        if (item.done || item.isEvent || (item.side !== 'buyer' && item.side !== 'joint')) continue;
        if (item.dueDates.some((d) => d.kind === 'concrete')) continue;
        const who = holder(item);
        report({
          start: item.start,
          end: item.end,
          message: `This action of ${who} has no due date. Agree on a day, e.g. "by ${example}".`,
        });
      }
    }
  },
};
