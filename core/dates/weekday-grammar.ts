/**
 * Weekdays qualified by the words around them, beyond what chrono-node reads: "Friday after next"
 * (a week after the coming Friday), "Monday before last", "3 Fridays from now" (the third coming
 * Friday), "next week's Tuesday", "Sunday from last week", "Friday week" (a week from Friday).
 */
import type { Candidate, WeekdayModifier } from './candidate.js';
import { NUMBER_WORDS, VOCABULARY, WEEKDAYS, literalAlternation, numberValue } from './date-vocabulary.js';
import { matches } from './text-spans.js';
import { weekModifier } from './weekday-words.js';

const WEEKDAY = `(${literalAlternation(WEEKDAYS.keys())})\\.?`;
const AFTER = new Map(Object.entries(VOCABULARY.weekdayAfter));
const COUNT = `(\\d{1,2}|${literalAlternation(NUMBER_WORDS.keys())})`;
const B = '(?<![A-Za-z0-9_])';
const E = '(?![A-Za-z0-9_])';

/** "Friday after next", "Monday before last": groups 1 weekday, 2 the words after it. */
const AFTER_NEXT = new RegExp(`${B}${WEEKDAY}\\s+(${literalAlternation(AFTER.keys())})${E}`, 'gi');
/** "3 Fridays from now": groups 1 count, 2 weekday. */
const FROM_NOW = new RegExp(`${B}${COUNT}\\s+${WEEKDAY}(?:s|es)?\\s+(?:from\\s+(?:now|today)|hence)${E}`, 'gi');
const FROM_NOW_GATE = /from\s+(?:now|today)|hence/i;
/** "next week's Tuesday": groups 1 which week, 2 weekday. */
const WEEKS_DAY = new RegExp(`${B}(next|this|last|past)\\s+week['’]s\\s+${WEEKDAY}${E}`, 'gi');
/** "Sunday from last week", "Friday of the following week": groups 1 weekday, 2 which week. */
const DAY_OF_WEEK = new RegExp(
  `${B}${WEEKDAY}\\s+(?:from|of|in)\\s+(?:the\\s+)?(next|this|last|past|following|previous|coming)\\s+week${E}`,
  'gi',
);
/** "Friday week" (British: a week from Friday), at the end of a clause. */
const DAY_WEEK = new RegExp(`${B}${WEEKDAY}\\s+week(?=\\s*(?:$|[.,;:!?)\\]]))`, 'gi');

const GATE =
  /after\s+next|before\s+last|(?:day|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:s|es)?\.?\s+(?:from\s+(?:now|today)|hence|week\b|(?:from|of|in)\s+(?:the\s+)?(?:next|this|last|past|following|previous|coming)\s+week)|week['’]s\s/i;

function weekOf(word: string): WeekdayModifier {
  const w = word.toLowerCase();
  if (w === 'following' || w === 'coming') return 'nextWeek';
  if (w === 'previous' || w === 'past') return 'lastWeek';
  return weekModifier(w);
}

function weekdayNumber(word: string): number | undefined {
  return WEEKDAYS.get(word.toLowerCase().replace(/\.$/, ''));
}

/** `chronoSawAny`: chrono found anything (a weekday) in the text; else only "3 Fridays from now" can be here. */
export function weekdayGrammarCandidates(prepared: string, chronoSawAny = true): Candidate[] {
  const out: Candidate[] = [];
  if (!chronoSawAny && !FROM_NOW_GATE.test(prepared)) return out;
  if (!GATE.test(prepared)) return out;
  const push = (start: number, end: number, weekday: number | undefined, modifier: WeekdayModifier, weeksLater?: number) => {
    if (weekday === undefined) return;
    const c: Candidate = { start, end, kind: 'weekday', fromChrono: false, weekday, modifier };
    if (weeksLater) c.weeksLater = weeksLater;
    out.push(c);
  };
  for (const m of matches(AFTER_NEXT, prepared)) {
    const dir = AFTER.get(m[2].toLowerCase().replace(/\s+/g, ' '));
    push(m.index, m.index + m[0].length, weekdayNumber(m[1]), dir === -1 ? 'beforeLast' : 'afterNext');
  }
  for (const m of matches(FROM_NOW, prepared)) {
    const n = numberValue(m[1]);
    if (n === undefined || n < 1 || n > 52) continue;
    push(m.index, m.index + m[0].length, weekdayNumber(m[2]), 'coming', n - 1);
  }
  for (const m of matches(WEEKS_DAY, prepared)) push(m.index, m.index + m[0].length, weekdayNumber(m[2]), weekOf(m[1]));
  for (const m of matches(DAY_OF_WEEK, prepared)) push(m.index, m.index + m[0].length, weekdayNumber(m[1]), weekOf(m[2]));
  for (const m of matches(DAY_WEEK, prepared)) push(m.index, m.index + m[0].length, weekdayNumber(m[1]), 'bare', 1);
  return out;
}
