#!/usr/bin/env node
// The language server as an editor meets it: the real server process over stdio, with
// lintAllMarkdown on, opens every note of the shared corpus (one at a time: open, wait for its
// diagnostics, close), then types into the largest notes (an edit, then its diagnostics). Prints
// latency percentiles from the request to the published diagnostics (the 200 ms typing debounce is
// subtracted for edits) and the server's peak memory. `npm run bench` measures typing into running
// logs of set sizes instead (bench/editor.mjs).
// usage: node bench/server.mjs [CORPUS_DIR] [--typing N]   (build first: npm run build)
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEBOUNCE_MS } from './editor.mjs';
import { startLanguageServer } from './lib/lsp.mjs';
import { corpusFolder, markdownFiles } from './lib/notes.mjs';
import { msSince, percentile } from './lib/stats.mjs';

const args = process.argv.slice(2);
const typingAt = args.indexOf('--typing');
const typingNotes = typingAt >= 0 ? Number(args.splice(typingAt, 2)[1]) : 20;
const { folder: root } = corpusFolder(args[0] && resolve(args[0]));

const files = markdownFiles(root);
const server = await startLanguageServer({ root, settings: { lintAllMarkdown: true } });

const openTimes = [];
let problems = 0;
for (const file of files) {
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const start = process.hrtime.bigint();
  const done = server.published(uri, 1);
  await server.open(uri, text);
  problems += (await done).length;
  openTimes.push(msSince(start));
  await server.close(uri);
}

const largest = files
  .map((f) => ({ f, size: statSync(f).size }))
  .sort((a, b) => b.size - a.size)
  .slice(0, typingNotes);
const typeTimes = [];
for (const { f } of largest) {
  const uri = pathToFileURL(f).href;
  const text = readFileSync(f, 'utf8');
  const opened = server.published(uri, 1);
  await server.open(uri, text);
  await opened;
  const lines = text.split('\n').length;
  for (let version = 2; version <= 6; version++) {
    const start = process.hrtime.bigint();
    const done = server.published(uri, version);
    const position = { line: lines - 1, character: 0 };
    await server.change(uri, version, [{ range: { start: position, end: position }, text: '- [ ] We will follow up next week\n' }]);
    await done;
    typeTimes.push(msSince(start) - DEBOUNCE_MS);
  }
  await server.close(uri);
}
const peakRss = server.peakRssBytes();
await server.stop();

const row = (name, xs) =>
  console.log(
    `${name.padEnd(40)} p50 ${percentile(xs, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(xs, 95).toFixed(1).padStart(7)} ms   max ${Math.max(
      ...xs,
    )
      .toFixed(1)
      .padStart(8)} ms`,
  );
console.log(`notelint language server on ${files.length} notes of ${root} (${problems} problems)`);
row('open → diagnostics', openTimes);
row(`edit → diagnostics (${largest.length} largest notes)`, typeTimes);
console.log(`server peak RSS ${((peakRss ?? 0) / 2 ** 20).toFixed(0)} MB`);
