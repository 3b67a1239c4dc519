/**
 * Ranges of times read by their start, the end noted: "between 9:30 and 11:00 on Thursday",
 * "9:30 till 11:00 on Thursday", "later than 9:30 but before 11:00", "Thursday 9:30 - 11:00". The
 * two ends are found separately (by chrono-node or our clock words); this joins them. A bare start
 * takes the afternoon of its end when only that fits ("9 to 11pm": 21:00).
 */
import type { Candidate } from './candidate.js';
import { VOCABULARY, literalAlternation } from './date-vocabulary.js';
import { settleTime } from './time-of-day.js';

const THROUGH_GAP = new RegExp(`^\\s*(?:${literalAlternation(VOCABULARY.timeRanges.through)})\\s*$`, 'i');
const OPENERS = Object.entries(VOCABULARY.timeRanges.between);
/** For each word that opens a range ("between"), the word before the first time and the gaps it allows. */
const BETWEEN: ReadonlyArray<[RegExp, RegExp]> = OPENERS.map(([opener, gaps]) => [
  new RegExp(`(?<![A-Za-z0-9_])${opener.replace(/ /g, '\\s+')}\\s+$`, 'i'),
  new RegExp(`^\\s*(?:${literalAlternation(gaps)})\\s*$`, 'i'),
]);

/** The start of `a` with the afternoon of the end `b` when the start is bare and only that fits. */
function startTime(a: Candidate, b: Candidate): Candidate['time'] {
  if (a.bareHour === undefined || !a.time || !b.time || b.bareHour !== undefined) return a.time;
  const pm = a.bareHour >= 1 && a.bareHour <= 11 && a.bareHour + 12 <= b.time.hour && b.time.hour >= 12;
  return pm ? (settleTime(a.bareHour, a.time.minute, 'pm')?.time ?? a.time) : a.time;
}

/**
 * `a` then `b` in `s` joined as one range of times, or undefined: a time then a time or a day with
 * a time ("9:30" + "11:00 on Thursday"), or a day with a time then a time ("Thursday 9:30" + "11:00").
 */
export function joinTimeRange(s: string, a: Candidate, b: Candidate): Candidate | undefined {
  if (!a.time || !b.time || a.endTime || a.kind === 'vague' || b.kind === 'vague') return undefined;
  if (a.kind !== 'time' && b.kind !== 'time') return undefined;
  const gap = s.slice(a.end, b.start);
  let start = a.start;
  let joined = THROUGH_GAP.test(gap);
  if (!joined) {
    const pre = s.slice(Math.max(0, a.start - 24), a.start);
    for (const [opener, gaps] of BETWEEN) {
      const m = opener.exec(pre);
      if (m && gaps.test(gap)) {
        joined = true;
        start = a.start - (pre.length - m.index);
        break;
      }
    }
  }
  if (!joined) return undefined;
  const day = a.kind === 'time' ? b : a;
  return { ...day, start, end: b.end, time: startTime(a, b), bareHour: a.bareHour, endTime: b.time, weak: false };
}
