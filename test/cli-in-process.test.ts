/**
 * The CLI called in process (`main(argv, io)`), as the fast unit suite runs it: the same pipeline as
 * `node bin/notelint.js`, with its output and exit code captured, no process started and no build.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CliIO, main } from '../cli/main.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

async function cli(argv: string[], cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (chunk) => (stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')) },
    stderr: { write: (text) => (stderr += text) },
    cwd,
    env: {},
    stdoutIsTTY: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('the CLI in process', () => {
  it('lints the bundled examples and exits 1 for their errors', async () => {
    const run = await cli(['--format', 'json', 'examples']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
    expect(results.length).toBeGreaterThanOrEqual(16);
    const byName = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)]));
    expect(byName['bad-vague-follow-ups.md']).toContain('no-vague-follow-up');
    expect(byName['good-discovery-acme.md']).not.toContain('no-vague-follow-up');
  });

  it('lists the rules and says what is wrong with a flag', async () => {
    const listed = await cli(['--list-rules', '--format', 'json']);
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((r) => r.id)).toContain('max-markup-density');
    const bad = await cli(['--concurrency', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--concurrency expects off, auto or a number of workers from 1 to 64, got 'lots'");
  });

  it('reports the pipeline of the fixture folder', async () => {
    const run = await cli(['report', 'test/fixtures/pipeline', '--today', '2026-12-03', '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { accounts: { account: string; status: string }[] };
    expect(report.accounts.map((a) => [a.account, a.status])).toEqual([
      ['Globex', 'stalled'],
      ['Soylent Foods', 'no-next-step'],
      ['initech', 'at-risk'],
      ['Acme Corp', 'on-track'],
      ['hooli', 'on-track'],
    ]);
  });
});
