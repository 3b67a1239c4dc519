/**
 * Whether our own grammar of times and weekdays has anything to look for in a text. Most texts that
 * pass the prefilter hold nothing of it, and chrono-node sees nothing in them either; a text chrono
 * saw something in is searched by every finder (each has its own gate), any other only when one
 * cheap scan finds the words the forms chrono misses need.
 */

export interface Triggers {
  /** "half", "quarter", "o'clock", "at three", "ten thirty": clock words may be here (the finder's own gates decide which). */
  clockWords: boolean;
  /** "3p", "3ish", "3 in the AM": a time of digits chrono does not read. */
  digitTimes: boolean;
  /** "from now": "3 Fridays from now". */
  fromNow: boolean;
  /** "month": "the last day of the month". */
  month: boolean;
  /** "due on the first" (only beside other words of a date: "the first" alone is prose). */
  theFirst: boolean;
}

const ALL: Triggers = { clockWords: true, digitTimes: true, fromNow: true, month: true, theFirst: true };
const NONE: Triggers = { clockWords: false, digitTimes: false, fromNow: false, month: false, theFirst: false };

const HOURS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
/**
 * One scan for every form the new finders read that chrono and the vocabulary see nothing of: "3p",
 * "3ish", "3 in the AM", "a quarter to 4", "half three", "o'clock", "3 Fridays from now", "the last
 * day of the month", "at three", "ten thirty am".
 */
const ANY = new RegExp(
  `\\d(?:[ap](?![a-z0-9])|\\s*-?ish|\\s+in\\s+(?:the\\s+)?(?:[ap]\\.?m|afternoon|evening|morning)|\\s+at\\s+night)` +
    `|quarter|half|clock|from\\s+(?:now|today)|month|\\bat\\s+(?:${HOURS})\\b|\\b(?:${HOURS})\\s+(?:[ap]\\.?\\s?m|thirty|fifteen|twenty|forty|fifty|oh)\\b`,
  'i',
);

/** What to look for in `prepared`: everything when chrono or another finder saw a date in it, or the scan finds a word. */
export function triggersOf(prepared: string, sawSomething: boolean): Readonly<Triggers> {
  return sawSomething || ANY.test(prepared) ? ALL : NONE;
}
