/**
 * Which files are Markdown notes, for the CLI and the language server alike: `.md` and `.markdown`, in
 * any case (`NOTES.MD` too). The editor speaks about an unsaved buffer by its language instead, and
 * about a Markdown file only when a config applies or its front matter marks it as a note.
 */
import { ACCOUNT_KEYS } from '../core/model/note-facts.js';
import { ROSTER_KEYS } from '../core/model/rosters.js';
import type { Note } from '../core/model/types.js';
import type { Vocabulary } from '../core/vocabulary/types.js';

export const MARKDOWN_EXTENSIONS = ['md', 'markdown'] as const;

/** What a folder expands to (matched case-insensitively). */
export const MARKDOWN_GLOB = `**/*.{${MARKDOWN_EXTENSIONS.join(',')}}`;

const MARKDOWN_FILE = new RegExp(`\\.(?:${MARKDOWN_EXTENSIONS.join('|')})$`, 'i');

export function isMarkdownPath(file: string): boolean {
  return MARKDOWN_FILE.test(file);
}

/** A text whose first line opens front matter: only such a text can be a note without a config. */
const FRONT_MATTER_START = /^\uFEFF?---[ \t]*\r?\n/;

export function opensFrontMatter(text: string): boolean {
  return FRONT_MATTER_START.test(text);
}

/** The front matter keys the model reads as a meeting's account or rosters: one list with it. */
const MEETING_KEYS = [...ACCOUNT_KEYS, ...ROSTER_KEYS];

export const NO_FRONT_MATTER = 'not a meeting note: no notelint config applies and it has no front matter';

/**
 * Whether a Markdown file the editor opens is a note (docs/design.md, "Workspace"): a config file
 * applies to it, or its front matter marks it as meeting notes (a key the model reads, or a meeting
 * `type:`), or the user asked for all Markdown. Returns why not, for the status bar, when it is not.
 * The CLI lints every Markdown file it is asked to.
 */
export function whyNotANote(note: Note, configApplies: boolean, lintAllMarkdown: boolean, vocabulary: Vocabulary): string | undefined {
  if (lintAllMarkdown || configApplies) return undefined;
  // Front matter being typed may be broken for a moment: say so rather than go quiet.
  if (note.frontMatter?.error) return undefined;
  const data = note.frontMatter?.data ?? {};
  if (MEETING_KEYS.some((key) => data[key] !== undefined && data[key] !== null)) return undefined;
  const type = typeof data.type === 'string' ? data.type.trim().toLowerCase() : undefined;
  if (type && (vocabulary.words('meetingNotesTypes').includes(type) || vocabulary.words('customerMeetingTypes').includes(type)))
    return undefined;
  return 'not a meeting note: no notelint config applies and its front matter has no seller, buyer, account or type: meeting';
}
