import type { Rule } from '../core/engine/types.js';
import type { Clause, Meeting, Sentence } from '../core/model/types.js';
import { exampleDay, quote } from './anchors.js';
import { meta } from './meta.js';

/**
 * In an action item every clause is someone's step (unless it voices an option); in prose only a commitment or a proposal is —
 * and in a pasted transcript "we could check in" is someone thinking aloud, not a proposal.
 */
function commits(clause: Clause, s: Sentence, meeting: Meeting): boolean {
  // "Maybe ODI can reach out": an option voiced, even in a list of actions.
  if (s.item)
    return (
      !(clause.kind === 'statement' && clause.musing) &&
      clause.kind !== 'past' &&
      clause.kind !== 'negation' &&
      clause.kind !== 'invitation' &&
      clause.kind !== 'question'
    );
  if (clause.kind === 'proposal') return !(clause.musing && (meeting.transcript || s.talk));
  return clause.kind === 'commitment' && !clause.conditional;
}

/** A highlight longer than this would cover a clause, not a phrase: the follow-up words alone are shown. */
const MAX_RANGE = 60;

export const noVagueFollowUp: Rule = {
  meta: meta({
    id: 'no-vague-follow-up',
    severity: 'warn',
    description: 'Follow-ups must name a day: no "circle back", "touch base next week" or "let us know" without a date.',
    fixable: false,
    scope: 'customer-meeting',
  }),
  check({ note, report, vocabulary }) {
    for (const meeting of note.judged) {
      for (const s of meeting.sentences) {
        if (s.item?.done || s.heading) continue;
        for (const clause of s.clauses) {
          if (clause.followUps.length === 0 || !commits(clause, s, meeting)) continue;
          // A table row is one unit: its date cell dates the action.
          const dates = s.item?.source === 'table' ? s.item.dates : clause.dates;
          if (clause.sameDay || dates.some((d) => d.kind === 'concrete')) continue;
          // In a transcript "later" and "soon" mostly mean later in the same call.
          const vague = dates.find(
            (d) =>
              d.kind === 'vague' && !(meeting.transcript && vocabulary.words('sameMeetingTimes').includes(d.text.trim().toLowerCase())),
          );
          if (vague) {
            const cue = clause.followUps.reduce((a, b) => (Math.abs(b.start - vague.start) < Math.abs(a.start - vague.start) ? b : a));
            let start = Math.min(cue.start, vague.start);
            let end = Math.max(cue.end, vague.end);
            // The phrase and its vague day, unless they stand on different lines (a table's date cell).
            if (note.text.slice(start, end).includes('\n') || end - start > MAX_RANGE) [start, end] = [cue.start, cue.end];
            report({
              start,
              end,
              message: `${quote(note.text.slice(start, end))} names no day. Agree on the date and time with the client (e.g. "${exampleDay(meeting, 7)} at 2pm") and send the invite.`,
            });
            continue;
          }
          const promise = clause.followUps.find((f) => f.nonCommittal);
          if (!promise) continue;
          report({
            start: promise.start,
            end: promise.end,
            message: `${quote(promise.text)} has no date. Agree on when (e.g. "by ${exampleDay(meeting, 3)}"), or book the next call instead.`,
          });
        }
      }
    }
  },
};
