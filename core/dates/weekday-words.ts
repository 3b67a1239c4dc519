/** Reading a written weekday: which day, how it is qualified ("next", "this coming"), whether it is one. */
import type { WeekdayModifier } from './candidate.js';
import {
  DATE_CONTEXT_BEFORE_RE,
  WEEKDAYS,
  WEEKDAYS_LOWERCASE_NEEDING_CONTEXT,
  WEEKDAYS_NEEDING_CONTEXT,
  WEEKDAY_TOKEN_RE,
} from './date-vocabulary.js';

/** The first weekday name written in `text`, e.g. "Tue" in "Tue Dec 1, 2pm". */
export function weekdayWritten(text: string): { index: number; word: string; weekday: number } | undefined {
  const m = WEEKDAY_TOKEN_RE.exec(text);
  if (!m) return undefined;
  const weekday = WEEKDAYS.get(m[1].toLowerCase());
  return weekday === undefined ? undefined : { index: m.index, word: m[1], weekday };
}

/** "next" / "this" / "last" (or "past") before "week", lower case: which week a weekday is in. */
export function weekModifier(word: string): WeekdayModifier {
  return word === 'next' ? 'nextWeek' : word === 'this' ? 'thisWeek' : 'lastWeek';
}

/** How a weekday phrase (lower case) and the text just before it (lower case) qualify the day. */
export function weekdayModifier(lowerText: string, lowerBefore: string): WeekdayModifier {
  const post = /\b(?:of\s+)?(next|this|last|past)\s+week\b/.exec(lowerText);
  if (post) return weekModifier(post[1]);
  if (/\b(?:this\s+)?coming\s*$/.test(lowerBefore) || /\bcoming\b/.test(lowerText)) return 'coming';
  if (/\bthis\s+past\b/.test(lowerText) || /\bthis\s+past\s*$/.test(lowerBefore)) return 'last';
  if (/\bnext\b/.test(lowerText)) return 'next';
  if (/\bthis\b/.test(lowerText)) return 'this';
  if (/\b(?:last|past)\b/.test(lowerText)) return 'last';
  return 'bare';
}

/** Is an abbreviated weekday ("Sun", "SAT", "wed") meant as a day here? */
export function weekdayWordAccepted(word: string, modifier: WeekdayModifier, preceding: string, merged: boolean): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  // full names ("Friday", "friday"), and "Tues", "Thur", "Thurs", which are nothing else
  if (lower.length > 5 || lower === 'tues' || lower === 'thur' || lower === 'thurs') return true;
  if (merged || modifier !== 'bare') return true;
  if (DATE_CONTEXT_BEFORE_RE.test(preceding)) return true;
  if (WEEKDAYS_NEEDING_CONTEXT.has(lower)) return false; // "Sun Microsystems", "we sat down", "SAT" (the exam)
  // "Fri", "fri" — but not "FRI" (an acronym as often as a day) nor the "mon" of "c'mon"
  const upper = word === word.toUpperCase();
  if (word === lower && WEEKDAYS_LOWERCASE_NEEDING_CONTEXT.has(lower)) return false;
  return !upper && !/[A-Za-z'’]$/.test(preceding);
}
