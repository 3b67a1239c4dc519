/**
 * The labelled example notes of the shared folder, linted by the real CLI and scored by the shared
 * scorer: every expected diagnostic found, no false positive (F1 = 1) — the textbook set, and the
 * set written the way sellers and their tools really write (AI note-takers, shorthand, running logs).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, runNode } from './helpers/cli.js';

const shared = path.resolve(repoRoot, '../shared');
const scorer = path.join(shared, 'tools/score.mjs');

const temp = mkdtempSync(path.join(os.tmpdir(), 'notelint-examples-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe.each([
  ['the labelled example notes', 'examples'],
  ['the labelled real-world sales notes', 'examples/real'],
])('%s', (_name, folder) => {
  it('score F1 1.000 through the real CLI', async () => {
    const notes = path.join(shared, folder, 'notes');
    const expected = path.join(shared, folder, 'expected.json');
    const lint = await runCli(['--format', 'json', notes], { cwd: repoRoot });
    expect(lint.stderr).toBe('');
    expect([0, 1]).toContain(lint.code);
    const results = path.join(temp, `${folder.replace(/\W/g, '-')}.json`);
    writeFileSync(results, lint.stdout);

    const score = await runNode([scorer, notes, expected, results], { cwd: repoRoot, env: { MIN_F1: '1' } });
    const lines = score.stdout.trimEnd().split('\n');
    const summary = lines[lines.length - 1];
    expect(summary, score.stdout + score.stderr).toContain('F1 1.000');
    expect(score.code, score.stdout + score.stderr).toBe(0);
  });
});
