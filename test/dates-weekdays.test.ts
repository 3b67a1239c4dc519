/** Weekdays: bare, qualified ("after next", "a week from"), counted within a month, counted from another day. */
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../core/dates/calendar.js';
import { findDates } from '../core/dates/find-dates.js';
import { FRI, TUE13, WED, ctx, table } from './dates-table.js';

table('a bare weekday is the next one after the meeting (Tue 2013-02-12); lowercase and abbreviated too', [
  ['monday', TUE13, 'concrete', '2013-02-18', null],
  ['tuesday', TUE13, 'concrete', '2013-02-19', null],
  ['Wednesday', TUE13, 'concrete', '2013-02-13', null],
  ['thursday', TUE13, 'concrete', '2013-02-14', null],
  ['Friday', TUE13, 'concrete', '2013-02-15', null],
  ['saturday', TUE13, 'concrete', '2013-02-16', null],
  ['sunday', TUE13, 'concrete', '2013-02-17', null],
  ['fri', TUE13, 'concrete', '2013-02-15', null],
  ['fri.', TUE13, 'concrete', '2013-02-15', null],
  ['thu', TUE13, 'concrete', '2013-02-14', null],
  ['thu.', TUE13, 'concrete', '2013-02-14', null],
  ['tues', TUE13, 'concrete', '2013-02-19', null],
  ['Tues', TUE13, 'concrete', '2013-02-19', null],
  ['wed', TUE13, 'concrete', '2013-02-13', null],
  ['weds', TUE13, 'concrete', '2013-02-13', null],
  ['thurs', TUE13, 'concrete', '2013-02-14', null],
  ['Mon.', TUE13, 'concrete', '2013-02-18', null],
  ['mon.', TUE13, 'concrete', '2013-02-18', null],
  ['by fri', TUE13, 'concrete', '2013-02-15', null, { text: 'fri' }],
  ['on sat', TUE13, 'concrete', '2013-02-16', null, { text: 'sat' }],
  ['on mon', TUE13, 'concrete', '2013-02-18', null, { text: 'mon' }],
  ['Friday morning', TUE13, 'concrete', '2013-02-15', null, { text: 'Friday' }],
]);

table('"next", "this", "last" and the week a weekday is in', [
  ['next tuesday', TUE13, 'concrete', '2013-02-19', null],
  ['next monday', TUE13, 'concrete', '2013-02-18', null],
  ['next wednesday', TUE13, 'concrete', '2013-02-20', null],
  ['this wednesday', TUE13, 'concrete', '2013-02-13', null],
  ['this tuesday', TUE13, 'concrete', '2013-02-12', null],
  ['this coming Friday', TUE13, 'concrete', '2013-02-15', null],
  ['last tuesday', TUE13, 'concrete', '2013-02-05', null],
  ['last sunday', TUE13, 'concrete', '2013-02-10', null],
  ['this past Friday', TUE13, 'concrete', '2013-02-08', null],
  ['wednesday of next week', TUE13, 'concrete', '2013-02-20', null],
  ['wednesday next week', TUE13, 'concrete', '2013-02-20', null],
  ['monday of this week', TUE13, 'concrete', '2013-02-11', null],
  ['friday of this week', TUE13, 'concrete', '2013-02-15', null],
  ["next week's Tuesday", TUE13, 'concrete', '2013-02-19', null],
  ["last week's sunday", TUE13, 'concrete', '2013-02-10', null],
  ['sunday from last week', TUE13, 'concrete', '2013-02-10', null],
  ['Thursday of the following week', TUE13, 'concrete', '2013-02-21', null],
]);

table('"<weekday> after next", "a week from <weekday>", "<n> <weekday>s from now": not the coming one', [
  ['Friday after next', TUE13, 'concrete', '2013-02-22', null],
  ['friday after next', TUE13, 'concrete', '2013-02-22', null],
  ['Wednesday after next', TUE13, 'concrete', '2013-02-20', null],
  ['Tuesday after next', TUE13, 'concrete', '2013-02-26', null],
  ['the Monday after next', TUE13, 'concrete', '2013-02-25', null, { text: 'Monday after next' }],
  ['Friday after next', FRI, 'concrete', '2026-12-04', null],
  ['Monday before last', TUE13, 'concrete', '2013-02-04', null],
  ['Friday before last', TUE13, 'concrete', '2013-02-01', null],
  ['a week from Friday', TUE13, 'concrete', '2013-02-22', null],
  ['a week from Monday', TUE13, 'concrete', '2013-02-25', null],
  ['two weeks from Friday', TUE13, 'concrete', '2013-03-01', null],
  ['a week from tomorrow', TUE13, 'concrete', '2013-02-20', null],
  ['a week from Friday', WED, 'concrete', '2026-11-27', null],
  ['3 fridays from now', TUE13, 'concrete', '2013-03-01', null],
  ['two Mondays from now', TUE13, 'concrete', '2013-02-25', null],
  ['Friday week', TUE13, 'concrete', '2013-02-22', null],
]);

table('weekdays and days counted within a month: "the first Tuesday of October", "the last Friday of the month"', [
  ['the first Tuesday of October', TUE13, 'concrete', '2013-10-01', null, { relative: false }],
  ['first tuesday in october', TUE13, 'concrete', '2013-10-01', null],
  ['the last Friday of October', TUE13, 'concrete', '2013-10-25', null],
  ['the last Friday of the month', TUE13, 'concrete', '2013-02-22', null, { relative: true }],
  ['last Monday of March', TUE13, 'concrete', '2013-03-25', null],
  ['last Sunday of March 2014', TUE13, 'concrete', '2014-03-30', null],
  ['third tuesday of september 2014', TUE13, 'concrete', '2014-09-16', null],
  ['first wednesday of october 2014', TUE13, 'concrete', '2014-10-01', null],
  ['second wednesday of october 2014', TUE13, 'concrete', '2014-10-08', null],
  ['the 2nd Wednesday in October 2027', FRI, 'concrete', '2027-10-13', null],
  ['the first Monday of next month', TUE13, 'concrete', '2013-03-04', null],
  ['the first Tuesday of the month', TUE13, 'concrete', '2013-03-05', null],
  ['the second Friday of this month', TUE13, 'concrete', '2013-02-08', null],
  ['the first Tuesday of January', TUE13, 'concrete', '2013-01-01', null],
  ['the last day of the month', TUE13, 'concrete', '2013-02-28', null],
  ['the last day of october 2015', TUE13, 'concrete', '2015-10-31', null],
  ['last day in october 2015', TUE13, 'concrete', '2015-10-31', null],
  ['the third day of October', TUE13, 'concrete', '2013-10-03', null],
  ['the first business day of March', TUE13, 'concrete', '2013-03-01', null],
  ['the last business day of the month', TUE13, 'concrete', '2013-02-28', null],
  ['the last working day of next month', FRI, 'concrete', '2026-12-31', null],
  ['first weds of the month', TUE13, 'concrete', '2013-03-06', null],
  ['the fourth Thursday of November', FRI, 'concrete', '2026-11-26', null],
]);

table('a weekday written with an ordinal day keeps the day; a mismatch is kept for no-weekday-mismatch, and the day is not sure', [
  ['Tuesday the 19th', TUE13, 'concrete', '2013-02-19', null, { weekday: 2 }],
  ['Tuesday 19th', TUE13, 'concrete', '2013-02-19', null, { weekday: 2 }],
  ['Thu 15th', TUE13, 'concrete', '2013-02-15', null, { weekday: 4, sure: false }],
  // The next 26th is a Tuesday; the 26th two months on is the Friday meant — likely, never sure enough to fix.
  ['Friday 26th', TUE13, 'concrete', '2013-04-26', null, { weekday: 5, sure: false }],
  ['Tue 26th', TUE13, 'concrete', '2013-02-26', null, { weekday: 2 }],
  ['Friday the 15th', TUE13, 'concrete', '2013-02-15', null, { weekday: 5 }],
  ['Friday, 15th', TUE13, 'concrete', '2013-02-15', null, { weekday: 5 }],
  ['Wed 13th', TUE13, 'concrete', '2013-02-13', null, { weekday: 3 }],
  ['Monday 22nd', TUE13, 'concrete', '2013-04-22', null, { weekday: 1, sure: false }], // the next 22nd that is a Monday
  ['Fri, Jul 18', TUE13, 'concrete', '2013-07-18', null, { weekday: 5, sure: false }],
  ['Monday, Feb 18', TUE13, 'concrete', '2013-02-18', null, { weekday: 1 }],
  ['Mon, February 18', TUE13, 'concrete', '2013-02-18', null, { weekday: 1 }],
  ['Sunday, Feb 10', TUE13, 'concrete', '2013-02-10', null, { weekday: 0 }],
  ['Wed, Feb13', TUE13, 'concrete', '2013-02-13', null, { weekday: 3 }],
]);

table('days counted from another day: "the Friday after Thanksgiving", "the day before Dec 1"', [
  ['the Friday after Thanksgiving', TUE13, 'concrete', '2013-11-29', null],
  ['the Monday after Thanksgiving', TUE13, 'concrete', '2013-12-02', null],
  ['the day after Thanksgiving', FRI, 'concrete', '2026-11-27', null],
  ['the day after Christmas', FRI, 'concrete', '2026-12-26', null],
  ['the Friday before Christmas', FRI, 'concrete', '2026-12-18', null],
  ['the Monday before Christmas', FRI, 'concrete', '2026-12-21', null],
  ['third tuesday after christmas 2014', TUE13, 'concrete', '2015-01-13', null],
  ['2 business days after Dec 1', FRI, 'concrete', '2026-12-03', null],
  ['the day before Dec 1', FRI, 'concrete', '2026-11-30', null],
  ['2 days before Christmas', FRI, 'concrete', '2026-12-23', null],
  ['the Tuesday after Labor Day', TUE13, 'concrete', '2013-09-03', null],
  ['the Friday before Memorial Day', TUE13, 'concrete', '2013-05-24', null],
  ['the first Monday after the first Tuesday of October', TUE13, 'concrete', '2013-10-07', null],
]);

table('qualifiers the reader does not read make a relative day unsure (no fix writes it)', [
  ['every Friday', TUE13, 'concrete', '2013-02-15', null, { text: 'Friday', sure: false }],
  ['every other Tuesday', TUE13, 'concrete', '2013-02-19', null, { text: 'Tuesday', sure: false }],
  ['the second Friday', TUE13, 'concrete', '2013-02-15', null, { text: 'Friday', sure: false }],
  ['the 2nd Friday', TUE13, 'concrete', '2013-02-15', null, { text: 'Friday', sure: false }],
  ['the following Monday', TUE13, 'concrete', '2013-02-18', null, { text: 'Monday', sure: false }],
  ['Friday of launch week', TUE13, 'concrete', '2013-02-15', null, { text: 'Friday', sure: false }],
  ['Friday of the offsite', TUE13, 'concrete', '2013-02-15', null, { text: 'Friday', sure: false }],
  ['Friday after the release', TUE13, 'concrete', '2013-02-15', null, { text: 'Friday', sure: false }],
  ['tomorrow', TUE13, 'concrete', '2013-02-13', null, { sure: true }],
  ['Friday', TUE13, 'concrete', '2013-02-15', null, { sure: true }],
]);

describe('a relative weekday beside a date it did not read is not sure', () => {
  const read = (text: string) => findDates(text, ctx(TUE13)).map((m) => `${m.text}|${m.kind}|${m.date ? toIsoDate(m.date) : ''}|${m.sure}`);
  it('"last Friday of Q3" keeps the Friday, unsure, and Q3 vague', () => {
    expect(read('last Friday of Q3')).toEqual(['last Friday|concrete|2013-02-08|false', 'Q3|vague||true']);
  });
  it('"Friday in two weeks" is unsure: the Friday two weeks on, or the coming one?', () => {
    expect(read('Friday in two weeks')).toEqual(['Friday|concrete|2013-02-15|false', 'in two weeks|vague||true']);
  });
  it('"Friday at 2pm" and "Friday in the morning" are sure', () => {
    expect(read('Friday at 2pm')).toEqual(['Friday at 2pm|concrete|2013-02-15|true']);
    expect(read('Friday in the morning')).toEqual(['Friday|concrete|2013-02-15|true']);
  });
  it('how says which day and how it was counted', () => {
    const [m] = findDates('the last Friday of October', ctx(TUE13));
    expect(m.how).toBe('the last Friday of October, year from the meeting (Fri 2013-10-25)');
    const [n] = findDates('Friday after next', ctx(TUE13));
    expect(n.how).toBe('the Friday after the coming one, a week later (Fri 2013-02-22)');
    const [o] = findDates('the Friday after Thanksgiving', ctx(TUE13));
    expect(o.how).toBe('the Friday after the holiday Thanksgiving, year from the meeting (Fri 2013-11-29)');
  });
});
