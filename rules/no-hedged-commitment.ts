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
        // In a prose commitment only a hedge of its head counts ("we'll try to send", "hopefully Jim will join"), not a
        // speaker musing ("we'll probably get more clarity") or an aside ("Euan to drive the meeting, possibly a short one").
        const inProse = (h: NonNullable<(typeof item.clauses)[number]['hedge']>, c: (typeof item.clauses)[number]) =>
          h.firm && (c.kind === 'condition' || h.start <= c.verbAt);
        // In a condition only a hedge that is one counts ("if possible"), not "if you think someone might be good…".
        // An aside after the step ("Ask Jim and others (they might join as well)") is a remark, not the step.
        const hedged = item.clauses.find(
          (c, i) =>
            c.hedge &&
            (i === 0 || c.kind !== 'statement') &&
            // "Maybe ODI can reach out", "we might have the same interface": an option or a guess voiced, not a commitment to hedge.
            !(c.musing && (c.kind === 'statement' || !c.hedge.firm)) &&
            c.kind !== 'past' &&
            c.kind !== 'negation' &&
            c.kind !== 'question' &&
            c.kind !== 'invitation' &&
            (c.kind !== 'condition' || c.hedge.firm) &&
            // "maybe", "possibly" hedge a step only when someone owns it: "Josh to reach out and potentially prepare…".
            (c.hedge.firm || item.owners.length > 0 || c.subject !== undefined) &&
            (item.source !== 'prose' || inProse(c.hedge, c)),
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
