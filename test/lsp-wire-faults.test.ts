/**
 * Protocol tests (the real server over stdio) for faults in the wire format itself: malformed message
 * headers, a Content-Length far too large to honour, and requests after `shutdown`. The server must
 * say what was wrong, skip the bad bytes without buffering them, and keep serving the next messages.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { type LspClient, openLinted, removeWorkspaces, stopAllServers } from './helpers/lsp-client.js';
import { BAD_NOTE } from './helpers/lsp-notes.js';
import { TextDocument } from 'vscode-languageserver-textdocument';

afterEach(stopAllServers);
afterAll(removeWorkspaces);

/** One LSP frame around `body` (Content-Length counts bytes). */
function frame(body: string | Buffer): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

/** The hover on "Friday" (2026-11-20 in BAD_NOTE), as text. */
async function hoverFriday(client: LspClient, uri: string): Promise<string> {
  const position = client.rangeOf(uri, 'Friday').start;
  const hover = await client.hover(uri, { ...position, character: position.character + 1 });
  return JSON.stringify(hover?.contents ?? '');
}

/** A field of the server process's /proc/<pid>/status, in MB (VmRSS: now; VmHWM: the peak so far). */
function memoryMb(client: LspClient, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${String(client.child.pid)}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s*(\\d+) kB`, 'm').exec(status)?.[1];
  if (kb === undefined) throw new Error(`no ${field} in /proc/${String(client.child.pid)}/status`);
  return Number(kb) / 1024;
}

/** Everything the server logged: its stderr and its window/logMessage notifications. */
function logged(client: LspClient): { stderr: string; logMessages: string } {
  const messages = client.notifications('window/logMessage').map((p) => String((p as { message?: unknown }).message));
  return { stderr: client.stderr, logMessages: messages.join('\n') };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('malformed message headers', () => {
  test('each bad header is logged and skipped; the valid frame right after it is read', async () => {
    const { uri, client } = await openLinted(BAD_NOTE);
    // Each good frame appends a vague follow-up to the note: the last version's diagnostics count the frames read.
    const FOLLOW_UP = '- [ ] Dana: follow up next week\n';
    const scratch = TextDocument.create(uri, 'markdown', 1, BAD_NOTE);
    const appendFrame = (): Buffer => {
      const end = scratch.positionAt(scratch.getText().length);
      const change = { range: { start: end, end }, text: FOLLOW_UP };
      TextDocument.update(scratch, [change], scratch.version + 1);
      const params = { textDocument: { uri, version: scratch.version }, contentChanges: [change] };
      return frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params }));
    };

    const bad: [string, Buffer][] = [
      ['a header line without a colon', Buffer.from('Content-Length 12\r\n\r\n{"jsonrpc":1}', 'ascii')],
      ['a Content-Length that is not a number', Buffer.from('Content-Length: abc\r\n\r\n{}', 'ascii')],
      ['a negative Content-Length', Buffer.from('Content-Length: -5\r\n\r\n{"a":1}', 'ascii')],
      ['a non-ASCII header', Buffer.from('Content-Length: 2\r\nX-Ünïcode: ja\r\n\r\n{}', 'utf8')],
      ['no Content-Length at all', Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}', 'ascii')],
      ['a header that never ends', Buffer.from(`Content-Length: 2${'x'.repeat(20_000)}`, 'ascii')],
    ];
    for (const [what, bytes] of bad) {
      await client.writeRaw(Buffer.concat([bytes, appendFrame()]));
      expect(client.isRunning(), `after ${what}\n${client.stderr}`).toBe(true);
    }
    const published = await client.waitForDiagnostics(uri, scratch.version, { timeout: 20_000 });
    expect(published.diagnostics.filter((d) => d.code === 'no-vague-follow-up')).toHaveLength(1 + bad.length);

    // Still in step with the client: its own requests are answered, in order, with the right content.
    expect(await hoverFriday(client, uri)).toContain('2026-11-20');
    await expect(client.request('notelint/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    expect(await hoverFriday(client, uri)).toContain('2026-11-20');

    const { stderr, logMessages } = logged(client);
    console.log(`server stderr after the bad headers:\n${stderr}`);
    for (const log of [stderr, logMessages]) {
      expect(log).toMatch(/bad LSP message header/i);
      expect(log).toMatch(/not "name: value".*Content-Length 12/i);
      expect(log).toMatch(/Content-Length.*abc/);
      expect(log).toMatch(/Content-Length.*-5/);
      expect(log).toMatch(/not printable ASCII/i);
      expect(log).toMatch(/no Content-Length/i);
      expect(log).toMatch(/no end .* within \d+ bytes/i);
    }
    expect(await client.shutdown()).toBe(0);
  });
});

describe('a huge Content-Length', () => {
  test('is rejected and its bytes are skipped, not buffered: the server stays small and answers the next request', async () => {
    const { uri, client } = await openLinted(BAD_NOTE);
    expect(await hoverFriday(client, uri)).toContain('2026-11-20');
    const rssBefore = memoryMb(client, 'VmRSS');
    const peakBefore = memoryMb(client, 'VmHWM');

    // 4 GB announced, then 160 MB of junk (more than the limit the test allows the server to grow by).
    await client.writeRaw('Content-Length: 4000000000\r\n\r\n');
    const junk = Buffer.alloc(1024 * 1024, 'junk! ');
    for (let i = 0; i < 160; i++) await client.writeRaw(junk);

    expect(await hoverFriday(client, uri)).toContain('2026-11-20');
    const rssAfter = memoryMb(client, 'VmRSS');
    const peakAfter = memoryMb(client, 'VmHWM');
    console.log(
      `server memory: VmRSS ${rssBefore.toFixed(1)} MB before, ${rssAfter.toFixed(1)} MB after; ` +
        `peak (VmHWM) ${peakBefore.toFixed(1)} MB before, ${peakAfter.toFixed(1)} MB after (grew ${(peakAfter - peakBefore).toFixed(1)} MB ` +
        `while 160 MB of junk went by)`,
    );
    expect(rssAfter - rssBefore).toBeLessThan(100);
    expect(peakAfter - rssBefore).toBeLessThan(100);

    const { stderr, logMessages } = logged(client);
    for (const log of [stderr, logMessages]) expect(log).toMatch(/4000000000 bytes.*(limit|too large)/i);
    expect(await client.shutdown()).toBe(0);
  }, 120_000);
});

describe('after shutdown', () => {
  test('requests get InvalidRequest (-32600), notifications are ignored, and exit exits with code 0', async () => {
    const { uri, client } = await openLinted(BAD_NOTE);
    expect(await client.request('shutdown', undefined)).toBeNull();

    await expect(client.hover(uri, { line: 0, character: 0 })).rejects.toMatchObject({ code: -32600 });
    await expect(client.request('notelint/noSuchMethod', {})).rejects.toMatchObject({ code: -32600 });
    await expect(client.request('shutdown', undefined)).rejects.toMatchObject({ code: -32600 });

    // A change after shutdown is not linted (the lint would run within 200 ms of it).
    const version = await client.append(uri, '- [ ] We will circle back\n');
    await sleep(800);
    expect(client.published(uri).filter((p) => p.version === version)).toEqual([]);
    expect(client.isRunning()).toBe(true);

    await client.notify('exit', undefined);
    const exit = await client.waitFor((e) => (e.kind === 'exit' ? e : undefined), 'the server to exit', { timeout: 10_000 });
    expect(exit.code, client.stderr).toBe(0);
  });
});
