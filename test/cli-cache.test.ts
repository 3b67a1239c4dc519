/**
 * `--cache` / `--cache-location` and bulk suppressions (`--suppress-all`, `--prune-suppressions`,
 * `--suppressions-location`), through the real CLI run as a process.
 *
 * That the cache is used is shown by editing a stored result: a run that reuses the entry reports the
 * edited message, a run that lints again does not.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allRules, parseJsonOutput, runCli, treeMaker, cliRuleIds } from './helpers/cli.js';

const tree = treeMaker();

let ruleIds: string[] = [];
beforeAll(async () => {
  ruleIds = await cliRuleIds();
});

const config = (severity: 'error' | 'warn' | 'info' | 'off', extra: Record<string, unknown> = {}) =>
  JSON.stringify({ rules: allRules(ruleIds, severity), ...extra });
/** No next steps at all: the customer-meeting rules fire (SPEC 2). */
const EMPTY_NOTE = '# Call with Acme\n\nWe talked about pricing.\n';
const NOTE_WITH_FIX = '---\ndate: 2026-11-24\n---\n\n## Next steps\n- [ ] Mary: send the numbers Friday\n';

interface CacheFile {
  notelintCache: number;
  version: string;
  files: Record<
    string,
    { key: string; messages: { ruleId: string | null; message: string; severity: number; line: number; column: number }[] }
  >;
}
const readCache = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
const MARKER = 'FROM THE CACHE';
/** Replaces the stored messages of every cached file with one recognisable message. */
function tamper(file: string): void {
  const cache = readCache(file);
  for (const entry of Object.values(cache.files)) {
    entry.messages = [{ ruleId: 'require-next-steps', severity: 2, message: MARKER, line: 1, column: 1 }];
  }
  writeFileSync(file, JSON.stringify(cache));
}
const messagesOf = (stdout: string) => parseJsonOutput({ code: 0, stdout, stderr: '' }).flatMap((r) => r.messages.map((m) => m.message));

describe('--cache', () => {
  it("stores each file's result under its absolute path and reuses it while content, config and version are unchanged", async () => {
    const dir = tree({ '.notelintrc.json': config('error'), 'a.md': EMPTY_NOTE, 'b.md': EMPTY_NOTE });
    const first = await runCli(['--cache', '--format', 'json'], { cwd: dir });
    expect(first.code).toBe(1);
    const cacheFile = path.join(dir, '.notelintcache');
    const cache = readCache(cacheFile);
    expect(cache.notelintCache).toBe(1);
    expect(Object.keys(cache.files).sort()).toEqual([path.join(dir, 'a.md'), path.join(dir, 'b.md')]);
    expect(cache.files[path.join(dir, 'a.md')].key).toMatch(/^[0-9a-f]{64}$/);
    const uncached = messagesOf(first.stdout);

    tamper(cacheFile);
    const hit = await runCli(['--cache', '--format', 'json'], { cwd: dir });
    expect(messagesOf(hit.stdout)).toEqual([MARKER, MARKER]); // not linted again

    // Without --cache the cache is not read.
    expect(messagesOf((await runCli(['--format', 'json'], { cwd: dir })).stdout)).toEqual(uncached);
  });

  it('lints a file again when its content changes, or when its config does', async () => {
    const dir = tree({ '.notelintrc.json': config('error'), 'a.md': EMPTY_NOTE, 'b.md': EMPTY_NOTE });
    const cacheFile = path.join(dir, '.notelintcache');
    await runCli(['--cache'], { cwd: dir });
    tamper(cacheFile);
    writeFileSync(path.join(dir, 'b.md'), `${EMPTY_NOTE}\nMore.\n`);
    const results = parseJsonOutput(await runCli(['--cache', '--format', 'json'], { cwd: dir }));
    expect(results[0].messages.map((m) => m.message)).toEqual([MARKER]);
    expect(results[1].messages.map((m) => m.message)).not.toContain(MARKER);

    tamper(cacheFile);
    writeFileSync(path.join(dir, '.notelintrc.json'), config('warn'));
    const reconfigured = parseJsonOutput(await runCli(['--cache', '--format', 'json'], { cwd: dir }));
    for (const r of reconfigured) expect(r.messages.map((m) => m.message)).not.toContain(MARKER);

    tamper(cacheFile);
    const overridden = parseJsonOutput(await runCli(['--cache', '--format', 'json', '--rule', 'require-next-steps:off'], { cwd: dir }));
    for (const r of overridden) expect(r.messages.map((m) => m.message)).not.toContain(MARKER);
  });

  it('a corrupt or foreign cache file is ignored and rewritten, never an error', async () => {
    for (const junk of [
      '{ not json',
      '[1, 2]',
      '{"notelintCache": 1, "version": "0.0.0-other", "files": {}}',
      '\u0000\u0001',
      '{"files": {"a.md": 1}}',
    ]) {
      const dir = tree({ '.notelintrc.json': config('error'), 'a.md': EMPTY_NOTE, '.notelintcache': junk });
      const result = await runCli(['--cache', '--format', 'json'], { cwd: dir });
      expect(result.stderr, junk).toBe('');
      expect(result.code, junk).toBe(1);
      expect(parseJsonOutput(result)[0].messages.length).toBeGreaterThan(0);
      const cache = readCache(path.join(dir, '.notelintcache'));
      expect(Object.keys(cache.files)).toEqual([path.join(dir, 'a.md')]);
    }
    // A damaged entry is dropped, the good ones are kept and used.
    const dir = tree({ '.notelintrc.json': config('error'), 'a.md': EMPTY_NOTE, 'b.md': EMPTY_NOTE });
    await runCli(['--cache'], { cwd: dir });
    const cacheFile = path.join(dir, '.notelintcache');
    tamper(cacheFile);
    const cache = readCache(cacheFile);
    (cache.files[path.join(dir, 'b.md')] as unknown as { messages: unknown }).messages = 'broken';
    writeFileSync(cacheFile, JSON.stringify(cache));
    const results = parseJsonOutput(await runCli(['--cache', '--format', 'json'], { cwd: dir }));
    expect(results[0].messages.map((m) => m.message)).toEqual([MARKER]);
    expect(results[1].messages.map((m) => m.message)).not.toContain(MARKER);
  });

  it('--cache-location names the cache file, or a folder to hold .notelintcache; written atomically', async () => {
    const dir = tree({ '.notelintrc.json': config('error'), 'a.md': EMPTY_NOTE, 'cache-dir/keep': '' });
    await runCli(['--cache', '--cache-location', 'my-cache.json'], { cwd: dir });
    expect(readCache(path.join(dir, 'my-cache.json')).files).toHaveProperty([path.join(dir, 'a.md')]);
    await runCli(['--cache', '--cache-location', 'cache-dir'], { cwd: dir });
    expect(readdirSync(path.join(dir, 'cache-dir')).sort()).toEqual(['.notelintcache', 'keep']);
    await runCli(['--cache', '--cache-location', 'new-dir/'], { cwd: dir });
    expect(readdirSync(path.join(dir, 'new-dir'))).toEqual(['.notelintcache']);
    // No temporary file is left beside any cache.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(dir)).not.toContain('.notelintcache'); // the default location was not used
  });

  it('an unwritable cache location is a warning, not a failure', async () => {
    const dir = tree({ '.notelintrc.json': config('off'), 'a.md': EMPTY_NOTE });
    mkdirSync(path.join(dir, 'blocked'));
    writeFileSync(path.join(dir, 'blocked-file'), '');
    const result = await runCli(['--cache', '--cache-location', 'blocked-file/cache'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^notelint: cannot write the cache/);
    rmSync(path.join(dir, 'blocked'), { recursive: true });
  });

  it('with --fix, a cached result that still has fixes is not trusted: the file is fixed', async () => {
    const dir = tree({ 'a.md': NOTE_WITH_FIX });
    await runCli(['--cache', '--no-config'], { cwd: dir });
    await runCli(['--cache', '--fix', '--no-config'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toContain('Friday (2026-11-27)');
    // The entry now describes the fixed file: a run reuses it.
    tamper(path.join(dir, '.notelintcache'));
    expect(messagesOf((await runCli(['--cache', '--no-config', '--format', 'json'], { cwd: dir })).stdout)).toEqual([MARKER]);
  });
});

describe('bulk suppressions', () => {
  const FILE = 'notelint-suppressions.json';

  it('--suppress-all records every problem per file and rule; later runs report only problems beyond it', async () => {
    const dir = tree({ '.notelintrc.json': config('error'), 'notes/a.md': EMPTY_NOTE, 'notes/b.md': EMPTY_NOTE });
    const before = parseJsonOutput(await runCli(['--format', 'json'], { cwd: dir }));
    const recorded = await runCli(['--suppress-all', '--format', 'json'], { cwd: dir });
    expect(recorded.code).toBe(0); // everything current is suppressed
    expect(parseJsonOutput(recorded).every((r) => r.messages.length === 0)).toBe(true);

    const data = JSON.parse(readFileSync(path.join(dir, FILE), 'utf8')) as Record<string, Record<string, { count: number }>>;
    expect(Object.keys(data)).toEqual(['notes/a.md', 'notes/b.md']);
    const expected: Record<string, { count: number }> = {};
    for (const m of before[0].messages) expected[m.ruleId as string] = { count: (expected[m.ruleId as string]?.count ?? 0) + 1 };
    expect(data['notes/a.md']).toEqual(expected);

    const clean = await runCli([], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');

    // A new note, and a second problem of a rule in an old one, are reported.
    writeFileSync(path.join(dir, 'notes/c.md'), EMPTY_NOTE);
    writeFileSync(path.join(dir, 'notes/a.md'), `${EMPTY_NOTE}\nWe'll circle back.\n`);
    const results = parseJsonOutput(await runCli(['--format', 'json', '--rule', 'no-vague-follow-up:error'], { cwd: dir }));
    const byName = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)]));
    expect(byName['b.md']).toEqual([]);
    expect(byName['c.md'].length).toBe(before[1].messages.length);
    // The seller's new promise is undated, and it is an action only the seller holds: two problems beyond the record.
    expect([...byName['a.md']].sort()).toEqual(['no-vague-follow-up', 'require-client-action']);
  });

  it('counts: problems beyond the recorded count of a rule in a file are reported', async () => {
    // Three vague follow-ups; two recorded.
    const note = `${EMPTY_NOTE}\nWe'll circle back.\n\nLet's touch base.\n\nThey'll get back to us.\n`;
    const dir = tree({
      '.notelintrc.json': JSON.stringify({ rules: { ...allRules(ruleIds, 'off'), 'no-vague-follow-up': 'error' } }),
      'a.md': note,
    });
    const all = parseJsonOutput(await runCli(['--format', 'json'], { cwd: dir }))[0].messages;
    expect(all.map((m) => m.ruleId)).toEqual(['no-vague-follow-up', 'no-vague-follow-up', 'no-vague-follow-up']);
    writeFileSync(path.join(dir, FILE), JSON.stringify({ 'a.md': { 'no-vague-follow-up': { count: 2 } } }));
    const left = await runCli(['--format', 'json'], { cwd: dir });
    expect(left.code).toBe(1);
    // The first ones (in document order) stay suppressed, the one beyond the count is reported.
    expect(parseJsonOutput(left)[0].messages).toEqual([all[2]]);
    writeFileSync(path.join(dir, FILE), JSON.stringify({ 'a.md': { 'no-vague-follow-up': { count: 3 } } }));
    expect((await runCli([], { cwd: dir })).code).toBe(0);
  });

  it('--prune-suppressions removes what no longer occurs; a stale entry is pointed out', async () => {
    const dir = tree({ '.notelintrc.json': config('error'), 'a.md': EMPTY_NOTE, 'b.md': EMPTY_NOTE });
    await runCli(['--suppress-all'], { cwd: dir });
    writeFileSync(path.join(dir, 'a.md'), '<!-- notelint-disable -->\n');
    const stale = await runCli([], { cwd: dir });
    expect(stale.code).toBe(0);
    expect(stale.stderr).toMatch(/suppressed problems? no longer occurs?; run with --prune-suppressions/);
    const before = JSON.parse(readFileSync(path.join(dir, FILE), 'utf8')) as Record<string, unknown>;
    const pruned = await runCli(['--prune-suppressions'], { cwd: dir });
    expect(pruned.code).toBe(0);
    const after = JSON.parse(readFileSync(path.join(dir, FILE), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(after)).toEqual(['b.md']);
    expect(after['b.md']).toEqual(before['b.md']);
    expect((await runCli([], { cwd: dir })).stderr).toBe('');
  });

  it('--suppressions-location moves the file; a malformed file exits 2 naming it', async () => {
    const dir = tree({ '.notelintrc.json': config('error'), 'a.md': EMPTY_NOTE });
    const recorded = await runCli(['--suppress-all', '--suppressions-location', 'ci/suppressed.json'], { cwd: dir });
    expect(recorded.code).toBe(2); // the folder does not exist
    mkdirSync(path.join(dir, 'ci'));
    expect((await runCli(['--suppress-all', '--suppressions-location', 'ci/suppressed.json'], { cwd: dir })).code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'ci/suppressed.json'), 'utf8')))).toEqual(['a.md']);
    expect((await runCli(['--suppressions-location', 'ci/suppressed.json'], { cwd: dir })).code).toBe(0);
    expect((await runCli([], { cwd: dir })).code).toBe(1); // the default file does not exist

    writeFileSync(path.join(dir, FILE), '{"a.md": {"require-next-steps": {"count": "two"}}}');
    const bad = await runCli([], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^notelint: notelint-suppressions\.json: "a\.md"\."require-next-steps": expected \{"count": a whole number\}/,
    );
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('--suppress-all with --prune-suppressions is a usage error', async () => {
    const dir = tree({ 'a.md': EMPTY_NOTE });
    const result = await runCli(['--suppress-all', '--prune-suppressions'], { cwd: dir });
    expect(result.code).toBe(2);
  });
});
