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

/* Which categories a text may hold, from its words, and where each word starts (read only when a pattern is tried). */

/** Texts whose readings are kept: a note's sentences and clauses are searched in several passes (units, clauses, events). */
const KEPT = 1024;
const BETWEEN_WORDS = /([^\p{L}\p{N}]+)/u;
const keptParts = new Map<string, string[]>();

/**
 * A text lower-cased and split into its words and what lies between them: words at the even
 * places ("" where the text starts or ends with a non-word), so that positions add up.
 */
function partsOf(text: string): string[] {
  return keptParts.get(text) ?? remember(keptParts, text, text.toLowerCase().split(BETWEEN_WORDS));
}

function remember<T>(kept: Map<string, T>, text: string, value: T): T {
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value as string);
  kept.set(text, value);
  return value;
}

/**
 * The first words of many categories at once: a word → the categories (numbered 0…n-1) it can
 * start. One pass over a text's words tells every category at once whether it may be there.
 */
export class FirstWordIndex {
  private readonly starts = new Map<string, number[]>();
  private readonly always: number[] = [];
  private readonly kept = new Map<string, Uint32Array>();
  private readonly size: number;

  /** `firsts[i]` is category i's first words, or undefined when it may start with anything. */
  constructor(firsts: ReadonlyArray<ReadonlySet<string> | undefined>) {
    this.size = Math.ceil(firsts.length / 32) || 1;
    firsts.forEach((first, id) => {
      if (!first) {
        this.always.push(id);
        return;
      }
      for (const word of first) {
        const ids = this.starts.get(word);
        if (ids) ids.push(id);
        else this.starts.set(word, [id]);
      }
    });
  }

  private categoriesOf(text: string): Uint32Array {
    let bits = this.kept.get(text);
    if (bits) return bits;
    bits = new Uint32Array(this.size);
    for (const id of this.always) bits[id >>> 5] |= 1 << (id & 31);
    const parts = partsOf(text);
    for (let i = 0; i < parts.length; i += 2) {
      const ids = this.starts.get(parts[i]);
      if (ids) for (const id of ids) bits[id >>> 5] |= 1 << (id & 31);
    }
    return remember(this.kept, text, bits);
  }

  /** Can the text hold a phrase of category `id`? May say yes wrongly, never no wrongly. */
  mayHold(text: string, id: number): boolean {
    return (this.categoriesOf(text)[id >>> 5] & (1 << (id & 31))) !== 0;
  }
}

/**
 * Calls `visit(at, word)` for each lower-cased word of a text that is in `first`, in order;
 * `visit` returns where the next word may start (a match skips the words it covers).
 */
export function eachWordIn(text: string, first: ReadonlySet<string>, visit: (at: number, word: string) => number): void {
  const parts = partsOf(text);
  // Lower-casing keeps the length of almost every text; where it does not, positions are read from the text itself.
  if (parts.reduce((n, p) => n + p.length, 0) !== text.length) {
    let after = 0;
    for (const m of text.matchAll(LETTERS)) {
      const word = m[0].toLowerCase();
      if (m.index >= after && first.has(word)) after = visit(m.index, word);
    }
    return;
  }
  let at = 0;
  let after = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i % 2 === 0 && part !== '' && at >= after && first.has(part)) after = visit(at, part);
    at += part.length;
  }
}
