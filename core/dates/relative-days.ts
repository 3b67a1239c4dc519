/** Days counted from the meeting: "tomorrow", "in 3 days", "2 business days from now"; "EOD", "COB". */
import type { Candidate } from './candidate.js';
import { DAY_RELATIVE_RE, DAY_WORDS, END_OF_DAY_RE, numberValue } from './date-vocabulary.js';
import { insideAny, type Spans } from './not-dates.js';
import { matches } from './text-spans.js';

const DAY_RELATIVE_ONE = new RegExp(DAY_RELATIVE_RE.source, 'i');

/** Reads the first "tomorrow", "in 3 days", "2 business days from now" in `text` — or undefined. */
export function dayRelativeIn(text: string): { index: number; length: number; delta: number; business: boolean } | undefined {
  const m = DAY_RELATIVE_ONE.exec(text);
  if (!m) return undefined;
  if (m[1] !== undefined) {
    const delta = DAY_WORDS.get(m[1].toLowerCase().replace(/\s+/g, ' '));
    return delta === undefined ? undefined : { index: m.index, length: m[0].length, delta, business: false };
  }
  const count = numberValue(m[2] ?? m[4] ?? '');
  if (count === undefined || count > 999) return undefined;
  const business = /^(business|working)$/i.test(m[3] ?? m[5] ?? '');
  const ago = /^ago$/i.test(m[6] ?? '');
  return { index: m.index, length: m[0].length, delta: ago ? -count : count, business };
}

const DAY_RELATIVE_GATE = /to(?:day|night|m)|tmr|yesterday|overmorrow|last\s+night|this\s+(?:morn|after|even)|days?\b/i;

export function dayRelativeCandidates(prepared: string): Candidate[] {
  const out: Candidate[] = [];
  if (!DAY_RELATIVE_GATE.test(prepared)) return out;
  for (const m of matches(DAY_RELATIVE_RE, prepared)) {
    const rel = dayRelativeIn(m[0]);
    if (!rel) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'dayRelative',
      fromChrono: false,
      delta: rel.delta,
      businessDays: rel.business,
    });
  }
  return out;
}

const END_OF_DAY_GATE = /eod|eob|cob|e\.o\.d|c\.o\.b|end of|close of/i;

/** "EOD", "COB", "end of day": alone, the meeting day; joined to a day later, the end of that day. */
export function endOfDayCandidates(prepared: string, notVague: () => Spans): Candidate[] {
  const out: Candidate[] = [];
  if (!END_OF_DAY_GATE.test(prepared)) return out;
  for (const m of matches(END_OF_DAY_RE, prepared)) {
    const start = m.index;
    const end = start + m[0].length;
    if (insideAny(notVague(), start, end)) continue;
    out.push({ start, end, kind: 'eod', fromChrono: false, endOfDay: true });
  }
  return out;
}
