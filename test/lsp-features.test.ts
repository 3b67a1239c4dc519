/**
 * Protocol tests (the real server over stdio): hover on dates and on the title, the next-event code
 * lens, relative-date inlay hints (off by default), and owner completion from the note's rosters.
 */
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import type {
  CodeLens,
  CompletionItem,
  CompletionList,
  Hover,
  InlayHint,
  MarkedString,
  MarkupContent,
  Position,
} from 'vscode-languageserver-protocol/node';
import { codes, eventually, fileUri, type LspClient, openLinted, removeWorkspaces, stopAllServers } from './helpers/lsp-client.js';

afterEach(stopAllServers);
afterAll(removeWorkspaces);

/** Meeting on Wed 2026-11-18: "Friday" is 2026-11-20, "tomorrow" 2026-11-19; the next event is Thu Dec 3. */
const DATED_NOTE = `---
date: 2026-11-18
account: Acme Corp
seller: [Dana Lee]
buyer: [Mary Chen, Jim Park]
---
# Acme Corp — pricing

Mary will review the numbers with finance next week.

## Next steps
- [ ] Mary: send the usage export by Friday
- [ ] Jim: share the SSO settings tomorrow
- [ ] Pricing walkthrough with Mary and Jim Thu Dec 3 at 11am ET
`;

/** The same without any meeting: no next event. */
const NO_EVENT_NOTE = DATED_NOTE.replace('- [ ] Pricing walkthrough with Mary and Jim Thu Dec 3 at 11am ET\n', '');

function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return parts.map((p: MarkedString | MarkupContent) => (typeof p === 'string' ? p : p.value)).join('\n');
}

/** A position inside the first `needle` (one character in). */
function inside(client: LspClient, uri: string, needle: string, occurrence = 0): Position {
  const { start } = client.rangeOf(uri, needle, occurrence);
  return { line: start.line, character: start.character + 1 };
}

describe('hover', () => {
  test('on a weekday ("Friday" in notes of Wed 2026-11-18) shows 2026-11-20, Friday, and how it was read', async () => {
    const { client, uri } = await openLinted(DATED_NOTE);
    const result = await client.hover(uri, inside(client, uri, 'Friday'));
    const text = hoverText(result);
    expect(text).toContain('2026-11-20');
    expect(text).toMatch(/Friday/);
    expect(text).toMatch(/meeting/i);
    if (result?.range) expect(client.doc(uri).getText(result.range)).toBe('Friday');
    expect(await client.shutdown()).toBe(0);
  });

  test('on "tomorrow" and on a calendar date shows their resolved dates and weekdays', async () => {
    const { client, uri } = await openLinted(DATED_NOTE);
    const tomorrow = hoverText(await client.hover(uri, inside(client, uri, 'tomorrow')));
    expect(tomorrow, tomorrow).toContain('2026-11-19');
    expect(tomorrow, tomorrow).toMatch(/Thursday|Thu/);
    const dec3 = hoverText(await client.hover(uri, inside(client, uri, 'Thu Dec 3')));
    expect(dec3, dec3).toContain('2026-12-03');
    expect(dec3, dec3).toMatch(/Thursday|Thu/);
    expect(await client.shutdown()).toBe(0);
  });

  test('on a vague phrase ("next week") explains that it is vague', async () => {
    const { client, uri } = await openLinted(DATED_NOTE);
    const text = hoverText(await client.hover(uri, inside(client, uri, 'next week')));
    expect(text).toMatch(/vague/i);
    expect(await client.shutdown()).toBe(0);
  });

  test('on the title shows the next event', async () => {
    const { client, uri } = await openLinted(DATED_NOTE);
    const text = hoverText(await client.hover(uri, inside(client, uri, 'Acme Corp — pricing')));
    expect(text).toMatch(/2026-12-03|Dec 3/);
    expect(text).toMatch(/walkthrough/i);
    expect(await client.shutdown()).toBe(0);
  });

  test('on the front matter date: line shows the weekday and ISO date, and says it is the meeting date', async () => {
    const { client, uri } = await openLinted(DATED_NOTE);
    const result = await client.hover(uri, inside(client, uri, '2026-11-18'));
    const text = hoverText(result);
    expect(text, text).toContain('Wednesday');
    expect(text, text).toContain('2026-11-18');
    expect(text, text).toMatch(/meeting date/i);
    expect(result?.range?.start.line, JSON.stringify(result)).toBe(1);
    expect(await client.shutdown()).toBe(0);
  });

  test('on a note with an astral character before the date still finds the phrase under the cursor', async () => {
    const note = DATED_NOTE.replace('- [ ] Mary: send', '- [ ] Mary: 🚀📊 send');
    const { client, uri } = await openLinted(note);
    const text = hoverText(await client.hover(uri, inside(client, uri, 'Friday')));
    expect(text).toContain('2026-11-20');
    expect(await client.shutdown()).toBe(0);
  });
});

describe('code lens', () => {
  const codeLenses = async (client: LspClient, uri: string) =>
    (await client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } })) ?? [];
  /** The lens as the editor shows it: resolved with codeLens/resolve when the server left its command out. */
  const resolved = async (client: LspClient, lens: CodeLens) =>
    lens.command ? lens : await client.request<CodeLens>('codeLens/resolve', lens);

  test('on the title shows the next event', async () => {
    const { client, uri } = await openLinted(DATED_NOTE);
    const lenses = await codeLenses(client, uri);
    const title = client.rangeOf(uri, '# Acme Corp — pricing').start.line;
    const onTitle = lenses.filter((l) => l.range.start.line === title);
    // The next event, then the account's status.
    expect(onTitle).toHaveLength(2);
    const lens = await resolved(client, onTitle[0]);
    expect(lens.command?.title).toMatch(/2026-12-03|Dec 3/);
    expect((await resolved(client, onTitle[1])).command?.title).toMatch(/^Acme Corp: (on track|stalled|at risk) — /);
    expect(await client.shutdown()).toBe(0);
  });

  test('says there is no next event when there is none', async () => {
    const { client, uri } = await openLinted(NO_EVENT_NOTE, { settings: { codeLens: { accountStatus: false } } });
    const lenses = await codeLenses(client, uri);
    expect(lenses).toHaveLength(1);
    const lens = await resolved(client, lenses[0]);
    expect(lens.range.start.line).toBe(client.rangeOf(uri, '# Acme Corp — pricing').start.line);
    expect(lens.command?.title).toMatch(/no\b.*next event|next event.*\bnone/i);
    expect(await client.shutdown()).toBe(0);
  });

  test('is gone when notelint.codeLens.nextEvent is false', async () => {
    const { client, uri } = await openLinted(DATED_NOTE, { settings: { codeLens: { accountStatus: false } } });
    expect(await codeLenses(client, uri)).toHaveLength(1);
    await client.setSettings({ codeLens: { nextEvent: false, accountStatus: false } });
    await eventually(
      () => codeLenses(client, uri),
      (lenses) => lenses.length === 0,
      'code lenses with codeLens.nextEvent off',
    );
    expect(await client.shutdown()).toBe(0);
  });
});

describe('inlay hints', () => {
  const inlayHints = async (client: LspClient, uri: string) => {
    const doc = client.doc(uri);
    const range = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
    return (await client.request<InlayHint[] | null>('textDocument/inlayHint', { textDocument: { uri }, range })) ?? [];
  };
  const label = (hint: InlayHint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join(''));

  test('none by default', async () => {
    const { client, uri } = await openLinted(DATED_NOTE);
    expect(await inlayHints(client, uri)).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });

  test('with notelint.inlayHints.relativeDates true, the resolved date after each relative date', async () => {
    const { client, uri } = await openLinted(DATED_NOTE, { settings: { inlayHints: { relativeDates: true } } });
    const hints = await inlayHints(client, uri);
    const at = (needle: string) => hints.filter((h) => JSON.stringify(h.position) === JSON.stringify(client.rangeOf(uri, needle).end));
    // The date itself, ISO or short ("Fri Nov 20").
    expect(at('Friday').map(label).join(), JSON.stringify(hints)).toMatch(/2026-11-20|Nov 20\b/);
    expect(at('tomorrow').map(label).join(), JSON.stringify(hints)).toMatch(/2026-11-19|Nov 19\b/);
    // An absolute date needs no hint.
    expect(at('Thu Dec 3')).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });

  test('no hint for a day the reader is not sure of ("every Friday", "Thu 15th" when the 15th is no Thursday)', async () => {
    const note = DATED_NOTE.replace(
      '- [ ] Mary: send the usage export by Friday',
      '- [ ] Mary: share usage numbers every Friday\n- [ ] Jim: review the contract Thu 15th',
    );
    const { client, uri } = await openLinted(note, { settings: { inlayHints: { relativeDates: true } } });
    const hints = await inlayHints(client, uri);
    const at = (needle: string) => hints.filter((h) => JSON.stringify(h.position) === JSON.stringify(client.rangeOf(uri, needle).end));
    expect(at('every Friday'), JSON.stringify(hints)).toEqual([]);
    expect(at('Thu 15th'), JSON.stringify(hints)).toEqual([]);
    expect(at('tomorrow').map(label).join(), JSON.stringify(hints)).toMatch(/2026-11-19|Nov 19\b/);
    expect(await client.shutdown()).toBe(0);
  });

  test('turned on and off through didChangeConfiguration', async () => {
    const { client, uri } = await openLinted(DATED_NOTE);
    expect(await inlayHints(client, uri)).toEqual([]);
    await client.setSettings({ inlayHints: { relativeDates: true } });
    await eventually(
      () => inlayHints(client, uri),
      (hints) => hints.some((h) => /2026-11-20|Nov 20\b/.test(label(h))),
      'hints turned on',
    );
    await client.setSettings({ inlayHints: { relativeDates: false } });
    await eventually(
      () => inlayHints(client, uri),
      (hints) => hints.length === 0,
      'hints turned off',
    );
    expect(await client.shutdown()).toBe(0);
  });
});

describe('completion of owners', () => {
  const ROSTER_NOTE = `---
date: 2026-11-18
account: Acme Corp
seller: [Dana Lee]
buyer: [Mary Chen, Jim Park]
---
# Acme Corp — pricing

## Next steps
- [ ] Mary: send the usage export by Fri Nov 20
`;

  async function complete(client: LspClient, uri: string, position: Position, triggerCharacter?: string): Promise<CompletionItem[]> {
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position,
      context,
    });
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  /** What each item would put in the text (its label, else its insert text). */
  const offered = (items: CompletionItem[]) =>
    items.map((i) => `${i.label} ${i.insertText ?? ''} ${i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : ''}`).join(' | ');

  test("after @ offers the names of the note's front matter rosters", async () => {
    const { client, uri } = await openLinted(ROSTER_NOTE);
    expect(client.initializeResult.capabilities.completionProvider?.triggerCharacters).toContain('@');
    await client.append(uri, '- [ ] send the deck to @');
    const position = client.doc(uri).positionAt(client.text(uri).length);
    const items = await complete(client, uri, position, '@');
    const text = offered(items);
    for (const name of ['Mary', 'Jim', 'Dana']) expect(text, text).toContain(name);
    expect(await client.shutdown()).toBe(0);
  });

  test('at the start of an action item ("- [ ] ") offers the roster names', async () => {
    const { client, uri } = await openLinted(ROSTER_NOTE);
    await client.append(uri, '- [ ] ');
    const position = client.doc(uri).positionAt(client.text(uri).length);
    const text = offered(await complete(client, uri, position));
    for (const name of ['Mary Chen', 'Jim Park', 'Dana Lee']) expect(text, text).toContain(name);
    expect(await client.shutdown()).toBe(0);
  });

  test('offers nothing inside the front matter (at "  - " in a buyer: list)', async () => {
    const note = ROSTER_NOTE.replace('buyer: [Mary Chen, Jim Park]\n', 'buyer:\n  - Mary Chen\n  - \n');
    const { client, uri } = await openLinted(note);
    const position = client.rangeOf(uri, '  - \n').start;
    const items = await complete(client, uri, { line: position.line, character: 4 });
    expect(items, offered(items)).toEqual([]);
    // In the body the same start of an item still gets names.
    await client.append(uri, '- [ ] ');
    const end = client.doc(uri).positionAt(client.text(uri).length);
    expect(offered(await complete(client, uri, end))).toContain('Mary Chen');
    expect(await client.shutdown()).toBe(0);
  });

  test('after @Zo with a buyer Zoë Brun the item inserts Zoë, and the engine reads @Zoë as the client (require-client-action goes quiet)', async () => {
    const note = ROSTER_NOTE.replace('buyer: [Mary Chen, Jim Park]', 'buyer: [Zoë Brun, Émile Faure]').replace(
      '- [ ] Mary: send the usage export by Fri Nov 20',
      '- [ ] Dana: send the usage export by Fri Nov 20',
    );
    const { client, uri, published } = await openLinted(note);
    expect(codes(published.diagnostics)).toContain('require-client-action');
    await client.append(uri, '- [ ] @Zo');
    const position = client.doc(uri).positionAt(client.text(uri).length);
    const items = await complete(client, uri, position);
    const zoe = items.find((i) => i.textEdit && 'newText' in i.textEdit && i.textEdit.newText.startsWith('Zo'));
    if (!zoe?.textEdit || !('range' in zoe.textEdit)) throw new Error(`no item for Zoë: ${offered(items)}`);
    expect(zoe.textEdit.newText).toBe('Zoë');
    expect(client.doc(uri).getText(zoe.textEdit.range)).toBe('Zo');
    await client.applyEdits(uri, [zoe.textEdit]);
    const version = await client.append(uri, ' to send the security questionnaire by Tue Nov 24\n');
    expect(client.text(uri).endsWith('- [ ] @Zoë to send the security questionnaire by Tue Nov 24\n')).toBe(true);
    const next = await client.waitForDiagnostics(uri, version);
    expect(codes(next.diagnostics), client.describe()).not.toContain('require-client-action');

    // What is typed after @ may itself be accented: "@Ém" is completed to Émile, over "Ém".
    await client.append(uri, '- [ ] Dana: loop in @Ém');
    const end = client.doc(uri).positionAt(client.text(uri).length);
    const accented = await complete(client, uri, end, 'm');
    const emile = accented.find((i) => i.textEdit && 'newText' in i.textEdit && i.textEdit.newText === 'Émile');
    if (!emile?.textEdit || !('range' in emile.textEdit)) throw new Error(`no item for Émile: ${offered(accented)}`);
    expect(client.doc(uri).getText(emile.textEdit.range)).toBe('Ém');
    expect(await client.shutdown()).toBe(0);
  });

  test('offers names from body roster lines (**Us:** / **Customer:**) and from an Attendees line', async () => {
    const bodyRoster = `# Initech — technical deep dive

**Date:** Tue Nov 24, 2026, 1:00 PM
**Us:** Dana Lee, Alex Romero (SE)
**Customer:** Luis Ortega (platform lead), Beth Grant (data)

## Action items
- Beth: export a 1,000-ticket sample for a test import by Tue Dec 1
- @
`;
    const { root, uri, client } = await openLinted(bodyRoster, { file: 'initech.md', files: { '.notelintrc.json': '{}' } });
    const at = client.rangeOf(uri, '- @').end;
    const text = offered(await complete(client, uri, at, '@'));
    for (const name of ['Dana', 'Alex', 'Luis', 'Beth']) expect(text, text).toContain(name);

    const attendees = `---
date: 2026-12-03 15:00
account: Umbrella Health
type: qbr
---
# Umbrella Health — quarterly business review

Attendees: Alex Romero (us), Ana Ruiz (Umbrella Health), Raj Patel (Umbrella Health)

## Next steps
- [ ] 
`;
    const other = fileUri(path.join(root, 'umbrella.md'));
    await client.open(other, attendees);
    await client.waitForDiagnostics(other, 1);
    const start = client.rangeOf(other, '- [ ] ').end;
    const names = offered(await complete(client, other, start));
    for (const name of ['Alex Romero', 'Ana Ruiz', 'Raj Patel']) expect(names, names).toContain(name);
    expect(await client.shutdown()).toBe(0);
  });
});
