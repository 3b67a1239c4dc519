/** The table-driven date tests: one phrase, one meeting date, what it must read as. Shared by test/dates-*.test.ts. */
import { describe, expect, it } from 'vitest';
import { parseIsoDate, toIsoDate, type PlainDate } from '../core/dates/calendar.js';
import { findDates } from '../core/dates/find-dates.js';
import type { DateContext, DateKind, DateMention } from '../core/dates/types.js';

/** Reference meetings (weekday in brackets). */
export const TUE13 = '2013-02-12'; // [Tue] the reference of the public corpus the issue measured against
export const FRI = '2026-11-20'; // [Fri] the SPEC's example meeting
export const WED = '2026-11-18'; // [Wed]
export const DEC3 = '2026-12-03'; // [Thu] a week after Thanksgiving 2026

export function day(iso: string): PlainDate {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`bad test date ${iso}`);
  return d;
}

export function ctx(ref: string | null, locale = 'en-US', timezone = 'America/New_York'): DateContext {
  return ref ? { reference: { date: day(ref) }, timezone, locale } : { timezone, locale };
}

export function hhmm(t: DateMention['time']): string | null {
  return t ? `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}` : null;
}

/** What else a row checks: the weekday written with the date (0–6), sureness, the rest of a range, the span, the locale. */
export interface RowExtra {
  weekday?: number;
  sure?: boolean;
  relative?: boolean;
  /** endDate (ISO) of a range of days. */
  until?: string;
  /** alternatives (ISO) of "Dec 8 or 9". */
  or?: string[];
  /** endTime of a range of times. */
  endTime?: string;
  /** The mention's text, when it is not the whole phrase. */
  text?: string;
  locale?: string;
  /** Do not also read the phrase inside a sentence. */
  alone?: boolean;
}

/** [phrase, meeting date, kind, ISO day or null, time or null, extra] */
export type Row = [string, string | null, DateKind, string | null, string | null, RowExtra?];

function check(found: DateMention[], source: string, [phrase, , kind, iso, time, extra = {}]: Row): void {
  expect(found, JSON.stringify(found)).toHaveLength(1);
  const [m] = found;
  expect(m.kind).toBe(kind);
  expect(m.date ? toIsoDate(m.date) : null).toBe(iso);
  expect(hhmm(m.time)).toBe(time);
  expect(m.writtenWeekday).toBe(extra.weekday);
  expect(m.text).toBe(extra.text ?? phrase);
  expect(source.slice(m.start, m.end)).toBe(m.text);
  expect(m.how.length).toBeGreaterThan(5);
  expect(m.sure).toBe(extra.sure ?? true);
  if (extra.relative !== undefined) expect(m.relative).toBe(extra.relative);
  expect(m.endDate ? toIsoDate(m.endDate) : undefined).toBe(extra.until);
  expect(m.alternatives?.map(toIsoDate)).toEqual(extra.or);
  expect(hhmm(m.endTime) ?? undefined).toBe(extra.endTime);
}

/**
 * Each phrase must produce exactly one mention, with this kind, day and time — alone, and inside a
 * note's sentence ("Agreed: <phrase>, with Mary").
 */
export function table(title: string, rows: Row[]): void {
  describe(title, () => {
    it.each(rows)('%s (meeting %s) → %s %s %s', (...row) => {
      const r = row as Row;
      const [phrase, ref, , , , extra = {}] = r;
      const c = ctx(ref, extra.locale);
      check(findDates(phrase, c), phrase, r);
      if (extra.alone) return;
      const sentence = `Agreed: ${phrase}, with Mary`;
      const found = findDates(sentence, c);
      check(found, sentence, r);
    });
  });
}

/** Each phrase produces no mention at all, alone and in a sentence. */
export function noDates(title: string, phrases: string[], ref = FRI): void {
  describe(title, () => {
    it.each(phrases)('%j', (phrase) => {
      expect(findDates(phrase, ctx(ref))).toEqual([]);
      expect(findDates(`Notes: ${phrase}.`, ctx(ref))).toEqual([]);
    });
  });
}

/** Each phrase produces nothing concrete: no day is read into it (a vague mention or none). */
export function noDay(title: string, phrases: string[], ref = FRI): void {
  describe(title, () => {
    it.each(phrases)('%j', (phrase) => {
      const found = findDates(phrase, ctx(ref));
      expect(
        found.filter((m) => m.kind === 'concrete'),
        JSON.stringify(found),
      ).toEqual([]);
    });
  });
}
