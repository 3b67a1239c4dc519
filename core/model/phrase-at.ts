import type { PhraseMatch, Vocabulary } from '../vocabulary/types.js';

const WORD = /[\p{L}\p{N}]+/uy;

const anchoredByVocabulary = new WeakMap<Vocabulary, Map<string, RegExp>>();

function anchored(vocabulary: Vocabulary, category: string): RegExp {
  let map = anchoredByVocabulary.get(vocabulary);
  if (!map) anchoredByVocabulary.set(vocabulary, (map = new Map()));
  let re = map.get(category);
  if (!re) map.set(category, (re = new RegExp(`^(?:${vocabulary.source(category)})(?![\\p{L}\\p{N}_])`, 'iu')));
  return re;
}

/** The phrase of a category that starts exactly at `at` in `text` (after white space), if any. */
export function phraseAt(vocabulary: Vocabulary, category: string, text: string, at: number): PhraseMatch | undefined {
  let from = at;
  while (from < text.length && (text[from] === ' ' || text[from] === '\t' || text[from] === '\n')) from++;
  // The word standing there must be one the category's phrases start with.
  const first = vocabulary.firstWords(category);
  if (first) {
    // "'ll" in "we'll": the word after the apostrophe.
    WORD.lastIndex = text[from] === "'" || text[from] === '’' ? from + 1 : from;
    const w = WORD.exec(text);
    if (!w || !first.has(w[0].toLowerCase())) return undefined;
  }
  const re = anchored(vocabulary, category);
  const m = re.exec(text.slice(from, from + 120));
  return m ? { start: from, end: from + m[0].length, text: m[0], phrase: m[0].toLowerCase() } : undefined;
}

/** The word starting at `at` (after white space): letters, digits, apostrophes and hyphens. */
export function wordAt(text: string, at: number): { start: number; end: number; word: string } | undefined {
  const m = /^\s*([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u.exec(text.slice(at, at + 80));
  if (!m) return undefined;
  const start = at + m[0].length - m[1].length;
  return { start, end: start + m[1].length, word: m[1] };
}

/** The word ending right before `at` (lower-cased, curly apostrophes straightened), or "". */
export function wordBefore(text: string, at: number): string {
  return (/([\p{L}\p{N}'’-]+)[\s,]*$/u.exec(text.slice(Math.max(0, at - 40), at))?.[1] ?? '').toLowerCase().replace(/’/g, "'");
}
