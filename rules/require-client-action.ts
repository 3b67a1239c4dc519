import type { Rule } from '../core/engine/types.js';
import type { ActionItem } from '../core/model/types.js';
import { clientName, nextStepsAnchor } from './anchors.js';
import { meta } from './meta.js';

export const requireClientAction: Rule = {
  meta: meta({
    id: 'require-client-action',
    severity: 'error',
    description: 'At least one open action item must be the client’s (or joint): the client needs skin in the game.',
    fixable: false,
    scope: 'customer-meeting',
  }),
  check({ note, report, vocabulary }) {
    const ideas = vocabulary.words('clientCommitmentIdeas');
    for (const meeting of note.judged) {
      if (meeting.actionItems.length === 0) continue;
      const open = meeting.actionItems.filter((i) => !i.done);
      // A meeting with no owner is joint, once it has a day: "Next meeting: TBD" commits no one.
      const datedMeeting = (i: ActionItem) => i.isEvent && i.owners.length === 0 && i.dates.some((d) => d.kind === 'concrete');
      if (open.some((i) => i.side === 'buyer' || i.side === 'joint' || datedMeeting(i))) continue;
      // A named owner on no roster may well be the client: without rosters, do not guess.
      if (open.some((i) => i.side === 'unknown' && i.owners.some((o) => o.side === 'unknown' && !o.person))) continue;
      // A meeting agreed in the prose or front matter, with a day, is the client's time committed too.
      if (meeting.events.some((e) => e.source !== 'item' && e.upcoming)) continue;
      const whose =
        open.length === 1 && open[0].side === 'seller'
          ? 'The only open action item is yours'
          : open.length > 0 && open.every((i) => i.side === 'seller')
            ? `All ${open.length} open action items are yours`
            : 'No open action item is the client’s';
      report({
        ...nextStepsAnchor(note, meeting),
        message: `${whose}. Ask ${clientName(note)} to commit to one too${ideas.length ? `, e.g. ${ideas.slice(0, 2).join(', or ')}` : ''}.`,
      });
    }
  },
};
