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
  weekdayLowercaseNeedingContext: string[];
  dateContext: string[];
  monthContext: string[];
  notDates: string[];
  vagueBefore: string[];
  absorbedBefore: string[];
  holidays: HolidayData[];
  holidayWhich: Record<string, 'next' | 'this' | 'last'>;
  notHolidayBefore: string[];
  vagueBeforeHoliday: string[];
  ordinals: Record<string, number>;
  dayUnits: Record<string, 'day' | 'businessDay'>;
  weekdayAfter: Record<string, number>;
  clock: ClockData;
  timeZones: string[];
  dayRanges: { through: string[]; or: string[] };
  timeRanges: { through: string[]; between: Record<string, string[]> };
  unsure: { before: string[]; connectors: string[]; targets: string[] };
}

/** One holiday of the table: its names (phrase syntax) and how its day is found in a given year. */
export interface HolidayData {
  id: string;
  /** How a seller reads it ("Thanksgiving"), for `how`. */
  name: string;
  names: string[];
  /** A fixed day ("month" and "day"), or the "nth" "weekday" of "month" (nth -1 = the last one). */
  month?: number;
  day?: number;
  weekday?: number;
  nth?: number;
  /** Days from Easter Sunday (Good Friday: -2). */
  easter?: number;
  /** Days after another holiday of the table (Black Friday: 1 after Thanksgiving). */
  after?: string;
  days?: number;
}

export interface ClockData {
  hourWords: Record<string, number>;
  minuteWords: Record<string, number>;
  minuteUnits: Record<string, number>;
  fractions: Record<string, number>;
  past: string[];
  to: string[];
  oclock: string[];
  meridiem: Record<string, 'am' | 'pm'>;
  partsOfDay: Record<string, PartOfDay>;
  partOfDayWords: Record<string, PartOfDay>;
  approximately: string[];
  timeBefore: string[];
}

/** What a part of the day says of a bare hour: "in the morning" (am), "this evening" (pm), "tonight" (night). */
export type PartOfDay = 'am' | 'pm' | 'night';

const vocab = data as DateVocabularyData;
/** The lists of the data file, plus {holidayName}: every name of the holiday table. */
const lists: PhraseLists = { ...vocab.lists, holidayName: vocab.holidays.flatMap((h) => h.names) };

/** Phrases that name no single day ("next week", "Q3", "soon"). */
export const VAGUE_RE = wholeWords(vocab.vague, lists);
/** The same phrases and the names of the holiday table, found fast in longer text in one pass. */
export const VAGUE_OR_HOLIDAY_FINDER = new PhraseFinder(
  vocab.vague,
  lists,
  vocab.holidays.flatMap((h) => h.names),
);
/** Phrases that contain a vague word but are not dates ("no later than", "as soon as"). */
export const NOT_VAGUE_RE = wholeWords(vocab.notVague, lists);
/** "EOD", "COB", "end of day": the end of a named day, else of the meeting day. */
export const END_OF_DAY_RE = wholeWords(vocab.endOfDay, lists);
/** Tokens that are never dates even with date context ("24/7"). */
export const NOT_DATES_RE = new RegExp(
  `(?<![\\w/.:-])(?:${vocab.notDates.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?![\\w/.:-])`,
  'gi',
);
/** Text ending with a word that makes a following number a date ("by", "on", "due"). */
export const DATE_CONTEXT_BEFORE_RE = endsWithPhrase(vocab.dateContext, lists);
/** Text ending with a word that makes a following bare month name a date ("in", "by", "early"). */
export const MONTH_CONTEXT_BEFORE_RE = endsWithPhrase(vocab.monthContext, lists);
/** Text ending with a phrase that turns the following day into a vague one ("the week of"). */
export const VAGUE_BEFORE_RE = endsWithPhrase(vocab.vagueBefore, lists);
/** Text ending with a word that turns a following holiday into a vague time ("after Thanksgiving"). */
export const VAGUE_BEFORE_HOLIDAY_RE = endsWithPhrase(vocab.vagueBeforeHoliday, lists);
/** Text that is only a word absorbed by a following concrete day ("sometime" in "sometime Friday"). */
export const ABSORBED_RE = new RegExp(`^(?:${vocab.absorbedBefore.map((p) => p.replace(/ /g, '\\s+')).join('|')})$`, 'i');

export const DAY_WORDS: ReadonlyMap<string, number> = new Map(Object.entries(vocab.dayWords));
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(Object.entries(vocab.numbers));
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(Object.entries(vocab.weekdays));
export const WEEKDAYS_NEEDING_CONTEXT: ReadonlySet<string> = new Set(vocab.weekdayAbbreviationsNeedingContext);
/** Abbreviations that are a day in lower case only with date context ("one mon job"). */
export const WEEKDAYS_LOWERCASE_NEEDING_CONTEXT: ReadonlySet<string> = new Set(vocab.weekdayLowercaseNeedingContext);

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
  'gi',
);

/** The raw sections of the data file that the grammar modules compile themselves. */
export const VOCABULARY: Readonly<DateVocabularyData> = vocab;
export const PHRASE_LISTS: PhraseLists = lists;

/** A regex source matching any of `words` literally (longest first), spaces matching any whitespace. */
export function literalAlternation(words: Iterable<string>): string {
  return byLength(words)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

export function numberValue(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS.get(w);
}
