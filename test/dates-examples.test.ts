/** Every example of issue 8 (a Tuesday-morning reference, 2013-02-12) and of SPEC 1.4 (notes of Fri 2026-11-20), read as they must be. */
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../core/dates/calendar.js';
import { findDates } from '../core/dates/find-dates.js';
import { FRI, TUE13, ctx, noDates, table } from './dates-table.js';

table('issue 8: a wrong concrete day no more', [
  ['Friday after next', TUE13, 'concrete', '2013-02-22', null],
  ['Wednesday after next', TUE13, 'concrete', '2013-02-20', null],
  ['the first Tuesday of October', TUE13, 'concrete', '2013-10-01', null],
  ['the last Friday of October', TUE13, 'concrete', '2013-10-25', null],
  ['Black Friday', TUE13, 'concrete', '2013-11-29', null],
  ['Good Friday', TUE13, 'concrete', '2013-03-29', null],
  ['Cyber Monday', TUE13, 'concrete', '2013-12-02', null],
  ['Easter Sunday', TUE13, 'concrete', '2013-03-31', null],
  ['Thu 15th', TUE13, 'concrete', '2013-02-15', null, { weekday: 4, sure: false }],
]);

table('issue 8: a date that vanished is kept', [
  ['Feb 15 in the morning', TUE13, 'concrete', '2013-02-15', null],
  ['Dec 3 in the afternoon', TUE13, 'concrete', '2013-12-03', null],
  ['february the 15th in the morning', TUE13, 'concrete', '2013-02-15', null],
  ['July 13 through 15', TUE13, 'concrete', '2013-07-13', null, { until: '2013-07-15' }],
  ['the 20th of next month', TUE13, 'concrete', '2013-03-20', null],
]);

table('issue 8: the right time', [
  ['half past 3 pm', TUE13, 'time', null, '15:30'],
  ['a quarter past 3pm', TUE13, 'time', null, '15:15'],
  ['3 oclock am', TUE13, 'time', null, '03:00'],
  ['tonight at 8', TUE13, 'concrete', '2013-02-12', '20:00'],
  ['tonight at 11', TUE13, 'concrete', '2013-02-12', '23:00'],
  ['at 3p', TUE13, 'time', null, '15:00'],
  ['3:15p', TUE13, 'time', null, '15:15'],
  ['between 9:30 and 11:00 on Thursday', TUE13, 'concrete', '2013-02-14', '09:30', { endTime: '11:00' }],
  ['3 in the morning', TUE13, 'time', null, '03:00'],
]);

table('issue 8: vocabulary gaps filled', [
  ['next qtr', TUE13, 'vague', null, null],
  ['3rd quarter', TUE13, 'vague', null, null],
  ['2018Q4', TUE13, 'vague', null, null],
  ['next yr', TUE13, 'vague', null, null],
  ['rest of the week', TUE13, 'vague', null, null],
  ['3 fridays from now', TUE13, 'concrete', '2013-03-01', null],
  ['fri', TUE13, 'concrete', '2013-02-15', null],
  ['thu', TUE13, 'concrete', '2013-02-14', null],
  ['thanksgiving', TUE13, 'concrete', '2013-11-28', null],
  ['christmas', TUE13, 'concrete', '2012-12-25', null],
]);

table('issue 8: numbers beside a date from real public meeting notes', [
  ['Oct 18 15 UTC', '2024-10-10', 'concrete', '2024-10-18', '15:00'],
  ['March 6, 15-17:00', '2015-03-02', 'concrete', '2015-03-06', '15:00', { endTime: '17:00' }],
  ['26 July 1400 UTC', '2019-07-20', 'concrete', '2019-07-26', '14:00'],
  ['15/12', TUE13, 'concrete', '2012-12-15', null],
  ['15/12', FRI, 'concrete', '2026-12-15', null],
]);

noDates('issue 8: neither an hour nor a quarter of an hour is a half-year or a quarter', ['in 1h', 'in a quarter of an hour']);

table('SPEC 1.4: concrete days, and a time with them', [
  ['Dec 1', FRI, 'concrete', '2026-12-01', null],
  ['by 12/1', FRI, 'concrete', '2026-12-01', null, { text: '12/1' }],
  ['2026-12-01', FRI, 'concrete', '2026-12-01', null],
  ['Friday', FRI, 'concrete', '2026-11-27', null],
  ['next Tuesday', FRI, 'concrete', '2026-11-24', null],
  ['EOD Friday', FRI, 'concrete', '2026-11-27', null],
  ['tomorrow', FRI, 'concrete', '2026-11-21', null],
  ['in 3 days', FRI, 'concrete', '2026-11-23', null],
  ['by Nov 13', FRI, 'concrete', '2026-11-13', null, { text: 'Nov 13' }],
  ['Tue Dec 1, 2:00 PM ET', FRI, 'concrete', '2026-12-01', '14:00', { weekday: 2 }],
  ['2pm', FRI, 'time', null, '14:00'],
  ['14:00', FRI, 'time', null, '14:00'],
  ['noon', FRI, 'time', null, '12:00'],
]);

table('SPEC 1.4: vague', [
  ['next week', FRI, 'vague', null, null],
  ['in two weeks', FRI, 'vague', null, null],
  ['in a few weeks', FRI, 'vague', null, null],
  ['the week of Dec 7', FRI, 'vague', null, null],
  ['mid-December', FRI, 'vague', null, null],
  ['next month', FRI, 'vague', null, null],
  ['end of the quarter', FRI, 'vague', null, null],
  ['Q1', FRI, 'vague', null, null],
  ['early next year', FRI, 'vague', null, null],
  ['after the holidays', FRI, 'vague', null, null],
  ['soon', FRI, 'vague', null, null],
  ['later', FRI, 'vague', null, null],
  ['sometime', FRI, 'vague', null, null],
  ['TBD', FRI, 'vague', null, null],
]);

table('SPEC 1.4: forms a note must read right (notes of Fri 2026-11-20)', [
  ['Friday after next', FRI, 'concrete', '2026-12-04', null],
  ['a week from Friday', FRI, 'concrete', '2026-12-04', null],
  ['the first Tuesday of October', FRI, 'concrete', '2026-10-06', null],
  ['the last Friday of the month', FRI, 'concrete', '2026-11-27', null],
  ['Feb 15 in the morning', FRI, 'concrete', '2027-02-15', null],
  ['the 15th in the afternoon', FRI, 'concrete', '2026-12-15', null],
  ['July 13 through 15', FRI, 'concrete', '2027-07-13', null, { until: '2027-07-15' }],
  ['13–15 July', FRI, 'concrete', '2027-07-13', null, { until: '2027-07-15' }],
  ['Dec 8 or 9', FRI, 'concrete', '2026-12-08', null, { or: ['2026-12-09'] }],
  ['between 9:30 and 11:00 on Thursday', FRI, 'concrete', '2026-11-26', '09:30', { endTime: '11:00' }],
  ['half past 3pm', FRI, 'time', null, '15:30'],
  ['a quarter to 4', FRI, 'time', null, '15:45'],
  ['3p', FRI, 'time', null, '15:00'],
  ['3:15p', FRI, 'time', null, '15:15'],
  ['tonight at 8', FRI, 'concrete', '2026-11-20', '20:00'],
  ['noon', FRI, 'time', null, '12:00'],
  ['midday', FRI, 'time', null, '12:00'],
  ['fri', FRI, 'concrete', '2026-11-27', null],
  ['thu', FRI, 'concrete', '2026-11-26', null],
  ['tues', FRI, 'concrete', '2026-11-24', null],
  ['the 20th of next month', FRI, 'concrete', '2026-12-20', null],
  ['Black Friday', FRI, 'concrete', '2026-11-27', null],
  ['Good Friday', FRI, 'concrete', '2027-03-26', null],
  ['Cyber Monday', FRI, 'concrete', '2026-11-30', null],
  ['Easter Monday', FRI, 'concrete', '2027-03-29', null],
  ['Thanksgiving', FRI, 'concrete', '2026-11-26', null],
  ['Christmas', FRI, 'concrete', '2026-12-25', null],
  ["New Year's Day", FRI, 'concrete', '2027-01-01', null],
  ['after Thanksgiving', FRI, 'vague', null, null],
  ['next qtr', FRI, 'vague', null, null],
  ['3rd quarter', FRI, 'vague', null, null],
  ['Q4 2027', FRI, 'vague', null, null],
  ['next yr', FRI, 'vague', null, null],
  ['rest of the week', FRI, 'vague', null, null],
  ['EOD', FRI, 'concrete', '2026-11-20', null],
  ['COB', FRI, 'concrete', '2026-11-20', null],
  ['COB Friday', FRI, 'concrete', '2026-11-27', null],
  ['EOW', FRI, 'vague', null, null],
  ['EOM', FRI, 'vague', null, null],
  ['EOQ', FRI, 'vague', null, null],
  ['EOY', FRI, 'vague', null, null],
  ['Oct 18 15 UTC', '2024-10-10', 'concrete', '2024-10-18', '15:00'],
  ['26 July 1400 UTC', '2019-07-20', 'concrete', '2019-07-26', '14:00'],
  ['15/12', FRI, 'concrete', '2026-12-15', null],
]);

noDates('SPEC 1.4: things that are not dates', [
  'version 1.2',
  'a $1.5M deal',
  'churn is 12%',
  'call 555-123-4567',
  'a 45-day trial',
  '10–15 minutes',
  'we may need a bigger plan',
  'Jim March joined the call',
  'Sun Microsystems was a customer',
  'the 2nd option is cheaper',
  'in 1h',
]);

describe('SPEC 1.4: locale, and dates an item only talks about', () => {
  it('01/12 follows the locale', () => {
    expect(findDates('on 01/12', ctx(FRI)).map((m) => m.date && toIsoDate(m.date))).toEqual(['2027-01-12']);
    expect(findDates('on 01/12', ctx(FRI, 'en-GB')).map((m) => m.date && toIsoDate(m.date))).toEqual(['2026-12-01']);
  });
  it('"share last quarter\'s numbers" and "the results since March" name no day', () => {
    for (const text of ["share last quarter's numbers", 'the results since March']) {
      expect(findDates(text, ctx(FRI)).filter((m) => m.kind === 'concrete')).toEqual([]);
    }
  });
});
