import { describe, expect, it } from 'vitest';
import { FM, noteOf } from '../helpers/note.js';

/** Every date of a task item, and the ones that say when it is due. */
const datesOf = (text: string) => {
  const [item] = noteOf(`${FM}- [ ] ${text}\n`).actionItems;
  return { dates: item.dates.map((d) => d.text), due: item.dueDates.map((d) => d.text) };
};

describe('an item’s due dates', () => {
  it.each([
    ["Mary: share last quarter's numbers by Fri Dec 4", ['Fri Dec 4'], ['Fri Dec 4']],
    ['Jim: send the results since March by Tue Dec 1', ['March', 'Tue Dec 1'], ['Tue Dec 1']],
    ['Dana: share the Q4 OKR planning doc by Wed Nov 25', ['Q4', 'Wed Nov 25'], ['Wed Nov 25']],
    ['Jim: deliver the FY26 budget by Dec 10', ['FY26', 'Dec 10'], ['Dec 10']],
    ['Jim: send the Q4 forecast in Q1', ['Q4', 'Q1'], ['Q1']],
    ['Dana: send the notes from the Oct 3 call by Monday', ['Oct 3', 'Monday'], ['Monday']],
    ['Mary: send the numbers as of Oct 31 by Friday', ['Oct 31', 'Friday'], ['Friday']],
    ["Mary: send Tuesday's recording by Friday", ['Tuesday', 'Friday'], ['Friday']],
  ])('"%s": dates %j, due %j', (text, dates, due) => {
    expect(datesOf(text)).toEqual({ dates, due });
  });

  it('keeps a period named after "by" as the due date: "send the SOW by Q4"', () => {
    expect(datesOf('Mary: send the SOW by Q4').due).toEqual(['Q4']);
  });

  it('does not take an item’s start-date label for its due date: "[2021-03-17]: Taylor to close the RFC"', () => {
    expect(datesOf('[2021-03-17]: Taylor to close the RFC')).toEqual({ dates: ['2021-03-17'], due: [] });
    expect(datesOf('[2026-11-18]: Taylor to close the RFC by Fri Dec 4').due).toEqual(['Fri Dec 4']);
  });

  it('leaves a topic date out of a prose commitment’s due dates too', () => {
    const n = noteOf(`${FM}Mary will share the results since March by Tue Dec 1.\n`);
    expect(n.actionItems.map((i) => [i.source, i.dueDates.map((d) => d.text)])).toEqual([['prose', ['Tue Dec 1']]]);
  });

  it('reads a table’s due cell as the row’s due date', () => {
    const n = noteOf(`${FM}| Action | Owner | Due |\n|---|---|---|\n| Share last quarter's numbers | Mary | 12/4 |\n`);
    expect(n.actionItems[0].dueDates.map((d) => d.text)).toEqual(['12/4']);
  });
});
