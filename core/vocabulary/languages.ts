import enPhrases from '../../vocabulary/en/phrases.json' with { type: 'json' };
import enInflections from '../../vocabulary/en/inflections.json' with { type: 'json' };
import { compileVocabulary, type VocabularyChanges, type VocabularyData } from './compile.js';
import type { Vocabulary } from './types.js';

const LANGUAGES: Record<string, { phrases: VocabularyData; inflections: Record<string, string[]> }> = {
  en: {
    phrases: enPhrases as unknown as VocabularyData,
    inflections: enInflections as unknown as Record<string, string[]>,
  },
};

export const VOCABULARY_CATEGORIES: readonly string[] = Object.keys(enPhrases).filter((k) => !k.startsWith('$'));

const cache = new Map<string, Vocabulary>();

/** The vocabulary for a locale ("en-US" → English), with a config's changes; compiled once per distinct input. */
export function vocabularyFor(locale: string, changes: VocabularyChanges = {}): Vocabulary {
  const language = locale.toLowerCase().split(/[-_]/)[0] in LANGUAGES ? locale.toLowerCase().split(/[-_]/)[0] : 'en';
  const key = `${language}\0${JSON.stringify(changes)}`;
  let vocabulary = cache.get(key);
  if (!vocabulary) {
    const { phrases, inflections } = LANGUAGES[language];
    vocabulary = compileVocabulary(language, phrases, inflections, changes);
    cache.set(key, vocabulary);
  }
  return vocabulary;
}
