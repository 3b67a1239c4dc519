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
  check({ note, report }) {
    for (const meeting of note.judged) {
      for (const item of meeting.actionItems) {
        if (item.done) continue;
        // Past narration, negations and questions inside an item commit to nothing to hedge.
        // In a prose commitment only the head hedges it: "we'll probably send", not "Euan to drive the meeting, possibly a short one".
        const hedged = item.clauses.find(
          (c) => c.hedge && c.kind !== 'past' && c.kind !== 'negation' && c.kind !== 'question' && c.kind !== 'invitation' && (item.source !== 'prose' || c.kind === 'condition' || c.hedge.start <= c.verbAt),
        );
        if (!hedged?.hedge) continue;
        report({
          start: hedged.hedge.start,
          end: hedged.hedge.end,
          message: `${quote(hedged.hedge.text)} hedges this commitment. Confirm it as a firm one (who does what by when), or drop it.`,
        });
      }
    }
  },
};
