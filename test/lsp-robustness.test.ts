/**
 * Protocol tests (the real server over stdio): garbage on the wire, bad requests, random and huge
 * documents and a long random sequence of incremental edits leave the server alive, answering, and
 * publishing ranges inside the document it was sent.
 */
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import type {
  Diagnostic,
  DocumentDiagnosticReport,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import {
  codes,
  fileUri,
  LspClient,
  makeWorkspace,
  openLinted,
  openNote,
  rangeChecker,
  removeWorkspaces,
  stopAllServers,
} from './helpers/lsp-client.js';
import { BAD_NOTE, BAD_NOTE_CODES } from './helpers/lsp-notes.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { seededRandom } from '../scripts/seeded-random.mjs';

afterEach(stopAllServers);
afterAll(removeWorkspaces);

/** One LSP frame around `body` (Content-Length counts bytes). */
function frame(body: string | Buffer): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

/** Every range of `published` checked against the text the client had at that version. */
function checkRanges(client: LspClient, uri: string, published: readonly PublishDiagnosticsParams[]): void {
  const versions = client.history.get(uri);
  for (const p of published) {
    expect(typeof p.version, `publish without a version: ${JSON.stringify(p).slice(0, 200)}`).toBe('number');
    const text = versions?.get(p.version as number);
    expect(text, `publish for version ${String(p.version)}, which was never sent`).toBeDefined();
    const check = rangeChecker(text as string);
    for (const d of p.diagnostics) {
      const problem = check(d.range);
      expect(problem, `version ${String(p.version)}, ${String(d.code)}: ${problem ?? ''}`).toBeUndefined();
    }
  }
}

async function hoverFriday(client: LspClient, uri: string): Promise<string> {
  const position = client.rangeOf(uri, 'Friday').start;
  const hover = await client.hover(uri, { ...position, character: position.character + 1 });
  return JSON.stringify(hover?.contents ?? '');
}

describe('garbage on the wire', () => {
  test('bad frames, unknown methods and bad params do not kill the server: it still answers hovers and publishes', async () => {
    const { uri, client } = await openLinted(BAD_NOTE);

    await client.writeRaw('Content-Length: 5\r\n\r\n{{{{{');
    await client.writeRaw(frame('{"jsonrpc":"2.0","id":9001,"method":"textDocument/hover","params":'));
    await client.writeRaw(frame('[1,2,3]'));
    await client.writeRaw(frame('"just a string"'));
    await client.writeRaw(frame('null'));
    await client.writeRaw(frame('{"jsonrpc":"2.0","foo":1}'));
    await client.writeRaw(frame('{"jsonrpc":"2.0","id":424242,"result":null}'));
    await client.writeRaw(frame(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])));
    await client.writeRaw(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":42}'));
    await client.writeRaw(frame('{"jsonrpc":"2.0","id":"x","method":"textDocument/hover","params":{"textDocument":7}}'));

    // An unknown request is answered with MethodNotFound; unknown notifications are ignored.
    await expect(client.request('notelint/noSuchMethod', { a: 1 })).rejects.toMatchObject({ code: -32601 });
    await client.notify('notelint/noSuchNotification', { a: 1 });
    await client.notify('$/noSuchNotification', {});

    // Changes to a document that was never opened, and a range far outside the open one.
    await client.notify('textDocument/didChange', {
      textDocument: { uri: `${uri}.missing.md`, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }],
    });
    await client.notify('textDocument/didClose', { textDocument: { uri: `${uri}.never-opened.md` } });
    const outside = await client.change(uri, [
      { range: { start: { line: 999, character: 5 }, end: { line: 1200, character: 80 } }, text: '\nMary will circle back.\n' },
    ]);

    // Requests with bad params: an error or an empty answer, never a dead server.
    for (const [method, params] of [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 99999 } }],
      ['textDocument/hover', { textDocument: { uri: 'file:///nowhere/never-opened.md' }, position: { line: 0, character: 0 } }],
      [
        'textDocument/codeAction',
        {
          textDocument: { uri },
          range: { start: { line: 500, character: 0 }, end: { line: 2, character: 0 } },
          context: { diagnostics: [] },
        },
      ],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
      ['textDocument/completion', { textDocument: { uri: 'file:///nowhere/never-opened.md' }, position: { line: 0, character: 0 } }],
      [
        'textDocument/inlayHint',
        { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } } },
      ],
      ['textDocument/codeLens', { textDocument: null }],
      ['workspace/executeCommand', { command: 'notelint.applyAllFixes', arguments: [{ uri: 'file:///nowhere/never-opened.md' }] }],
      ['workspace/executeCommand', { command: 'notelint.applyAllFixes', arguments: [] }],
    ] as const) {
      await client.request(method, params).catch((error: unknown) => error);
      expect(client.isRunning(), `after ${method} ${JSON.stringify(params)}\n${client.stderr}`).toBe(true);
    }

    // Still alive and well: the edit past the end was applied as LSP clamps it, and linted.
    const published = await client.waitForDiagnostics(uri, outside);
    expect(client.text(uri).endsWith('\nMary will circle back.\n')).toBe(true);
    expect(codes(published.diagnostics).filter((c) => c === 'no-vague-follow-up')).toHaveLength(2);
    checkRanges(client, uri, client.published(uri));
    expect(await hoverFriday(client, uri)).toContain('2026-11-20');
    expect(await client.shutdown()).toBe(0);
  });

  test('after garbage frames a pulling client still gets its diagnostic report', async () => {
    const { uri, client } = await openNote(BAD_NOTE, { pullDiagnostics: true });
    await client.writeRaw('Content-Length: 5\r\n\r\n{{{{{');
    await client.writeRaw(frame('{"jsonrpc":"2.0","id":77,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":1}}}'));
    await client.writeRaw(
      frame('{"jsonrpc":"2.0","id":78,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///nowhere/x.md"}}}'),
    );
    await expect(client.request('notelint/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind).toBe('full');
    expect(codes(report.kind === 'full' ? report.items : [])).toEqual(BAD_NOTE_CODES);
    expect(await client.shutdown()).toBe(0);
  });

  test('a document with no file behind it (an untitled: URI) gets a status and breaks nothing', async () => {
    const { uri, client } = await openLinted(BAD_NOTE);
    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, BAD_NOTE);
    await client.waitForStatus(untitled);
    await client.replace(uri, 'Mary 😀', 'Mary');
    await client.waitForDiagnostics(uri, 2);
    expect(await hoverFriday(client, uri)).toContain('2026-11-20');
    expect(await client.shutdown()).toBe(0);
  });
});

describe('any text as a document', () => {
  const FRONT_MATTER = '---\ndate: 2026-11-18\naccount: Fuzz Corp\nbuyer: [Mary Chen]\n---\n';

  test('random bytes (decoded as UTF-8) and random UTF-16 code units, lone surrogates included, are linted without a crash', async () => {
    const random = seededRandom(0x5eed);
    const bytes = Buffer.alloc(20_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
    let units = '';
    for (let i = 0; i < 20_000; i++)
      units += String.fromCharCode(random() < 0.7 ? 32 + Math.floor(random() * 96) : Math.floor(random() * 0x10000));

    const root = makeWorkspace({});
    const client = await LspClient.start(root);
    for (const [name, body] of [
      ['bytes.md', bytes.toString('utf8')],
      ['units.md', units],
    ] as const) {
      const uri = fileUri(path.join(root, name));
      await client.open(uri, FRONT_MATTER + body + '\n- [ ] Mary: send the usage export by Friday\n');
      const status = await client.waitForStatus(uri, undefined, { timeout: 45_000 });
      expect(status.state, `${name}: ${JSON.stringify(status)}\n${client.stderr}`).toBe('linted');
      const published = await client.waitForDiagnostics(uri, 1, { timeout: 45_000 });
      checkRanges(client, uri, [published]);
      expect(await hoverFriday(client, uri)).toContain('2026-11-20');
    }
    expect(await client.shutdown()).toBe(0);
  });

  test('huge lines (about 200,000 characters of prose, 300,000 without a space) are linted without a crash', async () => {
    const prose = 'We will follow up next week with Mary and circle back about 📊 pricing. '.repeat(2_800);
    const text = `${FRONT_MATTER}# Fuzz Corp\n\n${prose}\n\n${'x'.repeat(300_000)}\n\n## Next steps\n- [ ] Mary: send the usage export by Friday\n`;
    const { uri, client } = await openNote(text);
    const status = await client.waitForStatus(uri, undefined, { timeout: 55_000 });
    expect(status.state, `${JSON.stringify(status)}\n${client.stderr}`).toBe('linted');
    const published = await client.waitForDiagnostics(uri, 1, { timeout: 55_000 });
    checkRanges(client, uri, [published]);
    // One vague follow-up per sentence, each on its own words.
    const vague = published.diagnostics.filter((d) => d.code === 'no-vague-follow-up');
    expect(vague).toHaveLength(2_800);
    const doc = client.doc(uri);
    expect(new Set(vague.map((d) => doc.getText(d.range)))).toEqual(new Set(['follow up next week']));
    const last = client.rangeOf(uri, 'by Friday', 0);
    const hover = await client.hover(uri, { line: last.start.line, character: last.start.character + 4 });
    expect(hover === null || typeof hover === 'object').toBe(true);
    expect(await client.shutdown()).toBe(0);
  }, 120_000);
});

describe('random incremental edits', () => {
  const FRAGMENTS = [
    '',
    ' ',
    'Friday',
    ' next week',
    'tomorrow',
    'Tue Dec 1 at 2pm',
    '\n',
    '\r\n',
    '\n\n',
    '- [ ] ',
    '- [x] ',
    'Mary: ',
    'Dana: ',
    '@mary ',
    '## Next steps\n',
    '# Title\n',
    '---\n',
    'account: Acme\n',
    '<!-- notelint-disable-line no-vague-follow-up -->',
    '<!-- notelint-disable prefer-absolute-date -->\n',
    ' circle back',
    'Let us know.',
    'Follow-up call',
    '🚀',
    '𝒻𝒶𝓃𝒸𝓎',
    'é',
    '\t',
    '`code`',
    '```\nfenced\n```\n',
    '> ',
    '| Action | Owner | Due |\n|---|---|---|\n| demo | Mary | Fri |\n',
    '**Us:** Dana Lee\n',
    '2026-11-20',
    '12/1',
  ];

  test('a few hundred seeded random edits keep every published range inside the text of its version, and match a fresh open', async () => {
    const random = seededRandom(20261118);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const { root, uri, client } = await openLinted(BAD_NOTE);

    for (let step = 1; step <= 300; step++) {
      const changes: TextDocumentContentChangeEvent[] = [];
      const count = 1 + Math.floor(random() * 3);
      // The changes are applied one after the other: each one's positions are in the text the previous left.
      const scratch = TextDocument.create(uri, 'markdown', 0, client.text(uri));
      for (let i = 0; i < count; i++) {
        const length = scratch.getText().length;
        const start = Math.floor(random() * (length + 1));
        const end = random() < 0.5 ? start : Math.min(length, start + Math.floor(random() * 40));
        const insert = random() < 0.85 ? pick(FRAGMENTS) : String.fromCharCode(Math.floor(random() * 0x3000));
        const change = { range: { start: scratch.positionAt(start), end: scratch.positionAt(end) }, text: insert };
        changes.push(change);
        TextDocument.update(scratch, [change], i + 1);
      }
      await client.change(uri, changes);
      if (step % 30 === 0) await client.waitForDiagnostics(uri, client.version(uri), { timeout: 20_000 });
    }
    const final = await client.waitForDiagnostics(uri, client.version(uri), { timeout: 20_000 });
    checkRanges(client, uri, client.published(uri));
    expect(
      client.statuses(uri).filter((s) => s.state === 'failed'),
      client.stderr,
    ).toEqual([]);

    // The server's copy is the client's: the same text opened fresh gets the same diagnostics.
    const fresh = fileUri(path.join(root, 'fresh.md'));
    await client.open(fresh, client.text(uri));
    const again = await client.waitForDiagnostics(fresh, 1, { timeout: 20_000 });
    const strip = (list: readonly Diagnostic[]) =>
      list.map((d) => ({ code: d.code, range: d.range, message: d.message, severity: d.severity }));
    expect(strip(again.diagnostics)).toEqual(strip(final.diagnostics));
    expect(await client.shutdown()).toBe(0);
  }, 120_000);
});

describe('a note that takes too long to read', () => {
  test('fails with its reason once the time limit passes, while the server keeps answering for other notes, and the next lint works', async () => {
    // remark needs tens of seconds for one list of 100,000 items; the server may spend 1.5 s on a note here.
    const deep = `---\naccount: Deep Corp\n---\n${'- item\n'.repeat(100_000)}`;
    const root = makeWorkspace({});
    const client = await LspClient.start(root, { env: { NOTELINT_LINT_TIME_LIMIT_MS: '1500' } });
    const good = fileUri(path.join(root, 'good.md'));
    const slow = fileUri(path.join(root, 'deep.md'));
    const goodText = `---\ndate: 2026-11-18\naccount: Fuzz Corp\nbuyer: [Mary Chen]\n---\n- [ ] Mary: send the usage export by Friday\n`;
    await client.open(good, goodText);
    await client.waitForDiagnostics(good, 1, { timeout: 20_000 });

    const before = client.mark();
    await client.open(slow, deep);
    // Asked while the deep note is being read: answered before that lint gives up.
    expect(await hoverFriday(client, good)).toContain('2026-11-20');
    const answeredAt = client.mark();
    const status = await client.waitForStatus(slow, 'failed', { after: before, timeout: 30_000 });
    expect(status.reason).toMatch(/took longer than 1\.5 s/);
    expect(client.mark()).toBeGreaterThan(answeredAt);
    const shown = await client.waitForDiagnostics(slow, 1, { after: before, timeout: 5_000 });
    expect(shown.diagnostics).toHaveLength(1);
    expect(shown.diagnostics[0].message).toMatch(/^notelint cannot check this note: reading it took longer than/);

    // The worker was stopped; the next lint gets a new one.
    const version = await client.append(good, '- [ ] We will follow up next week\n');
    const next = await client.waitForDiagnostics(good, version, { timeout: 20_000 });
    expect(codes(next.diagnostics)).toContain('no-vague-follow-up');
    expect(await client.shutdown()).toBe(0);
  }, 90_000);
  test('never holds up another note: an edit of a short note is linted while the long one is still being read', async () => {
    // 10,000 tiny lists: seconds of parsing for little memory (so that it is still being read, not given up).
    const slowText = `---\naccount: Deep Corp\n---\n${'- a\n\npara\n\n'.repeat(10_000)}`;
    const root = makeWorkspace({});
    const client = await LspClient.start(root, { env: { NOTELINT_LINT_TIME_LIMIT_MS: '60000' } });
    const good = fileUri(path.join(root, 'good.md'));
    const slow = fileUri(path.join(root, 'deep.md'));
    await client.open(
      good,
      `---\ndate: 2026-11-18\naccount: Fuzz Corp\nbuyer: [Mary Chen]\n---\n- [ ] Mary: send the usage export by Friday\n`,
    );
    await client.waitForDiagnostics(good, 1, { timeout: 20_000 });
    const before = client.mark();
    await client.open(slow, slowText);
    // Typed after the long note was opened (and its lint started): linted in the quick lane.
    const version = await client.append(good, '- [ ] We will follow up next week\n');
    const edited = await client.waitForDiagnostics(good, version, { after: before, timeout: 20_000 });
    expect(codes(edited.diagnostics)).toContain('no-vague-follow-up');
    // The long note's own outcome comes after the short note's new diagnostics.
    await client.waitForStatus(slow, undefined, { after: before, timeout: 90_000 });
    const seqOf = (pick: (e: (typeof client.events)[number]) => boolean) => client.events.find((e) => e.seq > before && pick(e))!.seq;
    const editedSeq = seqOf((e) => e.kind === 'diagnostics' && e.params.uri === good && e.params.version === version);
    const slowSeq = seqOf((e) => e.kind === 'status' && e.params.uri === slow);
    expect(slowSeq).toBeGreaterThan(editedSeq);
    expect(await client.shutdown()).toBe(0);
  }, 150_000);
});

describe('a note over the size limit', () => {
  test('gets one error saying so, with the config key, and is not read; a smaller note still is', async () => {
    const root = makeWorkspace({ '.notelintrc.json': JSON.stringify({ maxNoteBytes: 2048 }) });
    const client = await LspClient.start(root);
    const big = fileUri(path.join(root, 'big.md'));
    const small = fileUri(path.join(root, 'small.md'));
    await client.open(big, `---\naccount: Acme\n---\n${'We will follow up next week.\n'.repeat(100)}`);
    const shown = await client.waitForDiagnostics(big, 1);
    expect(shown.diagnostics.map((d) => d.message)).toEqual([
      'notelint cannot check this note: it is 2.9 KB, more than the 2 KB notelint reads (config "maxNoteBytes"): it was not linted. Split it into smaller notes, or raise the limit.',
    ]);
    await client.open(small, '---\naccount: Acme\n---\nWe will follow up next week.\n');
    expect(codes((await client.waitForDiagnostics(small, 1)).diagnostics)).toContain('no-vague-follow-up');
    expect(await client.shutdown()).toBe(0);
  });
});
