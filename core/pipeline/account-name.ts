import type { AccountFrom } from '../engine/types.js';

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

/**
 * The account of a note whose front matter names none, from its path relative to the folder reported
 * on ("/"-separated): its folder's name, or its file name without dates. A note directly in that folder
 * takes its file name; a file name that is only a date ("2020-03-24.md") takes the folder's name.
 */
export function accountFromPath(relativePath: string, rootName: string, from: AccountFrom): string {
  const parts = relativePath.split('/').filter((p) => p !== '' && p !== '.');
  const fileName = parts.at(-1) ?? '';
  const folder = parts.length >= 2 ? parts[parts.length - 2] : rootName;
  if (from === 'folder' && parts.length >= 2) return folder;
  return fileNameAccount(fileName) || folder || fileName;
}

/** Accounts match case- and spacing-insensitively ("Acme Corp" and "acme  corp"). */
export function accountKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
