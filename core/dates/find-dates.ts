/**
 * Finding and reading dates in a short unit of note text (a sentence, an action item, a table cell):
 * non-dates are blanked out, chrono-node and our own vocabulary (vocabulary/en/dates.json) find
 * candidates, overlaps are settled and neighbours combined, and every day is resolved against the
 * meeting date.
 */
import { isValidDate } from './calendar.js';
import type { Candidate } from './candidate.js';
import { anchoredDayCandidates } from './anchored-days.js';
import { chronoCandidates } from './chrono-finder.js';
import { clockWordCandidates } from './clock-words.js';
import { isDayFirstLocale } from './locale.js';
import { mergeCandidates } from './merge-candidates.js';
import { toMention } from './mention.js';
import { daysUnderTimes, monthDayCandidates, withoutTimesOverDays } from './month-days.js';
import { monthWeekdayCandidates } from './month-weekdays.js';
import { blankNonDates, notVagueSpans } from './not-dates.js';
import { numericDateCandidates } from './numeric-dates.js';
import { firstOfMonthCandidates, ordinalDayCandidates } from './ordinal-days.js';
import { dayRelativeCandidates, endOfDayCandidates } from './relative-days.js';
import { isSure } from './sureness.js';
import { triggersOf } from './triggers.js';
import { noonCandidates } from './time-of-day.js';
import type { DateContext, DateMention } from './types.js';
import { vagueCandidates } from './vague-phrases.js';
import { weekdayGrammarCandidates } from './weekday-grammar.js';

/**
 * Could this text hold a date? A digit, a month or weekday name or abbreviation, or a word of the
 * date vocabulary (today, tomorrow, week, soon, EOD, TBD, …). A text that fails it holds no date;
 * most prose sentences do. Exported for tests.
 */
export const PREFILTER =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|tmrw?|yesterday|overmorrow|days?\b|week|wk|w\/[cb]|month|quarter|year|half|sprint|fiscal|fy|ytd|soon|shortly|late|eventually|some ?(?:time|day)|some point|one of these days|tb[dca]|to be (?:det|conf|sched)|not yet sched|asap|a\.s\.a\.p|noon|midday|midnight|morning|afternoon|evening|night|eo[dbwmqy]|eofy|cob|e\.o\.d|c\.o\.b|end of|close of|spring|summer|fall|autumn|winter|holiday|new year|christmas|xmas|thanksgiving|easter|labor day|memorial day|break|launch|conference|freeze|offsite|future|down the|mid|qtr|yrs?\b|fortnight|[ap]\.m\b|clock|halloween|juneteenth|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[ap]\s?m|thirty|fifteen|twenty|forty|fifty|oh)\b|at\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)/i;

/**
 * The dates in `text`, sorted by start, non-overlapping. Offsets are into `text`.
 * Never throws; returns [] for anything it cannot read.
 */
export function findDates(text: string, ctx: DateContext): DateMention[] {
  try {
    return findDatesUnchecked(text, ctx);
  } catch {
    return [];
  }
}

const FULL_WORD_STOP = /[A-Za-z]{5}\.$/;

let lastLocale: string | undefined;
let lastDayFirst = false;

function dayFirstCached(locale: string | undefined): boolean {
  if (locale !== lastLocale) {
    lastLocale = locale;
    lastDayFirst = isDayFirstLocale(locale);
  }
  return lastDayFirst;
}

function findDatesUnchecked(text: string, ctx: DateContext): DateMention[] {
  if (typeof text !== 'string' || text.length === 0 || !PREFILTER.test(text)) return [];
  const prepared = blankNonDates(text);
  const ref = ctx?.reference?.date;
  const validRef = ref && isValidDate(ref.year, ref.month, ref.day) ? ref : undefined;
  const dayFirst = dayFirstCached(ctx?.locale);
  const notVague = notVagueSpans(prepared);

  const chrono = chronoCandidates(text, prepared, dayFirst, validRef ? ctx : { ...ctx, reference: undefined });
  // The order only breaks ties between equal spans (see mergeCandidates).
  const found: Candidate[] = chrono.candidates;
  const add = (more: readonly Candidate[]) => {
    for (const c of more) found.push(c);
  };
  add(noonCandidates(prepared));
  add(vagueCandidates(prepared, notVague));
  add(endOfDayCandidates(prepared, notVague));
  add(dayRelativeCandidates(prepared));
  add(ordinalDayCandidates(prepared));
  add(numericDateCandidates(prepared, dayFirst));
  // our grammar of the forms chrono misreads or misses: only where there is something to read
  const triggers = triggersOf(prepared, chrono.sawAny || found.length > 0);
  if (chrono.sawAny) add(monthDayCandidates(prepared));
  if (chrono.sawAny || triggers.month) add(monthWeekdayCandidates(prepared));
  if (chrono.sawAny || triggers.fromNow) add(weekdayGrammarCandidates(prepared, chrono.sawAny));
  if (triggers.clockWords || triggers.digitTimes) add(clockWordCandidates(prepared, chrono.sawAny, triggers));
  if (triggers.theFirst) add(firstOfMonthCandidates(prepared));
  if (found.length === 0) return [];
  add(daysUnderTimes(prepared, found));
  add(anchoredDayCandidates(prepared, found));
  const cands = withoutTimesOverDays(found);

  const out: DateMention[] = [];
  const settled = mergeCandidates(prepared, cands);
  // "in October.", "by Friday.": the full stop ends the sentence, not an abbreviation ("Fri.", "a.s.a.p.")
  for (const c of settled)
    if (prepared[c.end - 1] === '.' && FULL_WORD_STOP.test(prepared.slice(Math.max(c.start, c.end - 6), c.end))) c.end--;
  for (const c of settled) {
    if (c.kind === 'time' && c.weak) continue;
    out.push(toMention(c, text, validRef, (date) => isSure(c, date, prepared, settled, validRef)));
  }
  return out;
}
