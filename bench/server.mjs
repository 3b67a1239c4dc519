#!/usr/bin/env node
// The language server as an editor meets it: the real server process over stdio, with
// lintAllMarkdown on, opens every note of the shared corpus (one at a time: open, wait for its
// diagnostics, close), then types into the largest notes (an edit, then its diagnostics). Prints
// latency percentiles from the request to the published diagnostics (the 200 ms typing debounce is
// subtracted for edits) and the server's peak memory.
// usage: node bench/server.mjs [CORPUS_DIR] [--typing N]   (build first: npm run build)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const DEBOUNCE_MS = 200;
const args = process.argv.slice(2);
const typingAt = args.indexOf('--typing');
const typingNotes = typingAt >= 0 ? Number(args.splice(typingAt, 2)[1]) : 20;
const root = resolve(args[0] ?? fileURLToPath(new URL('../../shared/corpus', import.meta.url)));
const server = fileURLToPath(new URL('../bin/notelint-language-server.js', import.meta.url));

function markdownFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return markdownFiles(p);
      return /\.(md|markdown)$/i.test(name) ? [p] : [];
    });
}

const files = markdownFiles(root);
const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', ({ uri, version, diagnostics }) => {
  const wait = waiting.get(uri);
  if (wait && version === wait.version) {
    waiting.delete(uri);
    wait.resolve(diagnostics.length);
  }
});
connection.onRequest('workspace/configuration', ({ items }) => items.map(() => ({ lintAllMarkdown: true })));
connection.listen();
await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(root).href,
  capabilities: { workspace: { configuration: true } },
});
await connection.sendNotification('initialized', {});

const published = (uri, version) => new Promise((resolve) => waiting.set(uri, { version, resolve }));
let peakRss = 0;
const sampleRss = () => {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peakRss = Math.max(peakRss, kb * 1024);
  } catch {
    // not Linux: no memory figure
  }
};
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

const openTimes = [];
let problems = 0;
for (const [i, file] of files.entries()) {
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const start = process.hrtime.bigint();
  const done = published(uri, 1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  problems += await done;
  openTimes.push(ms(start));
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  if (i % 100 === 0) sampleRss();
}

const largest = files
  .map((f) => ({ f, size: statSync(f).size }))
  .sort((a, b) => b.size - a.size)
  .slice(0, typingNotes);
const typeTimes = [];
for (const { f } of largest) {
  const uri = pathToFileURL(f).href;
  const text = readFileSync(f, 'utf8');
  const opened = published(uri, 1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await opened;
  const lines = text.split('\n').length;
  for (let version = 2; version <= 6; version++) {
    const start = process.hrtime.bigint();
    const done = published(uri, version);
    const position = { line: lines - 1, character: 0 };
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: '- [ ] We will follow up next week\n' }],
    });
    await done;
    typeTimes.push(ms(start) - DEBOUNCE_MS);
  }
  sampleRss();
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const row = (name, xs) =>
  console.log(
    `${name.padEnd(40)} p50 ${pct(xs, 50).toFixed(1).padStart(7)} ms   p95 ${pct(xs, 95).toFixed(1).padStart(7)} ms   max ${Math.max(...xs)
      .toFixed(1)
      .padStart(8)} ms`,
  );
console.log(`notelint language server on ${files.length} notes of ${root} (${problems} problems)`);
row('open → diagnostics', openTimes);
row(`edit → diagnostics (${largest.length} largest notes)`, typeTimes);
console.log(`server peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
