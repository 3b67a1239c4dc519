/** A Note model as plain data (no cycles: an item's sentences and a sentence's item become offsets), to compare two lints. */
import type { LintResult } from '../../core/engine/types.js';

export function projection(result: LintResult): string {
  const { note, diagnostics } = result;
  const item = (i: { start: number }) => i.start;
  return JSON.stringify({
    diagnostics,
    meeting: note.meeting,
    roster: note.roster,
    sentences: note.sentences.map((s) => ({ ...s, item: s.item && item(s.item) })),
    actionItems: note.actionItems.map((i) => ({ ...i, sentences: i.sentences.map((s) => s.start) })),
    events: note.events.map((e) => ({ ...e, item: e.item && item(e.item) })),
    meetings: note.meetings.map((m) => ({
      ...m,
      sentences: m.sentences.length,
      actionItems: m.actionItems.map(item),
      events: m.events.length,
      nextEvent: m.nextEvent?.start,
    })),
    headings: note.headings,
    carried: note.carriedItems.map(item),
  });
}
