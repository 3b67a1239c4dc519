/**
 * A quick no-match test for a category: the words a phrase can start with. Most texts hold none of
 * a category's first words, and a lookup in a set of the text's words is far cheaper than running
 * the category's regular expression over the text.
 */

const LETTERS = /[\p{L}\p{N}]+/gu;

/** The letters-and-digits run a word starts with ("follow-up" → "follow"), or undefined for one that starts otherwise ("'ll", "->"). */
function lead(word: string): string | undefined {
  // "'ll" is the "ll" word of "we'll" once the text is split at its apostrophes.
  const m = /^['’]?([\p{L}\p{N}]+)/u.exec(word);
  return m ? m[1] : undefined;
}

/**
 * The first words of the category's phrases, lower-cased; undefined when some phrase may start
 * with something that is not a word (an apostrophe, a symbol, a name slot) and the test cannot be used.
 * `alternatives(slot)` lists the written forms a slot stands for.
 */
export function firstWordsOf(phrases: readonly string[], alternatives: (slot: string) => string[] | undefined): Set<string> | undefined {
  const words = new Set<string>();
  for (const phrase of phrases) {
    const slots = phrase.trim().toLowerCase().split(/\s+/);
    for (const slot of slots) {
      const optional = slot.endsWith('?') && slot.length > 1;
      const forms = alternatives(optional ? slot.slice(0, -1) : slot);
      if (!forms) return undefined;
      for (const form of forms) {
        const first = lead(form);
        if (!first) return undefined;
        words.add(first);
        // "follow-up" also matches "followup".
        if (/[-\s]/.test(form)) words.add(form.replace(/[-\s]/g, ''));
      }
      // An optional slot may be skipped: the next one can start the phrase too.
      if (!optional) break;
    }
  }
  return words;
}

/* A text's lower-cased words, and where each one starts (read only when a pattern is tried). */

/** Texts whose words are kept: a sentence and its clauses are searched for many categories in a row. */
const KEPT = 16;
const keptWords = new Map<string, Set<string>>();
const keptStarts = new Map<string, Array<[number, string]>>();
const NOT_WORD = /[^\p{L}\p{N}]+/u;

function remember<T>(kept: Map<string, T>, text: string, value: T): T {
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value as string);
  kept.set(text, value);
  return value;
}

/** The lower-cased words of a text. */
export function wordsOf(text: string): Set<string> {
  return keptWords.get(text) ?? remember(keptWords, text, new Set(text.toLowerCase().split(NOT_WORD)));
}

/** Where each lower-cased word of a text starts. */
export function wordStarts(text: string): Array<[number, string]> {
  let starts = keptStarts.get(text);
  if (!starts) {
    starts = [];
    const lower = text.toLowerCase();
    // Lower-casing keeps the length of almost every text; where it does not, positions are read from the text itself.
    const source = lower.length === text.length ? lower : text;
    for (const m of source.matchAll(LETTERS)) starts.push([m.index, m[0].toLowerCase()]);
    remember(keptStarts, text, starts);
  }
  return starts;
}

/** Can the text hold a phrase starting with one of these words? */
export function mayHold(text: string, first: Set<string> | undefined): boolean {
  if (!first) return true;
  const words = wordsOf(text);
  if (words.size < first.size) {
    for (const w of words) if (first.has(w)) return true;
    return false;
  }
  for (const w of first) if (words.has(w)) return true;
  return false;
}
