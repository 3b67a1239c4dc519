/**
 * What is never read as a date. Before any finder runs, the text is copied with non-dates blanked
 * out (same length, so offsets stay valid): base64-like runs of 200+ non-space characters, money,
 * percentages, version numbers, phone numbers, "24/7". Phrases that hold a vague word but are no
 * date ("no later than", "as soon as") are found here too, for the finders to skip.
 */
import { NOT_DATES_RE, NOT_VAGUE_RE } from './date-vocabulary.js';
import { matches } from './text-spans.js';

const blank = (m: string) => ' '.repeat(m.length);
const DOTTED_DATE = /^(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{4}\.\d{1,2}\.\d{1,2})$/;

const MASKS: RegExp[] = [
  // runs of 200+ non-space characters: base64 images, hashes, minified code
  /(?<!\S)\S{200,}/,
  // money: $1.5M, €200, £3k, USD 200, 1.5k, 200K, 10M, 2bn, 200 dollars
  /[$€£¥₹]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|mm|b|bn|million|billion|thousand)(?![a-z]))?/,
  /\b(?:usd|eur|gbp|cad|aud|inr|jpy|chf)\s?\d[\d,]*(?:\.\d+)?(?:k|m|mm|b|bn)?(?![\w])/,
  /(?<![\w.$€£])\d[\d,]*(?:\.\d+)?(?:k|mm|bn|m|b)(?![\w%])/,
  /\b\d[\d,]*(?:\.\d+)?\s?(?:usd|eur|gbp|dollars|euros|pounds|bucks)\b/,
  // percentages: 12%, 3.5 %, 40 percent
  /\d+(?:[.,]\d+)?\s?(?:%|percent\b|pct\b)/,
  // versions: v2, v2.0.1, 3.5.0, 1.2.3-beta (but not the dates 20.11.2026 and 2026.11.20: see blankNonDates)
  /(?<![\w.])v\d+(?:\.\d+)*(?:[-+][\w.]+)?(?![\w])/,
  /(?<![\w.])\d+\.\d+\.\d+(?:\.\d+)*(?:[-+][\w.]+)?(?![\w.])/,
  // phone numbers: 555-123-4567, (415) 555 0100, +1 415 555 0100, +44 20 7946 0958
  /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?|\d{3}[\s.-])\d{3}[\s.-]?\d{4}(?![\w])/,
  /(?<![\w])\+\d{1,3}(?:[\s.-]?\d{2,4}){2,4}(?![\w])/,
  // never dates, whatever the context: 24/7, 24x7, 1:1
  NOT_DATES_RE,
  // spellings chrono does not know, respelled below at the same length: "Tues" → "Tue ", "Weds" → "Wed "
  /\b(?:tue|wed)s\b/,
];

/** All the masks in one pass. */
const MASK_RE = new RegExp(MASKS.map((re) => `(?:${re.source})`).join('|'), 'gi');
/** The masks that can match a text without digits (most of them need one): long runs, "Tues". */
const MASK_NO_DIGIT_RE = new RegExp([MASKS[0], MASKS[MASKS.length - 1]].map((re) => `(?:${re.source})`).join('|'), 'gi');
const RESPELL = /^(?:tue|wed)s$/i;
const DIGIT = /\d/;
const TUES_WEDS = /(?:tue|wed)s/i;

/** `text` with its non-dates blanked out and "Tues"/"Weds" respelled, at the same length. */
export function blankNonDates(text: string): string {
  const digits = DIGIT.test(text);
  if (!digits && text.length < 200 && !TUES_WEDS.test(text)) return text;
  return text.replace(digits ? MASK_RE : MASK_NO_DIGIT_RE, (m) =>
    RESPELL.test(m) ? `${m.slice(0, 3)} ` : DOTTED_DATE.test(m) ? m : blank(m),
  );
}

export type Spans = Array<[number, number]>;

const NOT_VAGUE_GATE = /later|soon|some|end of|future|hour|\d/i;

/** Spans of phrases that look vague but are not ("no later than", "as soon as"); found on first use. */
export function notVagueSpans(prepared: string): () => Spans {
  let spans: Spans | undefined;
  return () => (spans ??= findNotVague(prepared));
}

function findNotVague(prepared: string): Spans {
  const spans: Spans = [];
  if (!NOT_VAGUE_GATE.test(prepared)) return spans;
  for (const m of matches(NOT_VAGUE_RE, prepared)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

export function insideAny(spans: Spans, start: number, end: number): boolean {
  return spans.some(([s, e]) => s <= start && end <= e);
}
