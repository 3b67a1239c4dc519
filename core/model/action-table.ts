import type { DateMention } from '../dates/types.js';
import type { Vocabulary } from '../vocabulary/types.js';
import type { Block } from './blocks.js';
import type { OwnerReader } from './owners.js';
import type { Owner } from './types.js';

/** One row of an action table, for the items pass to turn into an action item. */
export interface TableRow {
  /** The action cell. */
  start: number;
  text: string;
  owners: Owner[];
  /** The due cell's dates; a "TBD", "?", "-" or empty due cell is one vague date. */
  dates: DateMention[];
  done: boolean;
}

/**
 * A mutual-action-plan style table (docs/design.md, "Action items"): a header that names an action column and an owner
 * or date column. Returns undefined for any other table (its cells are prose).
 */
export function readActionTable(
  block: Extract<Block, { kind: 'table' }>,
  reader: OwnerReader,
  vocabulary: Vocabulary,
  datesIn: (start: number, text: string) => DateMention[],
): TableRow[] | undefined {
  const header = block.rows[0]?.map((c) => c.text.trim().replace(/\s+/g, ' ').toLowerCase()) ?? [];
  const column = (cat: string) => header.findIndex((h) => vocabulary.words(cat).some((w) => w.toLowerCase() === h));
  const action = column('tableActionHeaders');
  const owner = column('tableOwnerHeaders');
  const due = column('tableDueHeaders');
  const status = column('tableStatusHeaders');
  if (action < 0 || (owner < 0 && due < 0)) return undefined;
  const doneWords = vocabulary.words('doneStatuses').map((w) => w.toLowerCase());
  const undated = vocabulary.words('emptyDateCells').map((w) => w.toLowerCase());
  const rows: TableRow[] = [];
  for (const row of block.rows.slice(1)) {
    const cell = row[action];
    if (!cell || !cell.text.trim()) continue;
    const owners = owner >= 0 && row[owner] ? reader.list(row[owner].text.trim()) : [];
    const dueCell = due >= 0 ? row[due] : undefined;
    let dates: DateMention[] = [];
    if (dueCell) {
      const value = dueCell.text.trim();
      if (value === '' || undated.includes(value.toLowerCase())) {
        const at = dueCell.start + dueCell.text.indexOf(value);
        dates = [{ start: at, end: at + value.length, text: value, kind: 'vague', relative: false, how: 'no day in the date column' }];
      } else {
        // A Due cell is date context by itself: read "12/1" there as "by 12/1".
        dates = datesIn(dueCell.start - 3, `by ${dueCell.text}`).filter((d) => d.start >= dueCell.start);
      }
    }
    const done = status >= 0 && row[status] ? doneWords.includes(row[status].text.trim().toLowerCase()) : false;
    rows.push({ start: cell.start, text: cell.text, owners, dates, done });
  }
  return rows;
}
