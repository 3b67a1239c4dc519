/**
 * The CLI and the editor agree on which files are notes: one table of files, run through both — the
 * real CLI on the folder, and the real language server opening each file (extensions and their case,
 * config globs, .gitignore up to the git root with its `!` patterns, .notelintignore, front matter).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseJsonOutput, runCli } from './helpers/cli.js';
import { fileUri, LspClient, makeWorkspace, removeWorkspaces, stopAllServers } from './helpers/lsp-client.js';

afterEach(stopAllServers);
afterAll(removeWorkspaces);

const NOTE = '---\ndate: 2026-11-20\nseller: [Dana]\n---\n\n# Acme\n\nWe will follow up next week.\n';
const PLAIN = '# Build\n\nRun the tests, then follow up next week.\n';

/** Path → [content, a note?] */
const TABLE: Record<string, [string, boolean]> = {
  'notes/a.md': [NOTE, true],
  'NOTES.MD': [NOTE, true],
  'notes/b.markdown': [NOTE, true],
  'notes/c.Markdown': [NOTE, true],
  'notes/d.mdx': [NOTE, false],
  'notes/e.txt': [NOTE, false],
  'drafts/f.md': [NOTE, false], // config "ignore"
  'private/g.md': [NOTE, false], // .gitignore "private/"
  'notes/h.private.md': [NOTE, false], // .gitignore "*.private.md"
  'notes/shared.private.md': [NOTE, true], // notes/.gitignore "!shared.private.md"
  'old/i.md': [NOTE, false], // .notelintignore "old/"
  'old/.notelintignore': ['!i.md\n', false], // a folder left out stays out
  'plain.md': [PLAIN, true], // a config applies: every Markdown file is a note
};

async function editorLints(root: string, files: readonly string[]): Promise<Record<string, boolean>> {
  const client = await LspClient.start(root);
  const out: Record<string, boolean> = {};
  for (const file of files) {
    const uri = fileUri(path.join(root, file));
    await client.open(uri, readFileSync(path.join(root, file), 'utf8'), 1, file.endsWith('.txt') ? 'plaintext' : 'markdown');
    const status = await client.waitForStatus(uri);
    out[file] = status.state === 'linted';
  }
  expect(await client.shutdown()).toBe(0);
  return out;
}

async function cliLints(root: string, files: readonly string[]): Promise<Record<string, boolean>> {
  const linted = new Set(
    parseJsonOutput(await runCli(['--format', 'json', '.'], { cwd: root }))
      .filter((r) => !r.messages.some((m) => m.ruleId === null))
      .map((r) => path.relative(root, r.filePath)),
  );
  return Object.fromEntries(files.map((f) => [f, linted.has(f)]));
}

describe('which files are notes', () => {
  it.each([
    ['in a git repository', true],
    ['outside any git repository (the .gitignore files from the folder down)', false],
  ])(
    'is the same answer in the CLI and in the editor, file by file, %s',
    async (_, git) => {
      const root = makeWorkspace({
        '.notelintrc.json': JSON.stringify({ ignore: ['drafts/**'] }),
        '.gitignore': 'private/\n*.private.md\n',
        'notes/.gitignore': '!shared.private.md\n',
        '.notelintignore': 'old/\n',
        ...Object.fromEntries(Object.entries(TABLE).map(([file, [content]]) => [file, content])),
      });
      if (git) expect(spawnSync('git', ['init', '-q'], { cwd: root }).status).toBe(0);
      const files = Object.keys(TABLE).filter((f) => !f.endsWith('.notelintignore'));
      const expected = Object.fromEntries(files.map((f) => [f, TABLE[f][1]]));
      expect(await cliLints(root, files)).toEqual(expected);
      expect(await editorLints(root, files)).toEqual(expected);
    },
    120_000,
  );

  it('without a config: the editor speaks about notes its front matter marks (the model’s own keys), the CLI about every Markdown file it is asked to lint', async () => {
    const root = makeWorkspace({
      'meeting.md': '---\ncompany: Acme\n---\n\n# Acme\n\nWe will follow up next week.\n',
      'roster.md': '---\nclient: [Mary]\n---\n\n# Call\n\nWe will follow up next week.\n',
      'README.md': PLAIN,
    });
    const files = ['meeting.md', 'roster.md', 'README.md'];
    expect(await editorLints(root, files)).toEqual({ 'meeting.md': true, 'roster.md': true, 'README.md': false });
    expect(await cliLints(root, files)).toEqual({ 'meeting.md': true, 'roster.md': true, 'README.md': true });
  }, 120_000);
});
