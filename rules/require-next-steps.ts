import type { Rule } from '../core/engine/types.js';
import { meetingAnchor } from './anchors.js';
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
    for (const meeting of note.judged) {
      if (meeting.actionItems.length > 0 || meeting.events.length > 0) continue;
      report({
        ...meetingAnchor(note, meeting),
        message:
          'This meeting ended with no next step. Agree on an action the client will take and a dated next meeting, and write them under "## Next steps".',
      });
    }
  },
};
