/** `--staged` input: staged Markdown files read from the git index of a real temporary repository. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../cli/errors.js';
import { parseRawDiff, stagedNotes } from '../cli/staged.js';

/** The environment without the variables a surrounding git (e.g. a hook running the tests) may set. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    ...extra,
  };
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tempDir(): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'notelint-staged-')));
  roots.push(root);
  return root;
}

function newRepo(): { root: string; git: (...args: string[]) => string; write: (file: string, text: string | Uint8Array) => void } {
  const root = tempDir();
  const env = cleanEnv();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env, encoding: 'utf8' });
  git('init', '--quiet', '--initial-branch=main');
  const write = (file: string, text: string | Uint8Array) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  return { root, git, write };
}

describe('stagedNotes', () => {
  it('returns the staged content, not the working tree content', async () => {
    const { root, git, write } = newRepo();
    write('notes/acme.md', 'staged version\n');
    git('add', '.');
    write('notes/acme.md', 'working tree version\n');
    expect(await stagedNotes(root, cleanEnv())).toEqual([{ path: path.join(root, 'notes', 'acme.md'), text: 'staged version\n' }]);
  });

  it('lists added, modified, renamed and copied notes; leaves out deleted, unstaged, untracked and non-Markdown files', async () => {
    const { root, git, write } = newRepo();
    write('modified.md', 'one\n');
    write('old-name.md', 'renamed note, long enough for rename detection\n'.repeat(5));
    write('deleted.md', 'gone\n');
    write('removed-from-index.md', 'untracked soon\n');
    write('unchanged.md', 'same\n');
    write('unstaged.md', 'before\n');
    git('add', '.');
    git('commit', '--quiet', '-m', 'first');

    write('modified.md', 'two\n');
    git('mv', 'old-name.md', 'new-name.md');
    git('rm', '--quiet', 'deleted.md');
    git('rm', '--quiet', '--cached', 'removed-from-index.md');
    write('unstaged.md', 'after, not staged\n');
    write('added.markdown', 'new\n');
    write('readme.txt', 'not a note\n');
    write('notes.md.bak', 'not a note\n');
    git('add', 'modified.md', 'added.markdown', 'readme.txt', 'notes.md.bak');
    write('untracked.md', 'never added\n');
    expect(git('diff', '--cached', '--name-status', '-M')).toMatch(/^R\d+\told-name\.md\tnew-name\.md$/m);

    const notes = await stagedNotes(root, cleanEnv());
    expect(notes.map((n) => path.relative(root, n.path))).toEqual(['added.markdown', 'modified.md', 'new-name.md']);
    expect(notes.find((n) => n.path.endsWith('new-name.md'))?.text).toContain('renamed note');
  });

  it('handles names with spaces, &, parentheses, quotes, newlines and non-ASCII characters', async () => {
    const { root, git, write } = newRepo();
    const names = ['Q4 review & plan (draft).md', "Acme's call.md", 'line\nbreak.md', 'Zürich — Müller 会议.md', 'sub dir/ça va.markdown'];
    for (const [i, name] of names.entries()) write(name, `note ${i}\n`);
    git('add', '.');
    const notes = await stagedNotes(root, cleanEnv());
    const expected = names
      .map((name, i) => ({ path: path.join(root, name), text: `note ${i}\n` }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    expect(notes).toEqual(expected);
  });

  it('works before the first commit and from a subfolder, returning absolute paths of the whole repository', async () => {
    const { root, git, write } = newRepo();
    write('top.md', 'top\n');
    write('deep/er/inner.md', 'inner\n');
    git('add', '.');
    const notes = await stagedNotes(path.join(root, 'deep'), cleanEnv());
    expect(notes).toEqual([
      { path: path.join(root, 'deep', 'er', 'inner.md'), text: 'inner\n' },
      { path: path.join(root, 'top.md'), text: 'top\n' },
    ]);
  });

  it('decodes leniently: invalid UTF-8 becomes U+FFFD and a leading BOM is dropped; an empty note is kept', async () => {
    const { root, git, write } = newRepo();
    write('bom.md', Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('# Title\n')]));
    write('latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])); // "café" in Latin-1
    write('empty.md', '');
    git('add', '.');
    const notes = await stagedNotes(root, cleanEnv());
    expect(notes.map((n) => [path.basename(n.path), n.text])).toEqual([
      ['bom.md', '# Title\n'],
      ['empty.md', ''],
      ['latin1.md', 'caf\uFFFD\n'],
    ]);
  });

  it('leaves out staged symbolic links named *.md', async () => {
    const { root, git, write } = newRepo();
    write('real.md', 'real\n');
    symlinkSync('real.md', path.join(root, 'link.md'));
    git('add', '.');
    expect((await stagedNotes(root, cleanEnv())).map((n) => path.basename(n.path))).toEqual(['real.md']);
  });

  it('reads the index named by GIT_INDEX_FILE (as git sets it for `git commit <paths>`)', async () => {
    const { root, git, write } = newRepo();
    write('a.md', 'a\n');
    git('add', 'a.md');
    const otherIndex = path.join(tempDir(), 'index');
    copyFileSync(path.join(root, '.git', 'index'), otherIndex);
    write('b.md', 'b\n');
    execFileSync('git', ['add', 'b.md'], { cwd: root, env: cleanEnv({ GIT_INDEX_FILE: otherIndex }) });
    expect((await stagedNotes(root, cleanEnv())).map((n) => path.basename(n.path))).toEqual(['a.md']);
    expect((await stagedNotes(root, cleanEnv({ GIT_INDEX_FILE: otherIndex }))).map((n) => path.basename(n.path))).toEqual(['a.md', 'b.md']);
  });

  it('returns nothing when nothing is staged', async () => {
    const { root, git, write } = newRepo();
    write('a.md', 'a\n');
    git('add', '.');
    git('commit', '--quiet', '-m', 'first');
    write('a.md', 'changed but not staged\n');
    expect(await stagedNotes(root, cleanEnv())).toEqual([]);
  });

  it('throws a usage error outside a git repository', async () => {
    const outside = tempDir();
    const env = cleanEnv({ GIT_CEILING_DIRECTORIES: path.dirname(outside) });
    const error = await stagedNotes(outside, env).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`--staged needs a git repository, and ${outside} is not inside one`);
  });

  it('throws a usage error when git is missing', async () => {
    const { root } = newRepo();
    const emptyBin = tempDir();
    const error = await stagedNotes(root, cleanEnv({ PATH: emptyBin })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe('--staged needs git, and git was not found on the PATH');
  });

  it('throws a usage error inside the .git folder (no work tree)', async () => {
    const { root } = newRepo();
    const error = await stagedNotes(path.join(root, '.git'), cleanEnv()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^--staged: git rev-parse failed in .*: fatal: .*work tree/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('throws a usage error for a folder that does not exist', async () => {
    const missing = path.join(tempDir(), 'nope');
    const error = await stagedNotes(missing, cleanEnv()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`--staged: the folder ${missing} does not exist`);
  });

  it('returns a staged note deleted from the working tree only', async () => {
    const { root, git, write } = newRepo();
    write('kept.md', 'kept\n');
    git('add', '.');
    unlinkSync(path.join(root, 'kept.md')); // deleted from the working tree only: still staged
    expect(await stagedNotes(root, cleanEnv())).toEqual([{ path: path.join(root, 'kept.md'), text: 'kept\n' }]);
  });
});

describe('parseRawDiff', () => {
  const a = 'a'.repeat(40);
  const b = 'b'.repeat(40);
  it('reads plain entries and takes the new name of renames and copies', () => {
    const output = `:100644 100644 ${a} ${b} M\0one.md\0:100644 100644 ${a} ${b} R091\0old\nname.md\0new name.md\0:000000 100644 ${'0'.repeat(40)} ${b} A\0two.md\0:100644 100644 ${a} ${b} C075\0src.md\0copy.md\0`;
    expect(parseRawDiff(output)).toEqual([
      { mode: '100644', blob: b, path: 'one.md' },
      { mode: '100644', blob: b, path: 'new name.md' },
      { mode: '100644', blob: b, path: 'two.md' },
      { mode: '100644', blob: b, path: 'copy.md' },
    ]);
  });
  it('reads empty output as no entries', () => {
    expect(parseRawDiff('')).toEqual([]);
  });
});
