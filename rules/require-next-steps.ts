import type { Rule } from '../core/engine/types.js';
import { noteAnchor } from './anchors.js';
import { meta } from './meta.js';

export const requireNextSteps: Rule = {
  meta: meta({
    id: 'require-next-steps',
    severity: 'error',
    description: 'The note must record next steps: action items or a next meeting.',
    fixable: false,
    scope: 'customer-meeting',
  }),
  check({ note, report }) {
    if (note.actionItems.length > 0 || note.events.length > 0) return;
    report({
      ...noteAnchor(note),
      message:
        'This meeting ended with no next step. Agree on an action the client will take and a dated next meeting, and write them under "## Next steps".',
    });
  },
};
