/** The Markdown files of ../shared/corpus, as the CLI finds them (hidden entries and node_modules skipped). */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const corpusRoot = path.resolve(fileURLToPath(new URL('../../../shared/corpus', import.meta.url)));

export function corpusFiles(folder = corpusRoot): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...corpusFiles(full));
    else if (entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name)) found.push(full);
  }
  return found.sort();
}
