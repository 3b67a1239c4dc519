/** `notelint calendar` through the real CLI, parsed back by an independent iCalendar parser (ical.js). */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/cli.js';

const FIXTURES = 'test/fixtures/pipeline';

async function calendar(cwd = repoRoot, folder = FIXTURES): Promise<string> {
  const run = await runCli(['calendar', folder], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

function events(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

describe('notelint calendar', () => {
  it('writes one event per account with a dated next event, in a fixed order', async () => {
    const list = events(await calendar());
    expect(list.map((e) => e.summary)).toEqual([
      'Globex: Sam: set up the review call Mon Nov 23 at 10am',
      'Acme Corp: Rollout workshop Tue Dec 8 at 2:00 PM with Mary and Jim: ag…',
      'hooli: Pilot kickoff Thu Dec 10 with Monica and Gavin',
      'initech: Rollout planning session Tue Mar 16, 2027 at 10am with Luis',
    ]);
  });

  it('keeps each time in its meeting’s zone, across a daylight-saving change, and never floating', async () => {
    const ics = await calendar();
    const list = events(ics);
    const utc = (e: ICAL.Event) => new Date(e.startDate.toUnixTime() * 1000).toISOString();
    const bySummary = (prefix: string) => list.find((e) => e.summary.startsWith(prefix))!;
    // Berlin in November is UTC+1; New York is UTC−5 in December and UTC−4 (daylight time) on Mar 16, 2027.
    expect(utc(bySummary('Globex'))).toBe('2026-11-23T09:00:00.000Z');
    expect(utc(bySummary('Acme Corp'))).toBe('2026-12-08T19:00:00.000Z');
    expect(utc(bySummary('initech'))).toBe('2027-03-16T14:00:00.000Z');
    expect(bySummary('Acme Corp').startDate.zone.tzid).toBe('America/New_York');
    expect(bySummary('Acme Corp').endDate.toUnixTime() - bySummary('Acme Corp').startDate.toUnixTime()).toBe(30 * 60);
    // A day without a time is a whole-day event.
    const hooli = bySummary('hooli');
    expect(hooli.startDate.isDate).toBe(true);
    expect(hooli.startDate.toString()).toBe('2026-12-10');
    // Every date-time is in a named zone or UTC: none floating.
    const eventLines = (ics.match(/BEGIN:VEVENT[\s\S]*?END:VEVENT/g) ?? []).flatMap((block) => block.split(/\r\n/));
    expect(eventLines.filter((l) => l.startsWith('DTSTART'))).toHaveLength(4);
    for (const line of eventLines.filter((l) => /^(DTSTART|DTEND|DTSTAMP)[;:]/.test(l))) {
      expect(line, line).toMatch(/TZID=[A-Za-z_/]+:\d{8}T\d{6}$|:\d{8}T\d{6}Z$|;VALUE=DATE:\d{8}$/);
    }
    expect(
      new ICAL.Component(ICAL.parse(ics))
        .getAllSubcomponents('vtimezone')
        .map((z) => z.getFirstPropertyValue('tzid'))
        .sort(),
    ).toEqual(['America/New_York', 'Europe/Berlin']);
  });

  it('gives the same file, UIDs and DTSTAMPs on every run and from another working folder', async () => {
    const here = await calendar();
    const elsewhere = await calendar(`${repoRoot}/test`, 'fixtures/pipeline');
    const uids = (ics: string) => events(ics).map((e) => e.uid);
    expect(uids(elsewhere)).toEqual(uids(here));
    expect(new Set(uids(here)).size).toBe(4);
    expect(uids(here).every((u) => /^[0-9a-f]{32}@notelint$/.test(u))).toBe(true);
    const stamp = events(here)
      .find((e) => e.summary.startsWith('Acme'))!
      .component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    // The meeting that agreed the event: Dec 1, 14:00 New York.
    expect(stamp.toJSDate().toISOString()).toBe('2026-12-01T19:00:00.000Z');
    expect(await calendar()).toBe(here);
  });

  it('invites the roster people who have an email, names the others, and says where the event was agreed', async () => {
    const acme = events(await calendar()).find((e) => e.summary.startsWith('Acme'))!;
    const attendees = acme.attendees.map((a) => [a.getParameter('cn'), String(a.getFirstValue()).toLowerCase()]);
    expect(attendees).toEqual([
      ['Mary Chen', 'mailto:mary@acme.com'],
      ['Dana Lee', 'mailto:dana@oursales.com'],
    ]);
    expect(acme.description).toContain('Agenda: Rollout workshop Tue Dec 8 at 2:00 PM with Mary and Jim: agree on the pilot teams');
    expect(acme.description).toContain(`Agreed at the meeting of Tue Dec 1, 2026: ${FIXTURES}/acme/2026-12-01-pricing.md:16`);
    expect(acme.description).toContain('With: Jim Park');
  });
});
