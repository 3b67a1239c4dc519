import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../core/dates/calendar.js';
import { noteOf } from '../helpers/note.js';

const iso = (d: { year: number; month: number; day: number } | undefined) => (d ? toIsoDate(d) : undefined);

describe('running logs: one meeting per dated section', () => {
  it('reads two or more headings of one level that carry a full date as the meetings of a log', () => {
    const n = noteOf('# Acme — account log\n\n## 2026-11-18 — security review\n\nA.\n\n## 2026-11-04 — discovery\n\nB.\n');
    expect(n.isLog).toBe(true);
    expect(n.meetings.map((m) => iso(m.info.date))).toEqual(['2026-11-18', '2026-11-04']);
    expect(n.meetings.map((m) => m.info.source)).toEqual(['heading', 'heading']);
  });

  it('judges the latest meeting by date, wherever it stands in the file', () => {
    const n = noteOf('# Log\n\n## Tuesday, March 24, 2026\n\nA.\n\n## Tuesday, March 10, 2026\n\nB.\n\n## Tuesday, March 31, 2026\n\nC.\n');
    expect(n.judged.map((m) => iso(m.info.date))).toEqual(['2026-03-31']);
    expect(iso(n.meeting.date)).toBe('2026-03-31');
  });

  it('judges every meeting with logs: "all"', () => {
    const n = noteOf('## 2026-11-18 — call\n\nA.\n\n## 2026-11-04 — call\n\nB.\n', { logs: 'all' });
    expect(n.judged).toHaveLength(2);
  });

  it('gives text before the first dated section to the latest meeting', () => {
    const n = noteOf('# Log\n\nRoster: nobody.\n\n### Meeting 2026-09-29\n\nOld.\n\n### Meeting 2026-10-13\n\nNew.\n');
    const preamble = n.sentences.find((s) => s.text.includes('Roster'));
    expect(n.meetings[preamble!.meeting].latest).toBe(true);
  });

  it('is not a log with one dated heading, a dated title above one dated section, a date label or a next-meeting heading', () => {
    expect(noteOf('# Acme — 2026-11-20\n\n## Notes\n').isLog).toBe(false);
    expect(noteOf('# Acme call 2026-11-20\n\n## Recap of the 2026-11-12 call\n\nText.\n').isLog).toBe(false);
    expect(noteOf('## Date: 22 September 2026\n\n## 2026-09-15 — intro\n').isLog).toBe(false);
    expect(noteOf('## 2026-11-20 — pricing call\n\n## Next call 2026-12-03\n').isLog).toBe(false);
  });

  it('resolves each section’s relative dates against its own meeting', () => {
    const n = noteOf(
      '## 2026-11-03 — discovery\n\n- [ ] Henrik: send the sample by Friday\n\n## 2026-11-12 — demo\n\n- [ ] Rafael: send the FAQ by Friday\n',
    );
    const days = n.actionItems.map((i) => iso(i.dates[0]?.date));
    expect(days).toEqual(['2026-11-06', '2026-11-13']);
  });

  it('carries the open task items of earlier meetings, not the done ones or the latest meeting’s', () => {
    const n = noteOf(
      '## 2026-10-05 — intro\n\n- [ ] Wei: send the PLC list by Fri Oct 9\n- [x] Arjun: send the overview\n\n## 2026-10-14 — walkthrough\n\n- [ ] Lakshmi: share the logs by Tue Oct 20\n',
    );
    expect(n.carriedItems.map((i) => i.text)).toEqual(['Wei: send the PLC list by Fri Oct 9']);
  });
});
