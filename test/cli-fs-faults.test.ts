/**
 * File-system faults through the real CLI: a folder it cannot read, a directory named like a note, a
 * dangling symbolic link, a link loop, notes deleted while the run reads them, a full disk under --fix,
 * and a note over the size limit. Each ends with a clear message naming the file or folder, the other
 * notes still linted, and every note either untouched or fully fixed, with no temporary file left.
 * Root reads anything: the permission cases run as "nobody" there.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRuleIds, fixableNote, fixedNote, fixOnlyConfig, parseJsonOutput, runCli, treeMaker, type JsonResult } from './helpers/cli.js';

const tree = treeMaker();
const asRoot = process.getuid?.() === 0;
const asNobody = asRoot ? { uid: 65534, gid: 65534 } : {};
const NOTE = '---\ndate: 2026-11-20\nseller: [Dana]\n---\n\n# Acme\n\nWe will follow up next week.\n';

let ruleIds: string[] = [];
beforeAll(async () => {
  ruleIds = await cliRuleIds();
});

const byName = (results: JsonResult[], root: string) =>
  Object.fromEntries(
    results.map((r) => [
      path.relative(root, r.filePath),
      r.messages.map((m) => (m.fatal ? `fatal: ${m.message}` : (m.ruleId ?? m.message))),
    ]),
  );

describe('folders and links the CLI meets', () => {
  it('names a folder it cannot read, with one fatal message, and lints the others', async () => {
    const root = tree({ 'a.md': NOTE, 'locked/b.md': NOTE, 'open/c.md': NOTE });
    chmodSync(path.join(root, 'locked'), 0o000);
    try {
      const run = await runCli(['--format', 'json', '.'], { cwd: root, ...asNobody });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const results = byName(parseJsonOutput(run), root);
      expect(results.locked).toEqual(['fatal: Cannot read this folder: permission denied (EACCES); the notes in it were not linted.']);
      expect(results['a.md']).toContain('no-vague-follow-up');
      expect(results['open/c.md']).toContain('no-vague-follow-up');
      // Named on the command line, the folder gets the same message, not "no files matching".
      const named = await runCli(['--format', 'json', 'locked'], { cwd: root, ...asNobody });
      expect(byName(parseJsonOutput(named), root)).toEqual({
        locked: ['fatal: Cannot read this folder: permission denied (EACCES); the notes in it were not linted.'],
      });
    } finally {
      chmodSync(path.join(root, 'locked'), 0o755);
    }
  });

  it('passes over a directory named x.md, a dangling link and a link loop in a folder, and names a dangling link given by name', async () => {
    const root = tree({ 'a.md': NOTE, 'x.md/inner.md': NOTE, 'loop/.keep': '' });
    symlinkSync('nowhere.md', path.join(root, 'dangling.md'));
    symlinkSync('../loop', path.join(root, 'loop', 'self'));
    symlinkSync(root, path.join(root, 'loop', 'up'));
    const run = await runCli(['--format', 'json', '.'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(Object.keys(byName(parseJsonOutput(run), root)).sort()).toEqual(['a.md', 'x.md/inner.md']);
    const dangling = await runCli(['dangling.md'], { cwd: root });
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toBe('notelint: dangling.md is a symbolic link to nowhere.md, which does not exist.\n');
  });

  it('reports notes deleted while the run reads them as unreadable, and lints the rest', async () => {
    const files = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`n${String(i).padStart(4, '0')}.md`, NOTE]));
    const root = tree(files);
    const running = runCli(['--format', 'json', '.'], { cwd: root });
    // Delete the second half once the run has started: some before it lists them, some after.
    await new Promise((resolve) => setTimeout(resolve, 400));
    for (let i = 750; i < 1500; i++) rmSync(path.join(root, `n${String(i).padStart(4, '0')}.md`), { force: true });
    const run = await running;
    expect(run.stderr).toBe('');
    const results = parseJsonOutput(run);
    for (const result of results) {
      const index = Number(path.basename(result.filePath).slice(1, 5));
      if (index < 750) expect(result.messages.map((m) => m.ruleId)).toContain('no-vague-follow-up');
      else if (result.messages.some((m) => m.fatal))
        expect(result.messages).toEqual([
          expect.objectContaining({ fatal: true, message: 'Cannot read the file: no such file or directory (ENOENT).' }),
        ]);
      else expect(result.messages.map((m) => m.ruleId)).toContain('no-vague-follow-up'); // read before it went
    }
    expect(results.filter((r) => Number(path.basename(r.filePath).slice(1, 5)) < 750)).toHaveLength(750);
  }, 120_000);
});

describe('--fix on a full disk', () => {
  let mount: string;
  beforeAll(() => {
    // A 64 KB file system of its own: needs root (as .ci/run has) to mount.
    mount = tree({});
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
    if (mounted.status !== 0)
      throw new Error(`cannot mount a tiny tmpfs for the full-disk test (needs root): ${mounted.stderr.toString()}`);
  });
  afterAll(() => {
    if (mount) spawnSync('umount', [mount]);
  });

  it('says it cannot write, leaves the note byte for byte as it was, and no temporary file behind', async () => {
    writeFileSync(path.join(mount, '.notelintrc.json'), fixOnlyConfig(ruleIds));
    // The note and then a filler that leaves less room than the fixed note needs.
    const note = `${fixableNote()}${'Background: the support team handles tickets for three brands.\n'.repeat(300)}`;
    writeFileSync(path.join(mount, 'note.md'), note);
    let filler = 0;
    try {
      for (;;) {
        writeFileSync(path.join(mount, `filler-${filler}`), Buffer.alloc(1024, 120));
        filler++;
      }
    } catch {
      // full
    }
    const run = await runCli(['--fix', '--format', 'json', 'note.md'], { cwd: mount });
    expect(run.code).toBe(1);
    const [result] = parseJsonOutput(run);
    expect(result.messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([
      'Cannot write the fixed file: no space left on device (ENOSPC).',
    ]);
    expect(result.messages.filter((m) => m.ruleId === 'prefer-absolute-date')).toHaveLength(2);
    expect(readFileSync(path.join(mount, 'note.md'), 'utf8')).toBe(note);
    expect(readdirSync(mount).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // With room again, the same run fixes it.
    for (let i = 0; i < filler; i++) rmSync(path.join(mount, `filler-${i}`));
    const again = await runCli(['--fix', '--format', 'json', 'note.md'], { cwd: mount });
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(mount, 'note.md'), 'utf8')).toBe(note.replace(fixableNote(), fixedNote()));
  });
});

describe('a note over the size limit', () => {
  it('is reported with a warning naming the limit and not linted; the other notes are', async () => {
    const big = `${NOTE}${'x'.repeat(5 * 1024 * 1024)}\n`;
    const root = tree({ 'big.md': big, 'small.md': NOTE });
    const run = await runCli(['--format', 'json', '.'], { cwd: root });
    expect(run.code).toBe(1);
    const results = byName(parseJsonOutput(run), root);
    expect(results['big.md']).toEqual([
      'This note is 5 MB, more than the 4 MB notelint reads (config "maxNoteBytes"): it was not linted. Split it into smaller notes, or raise the limit.',
    ]);
    expect(results['small.md']).toContain('no-vague-follow-up');
  });

  it('follows the config: maxNoteBytes lowers or raises the limit', async () => {
    const root = tree({
      '.notelintrc.json': JSON.stringify({ maxNoteBytes: 2048 }),
      'big.md': `${NOTE}${'Context line.\n'.repeat(200)}`,
      'small.md': NOTE,
    });
    const results = byName(parseJsonOutput(await runCli(['--format', 'json', '.'], { cwd: root })), root);
    expect(results['big.md']).toEqual([
      'This note is 2.8 KB, more than the 2 KB notelint reads (config "maxNoteBytes"): it was not linted. Split it into smaller notes, or raise the limit.',
    ]);
    expect(results['small.md']).toContain('no-vague-follow-up');
  });
});
