/**
 * The account's status on a note's title (code lens and hover), through the real language server over
 * stdio: computed from the workspace's notes of that account, and updated when one of them changes,
 * in the editor or on disk. "Today" is fixed with NOTELINT_TODAY.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import type { CodeLens, MarkupContent } from 'vscode-languageserver-protocol/node';
import { repoRoot } from './helpers/cli.js';
import { eventually, fileUri, LspClient, makeWorkspace, removeWorkspaces, stopAllServers } from './helpers/lsp-client.js';

afterEach(stopAllServers);
afterAll(removeWorkspaces);

const ACME = path.join(repoRoot, 'test/fixtures/pipeline/acme');
const acmeNotes = Object.fromEntries(readdirSync(ACME).map((name) => [`acme/${name}`, readFileSync(path.join(ACME, name), 'utf8')]));
const PRICING = 'acme/2026-12-01-pricing.md';
const DEMO = 'acme/2026-11-17-demo.md';

async function start(files: Record<string, string> = {}) {
  const root = makeWorkspace({ ...acmeNotes, ...files });
  const client = await LspClient.start(root, { env: { NOTELINT_TODAY: '2026-12-03' } });
  const open = async (relative: string) => {
    const uri = fileUri(path.join(root, relative));
    await client.open(uri, readFileSync(path.join(root, relative), 'utf8'));
    await client.waitForDiagnostics(uri, 1);
    return uri;
  };
  return { root, client, open };
}

async function accountLens(client: LspClient, uri: string): Promise<string | undefined> {
  const lenses = (await client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } })) ?? [];
  return lenses.map((l) => l.command?.title ?? '').find((t) => t.startsWith('Acme Corp:'));
}

/** The server asks the editor to fetch code lenses again (the request has no parameters). */
function lensRefresh(client: LspClient, after: number): Promise<true> {
  return client.waitFor(
    (e) => (e.kind === 'request' && e.method === 'workspace/codeLens/refresh' ? true : undefined),
    'a code lens refresh',
    { after },
  );
}

describe('the account status on the title', () => {
  test('comes from every note of the account in the workspace, and not from other accounts', async () => {
    const { client, open } = await start({
      'globex/2026-12-01.md':
        '---\naccount: Globex\nseller: [Sam]\nbuyer: [Priya]\n---\n\n# Globex\n\n## Next steps\n- [ ] Review call Mon Dec 7 at 10am\n',
      'README.md': '# Acme Corp\n\nNot a note: no front matter.\n',
    });
    const uri = await open(PRICING);
    // The other notes are read from disk in the background: the lens says so until they are.
    const expected = 'Acme Corp: on track — Next event Tue Dec 8 at 14:00, in 5 days. (3 meetings)';
    const first = await accountLens(client, uri);
    expect([expected, expect.stringMatching(/^Acme Corp: .* — reading \d+ more notes? of the workspace…$/)]).toContainEqual(first);
    expect(
      await eventually(
        () => accountLens(client, uri),
        (t) => t === expected,
        'the lens once the disk notes are read',
      ),
    ).toBe(expected);
    expect(await client.shutdown()).toBe(0);
  });

  test('shows the status, why, and each signal with its file and line in the title’s hover', async () => {
    const { client, open } = await start();
    const uri = await open(PRICING);
    await eventually(
      () => accountLens(client, uri),
      (t) => t?.endsWith('(3 meetings)') === true,
      'the disk notes read',
    );
    const title = client.rangeOf(uri, '# Acme Corp — pricing review').start;
    const hover = await client.hover(uri, { line: title.line, character: 3 });
    const text = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    expect(text).toContain('**Acme Corp: on track** — Next event Tue Dec 8 at 14:00, in 5 days.');
    expect(text).toContain('A client promise is carried over open from an earlier meeting');
    expect(text).toContain('`acme/2026-11-03-discovery.md:14`, `acme/2026-11-17-demo.md:14`');
    expect(await client.shutdown()).toBe(0);
  });

  test('changes on the other open notes of the account when one of them is edited', async () => {
    const { client, open } = await start();
    const pricing = await open(PRICING);
    const demo = await open(DEMO);
    await eventually(
      () => accountLens(client, demo),
      (t) => t?.endsWith('(3 meetings)') === true,
      'the disk notes read',
    );
    expect(await accountLens(client, demo)).toMatch(/^Acme Corp: on track — /);
    const mark = await client.replace(pricing, 'Rollout workshop Tue Dec 8 at 2:00 PM', 'Rollout workshop Tue Jan 12, 2027 at 2:00 PM');
    await lensRefresh(client, mark);
    expect(await accountLens(client, demo)).toBe(
      'Acme Corp: at risk — The next event is 40 days away (Tue Jan 12, 2027), beyond 14: agree on a step before it. (3 meetings)',
    );
    expect(await client.shutdown()).toBe(0);
  });

  test('changes when a note of the account changes on disk', async () => {
    const { client, open } = await start();
    const pricing = await open(PRICING);
    await eventually(
      () => accountLens(client, pricing),
      (t) => t?.endsWith('(3 meetings)') === true,
      'the disk notes read',
    );
    const mark = await client.changeFiles(
      {
        'acme/2026-12-02-call.md':
          '---\ndate: 2026-12-02\naccount: Acme Corp\nseller: [Dana Lee]\nbuyer: [Mary Chen]\n---\n\n# Acme Corp — quick call\n\nMary is out until January.\n',
      },
      1,
    );
    await lensRefresh(client, mark);
    expect(
      await eventually(
        () => accountLens(client, pricing),
        (t) => t?.endsWith('(4 meetings)') === true,
        'the lens after a new note',
      ),
    ).toBe(
      'Acme Corp: no next step — The latest meeting has no dated next event: agree on the next meeting with the client and write its day. (4 meetings)',
    );
    expect(await client.shutdown()).toBe(0);
  });

  test('in a large workspace answers at once with what is read, and refreshes when the rest is', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => {
        const day = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
        return [`acme/${day}-call.md`, acmeNotes[DEMO].replace('date: 2026-11-17 14:00', `date: ${day} 14:00`)];
      }),
    );
    const { client, open } = await start(many);
    const mark = client.mark();
    const uri = await open(PRICING);
    const first = await accountLens(client, uri);
    expect(first).toMatch(/^Acme Corp: /);
    await lensRefresh(client, mark);
    const last = await eventually(
      () => accountLens(client, uri),
      (t) => t?.endsWith('(303 meetings)') === true,
      'the lens once every note is read',
      60_000,
    );
    expect(last).not.toContain('reading');
    expect(await client.shutdown()).toBe(0);
  }, 120_000);

  test('is not shown with notelint.codeLens.accountStatus off', async () => {
    const root = makeWorkspace(acmeNotes);
    const client = await LspClient.start(root, { env: { NOTELINT_TODAY: '2026-12-03' }, settings: { codeLens: { accountStatus: false } } });
    const uri = fileUri(path.join(root, PRICING));
    await client.open(uri, acmeNotes[PRICING]);
    await client.waitForDiagnostics(uri, 1);
    expect(await accountLens(client, uri)).toBeUndefined();
    expect(await client.shutdown()).toBe(0);
  });
});
