import type { Vocabulary } from '../vocabulary/types.js';
import { readSubject, type Subject } from './clause-subject.js';
import type { OwnerReader } from './owners.js';
import { phraseAt, wordAt } from './phrase-at.js';
import type { ClauseKind, Owner } from './types.js';

export interface ClauseReading {
  kind: ClauseKind;
  /** A proposal voiced as a possibility ("we can", "we could", "we should"), not "let's", a question or a request. */
  musing?: boolean;
  subject?: Subject;
  /** Where the clause's main verb stands ("follow" in "we'll follow up"): follow-up verbs count there. */
  verbAt: number;
}

export interface ClauseContext {
  /** The clause belongs to an action item (and is not talk, "And perhaps…"): a subject-less clause is its owner's instruction. */
  inItem: boolean;
  /** The speaker of a transcript line: "I" and "we" are the speaker's side. */
  speaker?: Owner;
  /** The clause ends the sentence, and the sentence is a question. */
  question: boolean;
  /** The clause (or its sentence) names a day on or after the meeting. */
  pointsAhead: boolean;
}

/** Skips adverbs such as "also", "just" at `at`. */
function skipAdverbs(text: string, at: number, vocabulary: Vocabulary): number {
  let pos = at;
  for (let m = phraseAt(vocabulary, 'fillerAdverbs', text, pos); m; m = phraseAt(vocabulary, 'fillerAdverbs', text, pos)) pos = m.end;
  while (pos < text.length && /\s/.test(text[pos])) pos++;
  return pos;
}

/** "to" followed by a verb, not by "the", "this call", a number or a name: "Jim to check", not "agreed to this call". */
function toVerbAt(text: string, at: number, vocabulary: Vocabulary): number | undefined {
  const m = /^\s*to\s+/iu.exec(text.slice(at, at + 10));
  if (!m) return undefined;
  const next = wordAt(text, at + m[0].length);
  if (!next || !/^\p{Ll}/u.test(next.word) || vocabulary.words('nounDeterminers').includes(next.word.toLowerCase())) return undefined;
  return next.start;
}

function isPastVerb(word: string, vocabulary: Vocabulary): boolean {
  const w = word.toLowerCase();
  if (vocabulary.words('irregularPastVerbs').includes(w)) return true;
  return w.length >= 4 && w.endsWith('ed') && !vocabulary.words('notPastVerbs').includes(w);
}

/**
 * What a clause does and who it is about (see ClauseKind): its subject, then what follows it —
 * a future modal, "to <verb>", an intent verb, a reporting verb, a proposal, a past verb.
 */
export function readClauseKind(
  text: string,
  start: number,
  end: number,
  reader: OwnerReader,
  vocabulary: Vocabulary,
  ctx: ClauseContext,
): ClauseReading {
  const clause = text.slice(0, end);
  const at = (category: string, pos: number) => {
    const m = phraseAt(vocabulary, category, clause, pos);
    return m;
  };
  let pos = start;
  while (pos < end && /\s/.test(clause[pos])) pos++;
  const opening = pos;

  if (at('negations', pos)) return { kind: 'negation', verbAt: pos };
  if (at('conditionStarts', pos)) return { kind: 'condition', verbAt: pos };
  if (at('pleaseWords', pos)) {
    const after = skipAdverbs(clause, at('pleaseWords', pos)!.end, vocabulary);
    return { kind: invites(clause, start, end, vocabulary) ? 'invitation' : 'request', verbAt: after };
  }
  const proposalQuestion = at('proposalQuestions', pos);
  if (proposalQuestion) {
    const subject = readSubject(clause, proposalQuestion.start + proposalQuestion.text.split(/\s+/)[0].length, reader, vocabulary);
    return { kind: 'proposal', subject: speakerSide(subject, ctx), verbAt: skipAdverbs(clause, proposalQuestion.end, vocabulary) };
  }
  const proposal = at('proposalStarts', pos);
  if (proposal && !/^let\s+(?:us|me)\s+know/iu.test(clause.slice(pos))) {
    const we: Subject = { owners: reader.list('we'), start: proposal.start, end: proposal.end, pronoun: true };
    return { kind: 'proposal', subject: speakerSide(we, ctx), verbAt: skipAdverbs(clause, proposal.end, vocabulary) };
  }

  // "Maybe ODI can reach out", "perhaps we could meet": an option voiced, not someone's step.
  const opener = at('musingOpeners', pos);
  if (opener) {
    // Its subject (a name, a pronoun, "their IT lead"): one to four words, then "can", "could", "might"…
    for (let after = opener.end, n = 0; n < 4; n++) {
      const word = /^\s+[\p{L}\p{N}@'’.-]+/u.exec(clause.slice(after, end));
      if (!word) break;
      after += word[0].length;
      if (at('proposalModals', skipAdverbs(clause, after, vocabulary))) {
        const inner = readClauseKind(text, opener.end, end, reader, vocabulary, ctx);
        return { ...inner, kind: 'statement', musing: true };
      }
    }
  }

  const subject = speakerSide(readSubject(clause, pos, reader, vocabulary), ctx);
  if (subject) pos = subject.end;
  const arrow = subject ? /^\s*(?:->|→|=>|[:：])\s*/u.exec(clause.slice(pos, pos + 6)) : null;
  if (subject && arrow) {
    // "Raj -> pull the volumes", "Priya: I'll call Marco": the owner's step, read on from the separator.
    const inner = readClauseKind(text, pos + arrow[0].length, end, reader, vocabulary, { ...ctx, inItem: true });
    const option = inner.kind === 'statement' && inner.musing === true;
    const kind = (inner.kind === 'statement' && !option) || inner.kind === 'request' ? 'commitment' : inner.kind;
    return {
      kind: ctx.question && kind !== 'proposal' ? 'question' : kind,
      subject: inner.subject ?? subject,
      verbAt: inner.verbAt,
      musing: inner.musing,
    };
  }
  pos = skipAdverbs(clause, pos, vocabulary);

  const result = (kind: ClauseKind, verbAt: number): ClauseReading => {
    if (ctx.question && kind !== 'proposal') return { kind: 'question', subject, verbAt };
    // "We should always check in": a habit or a policy, not a step agreed for this deal.
    if ((kind === 'commitment' || kind === 'proposal') && at('habitualAdverbs', verbAt)) return { kind: 'statement', subject, verbAt };
    const imperative = kind === 'commitment' && !subject;
    if ((kind === 'statement' || kind === 'request' || kind === 'proposal' || imperative) && invites(clause, start, end, vocabulary)) {
      return { kind: 'invitation', subject, verbAt };
    }
    return { kind, subject, verbAt };
  };

  if (
    at('negations', pos) ||
    /^\s*\p{L}+n['’]t\b/u.test(clause.slice(pos, pos + 12)) ||
    /^\s*(?:\p{L}+\s+){1,2}(?:not|never)\b/u.test(clause.slice(pos, pos + 24))
  ) {
    return result('negation', pos);
  }
  const modal = at('futureModals', pos);
  if (modal) {
    const verbAt = skipAdverbs(clause, modal.end, vocabulary);
    if (at('negations', verbAt)) return result('negation', verbAt);
    // "We will need to…", "people will likely…": a need or a forecast, not a promise; "will be combined": nobody's step.
    if (at('predictionMarkers', verbAt) || passiveAt(clause, verbAt, vocabulary)) return result('statement', verbAt);
    // "Will touch base with Michael": minutes drop the subject; "It will be discussed": a thing promises nothing.
    return result(subject || ctx.inItem || pos === opening ? 'commitment' : 'statement', verbAt);
  }
  const intent = at('intentVerbs', pos);
  if (intent) {
    const toVerb = /to$/i.test(intent.text) ? toVerbAt(clause, intent.end - 2, vocabulary) : skipAdverbs(clause, intent.end, vocabulary);
    if (toVerb !== undefined) return result(subject || ctx.inItem ? 'commitment' : 'statement', toVerb);
    return result('past', pos);
  }
  const toVerb = subject ? toVerbAt(clause, pos, vocabulary) : undefined;
  if (toVerb !== undefined) return result('commitment', toVerb);
  const reporting = at('reportingVerbs', pos);
  if (reporting) {
    // "said to give her a call", "asked if we could reconnect", "suggested a demo": a proposal reported; "said the demo was great": narration.
    const reported = reportedVerbAt(clause, reporting.end, reader, vocabulary);
    if (reported.proposal) return result('proposal', reported.verbAt);
    return result(isPastVerb(reporting.text.split(/\s+/)[0], vocabulary) ? 'past' : 'statement', reported.verbAt);
  }
  const maybe = at('proposalModals', pos);
  if (maybe) {
    const verbAt = skipAdverbs(clause, maybe.end, vocabulary);
    if (at('negations', verbAt)) return result('negation', verbAt);
    const side = subject?.owners[0]?.side;
    if (subject && subject.pronoun && (side === 'seller' || side === 'joint')) return { ...result('proposal', verbAt), musing: true };
    if (passiveAt(clause, verbAt, vocabulary)) return result('statement', verbAt);
    // "they can reach out to Greg", "maybe ODI can…": an option, not an owner's step, even in a list of actions.
    const named = subject !== undefined && !subject.pronoun && subject.owners.every((o) => reader.known(o));
    return result(ctx.inItem && (subject === undefined || named) ? 'commitment' : 'statement', verbAt);
  }
  const word = wordAt(clause, pos);
  if (word && (isPastVerb(word.word, vocabulary) || at('pastAuxiliaries', pos))) {
    // "We booked Thu Dec 10": a meeting agreed on, not narration.
    const known = subject !== undefined && subject.owners.every((o) => reader.known(o));
    if (ctx.pointsAhead)
      return result(
        (at('schedulingPast', pos) || at('pastAuxiliaries', pos)) && (known || (ctx.inItem && !subject)) ? 'commitment' : 'statement',
        word.start,
      );
    return result('past', word.start);
  }
  if (at('progressiveAuxiliaries', pos)) return result('statement', pos);
  if (!subject)
    return result(ctx.inItem ? 'commitment' : opening === pos && word && /^\p{Ll}/u.test(word.word) ? 'request' : 'statement', pos);
  return result(ctx.inItem ? 'commitment' : 'statement', pos);
}

/** "be combined", "be sent", "probably be dropped": a passive after a modal names no one's step. */
function passiveAt(text: string, at: number, vocabulary: Vocabulary): boolean {
  const m = /^\s*(?:\p{L}+\s+)?be\s+(\p{L}+)/u.exec(text.slice(at, at + 40));
  return m !== null && (/ed$/i.test(m[1]) || vocabulary.words('irregularPastVerbs').includes(m[1].toLowerCase()));
}

/**
 * After "said", "asked", "suggested": where the reported step's verb stands — "to <verb>", "us to
 * <verb>", "(that) we'll <verb>", "if we could <verb>", "\"let's <verb>\"", or "a demo" — and
 * whether a step is reported at all.
 */
function reportedVerbAt(text: string, at: number, reader: OwnerReader, vocabulary: Vocabulary): { verbAt: number; proposal: boolean } {
  let pos = at;
  const quoteMark = /^\s*[:,]?\s*["“‘']/u.exec(text.slice(pos, pos + 6));
  if (quoteMark) pos += quoteMark[0].length;
  const lets = phraseAt(vocabulary, 'proposalStarts', text, pos);
  if (lets) return { verbAt: skipAdverbs(text, lets.end, vocabulary), proposal: true };
  const object = /^\s*(?:us|me|him|her|them|you)\b/iu.exec(text.slice(pos, pos + 8));
  if (object) pos += object[0].length;
  const to = toVerbAt(text, pos, vocabulary);
  if (to !== undefined) return { verbAt: to, proposal: true };
  const that = /^\s*(?:that|if|whether)\b/iu.exec(text.slice(pos, pos + 10));
  if (that) pos += that[0].length;
  const subject = readSubject(text, pos, reader, vocabulary);
  if (subject) {
    const modal = /^\s*(?:['’](?:ll|d)|will|would|could|can|should|shall|might)\b/iu.exec(text.slice(subject.end, subject.end + 10));
    if (modal) return { verbAt: skipAdverbs(text, subject.end + modal[0].length, vocabulary), proposal: true };
  }
  // "suggested a demo in two weeks": a meeting asked for by name.
  const article = /^\s*(?:a|an|another|one more)\s+/iu.exec(text.slice(pos, pos + 14));
  if (article) {
    const after = pos + article[0].length;
    const meeting = phraseAt(vocabulary, 'meetingNouns', text, after) ?? phraseAt(vocabulary, 'weakMeetingNouns', text, after);
    if (meeting) return { verbAt: meeting.start, proposal: true };
  }
  return { verbAt: skipAdverbs(text, pos, vocabulary), proposal: false };
}

function invites(text: string, start: number, end: number, vocabulary: Vocabulary): boolean {
  return vocabulary.has('invitationCues', text.slice(start, end));
}

/** In a transcript line, "I" and "we" are the speaker and the speaker's side. */
function speakerSide(subject: Subject | undefined, ctx: ClauseContext): Subject | undefined {
  if (!subject || !ctx.speaker || !subject.pronoun) return subject;
  const word = subject.owners[0]?.text.toLowerCase();
  if (word === 'i') return { ...subject, owners: [{ ...ctx.speaker, text: subject.owners[0].text }] };
  if (word === 'we') return { ...subject, owners: [{ text: subject.owners[0].text, side: ctx.speaker.side }] };
  return subject;
}
