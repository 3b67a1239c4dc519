/**
 * Protocol tests (the real server over stdio): diagnostics pushed after open and after incremental
 * changes, their fields, UTF-16 ranges, stale versions never published, and pull diagnostics.
 */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic, DocumentDiagnosticReport, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { byCode, codes, LspClient, openNote, removeWorkspaces, stopAllServers, type NoteOptions } from './helpers/lsp-client.js';
import { BAD_NOTE, BAD_NOTE_CODES, GOOD_NOTE, VAGUE_ONLY_NOTE } from './helpers/lsp-notes.js';

afterEach(stopAllServers);
afterAll(removeWorkspaces);

const DOCS = 'https://github.com/notelint/notelint/blob/main/docs/rules/';

/** Where these tests keep the note: a dated file in a notes folder. */
const NOTE: NoteOptions = { file: 'notes/2026-11-18-acme.md' };

describe('push diagnostics', () => {
  test('publishes notelint diagnostics for a meeting note after it is opened, tagged with its version', async () => {
    const { uri, client } = await openNote(BAD_NOTE, { ...NOTE, version: 7 });
    const sync = client.initializeResult.capabilities.textDocumentSync;
    expect(typeof sync === 'object' ? sync.change : sync, 'incremental document sync').toBe(2);
    const published = await client.waitForDiagnostics(uri, 7);
    expect(codes(published.diagnostics)).toEqual(BAD_NOTE_CODES);
    for (const d of published.diagnostics) {
      expect(d.source).toBe('notelint');
      expect(d.codeDescription?.href).toBe(`${DOCS}${String(d.code)}.md`);
      expect(typeof d.message === 'string' && d.message.length > 10, JSON.stringify(d.message)).toBe(true);
    }
    expect(await client.shutdown()).toBe(0);
  });

  test('maps severities from the rules: error to 1, warn to 2, info to 3', async () => {
    const { uri, client } = await openNote(BAD_NOTE, NOTE);
    const { diagnostics } = await client.waitForDiagnostics(uri, 1);
    expect(byCode(diagnostics, 'require-client-action').severity).toBe(1);
    expect(byCode(diagnostics, 'no-vague-follow-up').severity).toBe(2);
    expect(byCode(diagnostics, 'prefer-absolute-date').severity).toBe(3);
    expect(await client.shutdown()).toBe(0);
  });

  test('takes severities from the config file', async () => {
    const config = { rules: { 'require-client-action': 'info', 'no-vague-follow-up': 'error', 'prefer-absolute-date': 'warn' } };
    const { uri, client } = await openNote(BAD_NOTE, { ...NOTE, files: { '.notelintrc.json': JSON.stringify(config) } });
    const { diagnostics } = await client.waitForDiagnostics(uri, 1);
    expect(byCode(diagnostics, 'require-client-action').severity).toBe(3);
    expect(byCode(diagnostics, 'no-vague-follow-up').severity).toBe(1);
    expect(byCode(diagnostics, 'prefer-absolute-date').severity).toBe(2);
    expect(byCode(diagnostics, 'require-dated-next-event').severity).toBe(1);
    expect(await client.shutdown()).toBe(0);
  });

  test('gives ranges in UTF-16 units: astral characters before a diagnostic count two each', async () => {
    const { uri, client } = await openNote(BAD_NOTE, NOTE);
    const { diagnostics } = await client.waitForDiagnostics(uri, 1);
    const doc = client.doc(uri);
    const friday = byCode(diagnostics, 'prefer-absolute-date');
    // "- [ ] Dana: 🙂🎉 send the 📊 deck by " is 37 UTF-16 units (31 code points).
    expect(friday.range).toEqual({ start: { line: 11, character: 37 }, end: { line: 11, character: 43 } });
    expect(doc.getText(friday.range)).toBe('Friday');
    const vague = byCode(diagnostics, 'no-vague-follow-up');
    expect(vague.range).toEqual({ start: { line: 12, character: 15 }, end: { line: 12, character: 34 } });
    expect(doc.getText(vague.range)).toBe('follow up next week');
    expect(await client.shutdown()).toBe(0);
  });

  test('publishes again after an incremental change, for the new version and the changed text', async () => {
    const { uri, client } = await openNote(BAD_NOTE, NOTE);
    await client.waitForDiagnostics(uri, 1);

    // A client action on a new line above the seller's items: require-client-action goes, the rest moves down.
    const line = client.rangeOf(uri, '- [ ] Dana: 🙂🎉').start;
    let version = await client.change(uri, [
      { range: { start: line, end: line }, text: '- [ ] Jim: share the ticket volumes by Tue Nov 24\n' },
    ]);
    expect(version).toBe(2);
    let { diagnostics } = await client.waitForDiagnostics(uri, 2);
    expect(codes(diagnostics)).toEqual(['no-vague-follow-up', 'prefer-absolute-date', 'require-dated-next-event']);
    expect(byCode(diagnostics, 'prefer-absolute-date').range.start).toEqual({ line: 12, character: 37 });

    // Astral characters inserted in the middle of the line, before "Friday".
    version = await client.change(uri, [{ range: client.rangeOf(uri, 'send the 📊'), text: 'send ✨ the 𝒹𝑒𝒸𝓀 📊' }]);
    ({ diagnostics } = await client.waitForDiagnostics(uri, version));
    const friday = byCode(diagnostics, 'prefer-absolute-date');
    expect(client.doc(uri).getText(friday.range)).toBe('Friday');
    expect(friday.range.start).toEqual({ line: 12, character: 37 + '✨ 𝒹𝑒𝒸𝓀 '.length });

    // Two ranged changes in one notification, applied in order: delete the vague line, then edit the heading.
    version = await client.change(uri, [
      { range: client.rangeOf(uri, '- [ ] Dana: 🚀 follow up next week\n'), text: '' },
      { range: client.rangeOf(uri, '## Next steps'), text: '## Next steps 🗓️' },
    ]);
    ({ diagnostics } = await client.waitForDiagnostics(uri, version));
    expect(codes(diagnostics)).toEqual(['prefer-absolute-date', 'require-dated-next-event']);
    expect(await client.shutdown()).toBe(0);
  });
});

describe('stale results', () => {
  test('after a burst of quick changes publishes only the final version, never an older one after it', async () => {
    const { uri, client } = await openNote(BAD_NOTE, NOTE);
    await client.waitForDiagnostics(uri, 1);
    const before = client.mark();

    // Versions 2–5 each add a vague follow-up; version 6 removes them all and the original one.
    for (let i = 0; i < 4; i++) await client.append(uri, `- [ ] Dana: circle back with Mary ${i}\n`);
    const doc = client.doc(uri);
    const from = doc.positionAt(client.text(uri).indexOf('- [ ] Dana: 🚀'));
    await client.change(uri, [{ range: { start: from, end: doc.positionAt(client.text(uri).length) }, text: '' }]);
    expect(client.version(uri)).toBe(6);
    const sentFinal = client.mark();

    const final = await client.waitForDiagnostics(uri, 6, { after: before });
    expect(codes(final.diagnostics)).toEqual(['prefer-absolute-date', 'require-client-action', 'require-dated-next-event']);
    // Longer than the debounce: a late result for an older version would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 700));

    const stale = client.published(uri, sentFinal).filter((p) => p.version !== 6);
    expect(
      stale.map((p) => p.version),
      client.describe(),
    ).toEqual([]);
    const last = client.published(uri).at(-1) as PublishDiagnosticsParams;
    expect(last.version).toBe(6);
    expect(codes(last.diagnostics)).toEqual(codes(final.diagnostics));
    expect(await client.shutdown()).toBe(0);
  });

  test('a document closed with a change pending and opened again gets no diagnostics of its old text', async () => {
    const { uri, client } = await openNote(BAD_NOTE, NOTE);
    await client.waitForDiagnostics(uri, 1);
    await client.append(uri, '- [ ] Dana: ping Mary about the budget\n');
    await client.close(uri);
    const closed = client.mark();
    await client.open(uri, VAGUE_ONLY_NOTE, 1);

    const reopened = await client.waitForPublish(uri, (p) => p.diagnostics.length > 0, 'diagnostics of the reopened document', {
      after: closed,
    });
    expect(reopened.version).toBe(1);
    expect(codes(reopened.diagnostics)).toEqual(['no-vague-follow-up']);
    await new Promise((resolve) => setTimeout(resolve, 700));
    for (const p of client.published(uri, closed)) {
      // Clearing on close is fine; anything else must be the new text's, at its version.
      if (p.diagnostics.length === 0) continue;
      expect(p.version, client.describe()).toBe(1);
      expect(codes(p.diagnostics)).toEqual(['no-vague-follow-up']);
    }
    expect(
      client
        .published(uri)
        .at(-1)
        ?.diagnostics.map((d) => d.code),
    ).toEqual(['no-vague-follow-up']);
    expect(await client.shutdown()).toBe(0);
  });

  test('a clean note gets an empty diagnostics list once it is fixed', async () => {
    const { uri, client } = await openNote(VAGUE_ONLY_NOTE, NOTE);
    expect(codes((await client.waitForDiagnostics(uri, 1)).diagnostics)).toEqual(['no-vague-follow-up']);
    await client.replace(uri, 'Let us touch base in a few weeks.\n\n', '');
    expect(client.text(uri)).toBe(GOOD_NOTE);
    expect((await client.waitForDiagnostics(uri, 2)).diagnostics).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });
});

describe('pull diagnostics', () => {
  test('a client that declares textDocument.diagnostic pulls a full report with the same items, and gets no pushes', async () => {
    const { root, uri, client } = await openNote(BAD_NOTE, { ...NOTE, pullDiagnostics: true });
    expect(client.initializeResult.capabilities.diagnosticProvider).toBeTruthy();
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind).toBe('full');
    const items = report.kind === 'full' ? report.items : [];

    // The same items a pushing client gets for the same note.
    const pusher = await LspClient.start(root);
    await pusher.open(uri, BAD_NOTE);
    const pushed = await pusher.waitForDiagnostics(uri, 1);
    const sorted = (list: readonly Diagnostic[]) =>
      [...list].sort((a, b) => String(a.code).localeCompare(String(b.code)) || a.range.start.line - b.range.start.line);
    expect(sorted(items)).toEqual(sorted(pushed.diagnostics));
    expect(await pusher.shutdown()).toBe(0);

    // After a change the next pull sees the new text.
    await client.replace(uri, '- [ ] Dana: 🚀 follow up next week\n', '');
    const again = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    if (again.kind === 'full') {
      expect(codes(again.items)).toEqual(['prefer-absolute-date', 'require-client-action', 'require-dated-next-event']);
    } else {
      throw new Error(`expected a full report after a change, got ${JSON.stringify(again)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(client.published(uri), client.describe()).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });
});
