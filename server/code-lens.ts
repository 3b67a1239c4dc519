import type { CodeLens } from 'vscode-languageserver';
import { describeNextEvent } from './describe.js';
import type { LintedNote } from './note-state.js';

/** Above the title: the next event, or that there is none. */
export function codeLenses(linted: LintedNote): CodeLens[] {
  const { note } = linted.result;
  if (!linted.settings.codeLens.nextEvent || !note.isCustomerMeeting || !note.title) return [];
  return [{ range: linted.positions.range(note.title.start, note.title.end), command: { title: describeNextEvent(note), command: '' } }];
}
