/**
 * What a config may add to the vocabulary. A phrase is data compiled into a regular expression, so
 * a hostile or careless one must not make it slow or match nothing: its length, its number of
 * words and of optional words are bounded (each optional word doubles the ways a text can be tried),
 * and no word may have an empty alternative ("a|", "|"), which would match an empty string.
 */
export const PHRASE_LIMITS = { characters: 200, words: 12, optionalWords: 4, phrasesPerCategory: 2000 } as const;

/** Why a phrase of the data syntax cannot be used, or undefined when it can. */
export function phraseProblem(phrase: string): string | undefined {
  const slots = phrase.trim().split(/\s+/).filter(Boolean);
  if (slots.length === 0) return 'is empty';
  if (phrase.length > PHRASE_LIMITS.characters) return `is longer than ${PHRASE_LIMITS.characters} characters`;
  if (slots.length > PHRASE_LIMITS.words) return `has more than ${PHRASE_LIMITS.words} words`;
  const optional = slots.filter((s) => s.length > 1 && s.endsWith('?')).length;
  if (optional > PHRASE_LIMITS.optionalWords) return `has more than ${PHRASE_LIMITS.optionalWords} optional words ("word?")`;
  if (optional === slots.length) return 'has only optional words, so it would match nothing';
  for (const slot of slots) {
    const body = slot.length > 1 && slot.endsWith('?') ? slot.slice(0, -1) : slot;
    if (body.split('|').some((alt) => alt === '' || alt === '?')) return `has an empty alternative in "${slot}"`;
  }
  return undefined;
}
