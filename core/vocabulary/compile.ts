import { eachWordIn, FirstWordIndex, firstWordsOf } from './first-words.js';
import type { PhraseMatch, Vocabulary } from './types.js';

export type VocabularyData = Record<string, string[]>;

const WORD_CHAR = '[\\p{L}\\p{N}_]';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regular English verb forms, plus the irregular ones from data. Over-generation is harmless. */
function verbForms(verb: string, irregular: Record<string, string[]>): string[] {
  const forms = new Set([verb, ...(irregular[verb] ?? [])]);
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb;
  forms.add(/(s|x|z|ch|sh|o)$/.test(verb) ? `${verb}es` : `${verb}s`);
  forms.add(verb.endsWith('e') ? `${verb}d` : `${verb}ed`);
  forms.add(`${stem}ing`);
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(verb)) {
    const last = verb.at(-1);
    forms.add(`${verb}${last}ed`);
    forms.add(`${verb}${last}ing`);
  }
  if (/[^aeiou]y$/.test(verb)) {
    forms.add(`${verb.slice(0, -1)}ies`);
    forms.add(`${verb.slice(0, -1)}ied`);
  }
  return [...forms];
}

/** Base, third person and -ing forms only: "follow up", "follows up", "following up", not "followed up". */
function presentForms(verb: string, irregular: Record<string, string[]>): string[] {
  return verbForms(verb, irregular).filter((f) => f === verb || /(?:s|ing)$/.test(f));
}

function wordPattern(word: string): string {
  // Apostrophes match straight or curly ones; a hyphen matches a hyphen or white space.
  return escapeRegExp(word).replace(/['’]/g, "['’]").replace(/-/g, '[-\\s]?');
}

/** `<name>` in a phrase: a person's name or @handle; checked to start with a capital letter or "@" (see nameSlotsOk). */
const NAME_SLOT = '<name>';
const NAME_WORD = "[@\\p{L}][\\p{L}\\p{N}_.'’-]*";

/** The written forms one slot of a phrase stands for ("follow*" → follow, follows, followed…); undefined for a name slot. */
function slotForms(slot: string, irregular: Record<string, string[]>): string[] | undefined {
  const forms: string[] = [];
  for (const alt of slot.split('|')) {
    if (alt === NAME_SLOT) return undefined;
    if (alt.length > 1 && alt.endsWith('*')) forms.push(...verbForms(alt.slice(0, -1), irregular));
    else if (alt.length > 1 && alt.endsWith('+')) forms.push(...presentForms(alt.slice(0, -1), irregular));
    else forms.push(alt);
  }
  return forms;
}

/** Turns one phrase of the data syntax into a regular-expression source (no boundaries). */
export function phrasePattern(phrase: string, irregular: Record<string, string[]>, capture = false): string {
  const slots = phrase.trim().toLowerCase().split(/\s+/);
  let out = '';
  slots.forEach((slot, i) => {
    const optional = slot.endsWith('?') && slot.length > 1;
    const body = optional ? slot.slice(0, -1) : slot;
    let name = false;
    const alternatives = body.split('|').flatMap((alt) => {
      if (alt === NAME_SLOT) {
        name = true;
        return [];
      }
      if (alt.length > 1 && alt.endsWith('*')) return verbForms(alt.slice(0, -1), irregular);
      if (alt.length > 1 && alt.endsWith('+')) return presentForms(alt.slice(0, -1), irregular);
      return [alt];
    });
    alternatives.sort((a, b) => b.length - a.length);
    const words = alternatives.map(wordPattern);
    if (name) words.push(`(${capture ? '' : '?:'}${NAME_WORD})`);
    const group = `(?:${words.join('|')})`;
    // Words of a phrase are apart by white space or a hyphen: "follow up" matches "follow-up".
    const sep = i === 0 ? '' : '(?:\\s+|-)';
    out += optional ? `(?:${sep}${group})?` : `${sep}${group}`;
  });
  return out;
}

function categorySource(phrases: readonly string[], irregular: Record<string, string[]>, capture = false): string {
  const sources = phrases.map((p) => phrasePattern(p, irregular, capture));
  // Longest first; phrases with a `<name>` slot last, so "get back to us" is tried before "get back to <name>".
  const named = (p: string) => (p.includes(NAME_WORD) ? 1 : 0);
  sources.sort((a, b) => named(a) - named(b) || b.length - a.length);
  return sources.length ? sources.join('|') : '(?!)';
}

function compileCategory(phrases: readonly string[], irregular: Record<string, string[]>): RegExp | undefined {
  if (phrases.length === 0) return undefined;
  return new RegExp(`(?<!${WORD_CHAR})(?:${categorySource(phrases, irregular, true)})(?!${WORD_CHAR})`, 'giu');
}

/** The regular expression is case-insensitive: a `<name>` slot must still be written as a name ("Emre", "@emre"), not "work". */
function nameSlotsOk(m: RegExpMatchArray): boolean {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined && !/^[@\p{Lu}]/u.test(m[i])) return false;
  return true;
}

export interface VocabularyChanges {
  add?: Record<string, string[]>;
  remove?: Record<string, string[]>;
}

/** Builds a searchable vocabulary from data lists and a config's additions and removals. */
export function compileVocabulary(
  language: string,
  data: VocabularyData,
  irregular: Record<string, string[]>,
  changes: VocabularyChanges = {},
): Vocabulary {
  const lists = new Map<string, string[]>();
  for (const [name, list] of Object.entries(data)) {
    if (Array.isArray(list)) lists.set(name, [...list]);
  }
  for (const [name, extra] of Object.entries(changes.add ?? {})) {
    lists.set(name, [...(lists.get(name) ?? []), ...extra]);
  }
  for (const [name, drop] of Object.entries(changes.remove ?? {})) {
    const gone = new Set(drop.map((p) => p.toLowerCase()));
    lists.set(
      name,
      (lists.get(name) ?? []).filter((p) => !gone.has(p.toLowerCase())),
    );
  }
  const compiled = new Map<string, RegExp | undefined>();
  const regexFor = (category: string): RegExp | undefined => {
    if (!compiled.has(category)) compiled.set(category, compileCategory(lists.get(category) ?? [], irregular));
    return compiled.get(category);
  };
  const stickies = new Map<string, RegExp>();
  const stickyFor = (category: string): RegExp => {
    let re = stickies.get(category);
    if (!re) stickies.set(category, (re = new RegExp(regexFor(category)!.source, 'iuy')));
    return re;
  };
  const firsts = new Map<string, Set<string> | undefined>();
  const firstFor = (category: string): Set<string> | undefined => {
    if (!firsts.has(category))
      firsts.set(
        category,
        firstWordsOf(lists.get(category) ?? [], (slot) => slotForms(slot, irregular)),
      );
    return firsts.get(category);
  };
  // Every category's first words in one index, built on first use: one pass over a text answers them all.
  let index: { words: FirstWordIndex; ids: Map<string, number> } | undefined;
  const mayHold = (text: string, category: string): boolean => {
    if (!index) {
      const names = [...lists.keys()];
      index = { words: new FirstWordIndex(names.map(firstFor)), ids: new Map(names.map((n, i) => [n, i])) };
    }
    const id = index.ids.get(category);
    return id !== undefined && index.words.mayHold(text, id);
  };
  const find = (category: string, text: string): PhraseMatch[] => {
    const re = regexFor(category);
    const first = firstFor(category);
    if (!re || !mayHold(text, category)) return [];
    const out: PhraseMatch[] = [];
    const keep = (m: RegExpExecArray | RegExpMatchArray, at: number) => {
      // A phrase whose words are all optional would match nothing at every position.
      if (m[0] === '' || !nameSlotsOk(m)) return false;
      out.push({ start: at, end: at + m[0].length, text: m[0], phrase: m[0].toLowerCase() });
      return true;
    };
    if (!first) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) keep(m, m.index);
      return out;
    }
    // A phrase starts at a word it can start with: try the pattern there only.
    const sticky = stickyFor(category);
    eachWordIn(text, first, (at) => {
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      return m && keep(m, at) ? at + m[0].length : at;
    });
    return out;
  };
  const memos = new Map<string, unknown>();
  return {
    language,
    memo<T>(key: string, make: () => T): T {
      let value = memos.get(key) as T | undefined;
      if (value === undefined && !memos.has(key)) memos.set(key, (value = make()));
      return value as T;
    },
    words: (category) => lists.get(category) ?? [],
    find,
    source: (category) => categorySource(lists.get(category) ?? [], irregular),
    firstWords: (category) => ((lists.get(category)?.length ?? 0) > 0 ? firstFor(category) : new Set<string>()),
    mayHave: (category, text) => (lists.get(category)?.length ?? 0) > 0 && mayHold(text, category),
    has(category, text) {
      const re = regexFor(category);
      if (!re || !mayHold(text, category)) return false;
      if (firstFor(category)) return find(category, text).length > 0;
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) if (m[0] !== '' && nameSlotsOk(m)) return true;
      return false;
    },
  };
}
