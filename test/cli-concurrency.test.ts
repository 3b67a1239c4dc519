/**
 * `--concurrency`: the notes linted in a pool of worker threads give exactly the sequential results, in
 * the same order, with --fix and --cache too, and a note past the time limit is given up in the pool
 * as it is without one. Through the real CLI, on the labelled notes of the shared folder and the
 * bundled examples (enough notes for two workers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonOutput, repoRoot, runCli, treeMaker, type JsonResult } from './helpers/cli.js';

const tree = treeMaker();

/** Every note of the shared labelled folders and of examples/, as relative path → text. */
function notes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [prefix, dir] of [
    ['real', path.resolve(repoRoot, '../shared/examples/real/notes')],
    ['labelled', path.resolve(repoRoot, '../shared/examples/notes')],
    ['examples', path.join(repoRoot, 'examples')],
  ] as const) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')))
      out[`${prefix}/${name}`] = readFileSync(path.join(dir, name), 'utf8');
  }
  return out;
}

const relative = (results: JsonResult[], root: string) =>
  results.map((r) => ({ ...r, filePath: path.relative(root, r.filePath), ...(r.output !== undefined ? { output: r.output } : {}) }));

describe('--concurrency', () => {
  it('gives exactly the sequential results, in the same order, with 2 workers and with auto', async () => {
    const files = notes();
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(48); // two workers' worth
    const root = tree({ '.notelintrc.json': '{"timezone": "UTC"}', ...files });
    const off = await runCli(['--format', 'json', '.'], { cwd: root });
    for (const concurrency of ['2', 'auto']) {
      const pooled = await runCli(['--format', 'json', '--concurrency', concurrency, '.'], { cwd: root });
      expect(pooled.stderr).toBe('');
      expect(pooled.code).toBe(off.code);
      expect(pooled.stdout).toBe(off.stdout);
    }
    expect(parseJsonOutput(off).length).toBe(Object.keys(files).length);
  }, 120_000);

  it('fixes the same notes to the same bytes as a sequential --fix', async () => {
    const files = { '.notelintrc.json': '{"timezone": "UTC"}', ...notes() };
    const one = tree(files);
    const two = tree(files);
    const sequential = await runCli(['--fix', '--format', 'json', '.'], { cwd: one });
    const pooled = await runCli(['--fix', '--format', 'json', '--concurrency', '2', '.'], { cwd: two });
    expect(relative(parseJsonOutput(pooled), two)).toEqual(relative(parseJsonOutput(sequential), one));
    let changed = 0;
    for (const name of Object.keys(files)) {
      const a = readFileSync(path.join(one, name), 'utf8');
      expect(readFileSync(path.join(two, name), 'utf8'), name).toBe(a);
      if (a !== files[name as keyof typeof files]) changed++;
    }
    expect(changed).toBeGreaterThan(0); // some notes had fixes to apply
  }, 120_000);

  it('fills and reads the cache as a sequential run does', async () => {
    const root = tree({ '.notelintrc.json': '{"timezone": "UTC"}', ...notes() });
    const cold = await runCli(['--format', 'json', '--cache', '--concurrency', '2', '.'], { cwd: root });
    expect(readdirSync(root)).toContain('.notelintcache');
    const warm = await runCli(['--format', 'json', '--cache', '--concurrency', '2', '.'], { cwd: root });
    const plain = await runCli(['--format', 'json', '.'], { cwd: root });
    expect(warm.stdout).toBe(cold.stdout);
    expect(cold.stdout).toBe(plain.stdout);
  }, 120_000);

  it('gives up a note past the time limit in the pool, with the same message, and lints the others', async () => {
    const files = notes();
    const root = tree({
      '.notelintrc.json': '{"timezone": "UTC"}',
      ...files,
      'slow.md': `---\naccount: Deep Corp\n---\n${'- item\n'.repeat(100_000)}`,
    });
    const env = { NOTELINT_LINT_TIME_LIMIT_MS: '1500' };
    const sequential = parseJsonOutput(await runCli(['--format', 'json', '.'], { cwd: root, env }));
    const pooled = parseJsonOutput(await runCli(['--format', 'json', '--concurrency', '2', '.'], { cwd: root, env }));
    expect(pooled).toEqual(sequential);
    const slow = pooled.find((r) => r.filePath.endsWith('slow.md'))!;
    expect(slow.messages.map((m) => m.message)).toEqual([
      'notelint cannot check this note: reading it took longer than 1.5 s; split it into smaller notes, or raise NOTELINT_LINT_TIME_LIMIT_MS.',
    ]);
  }, 120_000);

  it('says what it expects of a bad value', async () => {
    const run = await runCli(['--concurrency', '0', '.']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--concurrency expects off, auto or a number of workers from 1 to 64, got '0'");
  });
});
