import { WEEKDAY_NAMES, formatDay, weekdayOf } from '../core/dates/calendar.js';
import type { Rule } from '../core/engine/types.js';
import type { DateMention } from '../core/dates/types.js';
import { quote } from './anchors.js';
import { meta } from './meta.js';

export const noWeekdayMismatch: Rule = {
  meta: meta({
    id: 'no-weekday-mismatch',
    severity: 'error',
    description: 'A written weekday must match its date ("Tue Dec 2" when Dec 2 is a Wednesday is wrong).',
    fixable: false,
    scope: 'any-note',
  }),
  check({ note, report }) {
    const seen = new Set<number>();
    for (const meeting of note.judged) {
      const all: DateMention[] = [
        ...meeting.sentences.flatMap((s) => s.dates),
        ...meeting.events.filter((e) => e.source === 'front-matter').flatMap((e) => e.dates),
      ];
      for (const d of all) {
        if (d.writtenWeekday === undefined || !d.date || seen.has(d.start)) continue;
        seen.add(d.start);
        const actual = weekdayOf(d.date);
        if (actual === d.writtenWeekday) continue;
        report({
          start: d.start,
          end: d.end,
          message: `${quote(d.text)}: ${formatDay(d.date).slice(4)} is a ${WEEKDAY_NAMES[actual]}, not a ${WEEKDAY_NAMES[d.writtenWeekday]}. Check which day you agreed on with the client.`,
        });
      }
    }
  },
};
