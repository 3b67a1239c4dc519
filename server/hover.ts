import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { AccountSummary } from '../core/pipeline/types.js';
import { describeAccountMarkdown, describeDate, describeMeetingDate, describeNextEvent, dateMentions } from './describe.js';
import type { LintedNote } from './note-state.js';

/** A date phrase under the cursor explains itself, the meeting's own date says what it is for, and the title tells the next event. */
export function hoverAt(linted: LintedNote, offset: number, account?: AccountSummary): Hover | null {
  const { note } = linted.result;
  const mention = dateMentions(note).find((m) => m.start <= offset && offset <= m.end);
  if (mention) {
    return {
      contents: { kind: MarkupKind.Markdown, value: describeDate(mention) },
      range: linted.positions.range(mention.start, mention.end),
    };
  }
  const { meeting } = note;
  if (meeting.date && meeting.start !== undefined && meeting.end !== undefined && meeting.start <= offset && offset <= meeting.end) {
    return {
      contents: { kind: MarkupKind.Markdown, value: describeMeetingDate(meeting.date) },
      range: linted.positions.range(meeting.start, meeting.end),
    };
  }
  const title = note.title;
  if (title && title.start <= offset && offset <= title.end && note.isCustomerMeeting) {
    return {
      contents: {
        kind: MarkupKind.Markdown,
        value: [describeNextEvent(note), ...(account ? [describeAccountMarkdown(account)] : [])].join('\n\n'),
      },
      range: linted.positions.range(title.start, title.end),
    };
  }
  return null;
}
