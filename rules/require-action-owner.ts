import type { Rule } from '../core/engine/types.js';
import { meta } from './meta.js';

export const requireActionOwner: Rule = {
  meta: meta({
    id: 'require-action-owner',
    severity: 'warn',
    description: 'Every open action item must name who owns it.',
    fixable: false,
    scope: 'any-note',
  }),
  check({ note, report }) {
    for (const meeting of note.judged) {
      for (const item of meeting.actionItems) {
        // A meeting with no owner is joint: both sides committed their time (docs/design.md, "Events and the next event"); an internal one is ours.
        if (item.done || item.owners.length > 0 || item.isEvent || item.side !== 'unknown') continue;
        report({
          start: item.start,
          end: item.end,
          message: 'No one owns this action item. Start it with a name, e.g. "Mary: …" or "@dana …".',
        });
      }
    }
  },
};
