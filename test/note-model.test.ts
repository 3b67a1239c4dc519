import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../core/dates/calendar.js';
import { buildNote } from '../core/model/build-note.js';
import { vocabularyFor } from '../core/vocabulary/languages.js';

const vocabulary = vocabularyFor('en-US');
const note = (text: string, extra: { path?: string; seller?: string[] } = {}) =>
  buildNote(text, { seller: extra.seller ?? [], locale: 'en-US', timezone: 'America/New_York', vocabulary, path: extra.path });

const FM = `---
date: 2026-11-20 10:00
account: Acme Corp
seller: [Dana Lee, Sam Ortiz]
buyer: [Mary Chen, Jim Park]
---
`;

describe('meeting date', () => {
  it('comes from front matter date, with its time', () => {
    const n = note(FM);
    expect(n.meeting.source).toBe('front-matter');
    expect(toIsoDate(n.meeting.date!)).toBe('2026-11-20');
    expect(n.meeting.time).toEqual({ hour: 10, minute: 0 });
  });
  it('comes from a labelled line near the top when there is no front matter', () => {
    const n = note('# Acme call\n\n**Date:** Sept 22, 2026\n\nNotes here.\n');
    expect(n.meeting.source).toBe('label');
    expect(toIsoDate(n.meeting.date!)).toBe('2026-09-22');
  });
  it('comes from the file name as a last resort', () => {
    expect(toIsoDate(note('hello', { path: 'notes/acme_2026-11-20.md' }).meeting.date!)).toBe('2026-11-20');
    expect(toIsoDate(note('hello', { path: '20261120-acme.md' }).meeting.date!)).toBe('2026-11-20');
  });
  it('is absent when nothing names it', () => {
    expect(note('# Call with Acme\n\nWe talked.\n', { path: 'acme.md' }).meeting.source).toBe('none');
  });
});

describe('action items and their owners', () => {
  const items = (body: string, seller?: string[]) => note(FM + body, { seller }).actionItems;

  it('reads task items anywhere, open and done', () => {
    const found = items('Some prose.\n\n- [ ] Mary: send the data\n- [x] Dana: send the deck\n');
    expect(found.map((i) => [i.text, i.done, i.source])).toEqual([
      ['Mary: send the data', false, 'task'],
      ['Dana: send the deck', true, 'task'],
    ]);
  });

  it('reads plain list items only under a next-steps heading or label', () => {
    expect(items('## Notes\n\n- Mary likes us\n')).toEqual([]);
    expect(items('## Next steps\n\n- Mary: intro to Jim\n').map((i) => i.text)).toEqual(['Mary: intro to Jim']);
    expect(items('**Action items:**\n- Jim will share the numbers\n').map((i) => i.text)).toEqual(['Jim will share the numbers']);
  });

  it('reads marker lines and strips the marker', () => {
    expect(items('AI: Mary to book the room\nTODO: send the recap (Dana)\n').map((i) => i.text)).toEqual([
      'Mary to book the room',
      'send the recap (Dana)',
    ]);
  });

  it('reads the rows of an action table with their owner and due cells', () => {
    const found = items('| Action | Owner | Due |\n|---|---|---|\n| Security review | Jim | Dec 3 |\n| Send SOW | Dana | Dec 1 |\n');
    expect(found.map((i) => [i.text, i.side, i.dates.map((d) => d.text)])).toEqual([
      ['Security review', 'buyer', ['Dec 3']],
      ['Send SOW', 'seller', ['Dec 1']],
    ]);
  });

  it.each([
    ['Mary: send the data', 'buyer'],
    ['Mary — send the data', 'buyer'],
    ['@mary send the data', 'buyer'],
    ['Mary to send the data', 'buyer'],
    ['Mary will send the data', 'buyer'],
    ['[Mary] send the data', 'buyer'],
    ['send the data (owner: Mary)', 'buyer'],
    ['send the data — Mary', 'buyer'],
    ['Send the data. Owner: Dana', 'seller'],
    ["We'll send the security answers", 'seller'],
    ['I will send the deck', 'seller'],
    ['They will book the room', 'buyer'],
    ['Acme to sign the NDA', 'buyer'],
    ['Mary & Dana: review the plan', 'joint'],
    ['Both: review the plan', 'joint'],
    ['Kim: sign the NDA', 'buyer'],
    ['Jim sends the template', 'buyer'],
  ])('"%s" belongs to the %s', (text, side) => {
    expect(items(`- [ ] ${text}\n`)[0].side).toBe(side);
  });

  it('does not take a label for an owner', () => {
    const found = items('## Next steps\n\n- Next meeting: TBD\n- Agenda: pricing\n');
    expect(found.map((i) => i.owners)).toEqual([[], []]);
  });

  it('counts a named owner on no roster as unknown when no seller roster exists', () => {
    const n = note('---\ndate: 2026-11-20\n---\n- [ ] Kim: sign the NDA\n');
    expect(n.actionItems[0].side).toBe('unknown');
  });

  it('uses the config roster, @handles and email domains for our side', () => {
    const n = note('---\ndate: 2026-11-20\n---\n- [ ] Pat: send pricing\n- [ ] pat@oursales.com: call legal\n- [ ] Kim: sign\n', {
      seller: ['Pat Doe', '@oursales.com'],
    });
    expect(n.actionItems.map((i) => i.side)).toEqual(['seller', 'seller', 'buyer']);
  });

  it('reads rosters from labelled attendee lines in the body', () => {
    const n = note(
      '---\ndate: 2026-11-20\naccount: Globex\n---\nAttendees: Dana Lee (us), Mary Chen (Globex)\n\n- [ ] Mary: share the numbers\n- [ ] Dana: send the deck\n',
    );
    expect(n.actionItems.map((i) => i.side)).toEqual(['buyer', 'seller']);
  });
});

describe('events', () => {
  const events = (body: string) => note(FM + body).events;

  it('finds a meeting in an action item and gives an owner-less one to both sides', () => {
    const [e] = events('- [ ] Follow-up call Tue Dec 1, 2:00 PM ET\n');
    expect(e.side).toBe('joint');
    expect(toIsoDate(e.when!.date!)).toBe('2026-12-01');
  });

  it('gives an event with an owner that owner’s side', () => {
    expect(events('- [ ] Dana: schedule the demo for Dec 3\n')[0].side).toBe('seller');
  });

  it('finds a proposed meeting in prose', () => {
    const found = events('Can we set up a follow-up call on Friday? She agreed.\n');
    expect(found).toHaveLength(1);
    expect(toIsoDate(found[0].when!.date!)).toBe('2026-11-27');
  });

  it('does not count meetings the client holds without us', () => {
    expect(events('Their board meets next week.\n\nThe spring board meeting is in March.\n')).toEqual([]);
  });

  it('does not count a past meeting told in prose', () => {
    expect(events('In the demo on Nov 2 they loved the reports.\n')).toEqual([]);
  });

  it('takes front matter next_meeting as an event', () => {
    const n = note('---\ndate: 2026-11-20\nnext_meeting: 2026-12-02 14:00\n---\nBody\n');
    expect(n.events[0].source).toBe('front-matter');
    expect(toIsoDate(n.nextEvent!.when!.date!)).toBe('2026-12-02');
  });

  it('picks the earliest upcoming event as the next event', () => {
    const n = note(FM + '- [ ] Workshop Dec 10 at 9am\n- [ ] Demo call Dec 2 at 3pm\n');
    expect(toIsoDate(n.nextEvent!.when!.date!)).toBe('2026-12-02');
  });
});

describe('what is not prose', () => {
  it('ignores code, inline code, HTML and link targets', () => {
    const n = note(
      FM +
        'Call `next week` <span title="maybe"> [docs](https://x.test/next-week) and\n\n```\nfollow up next week\n```\n\n<div>\nmaybe\n</div>\n',
    );
    const text = n.sentences.map((s) => s.text).join(' ');
    expect(text).not.toMatch(/next week|maybe|https/);
    expect(text).toMatch(/docs/);
  });

  it('keeps every sentence offset pointing at the same characters of the note', () => {
    const n = note(FM + '> Mary said: *let us know* by **Friday**.\n\n- [ ] Jim: share [the numbers](http://x.test) soon\n');
    for (const s of n.sentences) {
      for (let i = 0; i < s.text.length; i++) {
        if (s.text[i] !== ' ' && s.text[i] !== '\n') expect(n.text[s.start + i]).toBe(s.text[i]);
      }
    }
  });
});

describe('broken input', () => {
  it('reports invalid YAML at its position and still reads the body', () => {
    const n = note('---\ndate: [2026-11-20\n---\n- [ ] Mary: send data\n');
    expect(n.problems[0].kind).toBe('front-matter');
    expect(n.problems[0].start).toBeGreaterThan(3);
    expect(n.actionItems).toHaveLength(1);
  });

  it('reports an unknown time zone', () => {
    const n = note('---\ndate: 2026-11-20\ntimezone: Mars/Olympus\n---\nx\n');
    expect(n.problems.map((p) => p.kind)).toEqual(['timezone']);
  });
});

describe('pathological nesting', () => {
  it('reads a note of 4,000 nested quotes without overflowing the stack, ignoring what lies deeper than it reads', () => {
    const built = note(`${'>'.repeat(4000)} We will follow up next week.\n\n- [ ] Dana to sign by Fri Dec 4\n`);
    expect(built.actionItems.map((i) => i.text)).toEqual(['Dana to sign by Fri Dec 4']);
  });

  it('still reads action items nested a few levels deep in quotes and lists', () => {
    const built = note('> - outer\n>   - [ ] Dana to sign by Fri Dec 4\n');
    expect(built.actionItems.map((i) => i.text)).toEqual(['Dana to sign by Fri Dec 4']);
  });
});
