#!/usr/bin/env node
// Lints the shared corpus of real meeting notes and, in the same process, only parses it with
// remark-parse + remark-frontmatter + remark-gfm (the parsing floor); prints both times, the ratio
// and memory. The engine alone, without process start-up, file discovery or output: for working on
// the engine. `npm run bench` (bench/run.mjs) measures the same comparison as whole processes.
// usage: node bench/corpus.mjs [CORPUS_DIR] [--rounds N]   (default 2 rounds; build first: npm run build)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lint, resolveConfig } from '../dist/engine/index.js';
import { floorParser as processor } from './lib/floor-parser.mjs';
import { corpusFolder, markdownFiles } from './lib/notes.mjs';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 2;
const { folder: root } = corpusFolder(args[0] && resolve(args[0]));
const TARGET = 1.5;

const files = markdownFiles(root).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
const config = resolveConfig(undefined, { machineTimezone: 'UTC' });

const parseOnly = () => {
  for (const f of files) processor.parse(f.text);
};
let diagnostics = 0;
const lintAll = () => {
  diagnostics = 0;
  for (const f of files) diagnostics += lint({ text: f.text, path: f.path }, config).diagnostics.length;
};
const time = (fn) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
};

// Warm up both paths on a slice so that neither pays the JIT alone.
for (const f of files.slice(0, 50)) {
  processor.parse(f.text);
  lint({ text: f.text, path: f.path }, config);
}

let parse = Infinity;
let full = Infinity;
// Alternate which goes first, and keep each one's best round: the garbage left by one pass
// otherwise lands on the next one's bill.
for (let i = 0; i < rounds; i++) {
  if (i % 2 === 0) {
    parse = Math.min(parse, time(parseOnly));
    full = Math.min(full, time(lintAll));
  } else {
    full = Math.min(full, time(lintAll));
    parse = Math.min(parse, time(parseOnly));
  }
}
const mb = bytes / 1e6;
const ratio = full / parse;
console.log(`corpus: ${files.length} files, ${mb.toFixed(1)} MB (${root})`);
console.log(`parse only (remark-parse + frontmatter + gfm): ${parse.toFixed(2)} s  (${(mb / parse).toFixed(2)} MB/s)`);
console.log(
  `notelint (parse + model + dates + rules):      ${full.toFixed(2)} s  (${(mb / full).toFixed(2)} MB/s), ${diagnostics} diagnostics`,
);
console.log(`ratio notelint / parse: ${ratio.toFixed(2)}x  (target <= ${TARGET}x: ${ratio <= TARGET ? 'met' : 'NOT met'})`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
