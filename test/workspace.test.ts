/**
 * The workspace module in process, on real folders: the questions the CLI and the editor both ask of
 * it (is it a note and why not, which ignore file leaves it out, which config applies) and its
 * resolved-config cache, which the lint workers keep too.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Workspace } from '../workspace/workspace.js';
import { ResolvedConfigs } from '../workspace/resolved-configs.js';
import { makeTree, removeTree } from './helpers/cli.js';

const NOTE = '---\ndate: 2026-11-20\nseller: [Dana]\n---\n\n# Acme\n\nWe will follow up next week.\n';
const PLAIN = '# Build\n\nRun the tests.\n';
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) removeTree(root);
});

function tree(files: Record<string, string>): string {
  const root = makeTree(files);
  roots.push(root);
  return root;
}

const settings = { lintAllMarkdown: false, rules: {} };

describe('the workspace', () => {
  it('says which ignore file leaves a note out, from the top folder down, in a git repository and outside one', async () => {
    for (const git of [true, false]) {
      const root = tree({ '.gitignore': 'private/\n', '.notelintignore': 'old/\n', 'private/a.md': NOTE, 'old/b.md': NOTE, 'c.md': NOTE });
      if (git) expect(spawnSync('git', ['init', '-q'], { cwd: root }).status).toBe(0);
      const workspace = Workspace.of({ root, machineTimezone: 'UTC' });
      expect(await workspace.ignoredBy(path.join(root, 'private/a.md'))).toBe(path.join(root, '.gitignore'));
      expect(await workspace.ignoredBy(path.join(root, 'old/b.md'))).toBe(path.join(root, '.notelintignore'));
      expect(await workspace.ignoredBy(path.join(root, 'c.md'))).toBeUndefined();
      const found = await workspace.find(['.']);
      expect(found.files.map((f) => path.relative(root, f.path))).toEqual(['c.md']);
    }
  });

  it('tells the editor why a file is not a note, and lints one a config or its front matter marks', async () => {
    const root = tree({
      'notes/.notelintrc.json': JSON.stringify({ ignore: ['drafts/**'] }),
      'notes/plain.md': PLAIN,
      'notes/drafts/d.md': NOTE,
      'README.md': PLAIN,
      'meeting.md': NOTE,
      'notes.txt': NOTE,
    });
    const workspace = Workspace.of({ root, machineTimezone: 'UTC' });
    const open = (file: string, text: string) =>
      workspace.openNote(path.join(root, file), { text, languageId: 'markdown' }, settings).then((o) => (o.kind === 'lint' ? 'lint' : o));
    expect(await open('notes/plain.md', PLAIN)).toBe('lint');
    expect(await open('meeting.md', NOTE)).toBe('lint');
    expect(await open('notes/drafts/d.md', NOTE)).toEqual({ kind: 'skip', reason: "left out by the config's include/ignore globs" });
    expect(await open('README.md', PLAIN)).toEqual({
      kind: 'skip',
      reason: 'not a meeting note: no notelint config applies and it has no front matter',
    });
    expect(await open('notes.txt', NOTE)).toEqual({ kind: 'skip', reason: 'not a Markdown note (.md or .markdown)' });
    const unsaved = await workspace.openNote(undefined, { text: NOTE, languageId: 'markdown' }, settings);
    expect(unsaved.kind).toBe('lint');
  });

  it('names the config file that cannot be used, for the notes it would apply to', async () => {
    const root = tree({ '.notelintrc.json': '{ "rules": ', 'a.md': NOTE });
    const workspace = Workspace.of({ root, machineTimezone: 'UTC' });
    const found = await workspace.openNote(path.join(root, 'a.md'), { text: NOTE, languageId: 'markdown' }, settings);
    expect(found.kind).toBe('config-error');
    expect(found.kind === 'config-error' && found.message.startsWith('.notelintrc.json:1:')).toBe(true);
  });

  it('resolves a config once per set of inputs, and keys the cache by those inputs', () => {
    const configs = new ResolvedConfigs();
    const a = configs.get({ data: { seller: ['Dana'] }, machineTimezone: 'UTC', ruleOverrides: {} });
    const again = configs.get({ data: { seller: ['Dana'] }, machineTimezone: 'UTC', ruleOverrides: {} });
    const other = configs.get({ data: { seller: ['Ravi'] }, machineTimezone: 'UTC', ruleOverrides: {} });
    expect(again).toBe(a);
    expect(other).not.toBe(a);
    expect(configs.inputsOf(a)).toEqual({ data: { seller: ['Dana'] }, machineTimezone: 'UTC', ruleOverrides: {} });
    const bytes = new TextEncoder().encode(NOTE);
    expect(configs.cacheKey(bytes, a, '1')).toBe(configs.cacheKey(bytes, again, '1'));
    expect(configs.cacheKey(bytes, a, '1')).not.toBe(configs.cacheKey(bytes, other, '1'));
  });
});
