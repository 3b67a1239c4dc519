import { describe, expect, it } from 'vitest';
import type { Note, Side } from '../../core/model/types.js';
import { FM, noteOf } from '../helpers/note.js';

const names = (n: Note) => ({ seller: n.roster.seller.map((p) => p.name), buyer: n.roster.buyer.map((p) => p.name) });
const sides = (n: Note) => n.actionItems.map((i) => i.side);

describe('the sides from front matter', () => {
  it('reads seller and buyer', () => {
    expect(names(noteOf(FM))).toEqual({ seller: ['Dana Lee'], buyer: ['Mary Chen', 'Jim Park'] });
  });

  it.each([
    ['us / them', 'us: [Dana Lee]\nthem: [Mary Chen]'],
    ['team / client', 'team: Dana Lee, Sam Ortiz\nclient: Mary Chen'],
    ['attendees: {seller, buyer}', 'attendees:\n  seller: [Dana Lee]\n  buyer: [Mary Chen]'],
  ])('reads the aliases %s', (_what, yaml) => {
    const n = noteOf(`---\ndate: 2026-11-20\n${yaml}\n---\n- [ ] Mary: share the floor plans\n- [ ] Dana: send the deck\n`);
    expect(n.roster.seller[0].name).toBe('Dana Lee');
    expect(n.roster.buyer.map((p) => p.name)).toEqual(['Mary Chen']);
    expect(sides(n)).toEqual(['buyer', 'seller']);
  });
});

describe('the sides from labelled lines in the body', () => {
  it('reads "**Us:** Dana, Sam" and "**Customer:** Kim Lee (IT)"', () => {
    const n = noteOf(
      '---\ndate: 2026-11-20\naccount: Acme Corp\n---\n**Us:** Dana, Sam\n**Customer:** Kim Lee (IT)\n\n- [ ] Sam: send the deck\n- [ ] Kim: sign the NDA\n',
    );
    expect(names(n)).toEqual({ seller: ['Dana', 'Sam'], buyer: ['Kim Lee'] });
    expect(sides(n)).toEqual(['seller', 'buyer']);
  });

  it('reads a line labelled with the account’s name as the client’s people', () => {
    const n = noteOf(
      '---\ndate: 2026-11-20\naccount: Acme\n---\n**Acme:** Kim Lee, Raj Patel\n**Us:** Dana\n\n- [ ] Raj: sign the order form\n',
    );
    expect(names(n)).toEqual({ seller: ['Dana'], buyer: ['Kim Lee', 'Raj Patel'] });
    expect(sides(n)).toEqual(['buyer']);
  });

  it('reads "Attendees: Dana Lee (us), Mary Chen (Globex)" by the side in parentheses', () => {
    const n = noteOf(
      '---\ndate: 2026-11-20\naccount: Globex\n---\nAttendees: Dana Lee (us), Mary Chen (Globex)\n\n- [ ] Mary: share the numbers\n- [ ] Dana: send the deck\n',
    );
    expect(names(n)).toEqual({ seller: ['Dana Lee'], buyer: ['Mary Chen'] });
    expect(sides(n)).toEqual(['buyer', 'seller']);
  });
});

describe('the config’s seller roster', () => {
  it('knows our team by name, @handle and email domain; anyone else is the client', () => {
    const n = noteOf(
      '---\ndate: 2026-11-20\n---\n- [ ] Pat: send pricing\n- [ ] @pdoe: book the room\n- [ ] pat@oursales.com: call legal\n- [ ] kim@acme.com: sign\n- [ ] Kim: sign the NDA\n',
      { seller: ['Pat Doe (@pdoe)', '@oursales.com'] },
    );
    expect(sides(n)).toEqual(['seller', 'seller', 'seller', 'buyer', 'buyer']);
    expect(n.actionItems[1].owners[0].person?.name).toBe('Pat Doe');
  });

  it('without any seller roster, a named owner on no roster is of unknown side', () => {
    expect(sides(noteOf('---\ndate: 2026-11-20\n---\n- [ ] Kim: sign the NDA\n'))).toEqual(['unknown']);
  });
});

describe('pronouns', () => {
  it.each<[string, Side]>([
    ['We will send the SOW', 'seller'],
    ['I will send the deck', 'seller'],
    ['They will book the room', 'buyer'],
    ['The client will confirm the budget', 'buyer'],
    ['Acme to sign the NDA', 'buyer'],
    ['Both: review the plan', 'joint'],
    ['Together: walk through the proposal', 'joint'],
    ['Everyone: read the draft', 'joint'],
  ])('"%s" belongs to the %s', (text, side) => {
    expect(sides(noteOf(`${FM}- [ ] ${text}\n`))).toEqual([side]);
  });
});

describe('the speakers of a transcript', () => {
  it('are people of the meeting', () => {
    const n = noteOf('---\ndate: 2026-11-20\n---\n## Transcript\n\nLina Haddad: Thanks for joining.\nOmar Saleh: Happy to be here.\n');
    expect(n.roster.attendees.map((p) => p.name)).toEqual(['Lina Haddad', 'Omar Saleh']);
  });

  it('are the client when they are on no seller roster, and their "we" is theirs', () => {
    const n = noteOf(
      '---\ndate: 2026-11-20\nseller: [Dana Lee]\n---\n## Transcript\n\nDana Lee: Thanks for joining.\nOmar Saleh: Happy to be here. We will send the floor plans.\n',
    );
    const spoken = n.sentences.filter((s) => s.speaker).map((s) => [s.speaker!.text, s.speaker!.side]);
    expect(spoken).toEqual([
      ['Dana Lee', 'seller'],
      ['Omar Saleh', 'buyer'],
      ['Omar Saleh', 'buyer'],
    ]);
    expect(n.actionItems.map((i) => [i.text, i.side])).toEqual([['We will send the floor plans.', 'buyer']]);
  });
});
