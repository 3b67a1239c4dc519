/**
 * The real language server over stdio against the engine: arbitrary sequences of incremental edits
 * (fast-check, seeded) leave the server with exactly the diagnostics of linting the final text from
 * scratch; and a storm of edits (1,000 a second for 10 seconds) keeps it answering, right, with its
 * memory flat (the figures are printed). NOTELINT_FUZZ_RUNS scales the number of sequences.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type {
  Diagnostic as LspDiagnostic,
  DocumentDiagnosticReport,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, resolveConfig } from '../engine/index.js';
import { fragment, noteText } from './helpers/generated-notes.js';
import { fileUri, LspClient, makeWorkspace, removeWorkspaces, stopAllServers } from './helpers/lsp-client.js';

afterAll(async () => {
  await stopAllServers();
  removeWorkspaces();
});

const RUNS = Number(process.env.NOTELINT_FUZZ_RUNS ?? 1);
const SEED = 20261204;
const CONFIG = { timezone: 'UTC' };
const engineConfig = resolveConfig(CONFIG, { machineTimezone: 'UTC' });

/** An edit as fractions of the text, so that it lands inside whatever text the sequence has reached. */
const edit = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.double({ min: 0, max: 0.3, noNaN: true }),
  text: fc.oneof(fragment, fc.constantFrom('', '\n', '\r\n', ' ', '- [ ] ', 'next week', 'Friday', '---\n')),
});
const sequence = fc.record({
  start: noteText,
  edits: fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
});

/** The edits of one didChange, as ranges over the document as it is after the ones before. */
function changesFor(doc: TextDocument, edits: { from: number; length: number; text: string }[]): TextDocumentContentChangeEvent[] {
  const scratch = TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
  return edits.map((e) => {
    const size = scratch.getText().length;
    const start = Math.floor(e.from * size);
    const end = Math.min(size, start + Math.floor(e.length * size));
    const change = { range: { start: scratch.positionAt(start), end: scratch.positionAt(end) }, text: e.text };
    TextDocument.update(scratch, [change], scratch.version + 1);
    return change;
  });
}

/** What the server should publish for a text: the engine's diagnostics, at the positions an editor counts. */
function expected(uri: string, text: string): Pick<LspDiagnostic, 'code' | 'message' | 'range'>[] {
  const doc = TextDocument.create(uri, 'markdown', 1, text);
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return lint({ text, path: uri.replace(/^file:\/\//, '') }, engineConfig).diagnostics.map((d) => ({
    code: d.ruleId,
    message: d.message,
    range: { start: doc.positionAt(d.start + shift), end: doc.positionAt(d.end + shift) },
  }));
}

const shown = (items: LspDiagnostic[]) => items.map(({ code, message, range }) => ({ code, message, range }));

async function pulled(client: LspClient, uri: string): Promise<LspDiagnostic[]> {
  const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  return report.kind === 'full' ? report.items : [];
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

describe('the language server under edits', () => {
  it('gives, after any sequence of incremental edits, the diagnostics of linting the final text from scratch', async () => {
    const root = makeWorkspace({ '.notelintrc.json': JSON.stringify(CONFIG) });
    const client = await LspClient.start(root, { pullDiagnostics: true });
    let n = 0;
    const numRuns = Math.max(1, Math.round(2_000 * RUNS));
    await fc.assert(
      fc.asyncProperty(sequence, async ({ start, edits }) => {
        const uri = fileUri(path.join(root, `note-${++n}.md`));
        await client.open(uri, start);
        for (const group of edits) await client.change(uri, changesFor(client.doc(uri), group));
        const final = client.doc(uri).getText();
        expect(shown(await pulled(client, uri))).toEqual(expected(uri, final));
        await client.close(uri);
      }),
      { seed: SEED, numRuns },
    );
    console.log(`server fuzz: ${numRuns} edit sequences, each checked against a fresh lint, 0 failures (seed ${SEED})`);
    expect(await client.shutdown()).toBe(0);
  }, 1_200_000);

  it('keeps answering, right, through 1,000 edits a second for 10 seconds, with its memory flat', async () => {
    const root = makeWorkspace({ '.notelintrc.json': JSON.stringify(CONFIG) });
    const client = await LspClient.start(root);
    const uri = fileUri(path.join(root, '2026-11-20-acme.md'));
    const base = '---\nseller: [Dana]\nbuyer: [Mary]\n---\n\n# Acme\n\n## Next steps\n- [ ] Mary: send the numbers Friday\n';
    await client.open(uri, base);
    await client.waitForDiagnostics(uri, 1);
    const pid = client.child.pid!;
    const before = rssMb(pid);
    const lines = ['- [ ] We will follow up next week\n', '- [ ] Dana: send the deck by Tue Nov 24\n', 'Mary liked the demo.\n'];
    const started = Date.now();
    let edits = 0;
    let peak = before;
    // Type a line at the end, then take it back (the note keeps its size), in batches of 10: 1,000 edits a second.
    while (Date.now() - started < 10_000) {
      for (let i = 0; i < 10; i++, edits++) {
        const doc = client.doc(uri);
        const text = doc.getText();
        if (edits % 2 === 1) {
          const cut = text.lastIndexOf('\n', text.length - 2) + 1;
          await client.change(uri, [{ range: { start: doc.positionAt(cut), end: doc.positionAt(text.length) }, text: '' }]);
        } else {
          const end = doc.positionAt(text.length);
          await client.change(uri, [{ range: { start: end, end }, text: lines[edits % lines.length] }]);
        }
      }
      const due = started + (edits / 1000) * 1000;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      if (edits % 1000 === 0) peak = Math.max(peak, rssMb(pid));
    }
    const version = client.doc(uri).version;
    const final = await client.waitForDiagnostics(uri, version, { timeout: 30_000 });
    expect(shown(final.diagnostics)).toEqual(expected(uri, client.doc(uri).getText()));
    // Still answering other requests at once.
    expect(await client.request('textDocument/codeLens', { textDocument: { uri } }, 5_000)).toBeDefined();
    const after = rssMb(pid);
    console.log(
      `server: ${edits} edits in ${((Date.now() - started) / 1000).toFixed(1)} s, RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB (peak ${peak.toFixed(0)} MB)`,
    );
    expect(edits).toBeGreaterThanOrEqual(9_000);
    expect(after - before).toBeLessThan(50);
    expect(await client.shutdown()).toBe(0);
  }, 120_000);
});
