import type { Root } from 'mdast';
import type { DateMention } from '../dates/types.js';
import type { Vocabulary } from '../vocabulary/types.js';
import type { OwnerReader } from './owners.js';
import type { RosterIndex } from './rosters.js';
import type { Clause } from './types.js';

/** Values kept from the last lint and the one before: what a lint does not use again is let go. */
export class Generations<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  get(key: string): V | undefined {
    const now = this.current.get(key);
    if (now !== undefined) return now;
    const before = this.previous.get(key);
    if (before !== undefined) this.current.set(key, before);
    return before;
  }

  set(key: string, value: V): void {
    this.current.set(key, value);
  }

  rotate(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** A sentence's clauses as kept: offsets from the sentence's start, dates as indexes into its dates. */
export type KeptClause = Omit<Clause, 'dates'> & { dates: number[] | 'all' };

/** The roster a lint read, with its owner reader; the clause readings made with it. */
export interface KeptRoster {
  key: string;
  vocabulary: Vocabulary;
  roster: RosterIndex;
  reader: OwnerReader;
  clauses: Generations<KeptClause[]>;
}

/**
 * What the lints of one open document read (docs/design.md, "Speed"): the parse of each section, the
 * dates of each sentence, the roster's owner readings and each sentence's clauses, keyed by their
 * text and by everything else they are read against (the meeting date, the roster). The next
 * version's lint reads again only what an edit changed; its results are exactly a fresh lint's.
 * One memo per document.
 */
export class NoteMemo {
  readonly sections = new Generations<Root>();
  readonly dates = new Generations<DateMention[]>();
  roster?: KeptRoster;

  /** A lint is done: what it did not use is forgotten at the next one. */
  endLint(): void {
    this.sections.rotate();
    this.dates.rotate();
    this.roster?.clauses.rotate();
  }
}
