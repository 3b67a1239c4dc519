import type { CodeLens } from 'vscode-languageserver';
import type { AccountSummary } from '../core/pipeline/types.js';
import { describeAccount, describeNextEvent } from './describe.js';
import type { LintedNote } from './note-state.js';

/** Above the title: the next event, or that there is none; and the account's status, with why. */
export function codeLenses(linted: LintedNote, account?: { summary?: AccountSummary; pending: number }): CodeLens[] {
  const { note } = linted.result;
  if (!note.isCustomerMeeting || !note.title) return [];
  const range = linted.positions.range(note.title.start, note.title.end);
  const lenses: CodeLens[] = [];
  if (linted.settings.codeLens.nextEvent) lenses.push({ range, command: { title: describeNextEvent(note), command: '' } });
  if (linted.settings.codeLens.accountStatus && account?.summary) {
    const reading =
      account.pending > 0 ? ` — reading ${account.pending} more note${account.pending === 1 ? '' : 's'} of the workspace…` : '';
    lenses.push({ range, command: { title: `${describeAccount(account.summary)}${reading}`, command: '' } });
  }
  return lenses;
}
