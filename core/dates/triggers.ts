/**
 * Whether our own grammar of times and weekdays has anything to look for in a text. Most texts that
 * pass the prefilter hold nothing of it, and chrono-node sees nothing in them either; a text chrono
 * saw something in is searched by every finder (each has its own gate), any other only when one
 * cheap scan finds the words the forms chrono misses need.
 */

export interface Triggers {
  /** "half", "quarter", "o'clock", "noon": clock words may be here (the finder's own gates decide which). */
  clockWords: boolean;
  /** "3p", "3ish", "3 in the morning", "8 tonight": a time of digits chrono does not read. */
  digitTimes: boolean;
  /** "from now", "hence": "3 Fridays from now". */
  fromNow: boolean;
  /** "month": "the last day of the month". */
  month: boolean;
  /** "the first": "due on the first". */
  theFirst: boolean;
}

const ALL: Triggers = { clockWords: true, digitTimes: true, fromNow: true, month: true, theFirst: true };
const NONE: Triggers = { clockWords: false, digitTimes: false, fromNow: false, month: false, theFirst: false };

const DIGIT_TIMES =
  /\d(?:[ap](?![a-z0-9])|\s*-?ish|\s+(?:in\s+(?:the\s+)?(?:morning|afternoon|evening|early|am|pm|a\.m|p\.m)|at\s+night|tonight|this\s+evening|tomorrow\s+(?:evening|night)))/i;
const WORDS = /quarter|half|clock|noon|midnight|midday|from\s+(?:now|today)|hence|month|the\s+first\b/i;

/** What to look for in `prepared`: everything when chrono or another finder saw a date in it. */
export function triggersOf(prepared: string, sawSomething: boolean): Readonly<Triggers> {
  if (sawSomething) return ALL;
  const digitTimes = DIGIT_TIMES.test(prepared);
  const words = WORDS.test(prepared);
  if (!digitTimes && !words) return NONE;
  return { clockWords: words, digitTimes, fromNow: words, month: words, theFirst: words };
}
