import { toIsoDate } from '../core/dates/calendar.js';
import type { Rule } from '../core/engine/types.js';
import { quote } from './anchors.js';
import { meta } from './meta.js';

export const preferAbsoluteDate: Rule = {
  meta: meta({
    id: 'prefer-absolute-date',
    severity: 'info',
    description: 'Relative dates in action items ("Friday", "tomorrow") should carry the calendar date beside them.',
    fixable: true,
    scope: 'any-note',
  }),
  check({ note, report }) {
    for (const item of note.actionItems) {
      if (item.done) continue;
      item.dates.forEach((d, i) => {
        // never write a day the reader is not sure of ("the second Friday", "Friday of the launch week")
        if (d.kind !== 'concrete' || !d.relative || !d.date || d.sure === false) return;
        // "today's call" names a meeting, not a day to write down.
        if (/^['’]s\b/.test(note.text.slice(d.end, d.end + 3))) return;
        const next = item.dates[i + 1];
        // Already anchored: "Friday (2026-11-27)", "Friday, Nov 27".
        if (next && !next.relative && next.kind === 'concrete' && next.start - d.end <= 3) return;
        const iso = toIsoDate(d.date);
        report({
          start: d.start,
          end: d.end,
          message: `${quote(d.text)} depends on the meeting date. Write the date too: "${d.text} (${iso})".`,
          fix: { range: [d.end, d.end], text: ` (${iso})` },
        });
      });
    }
  },
};
