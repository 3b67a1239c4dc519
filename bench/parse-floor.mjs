#!/usr/bin/env node
// The parsing floor as a whole process: finds every Markdown file under the folder, reads it and
// parses it with remark-parse + remark-frontmatter + remark-gfm (bench/lib/floor-parser.mjs), nothing
// else, and prints how many files and bytes it parsed. bench/folder.mjs times it against notelint.
// usage: node bench/parse-floor.mjs DIR
import { readFileSync } from 'node:fs';
import { floorParser } from './lib/floor-parser.mjs';
import { markdownFiles } from './lib/notes.mjs';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node bench/parse-floor.mjs DIR\n');
  process.exit(2);
}
let bytes = 0;
const files = markdownFiles(dir);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  floorParser.parse(text);
}
process.stdout.write(`${JSON.stringify({ files: files.length, characters: bytes })}\n`);
