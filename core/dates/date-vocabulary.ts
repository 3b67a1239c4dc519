/**
 * The English date vocabulary (vocabulary/en/dates.json), compiled once at load.
 * The data file says *which* phrases mean what; the finders beside this module say how they combine.
 */
import data from '../../vocabulary/en/dates.json' with { type: 'json' };
import { PhraseFinder, endsWithPhrase, wholeWords, type PhraseLists } from './phrase-pattern.js';

interface DateVocabularyData {
  lists: Record<string, string[]>;
  vague: string[];
  notVague: string[];
  endOfDay: string[];
  dayWords: Record<string, number>;
  numbers: Record<string, number>;
  weekdays: Record<string, number>;
  weekdayAbbreviationsNeedingContext: string[];
  dateContext: string[];
  monthContext: string[];
  notDates: string[];
  vagueBefore: string[];
  absorbedBefore: string[];
}

const vocab: DateVocabularyData = data;
const lists: PhraseLists = vocab.lists;

/** Phrases that name no single day ("next week", "Q3", "soon"). */
export const VAGUE_RE = wholeWords(vocab.vague, lists);
/** The same phrases, found fast in longer text. */
export const VAGUE_FINDER = new PhraseFinder(vocab.vague, lists);
/** Phrases that contain a vague word but are not dates ("no later than", "as soon as"). */
export const NOT_VAGUE_RE = wholeWords(vocab.notVague, lists);
/** "EOD", "COB", "end of day": the end of a named day, else of the meeting day. */
export const END_OF_DAY_RE = wholeWords(vocab.endOfDay, lists);
/** Tokens that are never dates even with date context ("24/7"). */
export const NOT_DATES_RE = new RegExp(
  `(?<![\\w/.:-])(?:${vocab.notDates.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?![\\w/.:-])`,
  'gi'
);
/** Text ending with a word that makes a following number a date ("by", "on", "due"). */
export const DATE_CONTEXT_BEFORE_RE = endsWithPhrase(vocab.dateContext, lists);
/** Text ending with a word that makes a following bare month name a date ("in", "by", "early"). */
export const MONTH_CONTEXT_BEFORE_RE = endsWithPhrase(vocab.monthContext, lists);
/** Text ending with a phrase that turns the following day into a vague one ("the week of"). */
export const VAGUE_BEFORE_RE = endsWithPhrase(vocab.vagueBefore, lists);
/** Text that is only a word absorbed by a following concrete day ("sometime" in "sometime Friday"). */
export const ABSORBED_RE = new RegExp(`^(?:${vocab.absorbedBefore.map((p) => p.replace(/ /g, '\\s+')).join('|')})$`, 'i');

export const DAY_WORDS: ReadonlyMap<string, number> = new Map(Object.entries(vocab.dayWords));
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(Object.entries(vocab.numbers));
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(Object.entries(vocab.weekdays));
export const WEEKDAYS_NEEDING_CONTEXT: ReadonlySet<string> = new Set(vocab.weekdayAbbreviationsNeedingContext);

const byLength = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length);

/** Any weekday name or abbreviation (optionally with a dot), as a whole word; group 1 is the word. */
export const WEEKDAY_TOKEN_RE = new RegExp(`(?<![A-Za-z])(${byLength(WEEKDAYS.keys()).join('|')})\\.?(?![A-Za-z])`, 'i');

const numberAlternation = `\\d{1,3}|${byLength(NUMBER_WORDS.keys()).join('|')}`;
const dayWordAlternation = byLength(DAY_WORDS.keys())
  .map((w) => w.replace(/ /g, '\\s+'))
  .join('|');

/**
 * Day-relative phrases, each naming one day counted from the meeting:
 * group 1: a day word ("tomorrow"); groups 2–3: "in/within N (business) days" (count, kind);
 * groups 4–6: "N (business) days from now|later|ago" (count, kind, direction).
 */
export const DAY_RELATIVE_RE = new RegExp(
  `(?<![A-Za-z0-9_])(?:` +
    `(${dayWordAlternation})` +
    `|(?:in|within)\\s+(${numberAlternation})\\s+(?:(business|working|calendar)\\s+)?days?` +
    `|(${numberAlternation})\\s+(?:(business|working|calendar)\\s+)?days?\\s+(from\\s+(?:now|today|the\\s+meeting)|later|hence|after\\s+the\\s+meeting|ago)` +
    `)(?![A-Za-z0-9_])`,
  'gi'
);

export function numberValue(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS.get(w);
}
