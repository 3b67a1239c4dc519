/**
 * Protocol tests (the real server over stdio): code actions — rule fixes, disable comments, the
 * client-action and next-event templates, source.fixAll.notelint — and the notelint.applyAllFixes
 * command, each applied by the client and checked on the next publish.
 */
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import type { CodeAction, Command, Diagnostic, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol/node';
import { codes, fileUri, LspClient, makeWorkspace, removeWorkspaces, stopAllServers } from './helpers/lsp-client.js';
import {
  BAD_NOTE,
  BAD_NOTE_CODES,
  NO_NEXT_EVENT_NO_HEADING,
  NO_NEXT_EVENT_WITH_HEADING,
  PREFER_ABSOLUTE_FIXED,
  PREFER_ABSOLUTE_WRONG,
  SELLER_ONLY,
} from './helpers/lsp-notes.js';

afterEach(stopAllServers);
afterAll(removeWorkspaces);

/** docs/rules/require-dated-next-event.md, the first wrong example: a Next steps section, a call with no day. */
const UNDATED_CALL = `---
date: 2026-11-20
account: Acme Corp
seller: [Dana Lee]
buyer: [Mary Chen, Jim Park]
---
# Acme Corp — discovery

## Next steps
- [ ] Mary: share last quarter's ticket volumes by Wed Nov 25
- [ ] Follow-up call next week to go through pricing
`;

/** No front matter: linted because of the workspace's .notelintrc.json. */
const BARE_NOTE = `# Weekly call with Initech

**Date:** Tue Nov 24, 2026

Luis liked the demo. We will follow up next week.
`;

async function open(text: string, files: Record<string, string> = {}) {
  const root = makeWorkspace({ 'note.md': text, ...files });
  const uri = fileUri(path.join(root, 'note.md'));
  const client = await LspClient.start(root);
  await client.open(uri, text);
  const published = await client.waitForDiagnostics(uri, 1);
  return { client, uri, published };
}

function only(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  if (found.length === 0) throw new Error(`no ${code} among ${codes(diagnostics).join(', ')}`);
  return found[0];
}

async function codeActions(client: LspClient, uri: string, range: Range, diagnostics: Diagnostic[], kinds?: string[]) {
  const actions = await client.request<(CodeAction | Command)[] | null>('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, triggerKind: 1, ...(kinds ? { only: kinds } : {}) },
  });
  return actions ?? [];
}

function titled(actions: readonly (CodeAction | Command)[], title: string): CodeAction {
  const found = actions.find((a) => a.title === title);
  if (!found) throw new Error(`no action titled ${JSON.stringify(title)} among ${JSON.stringify(actions.map((a) => a.title))}`);
  if (!('kind' in found) && 'command' in found && typeof found.command === 'string') {
    throw new Error(`${title} is a bare Command, not a CodeAction`);
  }
  return found as CodeAction;
}

/** Applies the action's edit as the editor would (checking a versioned edit names the current version). */
async function apply(client: LspClient, uri: string, action: CodeAction): Promise<number> {
  const resolved = (await client.resolveAction(action)) as CodeAction;
  if (!resolved.edit) throw new Error(`action ${JSON.stringify(action.title)} has no edit: ${JSON.stringify(resolved)}`);
  for (const change of resolved.edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.version !== null) {
      expect(change.textDocument.version).toBe(client.version(uri));
    }
  }
  const before = client.version(uri);
  await client.applyWorkspaceEdit(resolved.edit);
  const after = client.version(uri);
  expect(after, 'the edit changed the document').toBeGreaterThan(before);
  return after;
}

function lineOf(text: string, needle: string): string {
  const line = text.split('\n').find((l) => l.includes(needle));
  if (line === undefined) throw new Error(`no line with ${JSON.stringify(needle)} in:\n${text}`);
  return line;
}

describe('quick fixes', () => {
  test("prefer-absolute-date's fix is the preferred quickfix, and applying each gives the docs' fixed text", async () => {
    const { client, uri, published } = await open(PREFER_ABSOLUTE_WRONG);
    expect(published.diagnostics.filter((d) => d.code === 'prefer-absolute-date')).toHaveLength(3);
    let diagnostics = published.diagnostics;
    for (let round = 0; round < 3; round++) {
      const diagnostic = only(diagnostics, 'prefer-absolute-date');
      const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
      const fix = titled(actions, 'Fix this prefer-absolute-date problem');
      expect(fix.kind).toBe('quickfix');
      expect(fix.isPreferred).toBe(true);
      const version = await apply(client, uri, fix);
      ({ diagnostics } = await client.waitForDiagnostics(uri, version));
    }
    expect(client.text(uri)).toBe(PREFER_ABSOLUTE_FIXED);
    expect(codes(diagnostics)).toEqual(['require-dated-next-event']);
    expect(await client.shutdown()).toBe(0);
  });

  test('"Disable <rule> for this line" appends the comment to that line, and the diagnostic is gone on the next publish', async () => {
    const { client, uri, published } = await open(BAD_NOTE);
    const diagnostic = only(published.diagnostics, 'no-vague-follow-up');
    const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
    const disable = titled(actions, 'Disable no-vague-follow-up for this line');
    const version = await apply(client, uri, disable);
    const text = client.text(uri);
    const line = lineOf(text, 'follow up next week');
    expect(line.startsWith('- [ ] Dana: 🚀 follow up next week')).toBe(true);
    expect(line).toContain('<!-- notelint-disable-line no-vague-follow-up -->');
    // Nothing else changed.
    expect(text.replace(line, '- [ ] Dana: 🚀 follow up next week')).toBe(BAD_NOTE);
    const next = await client.waitForDiagnostics(uri, version);
    expect(codes(next.diagnostics)).toEqual(BAD_NOTE_CODES.filter((c) => c !== 'no-vague-follow-up'));
    expect(await client.shutdown()).toBe(0);
  });

  test('"Disable <rule> for this file" inserts the comment after the front matter, and the diagnostic is gone', async () => {
    const { client, uri, published } = await open(BAD_NOTE);
    const diagnostic = only(published.diagnostics, 'prefer-absolute-date');
    const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
    const version = await apply(client, uri, titled(actions, 'Disable prefer-absolute-date for this file'));
    const text = client.text(uri);
    const comment = text.indexOf('<!-- notelint-disable prefer-absolute-date -->');
    const frontMatterEnd = BAD_NOTE.indexOf('\n---\n') + 5;
    expect(comment).toBeGreaterThanOrEqual(frontMatterEnd);
    expect(text.slice(0, frontMatterEnd)).toBe(BAD_NOTE.slice(0, frontMatterEnd));
    expect(text.indexOf('# Acme Corp — pricing')).toBeGreaterThan(comment);
    const next = await client.waitForDiagnostics(uri, version);
    expect(codes(next.diagnostics)).toEqual(BAD_NOTE_CODES.filter((c) => c !== 'prefer-absolute-date'));
    expect(await client.shutdown()).toBe(0);
  });

  test('"Disable <rule> for this file" in a note without front matter puts the comment at the top', async () => {
    const { client, uri, published } = await open(BARE_NOTE, { '.notelintrc.json': '{}' });
    const diagnostic = only(published.diagnostics, 'no-vague-follow-up');
    const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
    const version = await apply(client, uri, titled(actions, 'Disable no-vague-follow-up for this file'));
    const text = client.text(uri);
    expect(text.indexOf('<!-- notelint-disable no-vague-follow-up -->')).toBeLessThan(text.indexOf('We will follow up'));
    expect(text.endsWith(BARE_NOTE.slice(BARE_NOTE.indexOf('\n')))).toBe(true);
    const next = await client.waitForDiagnostics(uri, version);
    expect(codes(next.diagnostics)).not.toContain('no-vague-follow-up');
    expect(await client.shutdown()).toBe(0);
  });
});

describe('templates', () => {
  test('"Insert a client action" on a note failing require-client-action makes the rule go quiet', async () => {
    const { client, uri, published } = await open(SELLER_ONLY);
    const diagnostic = only(published.diagnostics, 'require-client-action');
    const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
    const insert = titled(actions, 'Insert a client action');
    const version = await apply(client, uri, insert);
    const text = client.text(uri);
    // Added at the end of the Next steps section (the end of this note), after the items already there.
    expect(text.startsWith(SELLER_ONLY.trimEnd())).toBe(true);
    expect(text.trimEnd().length).toBeGreaterThan(SELLER_ONLY.trimEnd().length);
    const next = await client.waitForDiagnostics(uri, version);
    expect(codes(next.diagnostics)).not.toContain('require-client-action');
    expect(await client.shutdown()).toBe(0);
  });

  test('"Insert a dated next event" into an existing Next steps section makes require-dated-next-event go quiet', async () => {
    const { client, uri, published } = await open(UNDATED_CALL);
    const diagnostic = only(published.diagnostics, 'require-dated-next-event');
    const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
    const version = await apply(client, uri, titled(actions, 'Insert a dated next event'));
    const text = client.text(uri);
    expect(text.match(/^#+ Next steps/gim)).toHaveLength(1);
    expect(text.startsWith(UNDATED_CALL.trimEnd())).toBe(true);
    const next = await client.waitForDiagnostics(uri, version);
    expect(codes(next.diagnostics)).not.toContain('require-dated-next-event');
    expect(await client.shutdown()).toBe(0);
  });

  test('"Insert a dated next event" into an Action items section makes require-dated-next-event go quiet', async () => {
    const { client, uri, published } = await open(NO_NEXT_EVENT_WITH_HEADING);
    const diagnostic = only(published.diagnostics, 'require-dated-next-event');
    const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
    const version = await apply(client, uri, titled(actions, 'Insert a dated next event'));
    const next = await client.waitForDiagnostics(uri, version);
    expect(codes(next.diagnostics)).not.toContain('require-dated-next-event');
    expect(await client.shutdown()).toBe(0);
  });

  test('"Insert a dated next event" with no Next steps heading creates the section, and the rule goes quiet', async () => {
    const { client, uri, published } = await open(NO_NEXT_EVENT_NO_HEADING);
    expect(NO_NEXT_EVENT_NO_HEADING).not.toMatch(/next steps/i);
    const diagnostic = only(published.diagnostics, 'require-dated-next-event');
    const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
    const version = await apply(client, uri, titled(actions, 'Insert a dated next event'));
    const text = client.text(uri);
    expect(text).toMatch(/^#+ Next steps\s*$/im);
    const next = await client.waitForDiagnostics(uri, version);
    expect(codes(next.diagnostics)).not.toContain('require-dated-next-event');
    expect(await client.shutdown()).toBe(0);
  });

  test('"Insert a client action" with no Next steps heading creates the section, and the rule goes quiet', async () => {
    const note = NO_NEXT_EVENT_NO_HEADING.replace("Hannah: send us the board's questions", 'Alex: send the pilot plan');
    const { client, uri, published } = await open(note);
    const diagnostic = only(published.diagnostics, 'require-client-action');
    const actions = await codeActions(client, uri, diagnostic.range, [diagnostic]);
    const version = await apply(client, uri, titled(actions, 'Insert a client action'));
    expect(client.text(uri)).toMatch(/^#+ Next steps\s*$/im);
    const next = await client.waitForDiagnostics(uri, version);
    expect(codes(next.diagnostics)).not.toContain('require-client-action');
    expect(await client.shutdown()).toBe(0);
  });
});

describe('fix all', () => {
  test.each([['source.fixAll.notelint'], ['source.fixAll']])(
    'a code action request with only: [%s] returns "Fix all notelint problems", which fixes the whole note',
    async (kind) => {
      const { client, uri } = await open(PREFER_ABSOLUTE_WRONG);
      const whole = { start: { line: 0, character: 0 }, end: client.doc(uri).positionAt(PREFER_ABSOLUTE_WRONG.length) };
      const actions = await codeActions(client, uri, whole, [], [kind]);
      expect(actions.map((a) => a.title)).toEqual(['Fix all notelint problems']);
      const fixAll = titled(actions, 'Fix all notelint problems');
      expect(fixAll.kind).toBe('source.fixAll.notelint');
      const version = await apply(client, uri, fixAll);
      expect(client.text(uri)).toBe(PREFER_ABSOLUTE_FIXED);
      const next = await client.waitForDiagnostics(uri, version);
      expect(codes(next.diagnostics)).toEqual(['require-dated-next-event']);
      expect(await client.shutdown()).toBe(0);
    },
  );

  test('the notelint.applyAllFixes command sends a workspace/applyEdit that fixes the note', async () => {
    const { client, uri } = await open(PREFER_ABSOLUTE_WRONG);
    expect(client.initializeResult.capabilities.executeCommandProvider?.commands).toContain('notelint.applyAllFixes');
    const mark = client.mark();
    await client.request('workspace/executeCommand', { command: 'notelint.applyAllFixes', arguments: [{ uri }] });
    await client.waitForRequest('workspace/applyEdit', { after: mark });
    expect(client.appliedEdits).toHaveLength(1);
    const next: PublishDiagnosticsParams = await client.waitFor(
      (e) => (e.kind === 'diagnostics' && e.params.uri === uri && e.seq > mark && e.params.version === client.version(uri) ? e.params : undefined),
      'diagnostics of the fixed note',
    );
    expect(client.text(uri)).toBe(PREFER_ABSOLUTE_FIXED);
    expect(codes(next.diagnostics)).toEqual(['require-dated-next-event']);
    expect(await client.shutdown()).toBe(0);
  });
});
