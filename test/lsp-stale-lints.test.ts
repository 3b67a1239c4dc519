/**
 * Protocol tests (the real server over stdio): a lint still in flight when the editor's settings
 * answer comes late, when the settings or a config file change, or when the note is closed and
 * reopened, never publishes after the lint that replaced it. The client holds back
 * workspace/configuration answers (a slow editor) and a named pipe stands for a config file that is
 * slow to read.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, linkSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { codes, fileUri, LspClient, makeWorkspace, openNote, removeWorkspaces, stopAllServers } from './helpers/lsp-client.js';
import { BAD_NOTE, BAD_NOTE_CODES, GOOD_NOTE } from './helpers/lsp-notes.js';

afterEach(stopAllServers);
afterAll(removeWorkspaces);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The last publishDiagnostics for `uri`; throws when there was none. */
function lastPublish(client: LspClient, uri: string): PublishDiagnosticsParams {
  const last = client.published(uri).at(-1);
  if (!last) throw new Error(`nothing published for ${uri}\n${client.describe()}`);
  return last;
}

/** The publishes with problems that came after the first empty one (after `after`): a stale lint's. */
function problemsAfterEmpty(client: LspClient, uri: string, after: number): PublishDiagnosticsParams[] {
  const published = client.published(uri, after);
  const empty = published.findIndex((p) => p.diagnostics.length === 0);
  return empty < 0 ? [] : published.slice(empty + 1).filter((p) => p.diagnostics.length > 0);
}

describe('a late workspace/configuration answer', () => {
  test('an answer later than 2 s is still used: the note is linted again with it (enable: false leaves it empty and skipped)', async () => {
    const { uri, client } = await openNote(BAD_NOTE, { settings: { enable: false }, holdConfiguration: 1 });
    await client.waitForRequest('workspace/configuration');
    // After 2 s the server gives up waiting and lints with the defaults…
    const fallback = await client.waitForPublish(uri, (p) => p.diagnostics.length > 0, 'the lint with the default settings', {
      timeout: 8_000,
    });
    expect(codes(fallback.diagnostics)).toEqual(BAD_NOTE_CODES);
    // …and the editor's answer ({ enable: false }) comes half a second after that.
    await sleep(500);
    const released = client.mark();
    expect(client.releaseConfiguration()).toBe(1);

    await client.waitForPublish(uri, (p) => p.diagnostics.length === 0, 'the note linted again with the late answer', {
      after: released,
      timeout: 5_000,
    });
    await client.waitForStatus(uri, 'skipped', { after: released, timeout: 5_000 });
    await sleep(300);
    expect(lastPublish(client, uri).diagnostics, client.describe()).toEqual([]);
    expect(client.statuses(uri).at(-1)?.state, client.describe()).toBe('skipped');
    expect(await client.shutdown()).toBe(0);
  }, 20_000);
});

describe('a lint in flight when what it read changes', () => {
  test('settings changed (didChangeConfiguration with settings: null) while the first answer is held: nothing with problems after the empty publish', async () => {
    const { uri, client } = await openNote(BAD_NOTE, { holdConfiguration: 1 });
    await client.waitForRequest('workspace/configuration');
    const changed = await client.setSettings({ enable: false }, { push: false });
    // The server asks again, gets enable: false at once, and clears the note.
    await client.waitForPublish(uri, (p) => p.diagnostics.length === 0, 'the note cleared by enable: false', { after: changed });
    // Only now does the answer to the first request arrive, with what the settings were then (the defaults).
    const released = client.mark();
    expect(client.releaseConfiguration({})).toBe(1);
    await sleep(500);

    expect(problemsAfterEmpty(client, uri, changed), client.describe()).toEqual([]);
    expect(
      client.published(uri, released).filter((p) => p.diagnostics.length > 0),
      client.describe(),
    ).toEqual([]);
    expect(lastPublish(client, uri).diagnostics, client.describe()).toEqual([]);
    expect(client.statuses(uri).at(-1)?.state, client.describe()).toBe('skipped');
    expect(await client.shutdown()).toBe(0);
  });

  test.skipIf(process.platform === 'win32')(
    'a config file changed while the first lint is still reading it (a named pipe): the older config never publishes after the newer one',
    async () => {
      const root = makeWorkspace({ 'note.md': BAD_NOTE });
      const config = path.join(root, '.notelintrc.json');
      const pipe = path.join(root, 'slow-config.fifo');
      execFileSync('mkfifo', [pipe]);
      linkSync(pipe, config); // .notelintrc.json is the pipe: reading it waits for a writer
      const uri = fileUri(path.join(root, 'note.md'));
      const client = await LspClient.start(root);
      await client.open(uri, BAD_NOTE);

      // A writer can open the pipe (without blocking) only once the server has it open for reading.
      let fd: number | undefined;
      for (const deadline = Date.now() + 10_000; fd === undefined; await sleep(20)) {
        try {
          fd = openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENXIO' || Date.now() > deadline) throw error;
        }
      }
      try {
        // The lint of version 1 is now reading the pipe. The config file is replaced and the server told.
        writeFileSync(path.join(root, 'next-config.tmp'), JSON.stringify({ rules: { 'no-vague-follow-up': 'off' } }));
        renameSync(path.join(root, 'next-config.tmp'), config);
        const changed = client.mark();
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: 2 }] });
        const current = await client.waitForPublish(uri, () => true, 'the lint with the new config', { after: changed });
        expect(codes(current.diagnostics)).toEqual(BAD_NOTE_CODES.filter((c) => c !== 'no-vague-follow-up'));
        // Only now does the first lint get the old config: {}, all rules on.
        writeSync(fd, '{}');
      } finally {
        closeSync(fd);
      }
      await sleep(500);
      const stale = client.published(uri).filter((p) => codes(p.diagnostics).includes('no-vague-follow-up'));
      expect(stale, client.describe()).toEqual([]);
      expect(codes(lastPublish(client, uri).diagnostics), client.describe()).toEqual(
        BAD_NOTE_CODES.filter((c) => c !== 'no-vague-follow-up'),
      );
      expect(await client.shutdown()).toBe(0);
    },
  );
});

describe('close and reopen', () => {
  test('a note closed while it is being linted and reopened at version 1 with a good note: the last publish is the good note’s (empty)', async () => {
    const { uri, client } = await openNote(BAD_NOTE, { holdConfiguration: 1 });
    // The lint of the bad note waits for its settings; meanwhile the note is closed and reopened.
    await client.waitForRequest('workspace/configuration');
    await client.close(uri);
    const reopened = await client.open(uri, GOOD_NOTE, 1);
    const good = await client.waitForPublish(uri, (p) => p.version === 1 && p.diagnostics.length === 0, 'the good note’s publish', {
      after: reopened,
    });
    expect(good.diagnostics).toEqual([]);
    // The bad note's lint finishes now: it must not publish over the good note.
    const released = client.mark();
    expect(client.releaseConfiguration()).toBe(1);
    await sleep(500);
    expect(
      client.published(uri, released).filter((p) => p.diagnostics.length > 0),
      client.describe(),
    ).toEqual([]);
    expect(lastPublish(client, uri).diagnostics, client.describe()).toEqual([]);
    expect(client.statuses(uri).at(-1)?.state, client.describe()).toBe('linted');
    expect(await client.shutdown()).toBe(0);
  });
});
