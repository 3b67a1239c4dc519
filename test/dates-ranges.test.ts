/** Ranges and alternatives of days read by their first day, the rest noted; no time swallows a day. */
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../core/dates/calendar.js';
import { findDates } from '../core/dates/find-dates.js';
import { FRI, TUE13, WED, ctx, table } from './dates-table.js';

table('a range of days is concrete on its first day; endDate is its last', [
  ['July 13 through 15', TUE13, 'concrete', '2013-07-13', null, { until: '2013-07-15' }],
  ['July 13-15', TUE13, 'concrete', '2013-07-13', null, { until: '2013-07-15' }],
  ['July 13 to 15', TUE13, 'concrete', '2013-07-13', null, { until: '2013-07-15' }],
  ['July 13 thru 15', TUE13, 'concrete', '2013-07-13', null, { until: '2013-07-15' }],
  ['July 13 - July 15', TUE13, 'concrete', '2013-07-13', null, { until: '2013-07-15' }],
  ['from July 13-15', TUE13, 'concrete', '2013-07-13', null, { until: '2013-07-15', text: 'July 13-15' }],
  ['13–15 July', TUE13, 'concrete', '2013-07-13', null, { until: '2013-07-15' }],
  ['from 13 to 15 July', TUE13, 'concrete', '2013-07-13', null, { until: '2013-07-15', text: '13 to 15 July' }],
  ['from 13th to 15th July', TUE13, 'concrete', '2013-07-13', null, { until: '2013-07-15', text: '13th to 15th July' }],
  ['August 27th - 29th', TUE13, 'concrete', '2013-08-27', null, { until: '2013-08-29' }],
  ['23rd to 26th Oct', TUE13, 'concrete', '2013-10-23', null, { until: '2013-10-26' }],
  ['1-8 september', TUE13, 'concrete', '2013-09-01', null, { until: '2013-09-08' }],
  ['12 to 16 september', TUE13, 'concrete', '2013-09-12', null, { until: '2013-09-16' }],
  ['19th To 21st aug', TUE13, 'concrete', '2013-08-19', null, { until: '2013-08-21' }],
  ['Aug 8 - Aug 12', TUE13, 'concrete', '2013-08-08', null, { until: '2013-08-12' }],
  ['Dec 30 - Jan 2', FRI, 'concrete', '2026-12-30', null, { until: '2027-01-02' }],
  ['Dec 7–8', FRI, 'concrete', '2026-12-07', null, { until: '2026-12-08' }],
  ['April 14th and 15th', FRI, 'concrete', '2027-04-14', null, { until: '2027-04-15' }],
  ['March 6 & 7', FRI, 'concrete', '2027-03-06', null, { until: '2027-03-07' }],
  ['July 13-15, 2027', FRI, 'concrete', '2027-07-13', null, { until: '2027-07-15' }],
  ['workshop Jan 15-20', WED, 'concrete', '2027-01-15', null, { until: '2027-01-20', text: 'Jan 15-20' }],
]);

table('days offered as alternatives: the first, the others noted', [
  ['Dec 8 or 9', FRI, 'concrete', '2026-12-08', null, { or: ['2026-12-09'] }],
  ['Dec 8 or 9', TUE13, 'concrete', '2013-12-08', null, { or: ['2013-12-09'] }],
  ['November 29th or 30th', FRI, 'concrete', '2026-11-29', null, { or: ['2026-11-30'] }],
  ['January 1st or 2nd', FRI, 'concrete', '2027-01-01', null, { or: ['2027-01-02'] }],
  ['April 5 / 12', FRI, 'concrete', '2027-04-05', null, { or: ['2027-04-12'] }],
  ['1st or 8th October', TUE13, 'concrete', '2013-10-01', null, { or: ['2013-10-08'] }],
]);

table('no time swallows a day: a part of the day after a date goes with the date', [
  ['Feb 15 in the morning', TUE13, 'concrete', '2013-02-15', null],
  ['Dec 3 in the afternoon', TUE13, 'concrete', '2013-12-03', null],
  ['february the 15th in the morning', TUE13, 'concrete', '2013-02-15', null],
  ['february the 15th', TUE13, 'concrete', '2013-02-15', null],
  ['15 of february in the morning', TUE13, 'concrete', '2013-02-15', null],
  ['the 15th in the afternoon', TUE13, 'concrete', '2013-02-15', null],
  ['Feb 15 at night', TUE13, 'concrete', '2013-02-15', null],
  ['Jan 5 - 6pm', FRI, 'concrete', '2027-01-05', null, { text: 'Jan 5' }],
  ['March 12 evening', FRI, 'concrete', '2027-03-12', null],
]);

table('a day of the month alone, or of next month', [
  ['the 20th of next month', TUE13, 'concrete', '2013-03-20', null],
  ['the 15th of next month', WED, 'concrete', '2026-12-15', null],
  ['on the 15th', TUE13, 'concrete', '2013-02-15', null, { text: 'the 15th' }],
  ['on 13th so we prep', TUE13, 'concrete', '2013-02-13', null, { text: '13th' }],
  ['the 1st', TUE13, 'concrete', '2013-03-01', null],
]);

describe('the rest of a range is only noted', () => {
  it('"July 13 through 15" says so in how', () => {
    const [m] = findDates('July 13 through 15', ctx(TUE13));
    expect(m.how).toBe('calendar date, year from the meeting (Sat 2013-07-13); the first day of a range to Mon 2013-07-15');
  });
  it('"by the first" is the next 1st of a month, beside another date', () => {
    const found = findDates('Send the invoice by the first, then call Friday', ctx(TUE13));
    expect(found.map((m) => [m.text, m.date && toIsoDate(m.date)])).toEqual([
      ['the first', '2013-03-01'],
      ['Friday', '2013-02-15'],
    ]);
  });
  it('a single day has no endDate nor alternatives', () => {
    const [m] = findDates('Dec 8', ctx(FRI));
    expect(m.endDate).toBeUndefined();
    expect(m.alternatives).toBeUndefined();
  });
  it('"Tue Dec 8 or Wed Dec 9": two full dates stay two mentions, each with its written weekday', () => {
    const found = findDates('Tue Dec 8 or Wed Dec 9', ctx(FRI));
    expect(found.map((m) => [m.date && toIsoDate(m.date), m.writtenWeekday])).toEqual([
      ['2026-12-08', 2],
      ['2026-12-09', 3],
    ]);
  });
});
