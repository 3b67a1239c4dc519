import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../core/dates/calendar.js';
import type { Side } from '../../core/model/types.js';
import { FM, noteOf } from '../helpers/note.js';

/** The action items of a note whose "## Notes" section is this prose. */
const itemsOf = (prose: string) => noteOf(`${FM}# Acme — discovery\n\n## Notes\n\n${prose}\n`).actionItems;

describe('a commitment written as prose is an action item', () => {
  it.each<[string, string, Side, string | undefined]>([
    ['Jim to check the budget with the CFO tomorrow.', 'Jim', 'buyer', '2026-11-21'],
    ['Mary will bring Jim to the next call.', 'Mary', 'buyer', undefined],
    ["We'll send the SOW by Fri Nov 27.", 'We', 'seller', '2026-11-27'],
    ['Mary agreed to share the floor plans by Wed Nov 25.', 'Mary', 'buyer', '2026-11-25'],
    ['Jim committed to sending the security questionnaire by Dec 2.', 'Jim', 'buyer', '2026-12-02'],
    ['Mary promised to loop in legal.', 'Mary', 'buyer', undefined],
    ['They are going to loop in procurement.', 'They', 'buyer', undefined],
    ['I will send the recap tonight.', 'I', 'seller', '2026-11-20'],
    ['Dana -> send the security answers by Tue Nov 24.', 'Dana', 'seller', '2026-11-24'],
  ])('"%s" is %s’s (%s), due %s', (sentence, owner, side, due) => {
    const found = itemsOf(sentence);
    expect(found).toHaveLength(1);
    const [item] = found;
    expect(item.source).toBe('prose');
    expect(item.done).toBe(false);
    expect(item.owners.map((o) => o.text)).toEqual([owner]);
    expect(item.side).toBe(side);
    expect(item.dueDates.map((d) => toIsoDate(d.date!))).toEqual(due ? [due] : []);
  });

  it('takes the account for the client: "Acme will sign the NDA next week"', () => {
    const [item] = itemsOf('Acme will sign the NDA next week.');
    expect([item.owners[0].text, item.side, item.dueDates.map((d) => d.kind)]).toEqual(['Acme', 'buyer', ['vague']]);
  });

  it('reads each promise of a sentence on its own, with its own date', () => {
    const found = itemsOf(
      'Mary wants onboarding under two weeks. Jim will share the ticket counts by Mon Nov 23, and we will send the SOW by Fri Nov 27.',
    );
    expect(found.map((i) => [i.text, i.side, i.dueDates.map((d) => toIsoDate(d.date!))])).toEqual([
      ['Jim will share the ticket counts by Mon Nov 23', 'buyer', ['2026-11-23']],
      ['we will send the SOW by Fri Nov 27.', 'seller', ['2026-11-27']],
    ]);
  });

  it('does not count a task item’s promise a second time as prose', () => {
    const n = noteOf(`${FM}- [ ] Jim will share the numbers by Fri Dec 4\n`);
    expect(n.actionItems.map((i) => i.source)).toEqual(['task']);
  });
});

describe('prose that commits no one is not an action item', () => {
  it.each([
    ['past narration', 'Jim checked the budget with the CFO.'],
    ['past narration with a date', 'Jim sent the ticket counts last week.'],
    ['a condition', 'If they like the pilot, they will expand to two more sites.'],
    ['a question', 'Will Mary bring Jim to the next call?'],
    ['a negation', 'Mary will not join the pilot.'],
    ['a negated promise with a condition', 'We will not send pricing until the scope is final.'],
    ['an invitation', 'Feel free to reach out with any questions.'],
    ['a proposal', "Let's touch base on the redlines."],
    ['a reported request', 'Mary asked if we could reconnect in a few weeks.'],
    ['a statement of taste', 'Mary likes the tenant app.'],
    ['a passive with no one doing it', 'It will be discussed at the board.'],
    ['a promise made to the reader', 'You will get the deck tomorrow.'],
  ])('%s: "%s"', (_what, sentence) => {
    expect(itemsOf(sentence)).toEqual([]);
  });

  it('is not a heading that reads like a promise', () => {
    expect(noteOf(`${FM}## Mary will send the plan\n\nText.\n`).actionItems).toEqual([]);
  });
});
