import type { AccountFrom } from '../engine/types.js';
import type { Note } from '../model/types.js';
import type { Vocabulary } from '../vocabulary/types.js';

/** Dates as file names carry them: 2026-11-20, 2026_11_20, 20261120, 11-20-2026, 2026-11. */
const FILE_NAME_DATES = /(?<!\d)(?:\d{4}[-_.]?\d{2}[-_.]?\d{2}|\d{1,2}[-_.]\d{1,2}[-_.]\d{2,4}|\d{4}[-_.]\d{2})(?!\d)/g;

/** The words of a file name without its extension and dates: "2026-11-20-acme.md" → "acme". */
export function fileNameAccount(fileName: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '');
  return stem
    .replace(FILE_NAME_DATES, ' ')
    .replace(/^[\s\-_.–—]+|[\s\-_.–—]+$/g, '')
    .replace(/\s{2,}/g, ' ');
}

/** Folder names that name a period, not an account: 2024, Q3, 2024-Q3, 2024-06, H1. */
const PERIOD_FOLDER = /^(?:(?:19|20)\d{2}(?:[-_ .]?(?:q[1-4]|h[12]|\d{2}))?|q[1-4](?:[-_ .]?(?:19|20)\d{2})?|h[12])$/i;

/**
 * The account of a note whose front matter names none, from its path relative to the folder reported
 * on ("/"-separated): the nearest folder that names something other than a period or an archive
 * ("acme/2024/Q3/call.md" → "acme"), or its file name without dates. A note directly in that folder
 * takes its file name; a file name that is only a date ("2020-03-24.md") takes the folder's name.
 */
export function accountFromPath(
  relativePath: string,
  rootName: string,
  from: AccountFrom,
  generic: (name: string) => boolean = () => false,
): string {
  const parts = relativePath.split('/').filter((p) => p !== '' && p !== '.');
  const fileName = parts.at(-1) ?? '';
  const folders = parts.slice(0, -1);
  const named = (name: string) => !PERIOD_FOLDER.test(name) && !generic(name.toLowerCase().replace(/[-_]+/g, ' ').trim());
  const folder = [...folders].reverse().find(named);
  if (from === 'folder' && folder) return folder;
  return fileNameAccount(fileName) || folder || rootName || fileName;
}

/** Accounts match case- and spacing-insensitively ("Acme Corp" and "acme  corp"). */
export function accountKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A note's account: its front matter's, else one from its path (see accountFromPath; archive folder names are vocabulary). */
export function noteAccount(note: Note, relativePath: string, rootName: string, from: AccountFrom, vocabulary: Vocabulary): string {
  if (note.account) return note.account;
  const archives = vocabulary.memo('archiveFolders:set', () => new Set(vocabulary.words('archiveFolders')));
  return accountFromPath(relativePath, rootName, from, (name) => archives.has(name));
}
