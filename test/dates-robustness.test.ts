/** The grammar of issue 8 under adversarial text: never throws, never hangs, positions always inside the text. */
import { describe, expect, it } from 'vitest';
import { findDates } from '../core/dates/find-dates.js';
import { FRI, ctx } from './dates-table.js';

const ADVERSARIAL: Record<string, string> = {
  'at at at … three': `${'at '.repeat(3000)}three`,
  'digits and spaces': '1 '.repeat(5000),
  '"1 to" repeated': '1 to '.repeat(3000),
  'half half … past': `${'half '.repeat(4000)}past`,
  'a quarter to a quarter to …': 'a quarter to '.repeat(1500),
  'Friday after Friday after … next': `${'Friday after '.repeat(1500)}next`,
  'the first Tuesday of the first Tuesday of …': 'the first Tuesday of the first Tuesday of '.repeat(400),
  'Dec 8 or 9 or 10 or …': 'Dec 8 or 9 or 10 or '.repeat(800),
  'Jan 1 - 2 - 3 - …': 'Jan 1 - 2 - 3 - '.repeat(1000),
  '3 in the in the …': '3 in the in the in the '.repeat(800),
  'a m p m …': '3 a m p m a m '.repeat(1000),
  'next next Thanksgiving of last year …': 'next next next Thanksgiving of last year '.repeat(500),
  'the day after the day after … Christmas': `${'the day after the day after '.repeat(800)}Christmas`,
  'between 1 and between 2 and … 3pm': `${'between 1 and between 2 and '.repeat(800)}3pm`,
  "next week's next week's …": "next week's next week's ".repeat(800),
  '1400 UTC 1400 UTC …': '1400 UTC 1400 UTC '.repeat(1000),
  'every form at once': 'Oct 18 15 UTC, March 6, 15-17:00, half past 3pm, Friday after next, Thu 15th, Dec 8 or 9 '.repeat(200),
  '15/12/15/12/…': '15/12/'.repeat(3000),
  '3:15p.3:15p.…': '3:15p.'.repeat(3000),
};

describe('robustness of the new finders', () => {
  it.each(Object.keys(ADVERSARIAL))('%s: quick, sane offsets, sorted, no overlap', (name) => {
    const text = ADVERSARIAL[name];
    const t0 = performance.now();
    const found = findDates(text, ctx(FRI));
    expect(performance.now() - t0).toBeLessThan(3000);
    for (let i = 0; i < found.length; i++) {
      const m = found[i];
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(m.start, m.end)).toBe(m.text);
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(found[i - 1].end);
    }
  });
  it('odd contexts never throw', () => {
    const odd = [
      undefined,
      null,
      {},
      { reference: { date: { year: Number.NaN, month: 13, day: 40 } } },
      { locale: 42, timezone: 'Not/AZone' },
    ];
    for (const c of odd) {
      expect(() => findDates('the first Tuesday of October, Thanksgiving, tonight at 8, Dec 8 or 9', c as never)).not.toThrow();
    }
  });
});
