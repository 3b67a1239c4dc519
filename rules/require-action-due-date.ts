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
    const example = exampleDay(note, 5);
    for (const item of note.actionItems) {
      // Meetings are checked by require-dated-next-event; this rule is about the client's tasks.
      if (item.done || item.isEvent || (item.side !== 'buyer' && item.side !== 'joint')) continue;
      if (item.dates.some((d) => d.kind === 'concrete')) continue;
      const who = holder(item, note);
      report({
        start: item.start,
        end: item.end,
        message: `This action of ${who === 'both sides' ? 'both sides' : who} has no due date. Agree on a day, e.g. "by ${example}".`,
      });
    }
  },
};
