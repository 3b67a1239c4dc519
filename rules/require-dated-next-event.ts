import type { Rule } from '../core/engine/types.js';
import { exampleDay, nextStepsAnchor } from './anchors.js';
import { meta } from './meta.js';

export const requireDatedNextEvent: Rule = {
  meta: meta({
    id: 'require-dated-next-event',
    severity: 'error',
    description: 'A next meeting with the client must be on the calendar with a concrete date.',
    fixable: false,
    scope: 'customer-meeting',
  }),
  check({ note, report }) {
    for (const meeting of note.judged) {
      if (meeting.events.some((e) => e.upcoming)) continue;
      const undated = meeting.events.find((e) => !e.item?.done);
      const example = `"Follow-up call ${exampleDay(meeting, 7)} at 2pm"`;
      report({
        ...(undated ? { start: undated.start, end: undated.end } : nextStepsAnchor(note, meeting)),
        message: undated
          ? `This meeting has no day yet. Agree on the date and time with the client and write it down, e.g. ${example}.`
          : `No next meeting is on the calendar. Before you leave, agree on a day and time with the client, e.g. ${example}, and send the invite.`,
      });
    }
  },
};
