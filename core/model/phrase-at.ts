import type { PhraseMatch, Vocabulary } from '../vocabulary/types.js';

/** The phrase of a category that starts exactly at `at` in `text` (after white space), if any. */
export function phraseAt(vocabulary: Vocabulary, category: string, text: string, at: number): PhraseMatch | undefined {
  let from = at;
  while (from < text.length && (text[from] === ' ' || text[from] === '\t' || text[from] === '\n')) from++;
  const re = vocabulary.memo(`phraseAt:${category}`, () => new RegExp(`^(?:${vocabulary.source(category)})(?![\\p{L}\\p{N}_])`, 'iu'));
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
