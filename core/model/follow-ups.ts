import type { PhraseMatch, Vocabulary } from '../vocabulary/types.js';
import { clientOnlyCues, currentMeeting } from './events.js';
import { phraseAt, wordBefore } from './phrase-at.js';
import type { Span } from './types.js';

/** A follow-up phrase, offsets into the searched text. */
export interface FollowUpMatch extends PhraseMatch {
  nonCommittal: boolean;
}

/** "follow-up email", "a check-in": the hyphenated or noun use of a follow-up phrase is not a promise. */
function isVerbUse(text: string, m: PhraseMatch, vocabulary: Vocabulary): boolean {
  const after = text.slice(m.end);
  const nounNext = vocabulary.memo(
    'nounAfterFollowUp',
    () => new RegExp(`^\\s*(?:${vocabulary.source('nounFollowingFollowUp')})(?![\\p{L}])`, 'iu'),
  );
  if (/^(?:follow|check|f\/u)/i.test(m.text) && nounNext.test(after)) return false;
  const previous = wordBefore(text, m.start);
  if (vocabulary.words('nounDeterminers').includes(previous)) return false;
  if (!m.text.includes('-')) return true;
  return vocabulary.words('verbCues').includes(previous);
}

let senseText: string | undefined;
let senseMatches: PhraseMatch[] = [];

/** "sync off the state", "meet the deadline", "call out": words of a follow-up used in another sense (searched in the whole sentence). */
function otherSense(text: string, m: PhraseMatch, vocabulary: Vocabulary): boolean {
  if (text !== senseText) {
    senseText = text;
    senseMatches = vocabulary.find('notFollowUps', text);
  }
  return senseMatches.some((o) => o.start <= m.start && o.end > m.start);
}

const FOLLOW_UP_CATEGORIES = ['nonCommittal', 'followUpVerbs', 'meetingNouns', 'schedulingVerbs', 'weakMeetingNouns'];

const NEGATED_BEFORE = /(?:^|[^\p{L}])(?:no|not|never|without|instead of)\s+(?:\p{L}+\s+)?$/iu;

/**
 * The follow-up phrases of a clause (text[start, end)): non-committal ones ("circle back", "let us
 * know"), and follow-up verbs or meetings that need a day ("call", "demo", "sync") where they are
 * the clause's verb (`verbAt`), open it, or follow a determiner or a scheduling verb ("schedule a
 * demo"). Not: the meeting the note records ("this call"), the client's own meetings ("their board
 * meets"), compounds ("meeting notes"), other senses ("meet the deadline"), negated uses.
 */
export function followUpsIn(text: string, start: number, end: number, verbAt: number, vocabulary: Vocabulary): FollowUpMatch[] {
  const clause = text.slice(0, end);
  const part = clause.slice(start);
  if (!FOLLOW_UP_CATEGORIES.some((c) => vocabulary.mayHave(c, part))) return [];
  const shift = (m: PhraseMatch): PhraseMatch => ({ ...m, start: m.start + start, end: m.end + start });
  const negated = (m: PhraseMatch) => NEGATED_BEFORE.test(clause.slice(Math.max(start, m.start - 30), m.start));
  const out: FollowUpMatch[] = [];
  const opening = start + (part.length - part.trimStart().length);
  for (const m of vocabulary.find('nonCommittal', part).map(shift)) {
    if (!isVerbUse(clause, m, vocabulary) || otherSense(text, m, vocabulary) || negated(m)) continue;
    // One word ("ping", "lmk") is a verb only where a verb stands: "or ping or whatever", "(pings for us-west…)" are nouns.
    const oneWord = !/[\s-]/.test(m.text.trim());
    if (oneWord && m.start !== verbAt && m.start !== opening && !vocabulary.words('verbCues').includes(wordBefore(clause, m.start)))
      continue;
    out.push({ ...m, nonCommittal: true });
  }
  const compounds = vocabulary.memo(
    'meetingCompoundAfter',
    () => new RegExp(`^\\s+(?:${vocabulary.source('meetingNounCompounds')})(?![\\p{L}])`, 'iu'),
  );
  const scheduling = vocabulary.find('schedulingVerbs', part).map(shift);
  const weakNouns = vocabulary.find('weakMeetingNouns', part).map(shift);
  const nouns = [...vocabulary.find('meetingNouns', part).map(shift), ...weakNouns];
  const candidates = [...['followUpVerbs', 'schedulingVerbs'].flatMap((c) => vocabulary.find(c, part).map(shift)), ...nouns];
  const theirs = clientOnlyCues(clause, candidates, vocabulary);
  // "we have one scheduled", "booked last week": a past or participle scheduling verb books nothing by itself (it still ties a meeting: "call booked").
  const bookedForm = (m: PhraseMatch) =>
    scheduling.some((s) => s.start === m.start && s.end === m.end) && /^\p{L}+ed\b|^(?:met|caught)\b/iu.test(m.text);
  for (const m of candidates) {
    if (out.some((o) => o.start < m.end && m.start < o.end) || bookedForm(m)) continue;
    if (
      theirs.has(m) ||
      currentMeeting(clause, m, vocabulary) ||
      compounds.test(clause.slice(m.end)) ||
      otherSense(text, m, vocabulary) ||
      negated(m)
    )
      continue;
    // "Review timeframe for hardforks": a weak meeting noun opening a clause before an object is a verb.
    const next = /^\s+([\p{L}–—-]+)/u.exec(clause.slice(m.end, m.end + 30))?.[1];
    if (
      m.start === opening &&
      weakNouns.includes(m) &&
      next &&
      /^\p{Ll}/u.test(next) &&
      !vocabulary.words('meetingNounFollowers').includes(next.toLowerCase())
    )
      continue;
    const previous = wordBefore(clause, m.start);
    // "<topic> session" opening an item ("Technical validation session | TBD"), not "we'll ship checkpoint sync".
    const lead = clause.slice(opening, m.start).trim();
    const topicNoun =
      nouns.includes(m) &&
      lead.split(/\s+/).length <= 3 &&
      /^\p{Lu}/u.test(lead) &&
      !phraseAt(vocabulary, 'clauseStartVerbs', lead, 0) &&
      !phraseAt(vocabulary, 'followUpVerbs', lead, 0);
    // "I will review ASAP", "we'll present": a weak meeting noun used as the verb is work, not a meeting.
    if (m.start === verbAt && weakNouns.includes(m)) continue;
    const placed =
      m.start === verbAt ||
      m.start === opening ||
      topicNoun ||
      vocabulary.words('nounDeterminers').includes(previous) ||
      scheduling.some((s) => s.end <= m.start && m.start - s.end <= 16);
    if (placed) out.push({ ...m, nonCommittal: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

function beforeVerb(text: string, at: number, vocabulary: Vocabulary): boolean {
  const next = /^[\s,]*([\p{L}'’]+)/u.exec(text.slice(at, at + 40))?.[1];
  if (!next) return false;
  if (vocabulary.words('subjectPronouns').includes(next.toLowerCase())) return true;
  // "maybe Jim will join": a name, then a verb; not "possibly IPLD".
  if (/^\p{Lu}/u.test(next))
    return /^[\s,]*[\p{L}'’]+\s+(?:will|'ll|can|could|should|would|might|to|is going to)\b/iu.test(text.slice(at, at + 60));
  const word = next.toLowerCase().replace(/’/g, "'");
  // "possibly using", "maybe finished" are not steps; "maybe bring", "possibly need" are.
  const inflected = /(?:ing|ed)$/.test(word) && !vocabulary.words('plainVerbsLikeInflected').includes(word);
  return !inflected && !vocabulary.words('notVerbsAfterHedge').includes(word);
}

/**
 * The hedge of a clause's own commitment ("should be able to send", "hopefully bring", "will try
 * to"), not a hedge inside a relative or embedded clause ("the problem we are trying to solve",
 * "check whether it might work").
 */
export function hedgeIn(text: string, start: number, end: number, vocabulary: Vocabulary): (Span & { firm: boolean }) | undefined {
  const part = text.slice(start, end);
  const hedges = vocabulary.find('hedges', part);
  if (hedges.length === 0) return undefined;
  const not = vocabulary.find('notHedges', part);
  for (const h of hedges) {
    if (not.some((n) => n.start <= h.start && n.end > h.start)) continue;
    const before = part.slice(0, h.start);
    // "Cameron is trying to get more interest": effort under way, not a hedged promise.
    if (/\b(?:is|are|am|was|were|been|['’]s|['’]re|['’]m)\s*$/i.test(before) && /^try/i.test(h.text)) continue;
    // "to pursue the meeting and trying to gather constraints": an effort reported, not a hedged promise.
    if (/^trying\b/i.test(h.text) && !/\b(?:be|keep|keeps)\s*$/i.test(before)) continue;
    // "(and others might as well)": an aside; "see if we can": a question to look into, not a hedged promise.
    if (before.lastIndexOf('(') > before.lastIndexOf(')')) continue;
    if (vocabulary.has('complementVerbs', wordBefore(part, h.start))) continue;
    // "probably because they want support": a guess at a reason, not a hedged step.
    if (/^\s*(?:because|since|due to)\b/i.test(part.slice(h.end))) continue;
    if (/(?:^|[^\p{L}])(?:we|they|you|i|he|she)\s+(?:are|is|am|were|was|['’]re|['’]m|['’]s)\s*$/iu.test(before)) continue;
    if (vocabulary.find('relativePronouns', before).length > 0) continue;
    const firm = vocabulary.find('commitmentHedges', part).some((c) => c.start <= h.start && c.end >= h.end);
    // "maybe author the report", "might join", "maybe we should…": a musing hedge counts only before a verb or a subject,
    // not "possibly using the template", "potentially in the next upgrade", "maybe yes".
    if (!firm && !beforeVerb(part, h.end, vocabulary)) continue;
    return { start: start + h.start, end: start + h.end, text: h.text, firm };
  }
  return undefined;
}
