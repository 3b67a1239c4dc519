/**
 * Protocol tests (the real server over stdio): which Markdown files are linted, settings pulled with
 * workspace/configuration, config files watched and reloaded, and bad config survived.
 */
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import type { DidChangeWatchedFilesRegistrationOptions, DocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { byCode, codes, fileUri, LspClient, makeWorkspace, openNote, removeWorkspaces, stopAllServers } from './helpers/lsp-client.js';
import { BAD_NOTE, BAD_NOTE_CODES, BARE_NOTE, PLAIN_README } from './helpers/lsp-notes.js';

afterEach(stopAllServers);
afterAll(removeWorkspaces);

const PACKAGE_JSON = JSON.stringify({ name: 'left-pad-plus', version: '1.0.0', main: 'index.js' });

/** What the server showed the user: window/showMessage notifications and window/showMessageRequest requests. */
function shownMessages(client: LspClient): { type: number; message: string }[] {
  return client.events.flatMap((e) =>
    (e.kind === 'notification' && e.method === 'window/showMessage') || (e.kind === 'request' && e.method === 'window/showMessageRequest')
      ? [e.params as { type: number; message: string }]
      : [],
  );
}

describe('which files are linted', () => {
  test('lints a note whose front matter has account:, even in a code repository with no config', async () => {
    const note = '---\naccount: Initech\n---\n# Initech — intro call\n\nWe will follow up next week.\n';
    const { uri, client } = await openNote(note, { file: 'docs/initech.md', files: { 'package.json': PACKAGE_JSON } });
    const status = await client.waitForStatus(uri);
    expect(status.state).toBe('linted');
    const { diagnostics } = await client.waitForDiagnostics(uri, 1);
    expect(codes(diagnostics)).toContain('no-vague-follow-up');
    expect(status.problems).toBe(diagnostics.length);
    expect(await client.shutdown()).toBe(0);
  });

  test.each([
    ['seller', 'seller: [Dana Lee]'],
    ['buyer', 'buyer: [Mary Chen]'],
    ['type: meeting', 'type: meeting'],
  ])('lints a note whose front matter has %s', async (_, line) => {
    const note = `---\n${line}\n---\n# Call\n\nWe will follow up next week.\n`;
    const { uri, client } = await openNote(note, { file: 'call.md', files: { 'package.json': PACKAGE_JSON } });
    expect((await client.waitForStatus(uri)).state).toBe('linted');
    expect(codes((await client.waitForDiagnostics(uri, 1)).diagnostics)).toContain('no-vague-follow-up');
    expect(await client.shutdown()).toBe(0);
  });

  test('a plain README in a folder with package.json and no config gets no diagnostics (status skipped)', async () => {
    const { uri, client } = await openNote(PLAIN_README, { file: 'README.md', files: { 'package.json': PACKAGE_JSON } });
    const status = await client.waitForStatus(uri);
    expect(status.state).toBe('skipped');
    // Typing in it changes nothing.
    const typed = client.mark();
    await client.replace(uri, 'A tiny library.', 'A tiny library. Ping me on Friday.');
    await client.waitForStatus(uri, undefined, { after: typed });
    expect(client.statuses(uri).map((s) => s.state)).toEqual(client.statuses(uri).map(() => 'skipped'));
    const nonEmpty = client.published(uri).filter((p) => p.diagnostics.length > 0);
    expect(nonEmpty, client.describe()).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });

  test('a pulling client gets an empty report for the plain README', async () => {
    const { uri, client } = await openNote(PLAIN_README, {
      file: 'README.md',
      files: { 'package.json': PACKAGE_JSON },
      pullDiagnostics: true,
    });
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind === 'full' ? report.items : report).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });

  test('the same README is linted once notelint.lintAllMarkdown is true, and quiet again when it is false', async () => {
    const { uri, client } = await openNote(PLAIN_README, { file: 'README.md', files: { 'package.json': PACKAGE_JSON } });
    expect((await client.waitForStatus(uri)).state).toBe('skipped');

    let mark = await client.setSettings({ lintAllMarkdown: true });
    const linted = await client.waitForPublish(uri, (p) => p.diagnostics.length > 0, 'README diagnostics with lintAllMarkdown', {
      after: mark,
    });
    expect(codes(linted.diagnostics)).toContain('no-vague-follow-up');
    expect((await client.waitForStatus(uri, 'linted', { after: mark })).problems).toBe(linted.diagnostics.length);

    mark = await client.setSettings({ lintAllMarkdown: false });
    await client.waitForPublish(uri, (p) => p.diagnostics.length === 0, 'README diagnostics cleared', { after: mark });
    expect((await client.waitForStatus(uri, undefined, { after: mark })).state).toBe('skipped');
    expect(await client.shutdown()).toBe(0);
  });

  test('lints a note without front matter in a folder with .notelintrc.json', async () => {
    const { uri, client } = await openNote(BARE_NOTE, {
      file: 'notes/initech.md',
      files: { 'package.json': PACKAGE_JSON, '.notelintrc.json': '{}' },
    });
    expect((await client.waitForStatus(uri)).state).toBe('linted');
    expect(codes((await client.waitForDiagnostics(uri, 1)).diagnostics)).toContain('no-vague-follow-up');
    expect(await client.shutdown()).toBe(0);
  });

  test("does not lint a note the config's ignore globs leave out, nor one outside its include globs", async () => {
    const root = makeWorkspace({
      '.notelintrc.json': JSON.stringify({ include: ['notes/**'], ignore: ['notes/drafts/**'] }),
      'notes/initech.md': BARE_NOTE,
      'notes/drafts/initech.md': BARE_NOTE,
      'misc/initech.md': BARE_NOTE,
    });
    const client = await LspClient.start(root);
    const linted = fileUri(path.join(root, 'notes/initech.md'));
    const ignored = fileUri(path.join(root, 'notes/drafts/initech.md'));
    const notIncluded = fileUri(path.join(root, 'misc/initech.md'));
    for (const uri of [linted, ignored, notIncluded]) await client.open(uri, BARE_NOTE);
    expect((await client.waitForStatus(linted)).state).toBe('linted');
    expect((await client.waitForStatus(ignored)).state).toBe('skipped');
    expect((await client.waitForStatus(notIncluded)).state).toBe('skipped');
    expect(codes((await client.waitForDiagnostics(linted, 1)).diagnostics)).toContain('no-vague-follow-up');
    for (const uri of [ignored, notIncluded]) {
      expect(
        client.published(uri).filter((p) => p.diagnostics.length > 0),
        uri,
      ).toEqual([]);
    }
    expect(await client.shutdown()).toBe(0);
  });

  test("a config file's ignore globs silence a note even when its front matter marks it as meeting notes; the same note elsewhere is linted", async () => {
    const note = '---\naccount: Initech\nseller: [Dana Lee]\n---\n# Initech — [title]\n\nWe will follow up next week.\n';
    const root = makeWorkspace({
      '.notelintrc.json': JSON.stringify({ ignore: ['templates/**'] }),
      'templates/meeting.md': note,
      'notes/meeting.md': note,
    });
    const client = await LspClient.start(root);
    const template = fileUri(path.join(root, 'templates/meeting.md'));
    const linted = fileUri(path.join(root, 'notes/meeting.md'));
    for (const uri of [template, linted]) await client.open(uri, note);
    const status = await client.waitForStatus(template);
    expect(status.state, JSON.stringify(status)).toBe('skipped');
    expect(status.problems).toBe(0);
    expect((await client.waitForDiagnostics(template, 1)).diagnostics).toEqual([]);
    expect((await client.waitForStatus(linted)).state).toBe('linted');
    expect(codes((await client.waitForDiagnostics(linted, 1)).diagnostics)).toContain('no-vague-follow-up');
    // Typing in the template changes nothing.
    const typed = client.mark();
    const version = await client.append(template, 'Let us circle back next week.\n');
    await client.waitForDiagnostics(template, version, { after: typed });
    expect(
      client.published(template).filter((p) => p.diagnostics.length > 0),
      client.describe(),
    ).toEqual([]);
    expect(client.statuses(template).map((s) => s.state)).toEqual(client.statuses(template).map(() => 'skipped'));
    expect(await client.shutdown()).toBe(0);
  });

  test('front matter broken while typing (an unclosed [ list) in a note with account: is still linted, with invalid-front-matter', async () => {
    const { uri, client } = await openNote(BAD_NOTE, { file: 'a.md' });
    expect(codes((await client.waitForDiagnostics(uri, 1)).diagnostics)).toEqual(BAD_NOTE_CODES);
    // The first lint's status follows its diagnostics: wait for it, so the status read below is the edit's.
    await client.waitForStatus(uri);
    const typed = client.mark();
    const version = await client.replace(uri, 'buyer: [Mary Chen, Jim Park]', 'buyer: [Mary Chen, Jim Park');
    const published = await client.waitForDiagnostics(uri, version, { after: typed });
    expect(codes(published.diagnostics), client.describe()).toContain('invalid-front-matter');
    const status = await client.waitForStatus(uri, undefined, { after: typed });
    expect(status.state, JSON.stringify(status)).toBe('linted');
    expect(status.problems).toBe(published.diagnostics.length);
    // Opened that way (no config file anywhere), too.
    const broken = fileUri(path.join(client.workspace, 'b.md'));
    await client.open(broken, client.text(uri));
    expect((await client.waitForStatus(broken)).state).toBe('linted');
    expect(codes((await client.waitForDiagnostics(broken, 1)).diagnostics)).toContain('invalid-front-matter');
    expect(await client.shutdown()).toBe(0);
  });

  test('a notelint key in package.json is a config: a note without front matter beside it is linted', async () => {
    const pkg = JSON.stringify({ name: 'sales-notes', private: true, notelint: { rules: { 'require-meeting-date': 'off' } } });
    const { uri, client } = await openNote(BARE_NOTE, { file: 'initech.md', files: { 'package.json': pkg } });
    expect((await client.waitForStatus(uri)).state).toBe('linted');
    expect(codes((await client.waitForDiagnostics(uri, 1)).diagnostics)).toContain('no-vague-follow-up');
    expect(await client.shutdown()).toBe(0);
  });
});

describe('settings', () => {
  test('reads the notelint section with workspace/configuration, scoped to the document', async () => {
    const root = makeWorkspace({ 'a.md': BAD_NOTE, 'b.md': BAD_NOTE });
    const a = fileUri(path.join(root, 'a.md'));
    const b = fileUri(path.join(root, 'b.md'));
    const client = await LspClient.start(root, { scopedSettings: { [a]: { rules: { 'no-vague-follow-up': 'off' } } } });
    await client.open(a, BAD_NOTE);
    await client.open(b, BAD_NOTE);
    const items = client.configurationRequests.flatMap((r) => r.items);
    expect(codes((await client.waitForDiagnostics(a, 1)).diagnostics)).not.toContain('no-vague-follow-up');
    expect(codes((await client.waitForDiagnostics(b, 1)).diagnostics)).toEqual(BAD_NOTE_CODES);
    const after = client.configurationRequests.flatMap((r) => r.items);
    expect(after.length).toBeGreaterThanOrEqual(items.length);
    expect(
      after.some((item) => item.section === 'notelint' && item.scopeUri === a),
      JSON.stringify(after),
    ).toBe(true);
    expect(await client.shutdown()).toBe(0);
  });

  test('a client without workspace.configuration is never asked, and gets the defaults', async () => {
    const { uri, client } = await openNote(BAD_NOTE, { file: 'a.md', configuration: false });
    expect(codes((await client.waitForDiagnostics(uri, 1)).diagnostics)).toEqual(BAD_NOTE_CODES);
    // A change of settings and an edit: still nothing asked.
    await client.setSettings({});
    await client.replace(uri, 'Mary 😀', 'Mary 🙂');
    expect(codes((await client.waitForDiagnostics(uri, 2)).diagnostics)).toEqual(BAD_NOTE_CODES);
    expect(client.events.filter((e) => e.kind === 'request' && e.method === 'workspace/configuration')).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });

  test('notelint.rules in the settings override the config file, and are read again on didChangeConfiguration', async () => {
    const config = { rules: { 'no-vague-follow-up': 'error' } };
    const { uri, client } = await openNote(BAD_NOTE, { file: 'a.md', files: { '.notelintrc.json': JSON.stringify(config) } });
    const first = await client.waitForDiagnostics(uri, 1);
    expect(byCode(first.diagnostics, 'no-vague-follow-up').severity).toBe(1);

    const mark = await client.setSettings({ rules: { 'no-vague-follow-up': 'off', 'prefer-absolute-date': 'error' } });
    const next = await client.waitForPublish(
      uri,
      (p) => !codes(p.diagnostics).includes('no-vague-follow-up'),
      'diagnostics without no-vague-follow-up',
      { after: mark },
    );
    expect(codes(next.diagnostics)).toEqual(['prefer-absolute-date', 'require-client-action', 'require-dated-next-event']);
    expect(byCode(next.diagnostics, 'prefer-absolute-date').severity).toBe(1);
    expect(await client.shutdown()).toBe(0);
  });

  test('notelint.enable false clears the diagnostics, true brings them back', async () => {
    const { uri, client } = await openNote(BAD_NOTE, { file: 'a.md' });
    await client.waitForDiagnostics(uri, 1);
    let mark = await client.setSettings({ enable: false });
    await client.waitForPublish(uri, (p) => p.diagnostics.length === 0, 'diagnostics cleared', { after: mark });
    // Still off after an edit (longer than the debounce: a publish would have come by then).
    const version = await client.replace(uri, 'Mary 😀', 'Mary 🙂');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(
      client.published(uri, mark).filter((p) => p.diagnostics.length > 0),
      client.describe(),
    ).toEqual([]);
    mark = await client.setSettings({ enable: true });
    const back = await client.waitForPublish(uri, (p) => p.diagnostics.length > 0, 'diagnostics back', { after: mark });
    expect(back.version).toBe(version);
    expect(codes(back.diagnostics)).toEqual(BAD_NOTE_CODES);
    expect(await client.shutdown()).toBe(0);
  });
});

describe('config files', () => {
  test('registers a watcher for config files dynamically when the client allows it', async () => {
    const root = makeWorkspace({});
    const client = await LspClient.start(root, { watchedFilesDynamicRegistration: true });
    await client.waitFor(
      (e) =>
        e.kind === 'request' &&
        e.method === 'client/registerCapability' &&
        client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles')
          ? true
          : undefined,
      'a didChangeWatchedFiles registration',
    );
    const registration = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    const watchers = (registration?.registerOptions as DidChangeWatchedFilesRegistrationOptions | undefined)?.watchers ?? [];
    const globs = watchers.map((w) => (typeof w.globPattern === 'string' ? w.globPattern : w.globPattern.pattern));
    expect(
      globs.some((g) => g.includes('.notelintrc')),
      JSON.stringify(globs),
    ).toBe(true);
    expect(
      globs.some((g) => g.includes('package.json')),
      JSON.stringify(globs),
    ).toBe(true);
    expect(await client.shutdown()).toBe(0);
  });

  test('registers no watcher when the client cannot register one dynamically', async () => {
    const { uri, client } = await openNote(BAD_NOTE, { file: 'a.md', watchedFilesDynamicRegistration: false });
    await client.waitForDiagnostics(uri, 1);
    expect(client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles')).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });

  test('a changed .notelintrc.json and didChangeWatchedFiles republish every open note without the rule set to off', async () => {
    const root = makeWorkspace({ '.notelintrc.json': '{}', 'a.md': BAD_NOTE, 'deals/b.md': BAD_NOTE });
    const uris = [fileUri(path.join(root, 'a.md')), fileUri(path.join(root, 'deals/b.md'))];
    const client = await LspClient.start(root);
    for (const uri of uris) {
      await client.open(uri, BAD_NOTE);
      expect(codes((await client.waitForDiagnostics(uri, 1)).diagnostics)).toEqual(BAD_NOTE_CODES);
    }
    const mark = await client.changeFiles({ '.notelintrc.json': JSON.stringify({ rules: { 'no-vague-follow-up': 'off' } }) });
    for (const uri of uris) {
      const next = await client.waitForPublish(uri, () => true, `diagnostics of ${uri} after the config change`, { after: mark });
      expect(codes(next.diagnostics)).toEqual(['prefer-absolute-date', 'require-client-action', 'require-dated-next-event']);
    }
    expect(await client.shutdown()).toBe(0);
  });

  test('a new .notelintrc.yaml (created) is picked up, and so is a notelint key added to package.json', async () => {
    const { root, uri, client } = await openNote(BAD_NOTE, { file: 'a.md', files: { 'package.json': PACKAGE_JSON } });
    expect(codes((await client.waitForDiagnostics(uri, 1)).diagnostics)).toEqual(BAD_NOTE_CODES);

    let mark = await client.changeFiles({ '.notelintrc.yaml': 'rules:\n  prefer-absolute-date: "off"\n' }, 1);
    let next = await client.waitForPublish(uri, () => true, 'diagnostics after .notelintrc.yaml was created', { after: mark });
    expect(codes(next.diagnostics)).toEqual(['no-vague-follow-up', 'require-client-action', 'require-dated-next-event']);

    // Without the yaml file, the package.json key is the config.
    const { rmSync } = await import('node:fs');
    rmSync(path.join(root, '.notelintrc.yaml'));
    const pkg = JSON.stringify({ name: 'sales-notes', notelint: { rules: { 'require-client-action': 'off' } } });
    mark = await client.changeFiles({ 'package.json': pkg });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(root, '.notelintrc.yaml')), type: 3 }] });
    next = await client.waitForPublish(
      uri,
      (p) => codes(p.diagnostics).join() === 'no-vague-follow-up,prefer-absolute-date,require-dated-next-event',
      'diagnostics with the package.json config',
      { after: mark },
    );
    expect(await client.shutdown()).toBe(0);
  });

  test('a broken config file does not kill the server: it still lints, answers and recovers', async () => {
    const { uri, client } = await openNote(BAD_NOTE, { file: 'a.md', files: { '.notelintrc.json': '{}' } });
    await client.waitForDiagnostics(uri, 1);

    for (const broken of [
      '{ "rules": { "no-vague-follow-up": ',
      '{"rules": {"no-such-rule": "loud"}, "locale": 42}',
      '\u0000\u00ff garbage',
    ]) {
      const mark = await client.changeFiles({ '.notelintrc.json': broken });
      const version = await client.replace(uri, 'Mary', 'Mary');
      await client.waitForStatus(uri, undefined, { after: mark });
      const hover = await client.hover(uri, client.rangeOf(uri, 'Friday').start);
      expect(hover === null || typeof hover === 'object').toBe(true);
      expect(client.isRunning()).toBe(true);
      expect(version).toBeGreaterThan(1);
    }
    // A valid config again: linted as before.
    const mark = await client.changeFiles({ '.notelintrc.json': JSON.stringify({ rules: { 'prefer-absolute-date': 'off' } }) });
    const next = await client.waitForPublish(uri, (p) => p.diagnostics.length > 0, 'diagnostics after the config was repaired', {
      after: mark,
    });
    expect(codes(next.diagnostics)).toEqual(['no-vague-follow-up', 'require-client-action', 'require-dated-next-event']);
    expect(await client.shutdown()).toBe(0);
  });

  test('a broken package.json (a missing comma): a plain README stays quiet with no error message; a meeting note beside it gets one error naming package.json, and its problems once it is fixed', async () => {
    const broken = '{\n  "name": "left-pad-plus"\n  "version": "1.0.0"\n}\n';
    const meeting = '---\naccount: Initech\n---\n# Initech — intro call\n\nWe will follow up next week.\n';
    const root = makeWorkspace({ 'package.json': broken, 'README.md': PLAIN_README, 'initech.md': meeting });
    const client = await LspClient.start(root);
    const readme = fileUri(path.join(root, 'README.md'));
    const note = fileUri(path.join(root, 'initech.md'));

    await client.open(readme, PLAIN_README);
    const quiet = await client.waitForStatus(readme);
    expect(quiet.state, JSON.stringify(quiet)).toBe('skipped');
    expect((await client.waitForDiagnostics(readme, 1)).diagnostics).toEqual([]);
    expect(shownMessages(client), client.describe()).toEqual([]);

    await client.open(note, meeting);
    const failed = await client.waitForStatus(note);
    expect(failed.state, JSON.stringify(failed)).toBe('failed');
    const { diagnostics } = await client.waitForDiagnostics(note, 1);
    expect(diagnostics, JSON.stringify(diagnostics)).toHaveLength(1);
    expect(diagnostics[0].severity).toBe(1);
    expect(diagnostics[0].range.start.line).toBe(0);
    expect(diagnostics[0].message).toContain('package.json');
    // Said once as an error message (server/README.md), naming the file.
    const shown = shownMessages(client);
    expect(shown, client.describe()).toHaveLength(1);
    expect(shown[0].type).toBe(1);
    expect(shown[0].message).toContain('package.json');
    // The README still has nothing.
    expect(
      client.published(readme).filter((p) => p.diagnostics.length > 0),
      client.describe(),
    ).toEqual([]);

    const mark = await client.changeFiles({ 'package.json': PACKAGE_JSON });
    const fixed = await client.waitForPublish(note, () => true, 'the note after package.json was fixed', { after: mark });
    expect(codes(fixed.diagnostics)).toContain('no-vague-follow-up');
    expect(JSON.stringify(fixed.diagnostics)).not.toContain('package.json');
    expect((await client.waitForStatus(note, undefined, { after: mark })).state).toBe('linted');
    expect((await client.waitForStatus(readme, undefined, { after: mark })).state).toBe('skipped');
    expect(await client.shutdown()).toBe(0);
  });

  test('a note opened while its config is broken gets a status, and the server keeps answering', async () => {
    const { uri, client } = await openNote(BAD_NOTE, { file: 'a.md', files: { '.notelintrc.json': '{ nope' } });
    const status = await client.waitForStatus(uri);
    expect(['linted', 'failed', 'skipped']).toContain(status.state);
    const hover = await client.hover(uri, client.rangeOf(uri, 'Friday').start);
    expect(hover === null || typeof hover === 'object').toBe(true);
    expect(await client.shutdown()).toBe(0);
  });
});
