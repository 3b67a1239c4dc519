/**
 * Protocol tests (the real server over stdio): code actions — rule fixes, disable comments, the
 * client-action and next-event templates, source.fixAll.notelint — and the notelint.applyAllFixes
 * command, each applied by the client and checked on the next publish.
 */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import type { CodeAction, Command, Diagnostic, Range } from 'vscode-languageserver-protocol/node';
import { byCode, codes, type LspClient, openLinted, removeWorkspaces, stopAllServers, type NoteOptions } from './helpers/lsp-client.js';
import {
  BAD_NOTE,
  BAD_NOTE_CODES,
  BARE_NOTE,
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

/** The code action titled `title` the server offers for the first `code` diagnostic, asked for at its range. */
async function actionFor(
  client: LspClient,
  uri: string,
  diagnostics: readonly Diagnostic[],
  code: string,
  title: string,
): Promise<CodeAction> {
  const diagnostic = byCode(diagnostics, code);
  return titled(await codeActions(client, uri, diagnostic.range, [diagnostic]), title);
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

/**
 * Opens `note`, applies the action titled `title` offered for its first `code` diagnostic, and waits for
 * the publish of the edited version: the client, the edited text and that publish.
 */
async function openAndApply(note: string, code: string, title: string, options: NoteOptions = {}) {
  const { client, uri, published } = await openLinted(note, options);
  const version = await apply(client, uri, await actionFor(client, uri, published.diagnostics, code, title));
  const text = client.text(uri);
  const next = await client.waitForDiagnostics(uri, version);
  return { client, text, next };
}

function lineOf(text: string, needle: string): string {
  const line = text.split('\n').find((l) => l.includes(needle));
  if (line === undefined) throw new Error(`no line with ${JSON.stringify(needle)} in:\n${text}`);
  return line;
}

describe('quick fixes', () => {
  test("prefer-absolute-date's fix is the preferred quickfix, and applying each gives the docs' fixed text", async () => {
    const { client, uri, published } = await openLinted(PREFER_ABSOLUTE_WRONG);
    expect(published.diagnostics.filter((d) => d.code === 'prefer-absolute-date')).toHaveLength(3);
    let diagnostics = published.diagnostics;
    for (let round = 0; round < 3; round++) {
      const fix = await actionFor(client, uri, diagnostics, 'prefer-absolute-date', 'Fix this prefer-absolute-date problem');
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
    const { client, text, next } = await openAndApply(BAD_NOTE, 'no-vague-follow-up', 'Disable no-vague-follow-up for this line');
    const line = lineOf(text, 'follow up next week');
    expect(line.startsWith('- [ ] Dana: 🚀 follow up next week')).toBe(true);
    expect(line).toContain('<!-- notelint-disable-line no-vague-follow-up -->');
    // Nothing else changed.
    expect(text.replace(line, '- [ ] Dana: 🚀 follow up next week')).toBe(BAD_NOTE);
    expect(codes(next.diagnostics)).toEqual(BAD_NOTE_CODES.filter((c) => c !== 'no-vague-follow-up'));
    expect(await client.shutdown()).toBe(0);
  });

  test('"Disable <rule> for this file" inserts the comment after the front matter, and the diagnostic is gone', async () => {
    const { client, text, next } = await openAndApply(BAD_NOTE, 'prefer-absolute-date', 'Disable prefer-absolute-date for this file');
    const comment = text.indexOf('<!-- notelint-disable prefer-absolute-date -->');
    const frontMatterEnd = BAD_NOTE.indexOf('\n---\n') + 5;
    expect(comment).toBeGreaterThanOrEqual(frontMatterEnd);
    expect(text.slice(0, frontMatterEnd)).toBe(BAD_NOTE.slice(0, frontMatterEnd));
    expect(text.indexOf('# Acme Corp — pricing')).toBeGreaterThan(comment);
    expect(codes(next.diagnostics)).toEqual(BAD_NOTE_CODES.filter((c) => c !== 'prefer-absolute-date'));
    expect(await client.shutdown()).toBe(0);
  });

  test('"Disable <rule> for this line" on a line ending in a hard break (two spaces) puts the comment before the two spaces, which stay at the end', async () => {
    const note = BAD_NOTE.replace(
      'Mary 😀 liked the 𝒻𝒶𝓃𝒸𝓎 demo.\n',
      'Mary 😀 liked the 𝒻𝒶𝓃𝒸𝓎 demo; we will circle back next week.  \nJim was quiet.\n',
    );
    const { client, text, next } = await openAndApply(note, 'no-vague-follow-up', 'Disable no-vague-follow-up for this line');
    expect(text).toBe(
      note.replace('circle back next week.  \n', 'circle back next week. <!-- notelint-disable-line no-vague-follow-up -->  \n'),
    );
    expect(lineOf(text, 'circle back').endsWith('-->  ')).toBe(true);
    // Only that line's problem is gone: the one in Next steps stays.
    expect(next.diagnostics.filter((d) => d.code === 'no-vague-follow-up').map((d) => d.range.start.line)).toEqual([13]);
    expect(codes(next.diagnostics)).toEqual(BAD_NOTE_CODES);
    expect(await client.shutdown()).toBe(0);
  });

  test('"Disable no-past-date for this file" for a past next_meeting: in the front matter adds notelint: [no-past-date] inside it, and the diagnostic goes away', async () => {
    // docs/rules/no-past-date.md, the second wrong example.
    const note = `---
date: 2026-11-20
account: Contoso
seller: [Dana Lee]
buyer: [Kim Watts]
next_meeting: 2026-11-03 10:00
---
# Contoso — contract review

- [ ] Kim: return the signed order form by Tue Nov 24
`;
    const { client, uri, published } = await openLinted(note);
    const pastDate = byCode(published.diagnostics, 'no-past-date');
    expect(pastDate.range.start.line).toBe(5);
    const version = await apply(
      client,
      uri,
      await actionFor(client, uri, published.diagnostics, 'no-past-date', 'Disable no-past-date for this file'),
    );
    const text = client.text(uri);
    expect(text).toBe(
      note.replace('next_meeting: 2026-11-03 10:00\n---\n', 'next_meeting: 2026-11-03 10:00\nnotelint: [no-past-date]\n---\n'),
    );
    const next = await client.waitForDiagnostics(uri, version);
    expect(codes(next.diagnostics)).not.toContain('no-past-date');
    expect(codes(next.diagnostics)).toEqual(codes(published.diagnostics).filter((c) => c !== 'no-past-date'));
    expect(await client.shutdown()).toBe(0);
  });

  test('"Disable <rule> for this file" in a note without front matter puts the comment at the top', async () => {
    const { client, text, next } = await openAndApply(BARE_NOTE, 'no-vague-follow-up', 'Disable no-vague-follow-up for this file', {
      files: { '.notelintrc.json': '{}' },
    });
    expect(text.indexOf('<!-- notelint-disable no-vague-follow-up -->')).toBeLessThan(text.indexOf('We will follow up'));
    expect(text.endsWith(BARE_NOTE.slice(BARE_NOTE.indexOf('\n')))).toBe(true);
    expect(codes(next.diagnostics)).not.toContain('no-vague-follow-up');
    expect(await client.shutdown()).toBe(0);
  });
});

describe('templates', () => {
  test('"Insert a client action" on a note failing require-client-action makes the rule go quiet', async () => {
    const { client, text, next } = await openAndApply(SELLER_ONLY, 'require-client-action', 'Insert a client action');
    // Added at the end of the Next steps section (the end of this note), after the items already there.
    expect(text.startsWith(SELLER_ONLY.trimEnd())).toBe(true);
    expect(text.trimEnd().length).toBeGreaterThan(SELLER_ONLY.trimEnd().length);
    expect(codes(next.diagnostics)).not.toContain('require-client-action');
    expect(await client.shutdown()).toBe(0);
  });

  test('"Insert a dated next event" into an existing Next steps section makes require-dated-next-event go quiet', async () => {
    const { client, text, next } = await openAndApply(UNDATED_CALL, 'require-dated-next-event', 'Insert a dated next event');
    expect(text.match(/^#+ Next steps/gim)).toHaveLength(1);
    expect(text.startsWith(UNDATED_CALL.trimEnd())).toBe(true);
    expect(codes(next.diagnostics)).not.toContain('require-dated-next-event');
    expect(await client.shutdown()).toBe(0);
  });

  test('"Insert a dated next event" into an Action items section makes require-dated-next-event go quiet', async () => {
    const { client, next } = await openAndApply(NO_NEXT_EVENT_WITH_HEADING, 'require-dated-next-event', 'Insert a dated next event');
    expect(codes(next.diagnostics)).not.toContain('require-dated-next-event');
    expect(await client.shutdown()).toBe(0);
  });

  test('"Insert a dated next event" with no Next steps heading creates the section, and the rule goes quiet', async () => {
    expect(NO_NEXT_EVENT_NO_HEADING).not.toMatch(/next steps/i);
    const { client, text, next } = await openAndApply(NO_NEXT_EVENT_NO_HEADING, 'require-dated-next-event', 'Insert a dated next event');
    expect(text).toMatch(/^#+ Next steps\s*$/im);
    expect(codes(next.diagnostics)).not.toContain('require-dated-next-event');
    expect(await client.shutdown()).toBe(0);
  });

  test('"Insert a client action" with no Next steps heading creates the section, and the rule goes quiet', async () => {
    const note = NO_NEXT_EVENT_NO_HEADING.replace("Hannah: send us the board's questions", 'Alex: send the pilot plan');
    const { client, text, next } = await openAndApply(note, 'require-client-action', 'Insert a client action');
    expect(text).toMatch(/^#+ Next steps\s*$/im);
    expect(codes(next.diagnostics)).not.toContain('require-client-action');
    expect(await client.shutdown()).toBe(0);
  });
});

describe('templates follow the note', () => {
  const HEAD = `---
date: 2026-11-20
account: Acme Corp
seller: [Dana Lee]
buyer: [Mary Chen, Jim Park]
---
# Acme Corp — security review

`;

  test('under a bold **Next steps:** label whose list ends in a nested sub-bullet, "Insert a client action" adds a top-level task right after the list, and no Next steps section', async () => {
    const note = `${HEAD}Mary walked us through their review.

**Next steps:**
- [ ] Dana: send the SOC 2 report by Tue Nov 24
- [ ] Dana: send the proposal by Wed Nov 25
  - with two case studies

Thanks all.
`;
    const { client, text, next } = await openAndApply(note, 'require-client-action', 'Insert a client action');
    expect(text).toBe(note.replace('  - with two case studies\n', '  - with two case studies\n- [ ] Mary to [their step] by Mon Nov 23\n'));
    expect(text.match(/next steps/gi)).toHaveLength(1);
    expect(codes(next.diagnostics)).not.toContain('require-client-action');
    expect(await client.shutdown()).toBe(0);
  });

  test('in a numbered Next steps list (1. 2.) the item is "3." with no task box, as the list has none', async () => {
    const note = `${HEAD}## Next steps
1. Dana: send the SOC 2 report by Tue Nov 24
2. Dana: send the proposal by Wed Nov 25
`;
    const { client, text, next } = await openAndApply(note, 'require-client-action', 'Insert a client action');
    expect(text).toBe(`${note}3. Mary to [their step] by Mon Nov 23\n`);
    expect(codes(next.diagnostics)).not.toContain('require-client-action');
    expect(await client.shutdown()).toBe(0);
  });

  test('with no meeting date the template\'s day is the placeholder [day], and an untouched "Insert a dated next event" does not make require-dated-next-event go quiet', async () => {
    const note = `${HEAD.replace('date: 2026-11-20\n', '')}## Next steps
- [ ] Dana: send the SOC 2 report
`;
    const { client, text, next } = await openAndApply(note, 'require-dated-next-event', 'Insert a dated next event');
    expect(text).toBe(`${note}- [ ] Next meeting: [day] at 10:00 with Mary, [agenda]\n`);
    expect(codes(next.diagnostics)).toContain('require-dated-next-event');
    expect(codes(next.diagnostics)).toContain('require-meeting-date');
    expect(await client.shutdown()).toBe(0);
  });

  test('with no meeting date "Insert a client action" writes "by [day]": the client now has an item, but an untouched one has no due date (require-action-due-date)', async () => {
    const note = `${HEAD.replace('date: 2026-11-20\n', '')}## Next steps
- [ ] Dana: send the SOC 2 report
`;
    const { client, text, next } = await openAndApply(note, 'require-client-action', 'Insert a client action');
    expect(text).toBe(`${note}- [ ] Mary to [their step] by [day]\n`);
    expect(codes(next.diagnostics)).not.toContain('require-client-action');
    const undated = byCode(next.diagnostics, 'require-action-due-date');
    expect(undated.range.start.line).toBe(text.split('\n').indexOf('- [ ] Mary to [their step] by [day]'));
    expect(await client.shutdown()).toBe(0);
  });
});

describe('fix all', () => {
  test.each([['source.fixAll.notelint'], ['source.fixAll']])(
    'a code action request with only: [%s] returns "Fix all notelint problems", which fixes the whole note',
    async (kind) => {
      const { client, uri } = await openLinted(PREFER_ABSOLUTE_WRONG);
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
    const { client, uri } = await openLinted(PREFER_ABSOLUTE_WRONG);
    expect(client.initializeResult.capabilities.executeCommandProvider?.commands).toContain('notelint.applyAllFixes');
    const mark = client.mark();
    await client.request('workspace/executeCommand', { command: 'notelint.applyAllFixes', arguments: [{ uri }] });
    await client.waitForRequest('workspace/applyEdit', { after: mark });
    expect(client.appliedEdits).toHaveLength(1);
    const next = await client.waitForPublish(uri, (p) => p.version === client.version(uri), 'diagnostics of the fixed note', {
      after: mark,
    });
    expect(client.text(uri)).toBe(PREFER_ABSOLUTE_FIXED);
    expect(codes(next.diagnostics)).toEqual(['require-dated-next-event']);
    expect(await client.shutdown()).toBe(0);
  });
});
