import type { Rule } from '../core/engine/types.js';
import type { Sentence } from '../core/model/types.js';
import type { PhraseMatch, Vocabulary } from '../core/vocabulary/types.js';
import { exampleDay, quote } from './anchors.js';
import { clientOnlyCues } from '../core/model/events.js';
import { meta } from './meta.js';

/** "follow-up email", "a check-in": the hyphenated or noun use of a follow-up phrase is not a promise. */
function isVerbUse(s: Sentence, m: PhraseMatch, vocabulary: Vocabulary): boolean {
  const after = s.text.slice(m.end);
  const nounNext = vocabulary.memo('nounAfterFollowUp', () => new RegExp(`^\\s*(?:${vocabulary.source('nounFollowingFollowUp')})(?![\\p{L}])`, 'iu'));
  if (/^(follow|check)/i.test(m.text) && nounNext.test(after)) return false;
  const previous = (/([\p{L}'’]+)\s*$/u.exec(s.text.slice(0, m.start))?.[1] ?? '').toLowerCase().replace('’', "'");
  if (vocabulary.words('nounDeterminers').includes(previous)) return false;
  if (!m.text.includes('-')) return true;
  return vocabulary.words('verbCues').includes(previous);
}

export const noVagueFollowUp: Rule = {
  meta: meta({
    id: 'no-vague-follow-up',
    severity: 'warn',
    description: 'Follow-ups must name a day: no "circle back", "touch base next week" or "let us know" without a date.',
    fixable: false,
    scope: 'customer-meeting',
  }),
  check({ note, report, vocabulary }) {
    for (const s of note.sentences) {
      if (s.item?.done) continue;
      if (s.dates.some((d) => d.kind === 'concrete')) continue;
      const vague = s.dates.filter((d) => d.kind === 'vague');
      // "We had a call in October": the story of the past, not a follow-up.
      const pastStory = vocabulary.has('pastNarration', s.text) && !vocabulary.has('futureCues', s.text);
      if (vague.length && !pastStory) {
        const found = [
          ...vocabulary.find('followUpVerbs', s.text),
          ...vocabulary.find('meetingNouns', s.text),
          ...vocabulary.find('schedulingVerbs', s.text),
        ];
        const theirs = clientOnlyCues(s.text, found, vocabulary);
        const cues = found.filter((m) => !theirs.has(m)).map((m) => ({ start: s.start + m.start, end: s.start + m.end }));
        if (cues.length) {
          const v = vague[0];
          const cue = cues.reduce((a, b) => (Math.abs(b.start - v.start) < Math.abs(a.start - v.start) ? b : a));
          const start = Math.min(cue.start, v.start);
          const end = Math.max(cue.end, v.end);
          report({
            start,
            end,
            message: `${quote(note.text.slice(start, end))} names no day. Agree on the date and time with the client (e.g. "${exampleDay(note, 7)} at 2pm") and send the invite.`,
          });
          continue;
        }
      }
      if (s.heading || !vocabulary.has('nonCommittal', s.text)) continue;
      const promise = vocabulary.find('nonCommittal', s.text).find((m) => isVerbUse(s, m, vocabulary));
      if (promise) {
        report({
          start: s.start + promise.start,
          end: s.start + promise.end,
          message: `${quote(promise.text)} has no date. Agree on when (e.g. "by ${exampleDay(note, 3)}"), or book the next call instead.`,
        });
      }
    }
  },
};
