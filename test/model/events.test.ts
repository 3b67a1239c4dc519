import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../core/dates/calendar.js';
import type { MeetingEvent } from '../../core/model/types.js';
import { FM, noteOf } from '../helpers/note.js';

const day = (e: MeetingEvent | undefined) => (e?.when?.date ? toIsoDate(e.when.date) : undefined);
const eventsOf = (body: string) => noteOf(FM + body).events;

describe('what is an event', () => {
  it.each([
    ['Security review Tue Dec 1', '2026-12-01'],
    ['Pricing session Wed Dec 2 at 10am', '2026-12-02'],
    ['Integration call Thu Dec 3', '2026-12-03'],
    ['Onboarding session Dec 8', '2026-12-08'],
  ])('a "<topic> review/call/session" item: "%s" on %s, owned by both sides', (text, date) => {
    const events = eventsOf(`## Next steps\n\n- [ ] ${text}\n`);
    expect(events.map((e) => [e.text, e.source, e.side, day(e), e.upcoming])).toEqual([[text, 'item', 'joint', date, true]]);
    expect(events[0].item?.isEvent).toBe(true);
  });

  it('takes "Design review Thu Nov 12 at 3pm" as the next event of a Nov 9 meeting, with its time', () => {
    const n = noteOf(`${FM.replace('2026-11-20', '2026-11-09')}## Next steps\n\n- [ ] Design review Thu Nov 12 at 3pm\n`);
    expect(day(n.nextEvent)).toBe('2026-11-12');
    expect(n.nextEvent?.when?.time).toEqual({ hour: 15, minute: 0 });
  });

  it('reads a meeting booked in the story as an event', () => {
    const n = noteOf(`${FM}## Notes\n\nMary opened her calendar and we booked Thu Dec 10, 2pm.\n`);
    expect(n.events.map(day)).toContain('2026-12-10');
    expect(day(n.nextEvent)).toBe('2026-12-10');
  });

  it('reads "Next meeting: TBD" as an event with a vague date and no owner, so there is no next event', () => {
    const n = noteOf(`${FM}## Next steps\n\n- Next meeting: TBD\n`);
    expect(n.events).toHaveLength(1);
    const [e] = n.events;
    expect([e.owners, e.side, e.when, e.upcoming]).toEqual([[], 'joint', undefined, false]);
    expect(e.dates.map((d) => [d.text, d.kind])).toEqual([['TBD', 'vague']]);
    expect(n.nextEvent).toBeUndefined();
  });

  it('reads front matter next_meeting as an event', () => {
    const n = noteOf(`${FM.replace('account:', 'next_meeting: 2026-12-07 14:00\naccount:')}## Next steps\n\n- [ ] Workshop Dec 10\n`);
    expect(n.nextEvent?.source).toBe('front-matter');
    expect(day(n.nextEvent)).toBe('2026-12-07');
  });
});

describe('what is not an event', () => {
  it('leaves out our side’s own meetings: internal prep, no customer, a sync with sellers only', () => {
    const n = noteOf(
      `${FM}## Next steps\n\n- [ ] Internal prep call Mon Nov 30\n- [ ] Demo dry run (no customer) Tue Dec 1\n- [ ] Sync with Dana on Tue Nov 24\n- [ ] Workshop with Mary and Jim Thu Dec 3\n`,
    );
    expect(n.events.map((e) => e.text)).toEqual(['Workshop with Mary and Jim Thu Dec 3']);
    expect(day(n.nextEvent)).toBe('2026-12-03');
    expect(n.actionItems.slice(0, 3).map((i) => [i.isEvent, i.side])).toEqual([
      [false, 'seller'],
      [false, 'seller'],
      [false, 'seller'],
    ]);
  });

  it('leaves out the note’s own title: "# Acme — notes from Thursday\'s call"', () => {
    const n = noteOf("---\ndate: 2026-11-19\nseller: [Dana Lee]\n---\n# Acme — notes from Thursday's call\n\nMary likes the tenant app.\n");
    expect(n.events).toEqual([]);
    expect(n.nextEvent).toBeUndefined();
  });

  it('leaves out the judged section’s own heading in a running log', () => {
    const n = noteOf(
      '---\naccount: Acme Corp\nseller: [Dana Lee]\nbuyer: [Mary Chen]\n---\n' +
        '## 2026-11-18 — discovery call\n\n- [ ] Demo call Dec 1 at 2pm\n\n' +
        '## 2026-12-01 — demo call\n\n- [ ] Mary: send the PO by Fri Dec 4\n- [ ] Pricing review Tue Dec 8 at 11am\n',
    );
    expect(n.events.map((e) => [e.text, e.meeting])).toEqual([
      ['Demo call Dec 1 at 2pm', 0],
      ['Pricing review Tue Dec 8 at 11am', 1],
    ]);
    expect(n.nextEvent?.text).toBe('Pricing review Tue Dec 8 at 11am');
  });

  it('has no next event in a log whose judged section only names itself', () => {
    const n = noteOf(
      '---\naccount: Acme Corp\nseller: [Dana Lee]\nbuyer: [Mary Chen]\n---\n# Acme — account log\n\n' +
        '## 2026-11-18 — discovery call\n\n- [ ] Mary: share the floor plans\n\n## 2026-12-01 — pricing review\n\n- [ ] Mary: send the PO by Fri Dec 4\n',
    );
    expect(n.events).toEqual([]);
    expect(n.nextEvent).toBeUndefined();
  });

  it.each([
    ['Their board meeting is on Dec 15.'],
    ['Their board meets next week.'],
    ['Their team offsite is on Dec 8.'],
    ['The spring board meeting is in March.'],
    ['In the demo on Nov 2 they loved the reports.'],
    ["In today's call Mary asked for SSO."],
  ])('"%s" is no event of ours', (sentence) => {
    expect(eventsOf(`## Notes\n\n${sentence}\n`)).toEqual([]);
  });
});

describe('the next event', () => {
  it('is the earliest event dated on or after the meeting date; the meeting’s own day counts', () => {
    const n = noteOf(`${FM}## Next steps\n\n- [ ] Workshop Dec 10\n- [ ] Kickoff call Tue Nov 17\n- [ ] Demo call Fri Nov 20 at 4pm\n`);
    expect(n.events.map((e) => [day(e), e.upcoming])).toEqual([
      ['2026-12-10', true],
      ['2026-11-17', false],
      ['2026-11-20', true],
    ]);
    expect(n.nextEvent?.text).toBe('Demo call Fri Nov 20 at 4pm');
  });

  it('is the earliest upcoming one whatever the order of the list', () => {
    const n = noteOf(
      `${FM}## Next steps\n\n- [ ] Design review Thu Dec 3 at 3pm\n- [ ] Pricing call Tue Dec 1 at 10am\n- [ ] Onboarding session Dec 8\n`,
    );
    expect([n.nextEvent?.text, day(n.nextEvent)]).toEqual(['Pricing call Tue Dec 1 at 10am', '2026-12-01']);
  });
});

describe('who an event belongs to', () => {
  const SELLERS = FM.replace('seller: [Dana Lee]', 'seller: [Dana Lee, Sam Ortiz]');
  it.each([['- [ ] Call with Sam Mon Nov 23\n'], ['- [ ] Dana: sync with Sam Tue Nov 24\n']])(
    'a meeting with only our side, its day right after the names, is no event: %j',
    (body) => {
      expect(noteOf(`${SELLERS}## Next steps\n${body}`).events).toEqual([]);
    },
  );
  it('a promise to book a meeting is the owner’s task, one event on that side', () => {
    const events = eventsOf('We will schedule the onsite for Dec 9.\n');
    expect(events.map((e) => [e.source, e.side])).toEqual([['item', 'seller']]);
  });
  it('a meeting the client will attend, written as their promise, is also a meeting of both sides', () => {
    const events = eventsOf('Mary will meet us on Dec 9.\n');
    expect(events.map((e) => e.side).sort()).toEqual(['buyer', 'joint']);
  });
});
