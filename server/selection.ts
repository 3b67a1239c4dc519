import { ACCOUNT_KEYS } from '../core/model/note-facts.js';
import { ROSTER_KEYS } from '../core/model/rosters.js';
import type { Note } from '../core/model/types.js';
import type { Vocabulary } from '../core/vocabulary/types.js';
import type { Settings } from './settings.js';

/** The front matter keys the model reads as a meeting's account or rosters: one list with it. */
const MEETING_KEYS = [...ACCOUNT_KEYS, ...ROSTER_KEYS];

/**
 * Whether a Markdown document is a note notelint should speak about (docs/design.md, "Adapters: CLI, server, workers"): a config file applies
 * to it, or its front matter marks it as meeting notes, or the user asked for all Markdown.
 * Returns why not, for the status bar, when it is not.
 */
export function whyNotLinted(note: Note, configApplies: boolean, settings: Settings, vocabulary: Vocabulary): string | undefined {
  if (settings.lintAllMarkdown || configApplies) return undefined;
  // Front matter being typed may be broken for a moment: say so rather than go quiet.
  if (note.frontMatter?.error) return undefined;
  const data = note.frontMatter?.data ?? {};
  if (MEETING_KEYS.some((key) => data[key] !== undefined && data[key] !== null)) return undefined;
  const type = typeof data.type === 'string' ? data.type.trim().toLowerCase() : undefined;
  if (type && (vocabulary.words('meetingNotesTypes').includes(type) || vocabulary.words('customerMeetingTypes').includes(type)))
    return undefined;
  return 'not a meeting note: no notelint config applies and its front matter has no seller, buyer, account or type: meeting';
}
