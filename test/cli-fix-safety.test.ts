/**
 * `--fix` must not harm notes: a read-only note is left alone (even when notelint runs as root), and an
 * interrupted fix run (SIGINT, SIGTERM) leaves no temporary file behind, every note either untouched or
 * fully fixed. Through the real CLI run as a process (`node bin/notelint.js`).
 * The fixable rule is prefer-absolute-date (docs/rules/prefer-absolute-date.md), as in cli-fix.test.ts:
 * "Friday" in an action item of a note of Tuesday 2026-11-24 gets " (2026-11-27)" appended, "tomorrow"
 * gets " (2026-11-25)".
 */
import { spawn } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  binPath,
  childEnv,
  type JsonResult,
  parseJsonOutput,
  runCli,
  treeMaker,
  cliRuleIds,
  fixableNote,
  fixedNote,
  fixOnlyConfig,
} from './helpers/cli.js';

const tree = treeMaker();

let ruleIds: string[] = [];
beforeAll(async () => {
  ruleIds = await cliRuleIds();
});

const fixOnly = () => fixOnlyConfig(ruleIds);
const NOTE = fixableNote();
const FIXED = fixedNote();

const READ_ONLY = 'Cannot write the fix: the file is read-only.';

describe('--fix and a read-only note', () => {
  it('leaves a 0444 note byte for byte as it was, reports it with a fatal message, and fixes the others', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly(), 'locked.md': NOTE, 'open.md': NOTE });
    const locked = path.join(dir, 'locked.md');
    chmodSync(locked, 0o444);
    const inode = statSync(locked).ino;
    // As whoever runs the tests, root included: root may write a 0444 file, notelint still must not.
    const result = await runCli(['--fix', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1); // a fatal message is an error, as for any file that cannot be written
    const results = parseJsonOutput(result);
    const failed = results.find((r) => r.filePath === locked);
    expect(failed?.fatalErrorCount).toBe(1);
    expect(failed?.messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([READ_ONLY]);
    // Reported as it is: its fixable problems are still there.
    expect(failed?.messages.filter((m) => m.ruleId === 'prefer-absolute-date')).toHaveLength(2);
    const fixed = results.find((r) => r.filePath === path.join(dir, 'open.md'));
    expect(fixed?.messages).toEqual([]);

    expect(readFileSync(locked)).toEqual(Buffer.from(NOTE));
    expect(statSync(locked).ino).toBe(inode); // not replaced by a rename either
    expect(statSync(locked).mode & 0o777).toBe(0o444);
    expect(readFileSync(path.join(dir, 'open.md'), 'utf8')).toBe(FIXED);
    expect(readdirSync(dir).sort()).toEqual(['.notelintrc.json', 'locked.md', 'open.md']); // no temporary file
  });

  it('names the read-only file with the message in the default (stylish) report', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly(), 'notes/locked.md': NOTE });
    const locked = path.join(dir, 'notes/locked.md');
    chmodSync(locked, 0o444);
    const result = await runCli(['--fix'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(path.join('notes', 'locked.md'));
    expect(result.stdout).toContain(READ_ONLY.replace(/\.$/, '')); // stylish drops the final period, as ESLint's does
    expect(readFileSync(locked, 'utf8')).toBe(NOTE);
  });

  it('a note with no write permission for anyone (0400, 0555) is read-only too; one writable by its owner is fixed', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly(), 'r400.md': NOTE, 'r555.md': NOTE, 'w644.md': NOTE, 'w600.md': NOTE });
    chmodSync(path.join(dir, 'r400.md'), 0o400);
    chmodSync(path.join(dir, 'r555.md'), 0o555);
    chmodSync(path.join(dir, 'w644.md'), 0o644);
    chmodSync(path.join(dir, 'w600.md'), 0o600);
    const results = parseJsonOutput(await runCli(['--fix', '--format', 'json'], { cwd: dir }));
    const fatal = (name: string) =>
      results
        .find((r) => r.filePath === path.join(dir, name))
        ?.messages.filter((m) => m.fatal)
        .map((m) => m.message);
    expect(fatal('r400.md')).toEqual([READ_ONLY]);
    expect(fatal('r555.md')).toEqual([READ_ONLY]);
    expect(fatal('w644.md')).toEqual([]);
    expect(fatal('w600.md')).toEqual([]);
    expect(readFileSync(path.join(dir, 'r400.md'), 'utf8')).toBe(NOTE);
    expect(readFileSync(path.join(dir, 'r555.md'), 'utf8')).toBe(NOTE);
    expect(readFileSync(path.join(dir, 'w644.md'), 'utf8')).toBe(FIXED);
    expect(readFileSync(path.join(dir, 'w600.md'), 'utf8')).toBe(FIXED);
    expect(statSync(path.join(dir, 'w644.md')).mode & 0o777).toBe(0o644);
    expect(statSync(path.join(dir, 'r555.md')).mode & 0o777).toBe(0o555);
  });

  it('--fix-dry-run on a read-only note writes nothing and reports the fix as output, not as an error', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly(), 'locked.md': NOTE, 'open.md': NOTE });
    chmodSync(path.join(dir, 'locked.md'), 0o444);
    const stamp = new Date('2020-01-01T00:00:00Z');
    for (const name of ['locked.md', 'open.md']) utimesSync(path.join(dir, name), stamp, stamp);
    const result = await runCli(['--fix-dry-run', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const results = parseJsonOutput(result) as (JsonResult & { output?: string })[];
    expect(results.map((r) => r.output)).toEqual([FIXED, FIXED]);
    for (const r of results) expect(r.messages).toEqual([]);
    for (const name of ['locked.md', 'open.md']) {
      expect(readFileSync(path.join(dir, name), 'utf8')).toBe(NOTE);
      expect(statSync(path.join(dir, name)).mtimeMs).toBe(stamp.getTime());
    }
    expect(readdirSync(dir).sort()).toEqual(['.notelintrc.json', 'locked.md', 'open.md']);
  });
});

describe('--fix interrupted by a signal', () => {
  const NOTES = 200;
  const RUNS = 4;
  const names = Array.from({ length: NOTES }, (_, i) => `note-${String(i).padStart(3, '0')}.md`);

  /** What `--fix` makes of NOTE, from the CLI itself (on a separate copy). */
  let expectedFixed: Buffer;
  beforeAll(async () => {
    const dir = tree({ '.notelintrc.json': fixOnly(), 'copy.md': NOTE });
    const result = await runCli(['--fix'], { cwd: dir });
    expect(result.code).toBe(0);
    expectedFixed = readFileSync(path.join(dir, 'copy.md'));
    expect(expectedFixed.toString()).toBe(FIXED);
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /**
   * Starts `--fix` on NOTES copies of NOTE, waits until it writes (a temporary file appears or the first
   * note changes), then, after `delay` ms, sends `signal`; resolves when the process has ended.
   */
  async function interruptedRun(signal: NodeJS.Signals, delay: number) {
    const dir = tree({ '.notelintrc.json': fixOnly() });
    for (const name of names) writeFileSync(path.join(dir, name), NOTE);
    const child = spawn(process.execPath, [binPath, '--fix'], {
      cwd: dir,
      env: childEnv(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signalled) => resolve({ code, signal: signalled }));
    });
    let exited = false;
    void ended.then(() => (exited = true));

    const first = path.join(dir, names[0]);
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (exited || Date.now() > deadline) break;
      if (readdirSync(dir).some((name) => name.endsWith('.tmp'))) break;
      if (readFileSync(first, 'utf8') !== NOTE) break;
      await sleep(3);
    }
    const sawWriting = !exited;
    if (delay > 0) await sleep(delay);
    child.kill(signal);
    const outcome = await ended;
    return { dir, sawWriting, ...outcome, stderr: Buffer.concat(stderr).toString('utf8') };
  }

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal}: exits with ${code}, no temporary file is left, each note is untouched or fully fixed (${RUNS} runs)`, async () => {
      const original = Buffer.from(NOTE);
      let fixedTotal = 0;
      for (let run = 0; run < RUNS; run++) {
        // Signals at once (most likely while a temporary file exists) and after various delays.
        const delay = [0, 0, 45, 200][run % 4];
        const outcome = await interruptedRun(signal, delay);
        const context = `${signal} run ${run + 1} (delay ${delay} ms): ${outcome.stderr}`;
        expect(outcome.sawWriting, context).toBe(true);
        expect({ code: outcome.code, signal: outcome.signal }, context).toEqual({ code, signal: null });
        expect(outcome.stderr, context).toContain('notelint: interrupted; notes already fixed are whole, the others untouched.');

        const left = readdirSync(outcome.dir); // hidden files included
        expect(
          left.filter((name) => name.endsWith('.tmp')),
          context,
        ).toEqual([]);
        expect(left.sort(), context).toEqual(['.notelintrc.json', ...names]);
        let fixed = 0;
        for (const name of names) {
          const bytes = readFileSync(path.join(outcome.dir, name));
          if (bytes.equals(expectedFixed)) fixed++;
          else expect(bytes.equals(original), `${context}: ${name} is neither untouched nor fixed:\n${bytes.toString()}`).toBe(true);
        }
        expect(fixed, context).toBeLessThan(NOTES); // it was interrupted
        fixedTotal += fixed;
      }
      expect(fixedTotal).toBeGreaterThan(0);
    }, 60_000);
  }
});
