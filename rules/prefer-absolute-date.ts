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
    for (const item of note.judged.flatMap((m) => m.actionItems)) {
      // A commitment written as prose stays as written: the recap's sentences are the seller's own words.
      if (item.done || item.source === 'prose') continue;
      item.dates.forEach((d, i) => {
        // Never write a day the reader is not sure of ("the second Friday", "Friday of the launch week").
        if (d.kind !== 'concrete' || !d.relative || !d.date || d.sure === false) return;
        // "today's call" names a meeting, not a day to write down; "today" is the meeting's own date.
        if (/^['’]s\b/.test(note.text.slice(d.end, d.end + 3)) || /^today$/i.test(d.text)) return;
        const next = item.dates[i + 1];
        // Already anchored: "Friday (2026-11-27)", "Friday, Nov 27", "in 10 days (around 8-10 January)".
        const between = next ? note.text.slice(d.end, next.start) : '';
        if (next && !next.relative && (next.start - d.end <= 3 || /^\s*\((?:around|about|approx\.?|~|i\.e\.|=)?\s*$/i.test(between)))
          return;
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
