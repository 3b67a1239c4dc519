/**
 * No note can hang a hook or a CI run: the real CLI reads long notes in a worker thread under a time
 * limit (NOTELINT_LINT_TIME_LIMIT_MS, 10 s by default). A note past it gets one fatal message saying so,
 * the other notes are still linted; a long note read in time gets exactly what the engine finds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, resolveConfig } from '../engine/index.js';
import { parseJsonOutput, runCli, treeMaker } from './helpers/cli.js';

const tree = treeMaker();
const FM = '---\ndate: 2026-11-20\nseller: [Dana]\nbuyer: [Mary]\n---\n';
const SMALL = `${FM}# Acme call\n\n## Next steps\n- [ ] Mary: let us know\n`;
/** remark needs tens of seconds for one list of 100,000 items. */
const HUGE_LIST = `${FM}# Everything\n\n${'- item\n'.repeat(100_000)}`;
/** About 40 KB of ordinary notes, read in a second or two: over the size from which the worker is used. */
const LONG = `${FM}# Acme weekly log\n\n${Array.from({ length: 500 }, (_, i) => `- [ ] Mary: send the volumes for region ${i} by Friday, we will follow up next week\n`).join('')}`;

describe('the CLI time limit per note', () => {
  it('gives up a note that takes too long, with one message naming it, and still lints the others', async () => {
    const root = tree({ 'huge.md': HUGE_LIST, 'small.md': SMALL });
    const run = await runCli(['--format', 'json', '.'], { cwd: root, env: { NOTELINT_LINT_TIME_LIMIT_MS: '2000' } });
    expect(run.code).toBe(1);
    const results = parseJsonOutput(run);
    const huge = results.find((r) => r.filePath.endsWith('huge.md'));
    const small = results.find((r) => r.filePath.endsWith('small.md'));
    expect(huge?.messages.map((m) => m.message)).toEqual([
      'notelint cannot check this note: reading it took longer than 2 s; split it into smaller notes, or raise NOTELINT_LINT_TIME_LIMIT_MS.',
    ]);
    expect(huge?.messages[0].fatal).toBe(true);
    expect(small?.messages.map((m) => m.ruleId)).toContain('no-vague-follow-up');
    expect(run.stderr).not.toMatch(/crashed/);
  }, 120_000);

  it('reads a long note in the worker to exactly what the engine finds, and fixes it the same way', async () => {
    const root = tree({ 'long.md': LONG });
    const run = await runCli(['--format', 'json', 'long.md'], { cwd: root, env: { TZ: 'UTC' } });
    const expected = lint(
      { text: LONG, path: path.join(root, 'long.md') },
      resolveConfig(undefined, { machineTimezone: 'UTC' }),
    ).diagnostics;
    const got = parseJsonOutput(run)[0].messages;
    expect(got.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.message])).toEqual(
      expected.map((d) => [d.ruleId, d.line, d.column, d.endLine, d.endColumn, d.message]),
    );
    expect(got.some((m) => m.fix)).toBe(true);

    const dry = parseJsonOutput(await runCli(['--format', 'json', '--fix-dry-run', 'long.md'], { cwd: root, env: { TZ: 'UTC' } }))[0];
    const fixed = await runCli(['--fix', 'long.md'], { cwd: root, env: { TZ: 'UTC' } });
    expect(fixed.stderr).toBe('');
    const written = readFileSync(path.join(root, 'long.md'), 'utf8');
    expect(written).not.toBe(LONG);
    expect(written).toBe(dry.output);
  }, 120_000);
});
