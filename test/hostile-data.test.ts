/**
 * Notes and configs from a shared repository are untrusted: YAML tags never run code, an alias bomb is
 * refused quickly, `__proto__` and `constructor` keys pollute nothing, and a cancelled editor request
 * leaves the server answering.
 */
import path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lint, resolveConfig } from '../engine/index.js';
import { makeTree, removeTree, runCli } from './helpers/cli.js';
import { fileUri, LspClient, makeWorkspace, removeWorkspaces, stopAllServers } from './helpers/lsp-client.js';

afterEach(stopAllServers);
afterAll(removeWorkspaces);

const config = resolveConfig(undefined, { machineTimezone: 'UTC' });
const withFrontMatter = (yaml: string) => `---\n${yaml}\n---\n\n# Acme\n\nWe will follow up next week.\n`;
const rules = (text: string) => lint({ text }, config).diagnostics.map((d) => d.ruleId);

/** Nine levels of nine aliases each: 387 million strings if expanded. */
const ALIAS_BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefghij'.split('').map((c, i) => {
    const prev = 'abcdefghij'[i];
    return `${c}: &${c} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
].join('\n');

describe('front matter from an untrusted note', () => {
  it('reads YAML tags as plain data: no code runs', () => {
    const g = globalThis as { ran?: number };
    expect(
      rules(withFrontMatter('seller: !!js/function "function () { globalThis.ran = 1 }"\nbuyer: !<tag:yaml.org,2002:js/undefined> x')),
    ).toContain('no-vague-follow-up');
    expect(g.ran).toBeUndefined();
  });

  it('refuses an alias bomb as invalid front matter, and lints the rest of the note', () => {
    expect(rules(withFrontMatter(ALIAS_BOMB))).toEqual(expect.arrayContaining(['invalid-front-matter', 'no-vague-follow-up']));
  });

  it('pollutes no prototype with __proto__ or constructor keys', () => {
    const found = rules(
      withFrontMatter('__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 2}}\nseller: [Dana]\nbuyer: [Mary]'),
    );
    expect(found).toContain('no-vague-follow-up');
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });
});

describe('a config from an untrusted repository', () => {
  it('names __proto__ and constructor keys as unknown, with the file', async () => {
    const root = makeTree({
      '.notelintrc.json': '{"__proto__": {"rules": {}}, "constructor": {"prototype": {"x": 1}}}',
      'a.md': withFrontMatter('seller: [Dana]'),
    });
    try {
      const run = await runCli(['a.md'], { cwd: root });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/\.notelintrc\.json/);
      expect(run.stderr).toMatch(/unknown key "(__proto__|constructor)"/);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      removeTree(root);
    }
  });
});

describe('a cancelled request', () => {
  it('is answered or cancelled, and the server keeps serving', async () => {
    const root = makeWorkspace({});
    const client = await LspClient.start(root);
    const uri = fileUri(path.join(root, 'note.md'));
    await client.open(uri, withFrontMatter('date: 2026-11-20\nseller: [Dana]'));
    await client.waitForDiagnostics(uri, 1);
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      const answer = client.connection.sendRequest(
        'textDocument/hover',
        { textDocument: { uri }, position: { line: 7, character: 12 } },
        source.token,
      );
      source.cancel();
      await answer.catch((error: { code?: number }) => expect(error.code).toBe(-32800));
    }
    const hover = await client.hover(uri, { line: 7, character: 24 });
    expect(JSON.stringify(hover)).toMatch(/vague|next week/i);
    expect(await client.shutdown()).toBe(0);
  });
});
