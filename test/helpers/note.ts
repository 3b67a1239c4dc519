/** Builds the Note model the way the engine does, for tests of the model's passes. */
import { buildNote, type NoteOptions } from '../../core/model/build-note.js';
import type { Note } from '../../core/model/types.js';
import { vocabularyFor } from '../../core/vocabulary/languages.js';

export const vocabulary = vocabularyFor('en-US');

export function noteOf(text: string, options: Partial<NoteOptions> = {}): Note {
  return buildNote(text, { seller: [], locale: 'en-US', timezone: 'America/New_York', vocabulary, ...options });
}

/** Front matter of a sales meeting on Fri Nov 20, 2026 with Dana (us) and Mary and Jim (Acme). */
export const FM = `---
date: 2026-11-20
account: Acme Corp
seller: [Dana Lee]
buyer: [Mary Chen, Jim Park]
---
`;

/** The clauses of the first sentence holding `needle`. */
export function clausesOf(note: Note, needle: string) {
  const s = note.sentences.find((x) => x.text.includes(needle));
  if (!s) throw new Error(`no sentence holds ${JSON.stringify(needle)}`);
  return s.clauses;
}
