/**
 * Phrases that name no single day ("next week", "mid-December", "Q3", "TBD"), from the vocabulary;
 * and, found in the same pass, the holidays of the table ("Thanksgiving", "Black Friday").
 */
import type { Candidate } from './candidate.js';
import { VAGUE_OR_HOLIDAY_FINDER, VAGUE_RE } from './date-vocabulary.js';
import { holidayAt } from './holidays.js';
import { insideAny, type Spans } from './not-dates.js';

/** The vague phrases in `prepared`, except those inside a phrase that is no date ("no later than"); and the holidays. */
export function vagueCandidates(prepared: string, notVague: () => Spans): Candidate[] {
  const out: Candidate[] = [];
  for (const [start, end, phrase] of VAGUE_OR_HOLIDAY_FINDER.find(prepared)) {
    const holiday = holidayAt(prepared, start, end, phrase);
    if (holiday !== undefined) {
      if (holiday) out.push(holiday);
      continue;
    }
    if (insideAny(notVague(), start, end)) continue;
    out.push({ start, end, kind: 'vague', fromChrono: false, phrase });
  }
  return out;
}

const VAGUE_ONE = new RegExp(VAGUE_RE.source, 'i');

/** Is the whole of `text` one phrase of the vague vocabulary ("next week", "in two weeks")? */
export function isVaguePhrase(text: string): boolean {
  const vague = VAGUE_ONE.exec(text);
  return !!vague && vague.index === 0 && vague[0].length === text.length;
}

/** Vague phrases worded against the meeting ("next week", "soon") vs. against the calendar ("Q3", "mid-December"). */
const CALENDAR_WORDED =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b[qh][1-4]\b|\b[1-4][qh]\b|\b(?:19|20)\d\d\b|\bfy|\d+\/\d+|\b(?:spring|summer|fall|autumn|winter|holidays?|christmas|xmas|thanksgiving|easter)\b/i;

const RELATIVE_WORDED =
  /\b(?:next|this|coming|following|upcoming|in|within|ago|from\s+(?:now|today)|soon|soonish|shortly|later|eo[wmqy]|eofy|week|weekend|month|quarter|year|sprint|half)\b|\bmid-?week\b/i;

/** Is a vague phrase worded relative to the meeting ("next week") rather than to the calendar ("Q3")? */
export function isRelativeVague(text: string): boolean {
  return RELATIVE_WORDED.test(text) && !CALENDAR_WORDED.test(text);
}
