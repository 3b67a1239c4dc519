/**
 * "the 15th", "by the 3rd", "the 15th of next month", "the 8th or the 9th of January", "Thu 15th"
 * (after a weekday, the weekday is written with the day), "the 15th in the afternoon" (the part of
 * the day goes with the date), "due on the first".
 */
import type { Candidate } from './candidate.js';
import { WEEKDAY_TOKEN_RE } from './date-vocabulary.js';
import { before, matches } from './text-spans.js';

const ORDINAL_DAY =
  /(?<![A-Za-z0-9_])(?:(on|by|before|until|till|til|thru|through|due|from|after|starting|since|no\s+later\s+than|eod|cob)\s+)?(the\s+)?(\d{1,2})(?:st|nd|rd|th)(\s+of\s+(?:the\s+)?(this|next)\s+month)?(?![A-Za-z0-9_])/gi;
const ORDINAL_THEN_MONTH =
  /^\s*(?:or|and|to|through|thru|until|-|–|—)\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])/i;
const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]),
);

/** What may follow "the 15th" for it to be a day rather than an ordinal in prose ("the 2nd option"). */
const AFTER_ORDINAL_DAY =
  /^(?:\s*$|\s*[.,;:!?)\]]|\s*[-–—]|\s+(?:at|@|and|or|to|through|thru|until|before|after|for|with|eod|cob|so|but|then|when|because|\d)\b)/i;
/** A part of the day after the ordinal, read with it: "the 15th in the afternoon". */
const PART_AFTER = /^\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)(?![A-Za-z])/i;
/** A weekday just before a bare ordinal: "Thu 15th", "Tuesday, 19th". */
const WEEKDAY_BEFORE = new RegExp(`${WEEKDAY_TOKEN_RE.source}[\\s,]*$`, 'i');
/** "due on the first", "by the first.": the first of the month, written as a word. */
const THE_FIRST = /(?<![A-Za-z0-9_])(?:by|before|until|due|due\s+on|starting|starting\s+on)\s+the\s+first(?=\s*(?:$|[.,;:!?)\]]))/gi;

const ORDINAL_GATE = /\d(?:st|nd|rd|th)\b/i;

export function ordinalDayCandidates(prepared: string): Candidate[] {
  const out: Candidate[] = [];
  if (!ORDINAL_GATE.test(prepared)) return out;
  for (const m of matches(ORDINAL_DAY, prepared)) {
    const preposition = m[1];
    const the = m[2];
    const n = Number(m[3]);
    const ofMonth = m[5]?.toLowerCase();
    if (n < 1 || n > 31) continue;
    let end = m.index + m[0].length;
    const part = ofMonth ? null : PART_AFTER.exec(prepared.slice(end, end + 24));
    const afterWeekday = !preposition && !the && WEEKDAY_BEFORE.test(before(prepared, m.index, 16));
    if (part) {
      end += part[0].length;
    } else if (!ofMonth) {
      if (!preposition && !the && !afterWeekday) continue; // "3rd party", "1st call"
      if (!AFTER_ORDINAL_DAY.test(prepared.slice(end, end + 16))) continue; // "the 2nd option", "on the 3rd floor"
      if (!preposition && !afterWeekday && !/^\s*(?:$|[.,;:!?)\]])/.test(prepared.slice(end, end + 4))) continue;
      // "15th of December" is chrono's
      if (/^\s+of\b/i.test(prepared.slice(end, end + 6))) continue;
    }
    const start = m.index + (preposition ? m[0].indexOf(the ?? m[3], preposition.length) : 0);
    // "the 8th or the 9th of January": the month named after the second day is the first one's too
    const shared = ORDINAL_THEN_MONTH.exec(prepared.slice(end, end + 40));
    if (shared) {
      const month = MONTH_NUMBERS.get(shared[1].toLowerCase().replace(/\.$/, '').slice(0, 3));
      if (month) {
        out.push({ start, end, kind: 'calendar', fromChrono: false, month, day: n });
        continue;
      }
    }
    out.push({
      start,
      end,
      kind: 'nth',
      fromChrono: false,
      day: n,
      monthOffset: ofMonth === 'next' ? 1 : ofMonth === 'this' ? 0 : undefined,
    });
  }
  return out;
}

/** "due on the first": the next 1st of a month. */
export function firstOfMonthCandidates(prepared: string): Candidate[] {
  const out: Candidate[] = [];
  if (!/\bthe\s+first\b/i.test(prepared)) return out;
  for (const m of matches(THE_FIRST, prepared)) {
    const start = m.index + m[0].search(/the\s/i);
    out.push({ start, end: m.index + m[0].length, kind: 'nth', fromChrono: false, day: 1 });
  }
  return out;
}
