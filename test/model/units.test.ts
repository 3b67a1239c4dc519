import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../core/dates/calendar.js';
import type { Side } from '../../core/model/types.js';
import { FM, noteOf } from '../helpers/note.js';

/** The action items of a sales note on Fri Nov 20, 2026 with Dana (us) and Mary and Jim (Acme). */
const itemsOf = (body: string) => noteOf(FM + body).actionItems;
const itemNamed = (body: string, text: string) => {
  const item = itemsOf(body).find((i) => i.text === text);
  if (!item) throw new Error(`no action item reads ${JSON.stringify(text)}`);
  return item;
};

describe('which lines are action items', () => {
  it('reads task items in any section, open and done', () => {
    const found = itemsOf(
      '## Notes\n\nMary wants onboarding under two weeks.\n\n- [ ] Jim: send the ticket counts\n- [x] Dana: send the deck\n',
    );
    expect(found.map((i) => [i.text, i.source, i.done])).toEqual([
      ['Jim: send the ticket counts', 'task', false],
      ['Dana: send the deck', 'task', true],
    ]);
  });

  it('reads plain list items under "## Next steps", but not under "## Notes"', () => {
    expect(itemsOf('## Notes\n\n- Mary likes the tenant app\n- The pilot covers two sites\n')).toEqual([]);
    const found = itemsOf('## Next steps\n\n- Mary to share the floor plans\n- Jim -> book the IT review\n');
    expect(found.map((i) => [i.text, i.source])).toEqual([
      ['Mary to share the floor plans', 'list'],
      ['Jim -> book the IT review', 'list'],
    ]);
  });

  it('reads the plain lines of a short paragraph under "## Next steps" as items', () => {
    const found = itemsOf('## Next steps\n\nMary to share the floor plans\nDana to send the SOW by Tue Nov 24\n');
    expect(found.map((i) => [i.text, i.side])).toEqual([
      ['Mary to share the floor plans', 'buyer'],
      ['Dana to send the SOW by Tue Nov 24', 'seller'],
    ]);
  });

  it('reads the list under a bold "**Action items:**" label', () => {
    const found = itemsOf('Good call overall.\n\n**Action items:**\n- Jim will share the numbers\n- Dana: send the deck\n');
    expect(found.map((i) => [i.text, i.source, i.side])).toEqual([
      ['Jim will share the numbers', 'list', 'buyer'],
      ['Dana: send the deck', 'list', 'seller'],
    ]);
  });

  it.each([
    ['AI: Mary to book the room', 'Mary to book the room', 'Mary'],
    ['Action: Jim to send the ticket counts', 'Jim to send the ticket counts', 'Jim'],
    ['TODO: send the recap (Dana)', 'send the recap (Dana)', 'Dana'],
    ['Next step: Jim to book the IT review', 'Jim to book the IT review', 'Jim'],
    ['Follow-up: Mary to confirm the budget', 'Mary to confirm the budget', 'Mary'],
  ])('reads the marker line "%s" anywhere, without its marker', (line, text, owner) => {
    const found = itemsOf(`## Notes\n\n${line}\n`);
    expect(found.map((i) => [i.text, i.source, i.owners.map((o) => o.text)])).toEqual([[text, 'marker', [owner]]]);
  });
});

describe('the owner an item names', () => {
  it.each<[string, string, Side]>([
    ['Mary: send the data', 'Mary', 'buyer'],
    ['Mary -> send the data', 'Mary', 'buyer'],
    ['Mary → send the data', 'Mary', 'buyer'],
    ['**Mary** send the data', 'Mary', 'buyer'],
    ['send the data (Mary)', 'Mary', 'buyer'],
    ['@mary send the data', '@mary', 'buyer'],
    ['Mary to send the data', 'Mary', 'buyer'],
    ['Dana → send the deck', 'Dana', 'seller'],
    ['**Dana** send the deck', 'Dana', 'seller'],
    ['send the deck (Dana)', 'Dana', 'seller'],
    ['@dana send the deck', '@dana', 'seller'],
  ])('"%s" is owned by %s (%s)', (text, owner, side) => {
    const [item] = itemsOf(`- [ ] ${text}\n`);
    expect(item.owners.map((o) => o.text)).toEqual([owner]);
    expect(item.side).toBe(side);
  });

  it('ties an owner to the roster person, whatever the case or handle', () => {
    const found = itemsOf('- [ ] mary: send the data\n- [ ] JIM PARK: sign the NDA\n- [ ] @jimpark book the room\n');
    expect(found.map((i) => i.owners[0].person?.name)).toEqual(['Mary Chen', 'Jim Park', 'Jim Park']);
  });
});

describe('owner groups, as AI note-takers export them', () => {
  it('gives every item of the list under a bold name line to that person', () => {
    const body = '## Next steps\n\n**Jim Park**\n- Send the SOC 2 report\n- Share the ticket counts\n\n**Dana Lee**\n- Send the SOW\n';
    expect(itemNamed(body, 'Send the SOC 2 report').owners.map((o) => [o.text, o.side])).toEqual([['Jim Park', 'buyer']]);
    expect(itemNamed(body, 'Share the ticket counts').owners.map((o) => [o.text, o.side])).toEqual([['Jim Park', 'buyer']]);
    expect(itemNamed(body, 'Send the SOW').owners.map((o) => [o.text, o.side])).toEqual([['Dana Lee', 'seller']]);
  });

  it('gives the list under a "Name:" line to that person, and the line itself is no item', () => {
    const found = itemsOf('## Action items\n\nMary Chen:\n- Book the workshop room\n- Invite the CFO\n');
    expect(found.map((i) => [i.text, i.owners.map((o) => o.text), i.side])).toEqual([
      ['Book the workshop room', ['Mary Chen'], 'buyer'],
      ['Invite the CFO', ['Mary Chen'], 'buyer'],
    ]);
  });

  it('gives the sub-items of a "- Mary:" item to Mary', () => {
    const found = itemsOf('## Next steps\n\n- Mary:\n  - Book the room\n  - Invite the CFO\n');
    expect(found.map((i) => [i.text, i.side])).toEqual([
      ['Book the room', 'buyer'],
      ['Invite the CFO', 'buyer'],
    ]);
  });

  it('gives the items under a person’s heading inside next steps to that person', () => {
    const found = itemsOf('## Action items\n\n### Jim Park\n\n- Send the SOC 2 report\n\n### Dana Lee\n\n- Send the SOW\n');
    expect(found.map((i) => [i.text, i.side])).toEqual([
      ['Send the SOC 2 report', 'buyer'],
      ['Send the SOW', 'seller'],
    ]);
  });
});

describe('"Name: text" lines are speech outside next steps', () => {
  const speech = 'Mary: onboarding has to be under two weeks.\nJim: security is the blocker for the pilot.\n';

  it('reads them as the speaker’s words, not as action items, under "## Notes"', () => {
    const n = noteOf(`${FM}## Notes\n\n${speech}`);
    expect(n.actionItems).toEqual([]);
    expect(n.sentences.filter((s) => !s.heading).map((s) => [s.speaker?.text, s.speaker?.side])).toEqual([
      ['Mary', 'buyer'],
      ['Jim', 'buyer'],
    ]);
  });

  it('reads the same lines under "## Next steps" as the owners’ items', () => {
    const found = itemsOf('## Next steps\n\nMary: share the floor plans\nDana: send the SOW\n');
    expect(found.map((i) => [i.text, i.source, i.side])).toEqual([
      ['Mary: share the floor plans', 'list', 'buyer'],
      ['Dana: send the SOW', 'list', 'seller'],
    ]);
  });

  it('still reads a task item or a marker line among speech as an action item', () => {
    const found = itemsOf('## Notes\n\nMary: we need SSO.\n\n- [ ] Mary: send the SSO docs\n\nAI: Jim to loop in IT\n');
    expect(found.map((i) => [i.text, i.source])).toEqual([
      ['Mary: send the SSO docs', 'task'],
      ['Jim to loop in IT', 'marker'],
    ]);
  });

  it('reads a speech line that commits as the speaker’s promise: "I" is the speaker', () => {
    const found = itemsOf('## Notes\n\nMary: I will send the floor plans by Tue Nov 24.\nJim: security is the blocker.\n');
    expect(found.map((i) => [i.text, i.source, i.side])).toEqual([['I will send the floor plans by Tue Nov 24.', 'prose', 'buyer']]);
  });
});

describe('rows of an action table', () => {
  const table =
    '| Milestone | Owner | Date | Status |\n|---|---|---|---|\n' +
    '| Security review | Jim | TBD | open |\n| Send SOW | Dana | ? | open |\n| Pilot plan | Mary | - | open |\n' +
    '| Legal redlines | Mary |  | open |\n| Signed order form | Mary | Dec 18 | done |\n';

  it.each([
    ['Security review', 'TBD'],
    ['Send SOW', '?'],
    ['Pilot plan', '-'],
    ['Legal redlines', ''],
  ])('reads the "%s" row’s date cell "%s" as one vague date, not a missing one', (action, cell) => {
    const item = itemNamed(table, action);
    expect(item.source).toBe('table');
    expect(item.dates.map((d) => [d.text, d.kind])).toEqual([[cell, 'vague']]);
    expect(item.dueDates).toHaveLength(1);
  });

  it('reads a dated row’s owner, day and done status', () => {
    const item = itemNamed(table, 'Signed order form');
    expect([item.side, item.done, item.dates.map((d) => toIsoDate(d.date!))]).toEqual(['buyer', true, ['2026-12-18']]);
  });
});

describe('an owner group’s name line', () => {
  it('"**Jim Park**" above his items is no item of its own', () => {
    const n = noteOf(`${FM}## Next steps\n\n**Jim Park**\n- Send the SOC 2 report\n`);
    expect(n.actionItems.map((i) => [i.text, i.owners.map((o) => o.text), i.side])).toEqual([
      ['Send the SOC 2 report', ['Jim Park'], 'buyer'],
    ]);
  });
});

describe('what of a line is prose', () => {
  const sentenceHolding = (body: string, needle: string) => {
    const s = noteOf(FM + body).sentences.find((x) => x.text.includes(needle));
    if (!s) throw new Error(`no sentence holds ${JSON.stringify(needle)}`);
    return s.text;
  };

  it('blanks a bare URL, keeping the words around it and every offset', () => {
    const body = '## Notes\n\nSee https://example.com/follow-up-next-week?x=1). and www.acme.com/plan, then decide.\n';
    const text = sentenceHolding(body, 'See');
    expect(text).not.toMatch(/example|follow|acme/);
    expect(text).toMatch(/^See +\)\. and +, then decide\.$/);
    expect(text.length).toBe('See https://example.com/follow-up-next-week?x=1). and www.acme.com/plan, then decide.'.length);
  });

  it('never reads the words of a bare URL as a vague follow-up', () => {
    const note = noteOf(FM + '## Next steps\n\n- [ ] Mary: read https://acme.com/follow-up-next-week by Tue Nov 24\n');
    expect(note.actionItems[0].clauses.flatMap((c) => c.followUps)).toEqual([]);
  });

  it('keeps an email address, which often names the owner', () => {
    expect(sentenceHolding('## Notes\n\nWrite to mary@acme.com about the pilot.\n', 'Write')).toContain('mary@acme.com');
  });

  it('reads struck-through words without their ~~ markers', () => {
    expect(sentenceHolding('## Notes\n\n~~Jim to send the counts~~ done.\n', 'Jim')).toBe('  Jim to send the counts   done.'.trim());
  });
});
