import type { DateMention } from '../dates/types.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { wordBefore } from './phrase-at.js';

/**
 * The dates that say when an item is due, not those it only talks about (docs/design.md, "Dates"): "share last
 * quarter's numbers", "the results since March", "the notes from the Oct 3 call" name a topic.
 * `text` starts at offset `start` of the note; the dates' offsets are the note's.
 */
/** "Q4 OKR planning", "2027 roadmap", "FY26 budget": a period named before a noun is what the thing is about, not when. */
export function namesTopic(d: DateMention, before: string, after: string): boolean {
  if (!/^(?:Q[1-4]|H[12]|FY\s?\d{2,4}|(?:19|20)\d{2})$/i.test(d.text.trim())) return false;
  if (/\b(?:in|by|until|till|before|after|for|through|of|during|end|early|mid|late)\s*$/i.test(before)) return false;
  return /^\s+(?:\p{Lu}[\p{L}-]*|planning|plan|plans|roadmap|budget|goals|goal|okrs?|targets?|review|kickoff|kick-off|forecast|results|numbers|pipeline|priorities|strategy)\b/u.test(
    after,
  );
}

export function dueDatesIn(text: string, start: number, dates: readonly DateMention[], vocabulary: Vocabulary): DateMention[] {
  return dates.filter((d) => {
    const at = d.start - start;
    // "[2021-03-17]: Taylor to close the RFC": the day the item was raised, written as its label.
    if (/^[\s[(]*$/.test(text.slice(0, at)) && /^[\])]?\s*[:—–-]/.test(text.slice(d.end - start))) return false;
    if (/^['’]s\b/.test(text.slice(d.end - start, d.end - start + 3))) return false;
    const before = text.slice(Math.max(0, at - 16), at);
    if (namesTopic(d, before, text.slice(d.end - start, d.end - start + 40))) return false;
    return (
      !vocabulary.words('topicDatePrepositions').includes(wordBefore(text, at)) &&
      !/\b(?:as of|from the|of the|since the)\s*$/i.test(before)
    );
  });
}
