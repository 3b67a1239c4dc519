import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../core/dates/calendar.js';
import { noteOf } from '../helpers/note.js';

const meeting = (text: string, path?: string) => {
  const m = noteOf(text, { path }).meeting;
  return [
    m.source,
    m.date ? toIsoDate(m.date) : undefined,
    m.time ? `${m.time.hour}:${String(m.time.minute).padStart(2, '0')}` : undefined,
  ];
};

describe('the meeting date', () => {
  it.each([
    ['front matter date with its time', '---\ndate: 2026-11-20 10:00\n---\n# Call\n', ['front-matter', '2026-11-20', '10:00']],
    ['a bold Date label', '# Acme call\n\n**Date:** Sept 22, 2026\n', ['label', '2026-09-22', undefined]],
    [
      'a Meeting Date/Time label with a time in UTC',
      '# Kova\n\nMeeting Date/Time: Feb 15, 2024, 14:00 UTC\n',
      ['label', '2024-02-15', '14:00'],
    ],
    ['a When label', '# Helix\n\nWhen: Thu Oct 10, 2024, 15:00 UTC\n', ['label', '2024-10-10', '15:00']],
    ['a label written as a heading', '# Brompton — demo\n\n## Date: 22 September 2026\n\nText.\n', ['label', '2026-09-22', undefined]],
    ['a full date in the first heading', '# Meeting summary for Hoshino (11/17/2026)\n\nText.\n', ['title', '2026-11-17', undefined]],
  ])('comes from %s', (_what, text, expected) => {
    expect(meeting(text)).toEqual(expected);
  });

  it('prefers a labelled date to one in the title', () => {
    expect(meeting('# Globex — onboarding sync 2026-03-02\n\n**Date:** 2026-03-09 (moved from Mar 2)\n')[1]).toBe('2026-03-09');
  });

  it('comes from the file name as a last resort, and is absent when nothing names it', () => {
    expect(meeting('Notes.\n', 'notes/acme_2026-11-20.md')).toEqual(['file-name', '2026-11-20', undefined]);
    expect(meeting('# Call with Acme\n\nWe talked.\n', 'acme.md')[0]).toBe('none');
  });

  it('does not take a title that names a quarter and a day without a year for a full date', () => {
    expect(meeting('# Q3 2026 planning, Sept 5\n\nText.\n', 'x.md')[0]).toBe('none');
  });
});
