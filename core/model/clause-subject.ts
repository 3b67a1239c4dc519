import type { Vocabulary } from '../vocabulary/types.js';
import type { OwnerReader } from './owners.js';
import type { Owner } from './types.js';

/** A clause's subject: who it is about, and where it is written (offsets into the searched text). */
export interface Subject {
  owners: Owner[];
  start: number;
  end: number;
  /** I, we, they…: a pronoun rather than a name. */
  pronoun: boolean;
}

/**
 * The subject at `at` in a clause: a side's pronoun ("we", "they", "our team"), or names,
 * @handles or the account as an owner list ("Jim", "Mary & Dana", "Acme") followed by a verb.
 */
export function readSubject(text: string, at: number, reader: OwnerReader, vocabulary: Vocabulary): Subject | undefined {
  let from = at;
  while (from < text.length && /\s/.test(text[from])) from++;
  const rest = text.slice(from, from + 100);
  const pronoun = vocabulary
    .memo('subjectPronounAt', () => new RegExp(`^(?:${vocabulary.source('subjectPronouns')})(?=['’]|\\s|$|,)`, 'iu'))
    .exec(rest);
  if (pronoun) {
    const owners = reader.list(pronoun[0]);
    return {
      owners: owners.length ? owners : [{ text: pronoun[0], side: 'unknown' }],
      start: from,
      end: from + pronoun[0].length,
      pronoun: true,
    };
  }
  if (!/^[@\p{Lu}]/u.test(rest)) return undefined;
  // The longest run of up to eight words that reads as an owner list and is followed by a verb.
  const words = [...rest.matchAll(/[^\s,:：]+/gu)].slice(0, 8);
  for (let n = words.length; n >= 1; n--) {
    const last = words[n - 1];
    const end = last.index + last[0].length;
    const after = rest.slice(end);
    if (!/^(?:,?\s+\p{Ll}|['’]|\s*(?:->|→|=>|[:：]\s))/u.test(after)) continue;
    const owners = reader.list(rest.slice(0, end));
    if (!owners.length) continue;
    // A capitalised word no roster names ("Feel free…", "Follow up…") is a subject only before a verb such as "will" or "to",
    // and never a verb itself ("Trying to…", "Added to the agenda", "Continue to…").
    // A single capitalised word is a person only when the note names them (a roster, an attendee, a speaker) or it is
    // written as initials ("HZ to reach out"); "Worthwhile to talk…", "Express will…" are not people.
    const unknown = owners.filter((o) => !reader.known(o));
    const nameLike = (o: Owner) => /\s/.test(o.text.trim()) || /^\p{Lu}{2,4}$/u.test(o.text.trim());
    if (unknown.length && (!verbAfter(vocabulary).test(after) || unknown.some((o) => looksLikeVerb(o.text, vocabulary) || !nameLike(o))))
      continue;
    return { owners, start: from, end: from + end, pronoun: false };
  }
  return undefined;
}

/** "Trying", "Added", "B. Try": capitalised words with a verb among them, not a name. */
function looksLikeVerb(word: string, vocabulary: Vocabulary): boolean {
  return word
    .toLowerCase()
    .split(/\s+/)
    .some(
      (w) =>
        /^\p{L}{3,}(?:ing|ed)$/u.test(w) ||
        vocabulary.words('catenativeVerbs').includes(w) ||
        vocabulary.words('irregularPastVerbs').includes(w),
    );
}

const verbAfter = (vocabulary: Vocabulary): RegExp =>
  vocabulary.memo('clauseStartVerbAt', () => new RegExp(`^,?\\s*(?:${vocabulary.source('clauseStartVerbs')})(?![\\p{L}\\p{N}_])`, 'iu'));

/** Does a new clause start at `at`: a subject followed by a verb ("we can", "Emre will", "they're")? */
export function startsClause(text: string, at: number, reader: OwnerReader, vocabulary: Vocabulary): boolean {
  const subject = readSubject(text, at, reader, vocabulary);
  if (!subject) return false;
  const after = text.slice(subject.end, subject.end + 30);
  if (verbAfter(vocabulary).test(after)) return true;
  // "…, and yeah I spent a couple of days…": a past verb starts a clause too.
  const word = /^\s+(\p{Ll}+)/u.exec(after)?.[1];
  return word !== undefined && (/\p{L}{2,}ed$/u.test(word) || vocabulary.words('irregularPastVerbs').includes(word));
}
