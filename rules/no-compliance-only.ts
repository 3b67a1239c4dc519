import type { Rule } from '../core/engine/types.js';
import type { ActionItem } from '../core/model/types.js';
import type { Vocabulary } from '../core/vocabulary/types.js';
import { holder, quote } from './anchors.js';
import { meta } from './meta.js';

/** A request for the seller's work ("asked for pricing") or a passive promise ("think it over"), with no effort of the client's own. */
export function isCompliance(item: ActionItem, vocabulary: Vocabulary): boolean {
  if (vocabulary.has('effortVerbs', item.text)) return false;
  const request = vocabulary.has('requestVerbs', item.text) && vocabulary.has('sellerDeliverables', item.text);
  return request || vocabulary.has('passivePromises', item.text);
}

export const noComplianceOnly: Rule = {
  meta: meta({
    id: 'no-compliance-only',
    severity: 'warn',
    description: 'The client’s commitments must take effort, not only ask for your work or promise to think it over.',
    fixable: false,
    scope: 'customer-meeting',
  }),
  check({ note, report, vocabulary }) {
    const ideas = vocabulary.words('clientCommitmentIdeas');
    for (const meeting of note.judged) {
      const clientItems = meeting.actionItems.filter((i) => !i.done && i.side === 'buyer' && !i.isEvent);
      if (clientItems.length === 0) continue;
      if (meeting.events.some((e) => e.upcoming && e.side !== 'seller')) continue;
      if (!clientItems.every((i) => isCompliance(i, vocabulary))) continue;
      for (const item of clientItems) {
        report({
          start: item.start,
          end: item.end,
          message: `${quote(item.text)} costs ${holder(item)} no effort: it is compliance, not commitment. Ask for something in return${ideas.length ? `, e.g. ${ideas[1] ?? ideas[0]}, or ${ideas[0]}` : ''}.`,
        });
      }
    }
  },
};
