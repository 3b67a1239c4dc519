import { MarkupKind, type Hover } from 'vscode-languageserver';
import { describeDate, describeNextEvent, dateMentions } from './describe.js';
import type { LintedNote } from './note-state.js';

/** A date phrase under the cursor explains itself; the title tells the next event. */
export function hoverAt(linted: LintedNote, offset: number): Hover | null {
  const { note } = linted.result;
  const mention = dateMentions(note).find((m) => m.start <= offset && offset <= m.end);
  if (mention) {
    return {
      contents: { kind: MarkupKind.Markdown, value: describeDate(mention) },
      range: linted.positions.range(mention.start, mention.end),
    };
  }
  const title = note.title;
  if (title && title.start <= offset && offset <= title.end && note.isCustomerMeeting) {
    return {
      contents: { kind: MarkupKind.Markdown, value: describeNextEvent(note) },
      range: linted.positions.range(title.start, title.end),
    };
  }
  return null;
}
