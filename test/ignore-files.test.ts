/**
 * Ignore files as git reads them (.gitignore and .notelintignore, applied from the top folder down), and
 * patterns that could take hours to match: not used, said once with the file and line, in the CLI and in
 * the language server, so a hostile ignore file in a shared notes repository cannot hang either.
 */
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { makeTree, parseJsonOutput, removeTree, runCli } from './helpers/cli.js';
import { fileUri, LspClient, makeWorkspace, removeWorkspaces, stopAllServers } from './helpers/lsp-client.js';

afterEach(stopAllServers);
afterAll(removeWorkspaces);

const NOTE = '---\ndate: 2026-11-20\nseller: [Dana]\n---\n\n# Acme\n\nWe will follow up next week.\n';
/** Eleven "*": a regular expression backtracks over every way to split the name below into eleven parts. */
const HOSTILE = '*a*a*a*a*a*a*a*a*a*a*a*ab';
const LONG_NAME = `${'a'.repeat(60)}.md`;

describe('ignore files in the CLI', () => {
  it('does not use a pattern that could take hours to match: it says so with the file and line, and lints on', async () => {
    for (const ignoreFile of ['.notelintignore', '.gitignore']) {
      const root = makeTree({ [ignoreFile]: `drafts/\n${HOSTILE}\n`, [LONG_NAME]: NOTE, 'drafts/d.md': NOTE });
      try {
        const run = await runCli(['--format', 'json', '.'], { cwd: root });
        expect(run.stderr).toBe(
          `notelint: ${ignoreFile}:2: the pattern "${HOSTILE}" is not used: more than 2 "*" in one path segment can take hours to match a long file name; write it with fewer wildcards.\n`,
        );
        // The other patterns of the file still count.
        expect(parseJsonOutput(run).map((r) => path.basename(r.filePath))).toEqual([LONG_NAME]);
      } finally {
        removeTree(root);
      }
    }
  }, 60_000);

  it('keeps patterns with up to two "*" a segment, and "**" across folders', async () => {
    const root = makeTree({
      '.notelintignore': '*-draft-*.md\n**/old/**\n',
      'acme-draft-1.md': NOTE,
      'acme.md': NOTE,
      'x/old/y/z.md': NOTE,
    });
    try {
      const run = await runCli(['--format', 'json', '.'], { cwd: root });
      expect(run.stderr).toBe('');
      expect(parseJsonOutput(run).map((r) => path.relative(root, r.filePath))).toEqual(['acme.md']);
    } finally {
      removeTree(root);
    }
  });

  it('applies ignore files from the top folder down: a deeper !pattern brings a note back, unless its folder is left out', async () => {
    const root = makeTree({
      '.gitignore': '*.private.md\narchive/\n',
      'deals/.gitignore': '!shared.private.md\n',
      'deals/shared.private.md': NOTE,
      'deals/mine.private.md': NOTE,
      'archive/.notelintignore': '!old.md\n',
      'archive/old.md': NOTE,
      'kept.md': NOTE,
    });
    try {
      const run = await runCli(['--format', 'json', '.'], { cwd: root });
      expect(parseJsonOutput(run).map((r) => path.relative(root, r.filePath))).toEqual(['deals/shared.private.md', 'kept.md']);
    } finally {
      removeTree(root);
    }
  });

  it('reports a note named on the command line that an ignore file leaves out, and --ignore-path replaces .notelintignore', async () => {
    const root = makeTree({ '.notelintignore': 'a.md\n', 'other-ignore': 'b.md\n', 'a.md': NOTE, 'b.md': NOTE });
    try {
      const named = parseJsonOutput(await runCli(['--format', 'json', 'a.md'], { cwd: root }));
      expect(named[0].messages.map((m) => m.message)).toEqual(['File ignored because of a matching ignore pattern.']);
      const replaced = parseJsonOutput(await runCli(['--format', 'json', '--ignore-path', 'other-ignore', '.'], { cwd: root }));
      expect(replaced.map((r) => path.basename(r.filePath))).toEqual(['a.md']);
    } finally {
      removeTree(root);
    }
  });
});

describe('globs in a config', () => {
  it('refuses an include or ignore glob that could take hours to match, naming the file and the key', async () => {
    const root = makeTree({ '.notelintrc.json': JSON.stringify({ ignore: ['drafts/**', HOSTILE] }), [LONG_NAME]: NOTE });
    try {
      const run = await runCli(['--format', 'json', '.'], { cwd: root });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('.notelintrc.json');
      expect(run.stderr).toContain(
        `ignore: the glob "${HOSTILE}" is refused: more than 2 "*" in one path segment can take hours to match a long file name; write it with fewer wildcards`,
      );
    } finally {
      removeTree(root);
    }
  }, 60_000);
});

describe('ignore files in the language server', () => {
  it('a hostile .notelintignore neither hangs the server nor hides notes: the pattern is logged and not used', async () => {
    const root = makeWorkspace({ '.notelintignore': `${HOSTILE}\n`, [LONG_NAME]: NOTE });
    const client = await LspClient.start(root);
    const uri = fileUri(path.join(root, LONG_NAME));
    await client.open(uri, NOTE);
    const published = await client.waitForDiagnostics(uri, 1);
    expect(published.diagnostics.map((d) => d.code)).toContain('no-vague-follow-up');
    const logged = await client.waitFor(
      (e) =>
        e.kind === 'notification' && e.method === 'window/logMessage' && JSON.stringify(e.params).includes('is not used')
          ? e.params
          : undefined,
      'the refused pattern in the log',
    );
    expect(JSON.stringify(logged)).toContain(`.notelintignore:1: the pattern \\"${HOSTILE}\\" is not used`);
    expect(await client.shutdown()).toBe(0);
  }, 60_000);
});
