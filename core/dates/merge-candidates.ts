/**
 * Settling overlaps and combining neighbours. The longer phrase wins an overlap ("the week of Dec 7"
 * over "Dec 7", "Friday next week" over "next week"); neighbours are combined ("EOD" + "Friday",
 * "Fri 11/27" + "@ 2pm", "Dec 4" + "(Fri)", "sometime" + "next week").
 */
import { CONCRETE_KINDS, type Candidate } from './candidate.js';
import { ABSORBED_RE, VAGUE_BEFORE_HOLIDAY_RE, VAGUE_BEFORE_RE, numberValue } from './date-vocabulary.js';
import { before } from './text-spans.js';
import { STARTS_WITH_TIME, partOfDayIn, withPartOfDay } from './time-of-day.js';
import { joinTimeRange } from './time-ranges.js';
import { weekModifier } from './weekday-words.js';

/** The candidates of `prepared`, non-overlapping, combined, sorted by start. */
export function mergeCandidates(prepared: string, cands: Candidate[]): Candidate[] {
  return combine(prepared, settle(cands, prepared.length));
}

/** Longest first; on equal spans our vague reading, then chrono's, then our other finders. */
function rank(c: Candidate): number {
  if (c.kind === 'vague' && !c.fromChrono) return 0;
  if (c.fromChrono) return 1;
  return 2;
}

function settle(cands: Candidate[], textLength: number): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || rank(a) - rank(b) || a.start - b.start);
  const kept: Candidate[] = [];
  const taken = new Uint8Array(textLength);
  for (const c of sorted) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function combine(prepared: string, list: Candidate[]): Candidate[] {
  let cands = list;
  let changed = true;
  let guard = 0;
  while (changed && guard++ < 8) {
    changed = false;
    const out: Candidate[] = [];
    for (let i = 0; i < cands.length; i++) {
      const a = cands[i];
      const b = cands[i + 1];
      if (b) {
        const merged = combinePair(prepared, a, b);
        if (merged) {
          out.push(merged);
          i++;
          changed = true;
          continue;
        }
      }
      out.push(a);
    }
    cands = out;
  }
  // A prefix may reach back over an earlier candidate ("sometime" in "sometime around Friday").
  const out: Candidate[] = [];
  for (const c of cands.map((x) => withPrefix(prepared, x))) {
    while (out.length > 0 && out[out.length - 1].end > c.start) out.pop();
    out.push(c);
  }
  return out;
}

const DATE_THEN_TIME_GAP =
  /^\s*(?:(?:in\s+the\s+)?(?:morning|afternoon|evening|night)\s*)?(?:,|@|at|from|starting at|for|by|around|(?:in\s+)?between|-|–|—|\()?\s*$/i;
const TIME_THEN_DATE_GAP = /^\s*(?:,|on|@)?\s*$/i;
const EOD_THEN_DATE_GAP = /^[\s,]*(?:on|of)?\s*$/i;
const DATE_THEN_EOD_GAP = /^[\s,]*(?:by|at|@|-|–|—)?\s*$/i;
const WEEKDAY_AFTER_DATE_GAP = /^\s*[,(]?\s*$/;

/** The end of `b`, past the ")" that closes a "(" in the gap before it: "Dec 4 (Fri)". */
function endClosingParen(s: string, gap: string, b: Candidate): number {
  return gap.includes('(') && s[b.end] === ')' ? b.end + 1 : b.end;
}

function combinePair(s: string, a: Candidate, b: Candidate): Candidate | undefined {
  const gap = s.slice(a.end, b.start);
  if (gap.length > 24) return undefined;
  const span = { start: a.start, end: b.end };

  // "EOD Friday", "COB tomorrow", "end of day on Dec 1"
  if (a.kind === 'eod' && CONCRETE_KINDS.has(b.kind) && b.kind !== 'eod' && EOD_THEN_DATE_GAP.test(gap)) {
    return { ...b, ...span, endOfDay: true };
  }
  // "Friday EOD", "Dec 1 by COB"
  if (b.kind === 'eod' && CONCRETE_KINDS.has(a.kind) && a.kind !== 'eod' && DATE_THEN_EOD_GAP.test(gap)) {
    return { ...a, ...span, endOfDay: true };
  }
  // "next week Tuesday", "next week on Tue": the Tuesday of next week
  if (a.kind === 'vague' && b.kind === 'weekday' && b.modifier === 'bare' && /^[\s,]*(?:on)?\s*$/i.test(gap)) {
    const which = /^(?:(?:the\s+)?(next|this|last)\s+week)$/i.exec(s.slice(a.start, a.end));
    if (which) return { ...b, ...span, modifier: weekModifier(which[1].toLowerCase()) };
  }
  // "sometime Friday": the day is known
  if (a.kind === 'vague' && CONCRETE_KINDS.has(b.kind) && /^\s*(?:on\s+)?$/i.test(gap) && ABSORBED_RE.test(s.slice(a.start, a.end))) {
    return { ...b, ...span };
  }
  // "Friday the 13th": an ordinal day with the weekday written
  if (a.kind === 'weekday' && a.modifier === 'bare' && b.kind === 'nth' && /^[\s,]*$/.test(gap)) {
    return { ...b, ...span, writtenWeekday: a.weekday, time: b.time ?? a.time };
  }
  // "Dec 4 (Fri)", "12/4, Friday": the weekday written after the date
  if (
    a.kind === 'calendar' &&
    a.writtenWeekday === undefined &&
    b.kind === 'weekday' &&
    b.modifier === 'bare' &&
    WEEKDAY_AFTER_DATE_GAP.test(gap)
  ) {
    return { ...a, start: a.start, end: endClosingParen(s, gap, b), writtenWeekday: b.weekday, time: a.time ?? b.time };
  }
  // "between 9:30 and 11:00 on Thursday", "Thursday 9:30 - 11:00": the start time, the end noted
  const range = joinTimeRange(s, a, b);
  if (range) return range;
  // "Fri 11/27 @ 2pm", "Friday, 2:00", "tomorrow at 3", "tonight at 8" (20:00)
  if (CONCRETE_KINDS.has(a.kind) && !a.time && b.kind === 'time' && DATE_THEN_TIME_GAP.test(gap)) {
    const end = endClosingParen(s, gap, b);
    const joined: Candidate = { ...a, start: a.start, end, time: b.time, bareHour: b.bareHour, endTime: b.endTime };
    return withPartOfDay(joined, partOfDayIn(s.slice(a.start, end)));
  }
  // "2pm on Friday", "10:00, Tue Jun 23", "8 tonight"
  if (a.kind === 'time' && CONCRETE_KINDS.has(b.kind) && !b.time && TIME_THEN_DATE_GAP.test(gap)) {
    const joined: Candidate = { ...b, ...span, time: a.time, bareHour: a.bareHour, endTime: a.endTime, timeFirst: true };
    return withPartOfDay(joined, partOfDayIn(s.slice(span.start, span.end)));
  }
  // "sometime next week", "later this month": one vague phrase
  if (a.kind === 'vague' && b.kind === 'vague' && /^\s*$/.test(gap)) {
    return { ...a, ...span, phrase: s.slice(a.start, b.end) };
  }
  return undefined;
}

const WEEKS_FROM = /(?<![A-Za-z0-9_])(a|one|two|three|four|\d{1,2})\s+weeks?\s+(?:from|after)\s+$/i;

/** Words just before a day that change it: "the week of Dec 7" (vague), "a week from Friday" (+7). */
function withPrefix(s: string, c: Candidate): Candidate {
  if (!CONCRETE_KINDS.has(c.kind) || c.timeFirst || STARTS_WITH_TIME.test(s.slice(c.start, c.start + 16))) return c;
  const pre = before(s, c.start, 40);
  // "after Thanksgiving", "before Black Friday": vague; "by Christmas" is the day
  const vague = VAGUE_BEFORE_RE.exec(pre) ?? (c.kind === 'holiday' && !c.step ? VAGUE_BEFORE_HOLIDAY_RE.exec(pre) : null);
  if (vague) {
    const start = c.start - (pre.length - vague.index);
    return { start, end: c.end, kind: 'vague', fromChrono: c.fromChrono, phrase: s.slice(start, c.end) };
  }
  const weeks = WEEKS_FROM.exec(pre);
  if (
    weeks &&
    !c.step &&
    (c.kind === 'weekday' ||
      c.kind === 'calendar' ||
      c.kind === 'nth' ||
      c.kind === 'holiday' ||
      c.kind === 'monthWeekday' ||
      (c.kind === 'dayRelative' && c.delta !== 0))
  ) {
    const n = numberValue(weeks[1]);
    if (n !== undefined) return { ...c, start: c.start - (pre.length - weeks.index), weeksLater: n };
  }
  return c;
}
