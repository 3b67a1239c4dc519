import type { Rule } from '../core/engine/types.js';
import { noteAnchor } from './anchors.js';
import { meta } from './meta.js';

export const requireMeetingDate: Rule = {
  meta: meta({
    id: 'require-meeting-date',
    severity: 'warn',
    description: 'The note must say when the meeting took place (front matter, a "Date:" line, or the file name).',
    fixable: false,
    scope: 'any-note',
  }),
  check({ note, report }) {
    if (note.meeting.source !== 'none') return;
    report({
      ...noteAnchor(note),
      message: 'This note has no meeting date, so "Friday" or "next week" cannot be checked. Add "date: YYYY-MM-DD" to the front matter.',
    });
  },
};
