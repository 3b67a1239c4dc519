import type { Vocabulary } from '../vocabulary/types.js';
import { dueDatesIn } from './due-dates.js';
import type { ActionItem, Sentence } from './types.js';

/** Longer "sentences" are run-on speech in a transcript, not a commitment someone wrote down. */
const MAX_COMMITMENT_LENGTH = 240;

/**
 * Pass 5b: commitments written as prose (docs/design.md, "Action items") become action items: a clause whose subject is a
 * person, a side or the account, with "will", "'ll", "to <verb>", "agreed to"… — "Jim to check the
 * budget with the CFO tomorrow", "Mary will pull the ticket counts by Mon Nov 23". Not: past
 * narration, conditions ("if they like it, they will…"), questions, negations, headings, or a
 * subject that is nobody ("it will be discussed", "you can reach out").
 */
export function proseCommitments(sentences: readonly Sentence[], vocabulary: Vocabulary): ActionItem[] {
  const items: ActionItem[] = [];
  for (const s of sentences) {
    if (s.item || s.heading || s.end - s.start > MAX_COMMITMENT_LENGTH) continue;
    // "So I'll just pass the microphone", "Okay, we'll see": talk in a transcript, not a written commitment.
    if (s.talk) continue;
    for (const clause of s.clauses) {
      if (clause.kind !== 'commitment' || clause.conditional || !clause.subject) continue;
      const { owners } = clause.subject;
      if (owners.some((o) => o.text.toLowerCase() === 'you')) continue;
      items.push({
        start: clause.start,
        end: clause.end,
        text: clause.text.trim(),
        done: false,
        source: 'prose',
        owners,
        side: clause.subject.side,
        dates: clause.dates,
        dueDates: dueDatesIn(s.text, s.start, clause.dates, vocabulary),
        isEvent: false,
        sentences: [],
        // "… if possible": a hedge in a condition of the same sentence hedges the commitment.
        clauses: [clause, ...s.clauses.filter((c) => c.kind === 'condition' && c.hedge)],
        meeting: s.meeting,
      });
    }
  }
  return items;
}
