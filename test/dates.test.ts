import { describe, expect, it } from 'vitest';
import { parseIsoDate, toIsoDate, weekdayOf, type PlainDate } from '../core/dates/calendar.js';
import { PREFILTER, findDates } from '../core/dates/find-dates.js';
import { isDayFirstLocale } from '../core/dates/locale.js';
import { isValidTimeZone, offsetMinutes } from '../core/dates/timezone.js';
import type { DateContext, DateKind, DateMention } from '../core/dates/types.js';
import vocabulary from '../vocabulary/en/dates.json' with { type: 'json' };

// Reference meetings used below (weekday in brackets).
const FRI = '2026-11-20'; // [Fri] the SPEC's example meeting
const WED = '2026-11-18'; // [Wed]
const MON = '2026-11-16'; // [Mon]
const JUN1 = '2026-06-01'; // [Mon]
const JAN3 = '2027-01-03'; // [Sun]

function day(iso: string): PlainDate {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`bad test date ${iso}`);
  return d;
}

function ctx(ref: string | null, locale = 'en-US', timezone = 'America/New_York'): DateContext {
  return ref ? { reference: { date: day(ref) }, timezone, locale } : { timezone, locale };
}

function hhmm(m: DateMention): string | null {
  return m.time ? `${String(m.time.hour).padStart(2, '0')}:${String(m.time.minute).padStart(2, '0')}` : null;
}

/** [phrase, meeting date, kind, ISO date or null, time or null, weekday written with the date (0–6)?] */
type Row = [string, string | null, DateKind, string | null, string | null, number?];

/** Each phrase must produce exactly one mention, with this kind, day and time. */
function table(title: string, rows: Row[]): void {
  describe(title, () => {
    it.each(rows)('%s (meeting %s) → %s %s %s', (phrase, ref, kind, iso, time, written) => {
      const found = findDates(phrase, ctx(ref));
      expect(found, JSON.stringify(found)).toHaveLength(1);
      const [m] = found;
      expect(m.kind).toBe(kind);
      expect(m.date ? toIsoDate(m.date) : null).toBe(iso);
      expect(hhmm(m)).toBe(time);
      expect(m.writtenWeekday).toBe(written);
      expect(phrase.slice(m.start, m.end)).toBe(m.text);
      expect(m.how.length).toBeGreaterThan(5);
    });
  });
}

table('explicit calendar dates are concrete, with the year taken from the meeting', [
  ['Dec 1', WED, 'concrete', '2026-12-01', null],
  ['by 12/1', WED, 'concrete', '2026-12-01', null],
  ['2026-12-01', WED, 'concrete', '2026-12-01', null],
  ['1st of December', WED, 'concrete', '2026-12-01', null],
  ['December 15th', WED, 'concrete', '2026-12-15', null],
  ['15 Dec', WED, 'concrete', '2026-12-15', null],
  ['the 15th of December', WED, 'concrete', '2026-12-15', null],
  ['Nov. 30', WED, 'concrete', '2026-11-30', null],
  ['Feb 5', WED, 'concrete', '2027-02-05', null],
  ['Dec 1, 2027', WED, 'concrete', '2027-12-01', null],
  ['March 3, 2025', WED, 'concrete', '2025-03-03', null],
  ['12/1/2026', WED, 'concrete', '2026-12-01', null],
  ['12/1/26', WED, 'concrete', '2026-12-01', null],
  ['due 1/2', WED, 'concrete', '2027-01-02', null],
  ['12/18', WED, 'concrete', '2026-12-18', null],
  ['20.11.2026', WED, 'concrete', '2026-11-20', null],
  ['send it by Tue Nov 24', FRI, 'concrete', '2026-11-24', null, 2],
  ['workshop Jan 15-20', WED, 'concrete', '2027-01-15', null],
  ['from Dec 1 to Dec 5', WED, 'concrete', '2026-12-01', null],
  ['kickoff 1/5/27', WED, 'concrete', '2027-01-05', null],
]);

table('a weekday written with a date keeps the date as written, and records the weekday', [
  ['Tue Dec 2', FRI, 'concrete', '2026-12-02', null, 2],
  ['Wednesday, June 9', JUN1, 'concrete', '2026-06-09', null, 3],
  ['Wed 6/9', JUN1, 'concrete', '2026-06-09', null, 3],
  ['by Fri Jun 5', JUN1, 'concrete', '2026-06-05', null, 5],
  ['Dec 4 (Fri)', FRI, 'concrete', '2026-12-04', null, 5],
  ['12/4, Fri', FRI, 'concrete', '2026-12-04', null, 5],
  ['Tues Dec 1', FRI, 'concrete', '2026-12-01', null, 2],
]);

table('a concrete date carries the time written with it', [
  ['Tue Dec 1, 2:00 PM ET', FRI, 'concrete', '2026-12-01', '14:00', 2],
  ['Friday at 10', FRI, 'concrete', '2026-11-27', '10:00'],
  ['10:00 on Tue Jun 23', '2026-06-17', 'concrete', '2026-06-23', '10:00', 2],
  ['Wed Jun 9 at 11am', JUN1, 'concrete', '2026-06-09', '11:00', 3],
  ['Fri 11/27 @ 2pm', FRI, 'concrete', '2026-11-27', '14:00', 5],
  ['Mon 11/30 10am', FRI, 'concrete', '2026-11-30', '10:00', 1],
  ['Reaction call Fri Jun 12 at 2:00 PM', '2026-06-09', 'concrete', '2026-06-12', '14:00', 5],
  ['tomorrow at 3', FRI, 'concrete', '2026-11-21', '15:00'],
  ['at noon on Friday', WED, 'concrete', '2026-11-20', '12:00'],
  ['2pm on Monday', WED, 'concrete', '2026-11-23', '14:00'],
  ['around 2pm on Friday', WED, 'concrete', '2026-11-20', '14:00'],
  ['Nov 24th @ 3pm ET', WED, 'concrete', '2026-11-24', '15:00'],
  ['Demo 12/2 10-11am PT', WED, 'concrete', '2026-12-02', '10:00'],
  ['by Monday 11/23', WED, 'concrete', '2026-11-23', null, 1],
]);

table('a bare weekday resolves to the next such day after the meeting (never the meeting day itself)', [
  ['Friday', WED, 'concrete', '2026-11-20', null],
  ['by Fri', WED, 'concrete', '2026-11-20', null],
  ['Monday', WED, 'concrete', '2026-11-23', null],
  ['Wednesday', WED, 'concrete', '2026-11-25', null],
  ['Friday', FRI, 'concrete', '2026-11-27', null],
  ['Tues', WED, 'concrete', '2026-11-24', null],
  ['Thurs', WED, 'concrete', '2026-11-19', null],
  ['on Sat', WED, 'concrete', '2026-11-21', null],
  ['Monday morning', WED, 'concrete', '2026-11-23', null],
  ['sometime Friday', WED, 'concrete', '2026-11-20', null],
]);

table('"next <day>" is that day of the week after the meeting\'s week; "this" is on or after; "last" before', [
  ['next Friday', WED, 'concrete', '2026-11-27', null],
  ['next Monday', WED, 'concrete', '2026-11-23', null],
  ['next Friday', FRI, 'concrete', '2026-11-27', null],
  ['next Tuesday', MON, 'concrete', '2026-11-24', null],
  ['next Sunday', WED, 'concrete', '2026-11-29', null],
  ['this Friday', WED, 'concrete', '2026-11-20', null],
  ['this Friday', FRI, 'concrete', '2026-11-20', null],
  ['this coming Friday', FRI, 'concrete', '2026-11-27', null],
  ['last Friday', WED, 'concrete', '2026-11-13', null],
  ['Friday next week', WED, 'concrete', '2026-11-27', null],
  ['Wednesday of next week', WED, 'concrete', '2026-11-25', null],
  ['next week Tuesday', WED, 'concrete', '2026-11-24', null],
  ['Tuesday this week', FRI, 'concrete', '2026-11-17', null],
]);

table('day-relative words count days from the meeting date', [
  ['today', FRI, 'concrete', '2026-11-20', null],
  ['tonight', FRI, 'concrete', '2026-11-20', null],
  ['tomorrow', FRI, 'concrete', '2026-11-21', null],
  ['tmrw', FRI, 'concrete', '2026-11-21', null],
  ['the day after tomorrow', FRI, 'concrete', '2026-11-22', null],
  ['yesterday', FRI, 'concrete', '2026-11-19', null],
  ['in 3 days', FRI, 'concrete', '2026-11-23', null],
  ['in three days', FRI, 'concrete', '2026-11-23', null],
  ['within 10 days', FRI, 'concrete', '2026-11-30', null],
  ['2 days from now', FRI, 'concrete', '2026-11-22', null],
  ['2 days ago', FRI, 'concrete', '2026-11-18', null],
  ['in 3 business days', FRI, 'concrete', '2026-11-25', null],
  ['this afternoon', FRI, 'concrete', '2026-11-20', null],
  ['a week from Friday', WED, 'concrete', '2026-11-27', null],
]);

table('EOD and COB mean the end of the meeting day, or of the day they name', [
  ['EOD', FRI, 'concrete', '2026-11-20', null],
  ['by COB', FRI, 'concrete', '2026-11-20', null],
  ['EOD Friday', WED, 'concrete', '2026-11-20', null],
  ['COB Thursday', WED, 'concrete', '2026-11-19', null],
  ['Friday EOD', WED, 'concrete', '2026-11-20', null],
  ['by end of day tomorrow', FRI, 'concrete', '2026-11-21', null],
  ['EOD 12/1', FRI, 'concrete', '2026-12-01', null],
]);

table('a day of the month alone is the next such day on or after the meeting', [
  ['by the 15th', FRI, 'concrete', '2026-12-15', null],
  ['on the 3rd', FRI, 'concrete', '2026-12-03', null],
  ['Invoice due the 20th.', FRI, 'concrete', '2026-11-20', null],
  ['the 25th', FRI, 'concrete', '2026-11-25', null],
  ['the 15th of next month', WED, 'concrete', '2026-12-15', null],
]);

table('vague phrases name no single day, whatever chrono-node says of them', [
  ['next week', FRI, 'vague', null, null],
  ['this week', FRI, 'vague', null, null],
  ['in two weeks', FRI, 'vague', null, null],
  ['in 2 weeks', FRI, 'vague', null, null],
  ['in a few weeks', FRI, 'vague', null, null],
  ['in a couple of weeks', FRI, 'vague', null, null],
  ['in a few days', FRI, 'vague', null, null],
  ['the week of Dec 7', FRI, 'vague', null, null],
  ['mid-December', FRI, 'vague', null, null],
  ['early January', FRI, 'vague', null, null],
  ['late January', FRI, 'vague', null, null],
  ['next month', FRI, 'vague', null, null],
  ['this month', FRI, 'vague', null, null],
  ['end of the month', FRI, 'vague', null, null],
  ['by the end of the quarter', FRI, 'vague', null, null],
  ['end of year', FRI, 'vague', null, null],
  ['EOW', FRI, 'vague', null, null],
  ['EOM', FRI, 'vague', null, null],
  ['EOQ', FRI, 'vague', null, null],
  ['EOY', FRI, 'vague', null, null],
  ['Q1', FRI, 'vague', null, null],
  ['Q3 2027', FRI, 'vague', null, null],
  ['in H2', FRI, 'vague', null, null],
  ['H1 2027', FRI, 'vague', null, null],
  ['early next year', FRI, 'vague', null, null],
  ['next year', FRI, 'vague', null, null],
  ['after the holidays', FRI, 'vague', null, null],
  ['soon', FRI, 'vague', null, null],
  ['later', FRI, 'vague', null, null],
  ['sometime', FRI, 'vague', null, null],
  ['at some point', FRI, 'vague', null, null],
  ['in the coming weeks', FRI, 'vague', null, null],
  ['TBD', FRI, 'vague', null, null],
  ['TBC', FRI, 'vague', null, null],
  ['ASAP', FRI, 'vague', null, null],
  ["I'll call Marco sometime next week", FRI, 'vague', null, null],
  ['in December', FRI, 'vague', null, null],
  ['December 2026', FRI, 'vague', null, null],
  ['end of next week', FRI, 'vague', null, null],
  ['this weekend', FRI, 'vague', null, null],
  ['early next week', FRI, 'vague', null, null],
  ['later this month', FRI, 'vague', null, null],
  ['2 weeks from today', FRI, 'vague', null, null],
  ['the week after next', FRI, 'vague', null, null],
  ['within the week', FRI, 'vague', null, null],
  ['around Dec 7', FRI, 'vague', null, null],
  ['before Christmas', FRI, 'vague', null, null],
  ['FY27', FRI, 'vague', null, null],
  ['in 2027', FRI, 'vague', null, null],
]);

table('a time of day with no day is a time', [
  ['at 2pm', FRI, 'time', null, '14:00'],
  ['14:00', FRI, 'time', null, '14:00'],
  ['noon', FRI, 'time', null, '12:00'],
  ['2:00 PM ET', FRI, 'time', null, '14:00'],
  ['at 9:30am', FRI, 'time', null, '09:30'],
  ['midnight', FRI, 'time', null, '00:00'],
  ['She picked 2:00.', FRI, 'time', null, '14:00'],
  ["let's meet at 10.", FRI, 'time', null, '10:00'],
  ['at 6:30', FRI, 'time', null, '18:30'],
  ['at 07:30', FRI, 'time', null, '07:30'],
]);

describe('things that are not dates produce nothing', () => {
  it.each([
    'version 1.2',
    'upgrade to v2.0.1',
    'released 3.5.0',
    'a $1.5M deal',
    'priced at €200',
    '1.5k seats',
    'churn is 12%',
    'grew 3.5%',
    'call 555-123-4567',
    'dial +1 (415) 555 0100',
    'a 45-day trial',
    'takes 10–15 minutes',
    'takes 2 hours',
    'a pilot for 3 weeks',
    'we may need a bigger plan',
    'they may want to wait',
    'Sun Microsystems was a customer',
    'Jim March joined the call',
    'her son is studying for the SAT',
    'we sat down with the team',
    '24/7 support',
    '24x7 monitoring',
    '1/2',
    '3/5',
    '2/3 of the team agreed',
    'rated it 4/5',
    'the 2nd option is cheaper',
    'a 3rd party integration',
    'the 1st call went well',
    'on the 3rd floor',
    'we are at 5 customers',
    'for now',
    'right now we use spreadsheets',
    'good morning everyone',
    'no later than that',
    'as soon as they sign',
    'at the end of the day they want value',
    'a 1:1 with Mary',
    'the weekday standup',
    'Mary wants onboarding under two weeks.',
    'moved from 600 to 500 seats',
    '',
  ])('%j', (text) => {
    expect(findDates(text, ctx(FRI))).toEqual([]);
  });

  it('an H1 heading is not a half-year', () => {
    expect(findDates('Use an H1 for the title', ctx(FRI))).toEqual([]);
  });

  it('24/7 is never a date, in any locale', () => {
    expect(findDates('on 24/7', ctx(FRI, 'en-GB'))).toEqual([]);
    expect(findDates('on 24/7', ctx(FRI, 'en-US'))).toEqual([]);
  });
});

describe('a month and day without a year shortly before the meeting is that past day', () => {
  it.each([
    ['by Nov 13', FRI, '2026-11-13'],
    ['Sept 22', FRI, '2026-09-22'], // 59 days before
    ['Sept 21', FRI, '2026-09-21'], // exactly 60 days before: still the past day
    ['Sept 20', FRI, '2027-09-20'], // 61 days before: next year's
    ['Sep 1', FRI, '2027-09-01'],
    ['Dec 28', JAN3, '2026-12-28'],
    ['Nov 1', JAN3, '2027-11-01'],
    ['Jan 2', '2026-12-20', '2027-01-02'],
    ['12/28', JAN3, '2026-12-28'],
    ['Wed Jun 3', '2026-06-10', '2026-06-03'],
  ])('%s in notes of %s is %s', (phrase, ref, iso) => {
    const [m] = findDates(phrase, ctx(ref));
    expect(m?.kind).toBe('concrete');
    expect(m?.date && toIsoDate(m.date)).toBe(iso);
    expect(m?.relative).toBe(false);
  });

  it('says in `how` that the day was read as past', () => {
    const [m] = findDates('by Nov 13', ctx(FRI));
    expect(m.how).toMatch(/before the meeting/);
  });
});

describe('time zones: offsets come from the IANA name, daylight saving included', () => {
  const d = (iso: string) => day(iso);
  it('New York changes from UTC−5 to UTC−4 in the night of 2026-03-08', () => {
    expect(offsetMinutes('America/New_York', d('2026-03-07'))).toBe(-300);
    expect(offsetMinutes('America/New_York', d('2026-03-08'), { hour: 1, minute: 30 })).toBe(-300);
    expect(offsetMinutes('America/New_York', d('2026-03-08'), { hour: 3, minute: 0 })).toBe(-240);
    expect(offsetMinutes('America/New_York', d('2026-03-09'))).toBe(-240);
    expect(offsetMinutes('America/New_York', d('2026-11-20'))).toBe(-300);
  });
  it('a wall time skipped by spring-forward gets the new offset; a repeated one the daylight offset', () => {
    expect(offsetMinutes('America/New_York', d('2026-03-08'), { hour: 2, minute: 30 })).toBe(-240);
    expect(offsetMinutes('America/New_York', d('2026-11-01'), { hour: 1, minute: 30 })).toBe(-240);
    expect(offsetMinutes('America/New_York', d('2026-11-01'), { hour: 3, minute: 0 })).toBe(-300);
  });
  it('London is UTC in winter and UTC+1 in summer', () => {
    expect(offsetMinutes('Europe/London', d('2026-01-15'))).toBe(0);
    expect(offsetMinutes('Europe/London', d('2026-07-01'))).toBe(60);
  });
  it('Kolkata is UTC+5:30 all year, UTC is 0', () => {
    expect(offsetMinutes('Asia/Kolkata', d('2026-01-15'))).toBe(330);
    expect(offsetMinutes('Asia/Kolkata', d('2026-07-01'))).toBe(330);
    expect(offsetMinutes('UTC', d('2026-07-01'))).toBe(0);
  });
  it('fixed offsets are read, unknown names are refused', () => {
    expect(offsetMinutes('+05:30', d('2026-01-15'))).toBe(330);
    expect(offsetMinutes('UTC-8', d('2026-01-15'))).toBe(-480);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() => offsetMinutes('Mars/Olympus_Mons', d('2026-01-15'))).toThrow(RangeError);
  });
  it('the meeting zone does not move the day: late-evening meetings far from UTC still count from the meeting date', () => {
    for (const timezone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'UTC', 'Not/AZone']) {
      const late: DateContext = { reference: { date: day(FRI), time: { hour: 23, minute: 30 } }, timezone, locale: 'en-US' };
      const early: DateContext = { reference: { date: day(FRI), time: { hour: 0, minute: 15 } }, timezone, locale: 'en-US' };
      for (const c of [late, early]) {
        const found = findDates('tomorrow, then Monday, then Dec 1', c).map((m) => m.date && toIsoDate(m.date));
        expect(found, timezone).toEqual(['2026-11-21', '2026-11-23', '2026-12-01']);
      }
    }
  });
});

describe('with no meeting date, phrases are still classified but only dates with a year are resolved', () => {
  it.each([
    ['Dec 1, 2026', 'concrete', '2026-12-01'],
    ['2026-12-01', 'concrete', '2026-12-01'],
    ['Sept 22, 2026', 'concrete', '2026-09-22'],
    ['Dec 1', 'concrete', null],
    ['Friday', 'concrete', null],
    ['tomorrow', 'concrete', null],
    ['EOD', 'concrete', null],
    ['next week', 'vague', null],
    ['at 2pm', 'time', null],
  ] as const)('%s → %s %s', (phrase, kind, iso) => {
    const found = findDates(phrase, ctx(null));
    expect(found).toHaveLength(1);
    expect(found[0].kind).toBe(kind);
    expect(found[0].date ? toIsoDate(found[0].date) : null).toBe(iso);
  });
});

describe('numeric dates follow the locale', () => {
  it('01/12 is 12 January in en-US and en-CA, 1 December in en-GB and en-AU', () => {
    const read = (locale: string) => findDates('on 01/12', ctx(FRI, locale)).map((m) => m.date && toIsoDate(m.date));
    expect(read('en-US')).toEqual(['2027-01-12']);
    expect(read('en-CA')).toEqual(['2027-01-12']);
    expect(read('en-GB')).toEqual(['2026-12-01']);
    expect(read('en-AU')).toEqual(['2026-12-01']);
  });
  it('a numeric date that one reading rules out is read the other way (SPEC 1.4): 18/12 and 12/18 are Dec 18 everywhere', () => {
    expect(findDates('by 18/12', ctx(FRI, 'en-GB')).map((m) => m.date && toIsoDate(m.date))).toEqual(['2026-12-18']);
    expect(findDates('by 18/12', ctx(FRI, 'en-US')).map((m) => m.date && toIsoDate(m.date))).toEqual(['2026-12-18']);
    expect(findDates('by 12/18', ctx(FRI, 'en-GB')).map((m) => m.date && toIsoDate(m.date))).toEqual(['2026-12-18']);
  });
  it('day-first locales: every English locale but the US-style ones, and other languages', () => {
    expect(['en-GB', 'en-AU', 'en-IE', 'en-NZ', 'en-IN', 'en-ZA', 'en_GB', 'de-DE', 'fr'].map(isDayFirstLocale)).toEqual(
      Array(9).fill(true),
    );
    expect(['en-US', 'en-CA', 'en', 'en-PH', '', 'ja-JP'].map(isDayFirstLocale)).toEqual(Array(6).fill(false));
  });
});

describe('mentions report where they are and how they were read', () => {
  it('several mentions in one item come back sorted, without overlap, with offsets into the text', () => {
    const text = 'Dana: send the security answers by Tue Nov 24, then book a call next week (TBD) at 2pm';
    const found = findDates(text, ctx(FRI));
    expect(found.map((m) => [m.text, m.kind])).toEqual([
      ['Tue Nov 24', 'concrete'],
      ['next week', 'vague'],
      ['TBD', 'vague'],
      ['at 2pm', 'time'],
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  it('runs of spaces left by blanked Markdown do not stop a date', () => {
    const found = findDates('by **Tue   Nov 24**', ctx(FRI));
    expect(found.map((m) => m.date && toIsoDate(m.date))).toEqual(['2026-11-24']);
  });
  it('relative is set for days worded against the meeting, not for calendar dates', () => {
    const rel = (t: string) => findDates(t, ctx(FRI))[0]?.relative;
    expect([rel('Friday'), rel('tomorrow'), rel('in 3 days'), rel('the 15th'), rel('EOD'), rel('next week')]).toEqual(Array(6).fill(true));
    expect([rel('Dec 1'), rel('Tue Dec 1'), rel('2026-12-01'), rel('Q3'), rel('mid-December')]).toEqual(Array(5).fill(false));
  });
  it('writtenWeekday lets a rule compare the written weekday with the real one', () => {
    const [m] = findDates('Architecture review Wed Jun 9 at 11am', ctx(JUN1));
    expect(m.writtenWeekday).toBe(3);
    expect(m.date && weekdayOf(m.date)).toBe(2); // June 9, 2026 is a Tuesday
  });
  it('how explains the reading for a hover', () => {
    expect(findDates('Friday', ctx(FRI))[0].how).toBe(
      'Friday after the meeting (Fri 2026-11-27) — the meeting was itself a Friday, so a week later',
    );
    expect(findDates('Friday', ctx(WED))[0].how).toBe('Friday after the meeting (Fri 2026-11-20)');
    expect(findDates('next week', ctx(FRI))[0].how).toBe("'next week' names no single day");
    expect(findDates('Dec 1', ctx(FRI))[0].how).toBe('calendar date, year from the meeting (Tue 2026-12-01)');
  });
});

describe('the vocabulary is data, and the prefilter lets all of it through', () => {
  it('plain vague phrases, day words and end-of-day words pass the prefilter', () => {
    const plain = [...vocabulary.vague, ...vocabulary.endOfDay, ...Object.keys(vocabulary.dayWords)].filter((p) => !/[({]/.test(p));
    expect(plain.length).toBeGreaterThan(40);
    for (const phrase of plain) expect(PREFILTER.test(phrase), phrase).toBe(true);
  });
  it('the prefilter rejects ordinary prose', () => {
    expect(PREFILTER.test('Good rapport; she laughed a lot and asked about onboarding.')).toBe(false);
  });
});

describe('robustness: any text, quickly, never throwing', () => {
  it('a 200 KB line of base64 returns quickly and still finds the date after it', () => {
    let b64 = '';
    let x = 12345;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    while (b64.length < 200_000) {
      x = (x * 1103515245 + 12345) % 2147483648;
      b64 += alphabet[x % 64];
    }
    const text = `![chart](data:image/png;base64,${b64}) review by Friday`;
    const t0 = performance.now();
    const found = findDates(text, ctx(WED));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(found.map((m) => m.text)).toEqual(['Friday']);
  });
  it('a 20 KB sentence returns quickly with sane, sorted offsets', () => {
    const words = 'the team will send the proposal by Friday and call on 12/1 at 2pm next week soon Q3 v2.0.1 may March tomorrow EOD'.split(
      ' ',
    );
    let text = '';
    for (let i = 0; text.length < 20_000; i++) text += `${words[(i * 7) % words.length]} `;
    const t0 = performance.now();
    const found = findDates(text, ctx(WED));
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(found.length).toBeGreaterThan(100);
    for (let i = 0; i < found.length; i++) {
      expect(text.slice(found[i].start, found[i].end)).toBe(found[i].text);
      if (i > 0) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].end);
    }
  });
  it('a date on the boundary between two search windows of a long text is found once, whole', () => {
    const filler = 'lorem ipsum dolor sit amet consectetur '.repeat(40);
    for (let k = 300; k < 1100; k += 7) {
      const text = `${filler.slice(0, k)} we meet on Tue Dec 1, 2:00 PM ET, then next week ${filler.slice(0, 600)}`;
      const found = findDates(text, ctx(FRI)).map((m) => `${m.text}|${m.kind}|${hhmm(m)}`);
      expect(found, `offset ${k}`).toEqual(['Tue Dec 1, 2:00 PM ET|concrete|14:00', 'next week|vague|null']);
    }
  });
  it('odd input never throws', () => {
    const odd = [
      '\u0000\uffff\ud800',
      '1'.repeat(50_000),
      '/'.repeat(5000),
      '12/'.repeat(3000),
      'next '.repeat(5000),
      'Feb 30',
      '2026-02-30',
      '13/13/2026',
      'the 99th',
      'at 25:00',
      'Q5',
    ];
    for (const text of odd) expect(() => findDates(text, ctx(FRI))).not.toThrow();
    expect(findDates('Feb 30', ctx(FRI))).toEqual([]);
    expect(findDates('the 99th', ctx(FRI))).toEqual([]);
    expect(() => findDates(undefined as unknown as string, ctx(FRI))).not.toThrow();
    expect(() => findDates('Friday', {} as DateContext)).not.toThrow();
  });
});
