/**
 * Days counted from another day written after them: "the Friday after Thanksgiving", "the Monday
 * before Christmas", "the third Tuesday after Christmas 2014", "the day after Black Friday",
 * "2 business days after Dec 1". The anchor is any day our finders read that is not itself relative
 * to the meeting (a holiday, a calendar date, "the first Tuesday of October"); the words before it
 * become a step applied to its day, and the whole phrase one candidate.
 */
import type { Candidate, DayStep } from './candidate.js';
import { NUMBER_WORDS, VOCABULARY, WEEKDAYS, literalAlternation, numberValue } from './date-vocabulary.js';
import { before } from './text-spans.js';

const ORDINALS: ReadonlyMap<string, number> = new Map(Object.entries(VOCABULARY.ordinals));
const UNITS: ReadonlyMap<string, 'day' | 'businessDay'> = new Map(Object.entries(VOCABULARY.dayUnits));

/**
 * Words ending just before an anchor: groups 1 ordinal or count, 2 weekday, 3 day unit, 4 direction.
 * "(the) (third) Tuesday after", "(the) day before", "2 business days after".
 */
const STEP_BEFORE = new RegExp(
  `(?<![A-Za-z0-9_])(?:the\\s+)?(?:(${literalAlternation(ORDINALS.keys())}|\\d{1,2}(?:st|nd|rd|th)?|${literalAlternation(NUMBER_WORDS.keys())})\\s+)?` +
    `(?:(${literalAlternation(WEEKDAYS.keys())})\\.?|(${literalAlternation(UNITS.keys())})s?)\\s+(after|before|following|prior\\s+to)\\s+(?:the\\s+)?$`,
  'i',
);

const ANCHOR_KINDS = new Set<Candidate['kind']>(['holiday', 'calendar', 'monthWeekday']);
const GATE = /\b(?:after|before|following|prior\s+to)\b/i;

function countOf(word: string | undefined): number | undefined {
  if (word === undefined) return 1;
  const w = word.toLowerCase();
  const ordinal = ORDINALS.get(w);
  if (ordinal !== undefined) return ordinal > 0 ? ordinal : undefined;
  const digits = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(w);
  if (digits) return Number(digits[1]);
  return numberValue(w);
}

/** The anchored days of `prepared`, made from the anchors among `cands`; added to them, never replacing them. */
export function anchoredDayCandidates(prepared: string, cands: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  if (!cands.some((c) => ANCHOR_KINDS.has(c.kind)) || !GATE.test(prepared)) return out;
  for (const anchor of cands) {
    if (!ANCHOR_KINDS.has(anchor.kind) || anchor.step) continue;
    const pre = before(prepared, anchor.start, 48);
    const m = STEP_BEFORE.exec(pre);
    if (!m) continue;
    const count = countOf(m[1]);
    if (count === undefined || count < 1 || count > 60) continue;
    const direction = /^(?:after|following)$/i.test(m[4]) ? 1 : -1;
    let step: DayStep;
    if (m[2]) {
      const weekday = WEEKDAYS.get(m[2].toLowerCase());
      if (weekday === undefined) continue;
      step = { weekday, count, direction };
    } else {
      const unit = UNITS.get(m[3].toLowerCase().replace(/\s+/g, ' '));
      step = { count, direction, business: unit === 'businessDay' };
    }
    const start = anchor.start - (pre.length - m.index);
    out.push({ ...anchor, start, step, fromChrono: false });
  }
  return out;
}
