/** Holidays are days, computed per year; "after Thanksgiving" is vague; a bare holiday follows the past-window rule. */
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../core/dates/calendar.js';
import { findDates } from '../core/dates/find-dates.js';
import { easterSunday, holidayDay } from '../core/dates/holidays.js';
import { DEC3, FRI, TUE13, ctx, noDay, table } from './dates-table.js';

table('each holiday of the table, on its day of a given year', [
  ["New Year's Day 2027", FRI, 'concrete', '2027-01-01', null],
  ['MLK Day 2027', FRI, 'concrete', '2027-01-18', null],
  ["Valentine's Day 2027", FRI, 'concrete', '2027-02-14', null],
  ["Presidents' Day 2027", FRI, 'concrete', '2027-02-15', null],
  ['Good Friday 2026', FRI, 'concrete', '2026-04-03', null],
  ['Good Friday 2025', FRI, 'concrete', '2025-04-18', null],
  ['Easter Sunday 2027', FRI, 'concrete', '2027-03-28', null],
  ['Easter 2024', FRI, 'concrete', '2024-03-31', null],
  ['Easter Monday 2024', FRI, 'concrete', '2024-04-01', null],
  ['Easter Monday 2027', FRI, 'concrete', '2027-03-29', null],
  ["Mother's Day 2027", FRI, 'concrete', '2027-05-09', null],
  ['Memorial Day 2027', FRI, 'concrete', '2027-05-31', null],
  ['early May bank holiday 2027', FRI, 'concrete', '2027-05-03', null],
  ['spring bank holiday 2027', FRI, 'concrete', '2027-05-31', null],
  ["Father's Day 2027", FRI, 'concrete', '2027-06-20', null],
  ['Juneteenth 2027', FRI, 'concrete', '2027-06-19', null],
  ['Independence Day 2027', FRI, 'concrete', '2027-07-04', null],
  ['summer bank holiday 2027', FRI, 'concrete', '2027-08-30', null],
  ['Labor Day 2027', FRI, 'concrete', '2027-09-06', null],
  ['Labour Day 2027', FRI, 'concrete', '2027-09-06', null],
  ['Columbus Day 2027', FRI, 'concrete', '2027-10-11', null],
  ['Halloween 2027', FRI, 'concrete', '2027-10-31', null],
  ['Veterans Day 2027', FRI, 'concrete', '2027-11-11', null],
  ['Thanksgiving 2024', FRI, 'concrete', '2024-11-28', null],
  ['Thanksgiving 2026', FRI, 'concrete', '2026-11-26', null],
  ['Thanksgiving 2027', FRI, 'concrete', '2027-11-25', null],
  ['Black Friday 2026', FRI, 'concrete', '2026-11-27', null],
  ['Cyber Monday 2026', FRI, 'concrete', '2026-11-30', null],
  ['Christmas Eve 2026', FRI, 'concrete', '2026-12-24', null],
  ['Christmas 2027', FRI, 'concrete', '2027-12-25', null],
  ['Boxing Day 2026', FRI, 'concrete', '2026-12-26', null],
  ["New Year's Eve 2026", FRI, 'concrete', '2026-12-31', null],
  ['black friday 2017', TUE13, 'concrete', '2017-11-24', null],
  ['thanksgiving 2016', TUE13, 'concrete', '2016-11-24', null],
  ['fathers day 1996', TUE13, 'concrete', '1996-06-16', null],
  ['Labor Day 2012', TUE13, 'concrete', '2012-09-03', null],
]);

table('a holiday without a year is the next one, or one shortly before the meeting (a past day, like a month-day)', [
  ['Thanksgiving', TUE13, 'concrete', '2013-11-28', null, { relative: false }],
  ['thanksgiving', TUE13, 'concrete', '2013-11-28', null],
  ['thanksgiving day', TUE13, 'concrete', '2013-11-28', null],
  ['Black Friday', TUE13, 'concrete', '2013-11-29', null],
  ['black friday', TUE13, 'concrete', '2013-11-29', null],
  ['Cyber Monday', TUE13, 'concrete', '2013-12-02', null],
  ['Good Friday', TUE13, 'concrete', '2013-03-29', null],
  ['Easter Sunday', TUE13, 'concrete', '2013-03-31', null],
  ['Easter Monday', TUE13, 'concrete', '2013-04-01', null],
  ['Memorial Day', TUE13, 'concrete', '2013-05-27', null],
  ['labor day', TUE13, 'concrete', '2013-09-02', null],
  ["valentine's day", TUE13, 'concrete', '2013-02-14', null],
  ['halloween', TUE13, 'concrete', '2013-10-31', null],
  ['independence day', TUE13, 'concrete', '2013-07-04', null],
  ["Mother's Day", TUE13, 'concrete', '2013-05-12', null],
  ["Father's Day", TUE13, 'concrete', '2013-06-16', null],
  ['Christmas', TUE13, 'concrete', '2012-12-25', null],
  ['xmas', TUE13, 'concrete', '2012-12-25', null],
  ["New Year's Day", TUE13, 'concrete', '2013-01-01', null],
  ['new years day', TUE13, 'concrete', '2013-01-01', null],
  ['MLK day', TUE13, 'concrete', '2013-01-21', null],
  ['Boxing Day', TUE13, 'concrete', '2012-12-26', null],
  ['Christmas', FRI, 'concrete', '2026-12-25', null],
  ['christmas', FRI, 'concrete', '2026-12-25', null],
  ['Christmas Day', FRI, 'concrete', '2026-12-25', null],
  ['Christmas Eve', FRI, 'concrete', '2026-12-24', null],
  ["New Year's Day", FRI, 'concrete', '2027-01-01', null],
  ["new year's eve", FRI, 'concrete', '2026-12-31', null],
  ['Boxing Day', FRI, 'concrete', '2026-12-26', null],
  ['Thanksgiving', FRI, 'concrete', '2026-11-26', null],
  ['Thanksgiving', DEC3, 'concrete', '2026-11-26', null],
  ['Black Friday', DEC3, 'concrete', '2026-11-27', null],
  ['Christmas', '2026-03-20', 'concrete', '2026-12-25', null],
  ['by Christmas', FRI, 'concrete', '2026-12-25', null, { text: 'Christmas' }],
]);

table('"next", "this", "last" and "of next year" choose the year', [
  ['next Thanksgiving', TUE13, 'concrete', '2013-11-28', null, { relative: true }],
  ['this thanksgiving', TUE13, 'concrete', '2013-11-28', null],
  ['last thanksgiving', TUE13, 'concrete', '2012-11-22', null],
  ['next Martin Luther King day', TUE13, 'concrete', '2014-01-20', null],
  ['this MLK day', TUE13, 'concrete', '2014-01-20', null],
  ['last MLK day', TUE13, 'concrete', '2013-01-21', null],
  ['last memorial day', TUE13, 'concrete', '2012-05-28', null],
  ['memorial day of last year', TUE13, 'concrete', '2012-05-28', null],
  ['labor day of last year', TUE13, 'concrete', '2012-09-03', null],
  ['thanksgiving of next year', TUE13, 'concrete', '2014-11-27', null],
  ['black friday of this year', TUE13, 'concrete', '2013-11-29', null],
  ['next Christmas', FRI, 'concrete', '2026-12-25', null],
  ['last Christmas', FRI, 'concrete', '2025-12-25', null],
  ['next Easter', FRI, 'concrete', '2027-03-28', null],
]);

table('around a holiday is no single day: vague', [
  ['after Thanksgiving', FRI, 'vague', null, null],
  ['before Christmas', FRI, 'vague', null, null],
  ['after Black Friday', FRI, 'vague', null, null],
  ['until Easter', FRI, 'vague', null, null],
  ['over Christmas', FRI, 'vague', null, null],
  ['around Thanksgiving', FRI, 'vague', null, null],
  ['post Labor Day', FRI, 'vague', null, null],
  ['ahead of Memorial Day', FRI, 'vague', null, null],
  ['Thanksgiving week', FRI, 'vague', null, null],
  ['the Christmas party', FRI, 'vague', null, null],
  ['Labor Day weekend', FRI, 'vague', null, null],
  ['the Christmas break', FRI, 'vague', null, null],
  ['the week of Thanksgiving', FRI, 'vague', null, null],
  ['bank holiday weekend', FRI, 'vague', null, null],
  ['after the holidays', FRI, 'vague', null, null],
  ['between Christmas', FRI, 'vague', null, null],
]);

noDay('holiday words that name no holiday', [
  'an Easter egg in the UI',
  'her mother called',
  'a good week',
  'Independence from vendors',
  'the labor market',
]);

describe('the holiday table computes each year', () => {
  it('Easter Sunday (Gregorian computus)', () => {
    const easter = [1961, 2000, 2019, 2024, 2025, 2026, 2027, 2038].map((y) => toIsoDate(easterSunday(y)));
    expect(easter).toEqual([
      '1961-04-02',
      '2000-04-23',
      '2019-04-21',
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
  });
  it('Thanksgiving is the fourth Thursday of November; Black Friday and Cyber Monday follow it', () => {
    for (const year of [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028]) {
      const t = holidayDay('thanksgiving', year);
      expect(t && new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay(), String(year)).toBe(4);
      expect(t && t.month === 11 && t.day >= 22 && t.day <= 28).toBe(true);
    }
    expect(toIsoDate(holidayDay('black-friday', 2028)!)).toBe('2028-11-24');
    expect(toIsoDate(holidayDay('cyber-monday', 2028)!)).toBe('2028-11-27');
  });
  it('unknown holidays and years give nothing', () => {
    expect(holidayDay('festivus', 2026)).toBeUndefined();
    expect(holidayDay('christmas', Number.NaN)).toBeUndefined();
  });
  it('a holiday shortly before the meeting is a past day that no-past-date can see (not relative)', () => {
    const [m] = findDates('Send the quote by Thanksgiving', ctx(DEC3));
    expect(m.relative).toBe(false);
    expect(m.date && toIsoDate(m.date)).toBe('2026-11-26');
    expect(m.how).toMatch(/before the meeting, so read as past/);
  });
  it('with no meeting date a holiday without a year has no day, one with a year does', () => {
    expect(findDates('Thanksgiving', ctx(null))[0]?.date).toBeUndefined();
    expect(findDates('Thanksgiving 2026', ctx(null)).map((m) => m.date && toIsoDate(m.date))).toEqual(['2026-11-26']);
  });
});
