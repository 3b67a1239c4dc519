#!/usr/bin/env node
// Editor latency through the real language server over stdio, on running logs of a given size
// (bench/running-log.mjs): one server process per size, in a fresh workspace folder, warmed by one
// small example note (opened, linted, closed), then
//   - open: didOpen of the running log → its published diagnostics (an open is linted at once);
//   - edits: a seller typing, mostly at the end of the note (the next words of a next-step line,
//     ~70%), sometimes a word typed and then deleted again near the end (last tenth, ~20%) or
//     anywhere (~10%). Each measured edit is one word: one didChange per keystroke, sent back to back,
//     then the diagnostics published for the last keystroke's version. The server lints 200 ms after
//     the last change it received (server/server.ts, DEBOUNCE_MS: each change restarts the timer), so
//     the figure is the time from sending that last didChange to its diagnostics, less those 200 ms:
//     the wire both ways, the timer's lateness, the lint and the publish.
// Each size stops at its edit count or its time budget, whichever comes first.
// usage: node bench/editor.mjs [--edits N] [--budget SECONDS] [--sizes 5000,200000,1000000]   (build first)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { failedLint, startLanguageServer } from './lib/lsp.mjs';
import { msSince, percentile } from './lib/stats.mjs';
import { runningLog } from './running-log.mjs';
import { seededRandom } from '../scripts/seeded-random.mjs';

/** server/server.ts: a change is linted this long after the last change before it. */
export const DEBOUNCE_MS = 200;
const WARM_UP_NOTE = fileURLToPath(new URL('../examples/good-discovery-acme.md', import.meta.url));
const LINES = [
  '- [ ] Dana to send the revised quote to Priya by Friday',
  '- [ ] Priya will check the security review with legal next week',
  'We will follow up soon about the pilot.',
  '- [ ] Raj to book the onboarding call for 2024-03-14 at 10am',
  'Priya said she would think about it.',
  '- Next step: Dana shares the pricing page, then we see.',
];
const WORDS = ['urgent', 'maybe', 'Tuesday', 'pricing', 'soon', 'legal', 'pilot'];

/**
 * The seller's edits, one word at a time: yields { where, keystrokes } with each keystroke an
 * { offset, insert } or { offset, remove: 1 } against the text as it is when that keystroke is typed.
 */
function* typing(document, seed = 10) {
  const rand = seededRandom(seed);
  let line = 0;
  let words = [];
  const bodyStart = document.getText().indexOf('\n# ') + 1;
  let cursor = document.getText().trimEnd().length; // where the seller types at the end
  while (true) {
    const r = rand();
    const text = document.getText();
    if (r < 0.7) {
      if (words.length === 0) {
        const next = LINES[line++ % LINES.length].split(' ');
        words = [`\n${next.slice(0, 3).join(' ')} `, ...next.slice(3).map((w) => `${w} `)];
      }
      const word = words.shift();
      const end = cursor;
      cursor += word.length;
      yield { where: 'end', keystrokes: [...word].map((c, i) => ({ offset: end + i, insert: c })) };
    } else {
      const from = r < 0.9 ? Math.floor(text.length * 0.9) : bodyStart;
      let offset = from + Math.floor(rand() * (text.length - from));
      const space = text.indexOf(' ', offset);
      offset = space < 0 || space >= cursor ? cursor : space + 1;
      const word = `${WORDS[Math.floor(rand() * WORDS.length)]} `;
      const where = r < 0.9 ? 'near the end' : 'anywhere';
      yield { where, keystrokes: [...word].map((c, i) => ({ offset: offset + i, insert: c })) };
      yield { where, keystrokes: [...word].map((_, i) => ({ offset: offset + word.length - 1 - i, remove: 1 })) };
    }
  }
}

/** Open and edit latencies for one running log of about `bytes` bytes. */
export async function measureEditor({ bytes, edits = 300, budgetSeconds = 90, log = () => {} }) {
  const root = mkdtempSync(join(os.tmpdir(), 'notelint-bench-editor-'));
  const server = await startLanguageServer({ root, settings: { lintAllMarkdown: true } });
  try {
    // Warm-up: the server's first lint starts its worker and loads the engine.
    const warmUri = pathToFileURL(join(root, 'warm-up.md')).href;
    const warmText = readFileSync(WARM_UP_NOTE, 'utf8');
    writeFileSync(join(root, 'warm-up.md'), warmText);
    const warmed = server.published(warmUri, 1);
    await server.open(warmUri, warmText);
    await warmed;
    await server.close(warmUri);

    const text = runningLog(bytes);
    const file = join(root, 'running-log.md');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const document = TextDocument.create(uri, 'markdown', 1, text);
    const started = process.hrtime.bigint();
    const opened = server.published(uri, 1);
    await server.open(uri, text);
    // No diagnostics for the open within a minute: the open failed, and edits are still tried.
    const openDiagnostics = await opened.catch((error) => {
      log(`  ${bytes} bytes: ${error.message}`);
      return undefined;
    });
    const openMs = msSince(started);
    const openFailed = !openDiagnostics || failedLint(openDiagnostics);
    log(`  ${bytes} bytes: open ${openMs.toFixed(0)} ms${openFailed ? ' (failed)' : ''}, ${openDiagnostics?.length ?? 0} diagnostics`);

    const latencies = [];
    const where = {};
    let failed = 0;
    let version = 1;
    const steps = typing(document);
    while (latencies.length < edits && msSince(started) / 1000 < budgetSeconds) {
      const step = steps.next().value;
      let sent;
      let published;
      for (const [i, k] of step.keystrokes.entries()) {
        const start = document.positionAt(k.offset);
        const end = document.positionAt(k.offset + (k.remove ?? 0));
        const change = { range: { start, end }, text: k.insert ?? '' };
        TextDocument.update(document, [change], ++version);
        // Waiting for the last keystroke's version: registered before it is sent.
        if (i === step.keystrokes.length - 1) published = server.published(uri, version);
        sent = process.hrtime.bigint();
        await server.change(uri, version, [change]);
      }
      let diagnostics;
      try {
        diagnostics = await published;
      } catch (error) {
        // No diagnostics at all for a minute: counted as a failed edit, and this size stops here.
        log(`  ${bytes} bytes: ${error.message}`);
        failed++;
        break;
      }
      const ms = msSince(sent) - DEBOUNCE_MS;
      latencies.push(ms);
      where[step.where] = (where[step.where] ?? 0) + 1;
      if (failedLint(diagnostics)) failed++;
    }
    const peakRssBytes = server.peakRssBytes();
    await server.close(uri);
    return {
      bytes: Buffer.byteLength(text),
      bytesAfter: Buffer.byteLength(document.getText()),
      openMs,
      openFailed,
      edits: latencies.length,
      editsFailed: failed,
      where,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: latencies.length ? Math.max(...latencies) : undefined,
      stoppedByBudget: latencies.length < edits,
      seconds: msSince(started) / 1000,
      peakRssBytes,
    };
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const sizes = (value('--sizes') ?? '5000,200000,1000000').split(',').map(Number);
  for (const bytes of sizes) {
    const r = await measureEditor({
      bytes,
      edits: Number(value('--edits') ?? 300),
      budgetSeconds: Number(value('--budget') ?? 90),
      log: console.log,
    });
    const f = (x) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);
    console.log(
      `running log of ${r.bytes} bytes: open ${f(r.openMs)}${r.openFailed ? ' (failed)' : ''}; ${r.edits} edits${r.stoppedByBudget ? ' (time budget)' : ''}, ${r.editsFailed} failed: p50 ${f(r.p50)}, p95 ${f(r.p95)}, max ${f(r.max)}; server peak RSS ${Math.round((r.peakRssBytes ?? 0) / 2 ** 20)} MB`,
    );
  }
}
