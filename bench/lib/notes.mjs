// The Markdown files of a folder, as the benchmarks read them: sorted, recursive, .md and .markdown.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared corpus of real meeting notes, beside the repository (../shared/corpus). */
export const SHARED_CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
/** The example notes bundled with the repository, the fallback when the shared corpus is missing. */
export const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

/** The corpus the benchmarks read: the one asked for, else the shared corpus, else the bundled examples. */
export function corpusFolder(asked) {
  if (asked) return { folder: asked, fallback: false };
  if (existsSync(SHARED_CORPUS)) return { folder: SHARED_CORPUS, fallback: false };
  return { folder: EXAMPLES, fallback: true };
}

export function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) return markdownFiles(p);
      return /\.(md|markdown)$/i.test(entry.name) ? [p] : [];
    });
}
