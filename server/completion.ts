import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { Note, Person } from '../core/model/types.js';
import type { LintedNote } from './note-state.js';

/** The start of an action item up to the cursor: a bullet, an optional task box, maybe a partial name. */
const ITEM_START = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]?\]\s+)?([\p{L}'’.-]*)$/u;
/** An @mention being typed. */
const MENTION = /(?:^|[\s(,;])@([\p{L}\p{N}_.-]*)$/u;

/** Whether the line up to the cursor is where an owner goes (checked before any lint). */
export function wantsOwner(linePrefix: string): boolean {
  return MENTION.test(linePrefix) || ITEM_START.test(linePrefix);
}

/**
 * Owners from the note's rosters: after `@` (as a handle or name) and at the start of an action item
 * (as a name). The client's people come first: client actions are what move a deal.
 */
export function completeOwners(linted: LintedNote, offset: number): CompletionItem[] {
  const { note } = linted.result;
  const text = note.text;
  if (note.frontMatter && offset <= note.frontMatter.end) return [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const mention = MENTION.exec(before);
  const start = ITEM_START.exec(before);
  const typed = mention?.[1] ?? start?.[1];
  if (typed === undefined) return [];
  const range = linted.positions.range(offset - typed.length, offset);
  return people(note).map((person, rank) => {
    const side = person.side === 'buyer' ? 'client' : person.side === 'seller' ? 'your team' : 'attendee';
    const first = person.name.split(' ')[0];
    const handle = person.handles.find((h) => !h.includes('@')) ?? first;
    const newText = mention ? handle : `${first} to `;
    return {
      label: mention ? `@${handle}` : person.name,
      kind: CompletionItemKind.Reference,
      detail: `${person.name} (${side})`,
      filterText: mention ? handle : person.name,
      sortText: String(rank).padStart(4, '0'),
      textEdit: { range, newText },
    };
  });
}

function people(note: Note): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  for (const p of [...note.roster.buyer, ...note.roster.attendees, ...note.roster.seller]) {
    const key = p.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
