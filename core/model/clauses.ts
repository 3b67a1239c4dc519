import type { DateMention } from '../dates/types.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { readClauseKind } from './clause-kind.js';
import { splitClauses } from './clause-split.js';
import { namesTopic } from './due-dates.js';
import { followUpsIn, hedgeIn } from './follow-ups.js';
import type { OwnerReader } from './owners.js';
import { phraseAt } from './phrase-at.js';
import { combinedSide } from './rosters.js';
import { speechStart } from './speech.js';
import type { Clause, Sentence } from './types.js';

export interface ClauseOptions {
  reader: OwnerReader;
  vocabulary: Vocabulary;
  /** Does a date point at or after the meeting (a day to come, "next week"), rather than back ("last month")? */
  pointsAhead: (d: DateMention) => boolean;
}

/**
 * Is a sentence worth reading clause by clause: does it hold what a rule or an event can use? A
 * non-committal phrase, a hedge, a promise ("will", "agreed to", "Jim to check", "Raj -> pull"); or a
 * follow-up verb or meeting word with a date, a word pointing ahead ("next", "again") or a proposal
 * ("let's", "we should", "she asked"). A meeting word alone ("the call went well") names no step.
 */
/** "Jim to check…", "Raj -> pull the volumes": a named owner's step. */
const NAMED_PROMISE = /(?:^|[,;:(]\s*|\band\s+)\s*(?:[@\p{Lu}][\p{L}\p{N}_.'’-]*\s+){1,3}to\s+\p{Ll}|->|→|=>/u;

function worthReading(sentence: Sentence, vocabulary: Vocabulary): boolean {
  const { text } = sentence;
  // Quick word tests first (they may say yes wrongly, never no); the clause reading is exact.
  if (['nonCommittal', 'hedges', 'futureModals', 'intentVerbs'].some((c) => vocabulary.mayHave(c, text))) return true;
  const promise = vocabulary.memo('namedPromise', () => NAMED_PROMISE);
  if (promise.test(text)) return true;
  if (!['followUpVerbs', 'meetingNouns', 'weakMeetingNouns', 'schedulingVerbs'].some((c) => vocabulary.mayHave(c, text))) return false;
  // An action item is a step: its meeting words always count ("Technical validation session | TBD").
  if (sentence.item) return true;
  return (
    sentence.dates.length > 0 ||
    ['futureCues', 'proposalStarts', 'proposalQuestions', 'proposalModals', 'reportingVerbs', 'pleaseWords'].some((c) =>
      vocabulary.mayHave(c, text),
    )
  );
}

const CLAUSE_CUES = [
  'nonCommittal',
  'hedges',
  'futureModals',
  'intentVerbs',
  'followUpVerbs',
  'meetingNouns',
  'weakMeetingNouns',
  'schedulingVerbs',
  'proposalStarts',
  'proposalQuestions',
  'proposalModals',
  'reportingVerbs',
  'pleaseWords',
  'nextMeetingLabels',
  'musingOpeners',
];

/** A clause of prose holding none of the words any reading starts from is a plain statement. */
function clauseWorthReading(part: string, vocabulary: Vocabulary): boolean {
  if (CLAUSE_CUES.some((c) => vocabulary.mayHave(c, part))) return true;
  return vocabulary.memo('namedPromise', () => NAMED_PROMISE).test(part);
}

function plainClause(sentence: Sentence): Clause {
  return {
    start: sentence.start,
    end: sentence.end,
    text: sentence.text,
    kind: 'statement',
    musing: false,
    conditional: false,
    verbAt: sentence.start,
    dates: sentence.dates,
    followUps: [],
    sameDay: false,
  };
}

/**
 * Pass 5: a sentence's clauses, each with who it is about, what it does (ClauseKind), its dates,
 * its follow-up phrases and the hedge of its commitment. Offsets are into the note's text.
 */
export function readClauses(sentence: Sentence, options: ClauseOptions): Clause[] {
  const { reader, vocabulary } = options;
  const text = sentence.text;
  // Most sentences hold no follow-up, meeting, hedge, promise or proposal word: one clause, a statement.
  if (!worthReading(sentence, vocabulary)) return [plainClause(sentence)];
  let bodyStart = 0;
  // The "Name:" of a transcript line is not part of what is said.
  if (sentence.speaker) bodyStart = speechStart(text);
  const question = /\?["'”’)\]]*\s*$/.test(text);
  const ranges = splitClauses(text.slice(bodyStart), reader, vocabulary).map((r) => ({
    ...r,
    start: r.start + bodyStart,
    end: r.end + bodyStart,
  }));
  // "if possible", "if time permits" hedge a commitment rather than make it conditional.
  const hedgeOnly = (r: { start: number; end: number }) => {
    const h = vocabulary.find('hedges', text.slice(r.start, r.end))[0];
    return h !== undefined && h.end - h.start >= r.end - r.start - 2;
  };
  const hasCondition = ranges.some((r) => r.condition && !hedgeOnly(r));
  // "after the call, we can ping him", "later today": the sentence's follow-ups are of the same day — unless the day
  // only states a condition ("If we can't finish today, we can follow up next week").
  const sameDay = vocabulary
    .find('sameDayCues', text)
    .some((cue) => !ranges.some((r) => r.condition && r.start <= cue.start && cue.end <= r.end));
  const invitingCondition = ranges.some((r) => r.condition && vocabulary.has('invitationCues', text.slice(r.start, r.end)));
  const first = sentence.dates[0];
  const labelDate =
    first && first.start - sentence.start <= bodyStart + 2 && /^\s*[:–—-]\s/.test(text.slice(first.end - sentence.start))
      ? first
      : undefined;
  const clauses = ranges.map((r, i): Clause => {
    const own = sentence.dates.filter(
      (d) =>
        d.start >= sentence.start + r.start &&
        d.end <= sentence.start + r.end &&
        !namesTopic(
          d,
          text.slice(Math.max(0, d.start - sentence.start - 12), d.start - sentence.start),
          text.slice(d.end - sentence.start, d.end - sentence.start + 40),
        ),
    );
    // "Feb 19: Town Hall, Myles to follow up": a date labelling the line dates each of its clauses.
    const dates = labelDate && !own.includes(labelDate) ? [labelDate, ...own] : own;
    const part = text.slice(r.start, r.end);
    // In a long sentence of prose most clauses hold nothing to read: a plain statement (or condition), cheaply.
    if (!sentence.item && !clauseWorthReading(part, vocabulary)) {
      return {
        ...plainClause(sentence),
        start: sentence.start + r.start,
        end: sentence.start + r.end,
        text: part,
        kind: r.condition ? 'condition' : 'statement',
        verbAt: sentence.start + r.start,
        conditional: !r.condition && hasCondition,
        dates,
        sameDay,
      };
    }
    const label = /^(?=(\s*))\1([^:\n]{1,30}?)\s*[:：]\s+\S/.exec(part);
    // "Next meeting: TBD", "Next call: Fri Oct 18": a next meeting the note states as agreed.
    const nextMeetingLabel = label !== null && label[2].trim().split(/\s+/).length <= 4 && vocabulary.has('nextMeetingLabels', label[2]);
    const reading = nextMeetingLabel
      ? { kind: 'commitment' as const, verbAt: r.start + label[0].length - 1 }
      : readClauseKind(text, r.start, r.end, reader, vocabulary, {
          inItem: sentence.item !== undefined && !phraseAt(vocabulary, 'spokenFillers', text, 0),
          speaker: sentence.speaker,
          question: question && i === ranges.length - 1,
          pointsAhead: dates.some(options.pointsAhead),
        });
    const subject = 'subject' in reading ? reading.subject : undefined;
    const followUps = followUpsIn(text, r.start, r.end, reading.verbAt, vocabulary);
    const hedge = hedgeIn(text, r.start, r.end, vocabulary);
    return {
      start: sentence.start + r.start,
      end: sentence.start + r.end,
      text: text.slice(r.start, r.end),
      kind: reading.kind,
      musing: 'musing' in reading && reading.musing === true,
      conditional: !r.condition && hasCondition,
      verbAt: sentence.start + reading.verbAt,
      subject: subject
        ? {
            owners: subject.owners,
            side: combinedSide(subject.owners),
            start: sentence.start + subject.start,
            end: sentence.start + subject.end,
          }
        : undefined,
      dates,
      // "after the call" names the day for the whole sentence: "It's worth it after the call, we can ping him".
      sameDay,
      followUps: followUps.map((f) => ({
        start: sentence.start + f.start,
        end: sentence.start + f.end,
        text: f.text,
        nonCommittal: f.nonCommittal,
      })),
      hedge: hedge ? { ...hedge, start: sentence.start + hedge.start, end: sentence.start + hedge.end } : undefined,
    };
  });
  // "If anyone wants to try it, do let me know": the whole sentence is an open invitation.
  if (invitingCondition)
    for (const c of clauses)
      if (c.conditional && (c.kind === 'request' || c.kind === 'proposal' || c.kind === 'statement')) c.kind = 'invitation';
  return clauses;
}
