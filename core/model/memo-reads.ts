import { findDates } from '../dates/find-dates.js';
import type { DateContext, DateMention } from '../dates/types.js';
import type { Vocabulary } from '../vocabulary/types.js';
import { Generations, type KeptClause, type KeptRoster, type NoteMemo } from './note-memo.js';
import { ownerReader, type OwnerReader } from './owners.js';
import type { RosterIndex } from './rosters.js';
import type { Clause, Owner, Sentence } from './types.js';

/**
 * The roster and owner reader of this lint: the memo's own when the roster reads the same (so that
 * owners found before still point at this roster's people), with each reading kept by its text.
 */
export function memoRoster(
  memo: NoteMemo | undefined,
  roster: RosterIndex,
  vocabulary: Vocabulary,
): { roster: RosterIndex; reader: OwnerReader; kept?: KeptRoster } {
  if (!memo) return { roster, reader: ownerReader(roster, vocabulary) };
  const key = JSON.stringify(roster);
  if (memo.roster?.key !== key || memo.roster.vocabulary !== vocabulary) {
    memo.roster = { key, vocabulary, roster, reader: keptReadings(ownerReader(roster, vocabulary)), clauses: new Generations() };
  }
  return { roster: memo.roster.roster, reader: memo.roster.reader, kept: memo.roster };
}

function keptReadings(reader: OwnerReader): OwnerReader {
  const reads = new Map<string, Owner[]>();
  const lists = new Map<string, Owner[]>();
  return {
    read(text, raw) {
      const key = raw === undefined ? text : `${text}\u0000${raw}`;
      let owners = reads.get(key);
      if (!owners) reads.set(key, (owners = reader.read(text, raw)));
      return [...owners];
    },
    list(text) {
      let owners = lists.get(text);
      if (!owners) lists.set(text, (owners = reader.list(text)));
      return [...owners];
    },
    known: reader.known,
  };
}

/** A unit's dates, read once per text and meeting date (`contextKey`) while the memo keeps them. */
export function memoDates(memo: NoteMemo | undefined, contextKey: string, unit: string, context: DateContext): DateMention[] {
  if (!memo) return findDates(unit, context);
  const key = `${contextKey}\u0000${unit}`;
  let found = memo.dates.get(key);
  if (!found) memo.dates.set(key, (found = findDates(unit, context)));
  return found;
}

/** A sentence's clauses, read once per text, meeting date and everything else the reading looks at. */
export function memoClauses(kept: KeptRoster | undefined, sentence: Sentence, meetingKey: string, read: () => Clause[]): Clause[] {
  if (!kept) return read();
  const at = sentence.start;
  const key = JSON.stringify([
    meetingKey,
    sentence.text,
    sentence.item !== undefined,
    sentence.speaker ?? null,
    sentence.dates.map((d) => ({ ...d, start: d.start - at, end: d.end - at })),
  ]);
  const found = kept.clauses.get(key);
  if (found) return found.map((c) => placed(c, sentence));
  const clauses = read();
  kept.clauses.set(
    key,
    clauses.map((c) => keptClause(c, sentence)),
  );
  return clauses;
}

function keptClause(c: Clause, sentence: Sentence): KeptClause {
  const by = -sentence.start;
  return {
    ...shifted(c, by),
    dates: c.dates === sentence.dates ? 'all' : c.dates.map((d) => sentence.dates.indexOf(d)),
  };
}

function placed(c: KeptClause, sentence: Sentence): Clause {
  return {
    ...shifted(c, sentence.start),
    dates: c.dates === 'all' ? sentence.dates : c.dates.map((i) => sentence.dates[i]),
  };
}

function shifted<T extends Omit<Clause, 'dates'>>(c: T, by: number): T {
  const copy = { ...c, start: c.start + by, end: c.end + by, verbAt: c.verbAt + by };
  copy.followUps = c.followUps.map((f) => ({ ...f, start: f.start + by, end: f.end + by }));
  if (c.subject) copy.subject = { ...c.subject, start: c.subject.start + by, end: c.subject.end + by };
  if (c.hedge) copy.hedge = { ...c.hedge, start: c.hedge.start + by, end: c.hedge.end + by };
  return copy;
}
