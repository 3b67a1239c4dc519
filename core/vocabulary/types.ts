export interface PhraseMatch {
  start: number;
  end: number;
  text: string;
  /** The vocabulary entry that matched, as written in the data file. */
  phrase: string;
}

/** Word lists of one language, compiled once, searched by category name. */
export interface Vocabulary {
  language: string;
  words(category: string): readonly string[];
  find(category: string, text: string): PhraseMatch[];
  has(category: string, text: string): boolean;
  /** A quick test that may say yes wrongly but never says no wrongly: could the text hold a phrase of the category? */
  mayHave(category: string, text: string): boolean;
  /** The lower-cased words the category's phrases can start with; undefined when a phrase may start otherwise ("'ll", "->"). */
  firstWords(category: string): ReadonlySet<string> | undefined;
  /** The category as a regular-expression source without word boundaries, to embed in a larger pattern. */
  source(category: string): string;
  /** Derived data computed once per vocabulary (sets, combined patterns). */
  memo<T>(key: string, make: () => T): T;
}
