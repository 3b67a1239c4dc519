import type { Rule } from '../core/engine/types.js';
import { quote } from './anchors.js';
import { meta } from './meta.js';

export const noHedgedCommitment: Rule = {
  meta: meta({
    id: 'no-hedged-commitment',
    severity: 'warn',
    description: 'Action items must be firm: no "maybe", "try to", "hopefully", "tentatively".',
    fixable: false,
    scope: 'customer-meeting',
  }),
  check({ note, report, vocabulary }) {
    for (const item of note.actionItems) {
      if (item.done) continue;
      const hedge = vocabulary.find('hedges', item.text)[0];
      if (!hedge) continue;
      report({
        start: item.start + hedge.start,
        end: item.start + hedge.end,
        message: `${quote(hedge.text)} hedges this commitment. Confirm it as a firm one (who does what by when), or drop it.`,
      });
    }
  },
};
