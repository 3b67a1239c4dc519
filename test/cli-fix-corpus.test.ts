/**
 * `--fix` over the real corpus (../shared/corpus, 2,715 notes: CRLF, BOMs, odd names, huge lines),
 * on a temporary copy. The run must complete without a crash; every change must be exactly the
 * engine's fixes (each an insertion of " (YYYY-MM-DD)"), byte for byte, with nothing else touched; no
 * fixable problem may be left; and a second --fix must change nothing.
 *
 * The whole corpus is fixed, in parallel batches (one process per core). The expected text of each
 * changed note is rebuilt in-process from the engine alone (lint + applyFixes, pass after pass), so the
 * CLI's own fix loop, byte handling and writing are what is checked.
 */
import { chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { applyFixes } from '../core/engine/fix.js';
import { lint, resolveConfig } from '../engine/index.js';
import type { Diagnostic } from '../core/engine/types.js';
import { parseJsonOutput, repoRoot, runCli, type JsonResult } from './helpers/cli.js';

const corpus = path.resolve(repoRoot, '../shared/corpus');
const MARKDOWN = /\.(?:md|markdown)$/;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const FIX_TEXT = /^ \(\d{4}-\d{2}-\d{2}\)$/;

const work = mkdtempSync(path.join(os.tmpdir(), 'notelint-fix-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Markdown files below a folder, relative to it, as the CLI finds them (hidden entries and node_modules skipped). */
/** These runs check what --fix writes, not the time limit per note: a shared CI machine may be slow. */
const SLOW_MACHINE = { NOTELINT_LINT_TIME_LIMIT_MS: '600000' };

function markdownFiles(folder: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(folder, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(folder, relative));
    else if (entry.isFile() && MARKDOWN.test(entry.name)) found.push(relative);
  }
  return found;
}

/** The copy's top-level entries, dealt into `count` batches of similar size. */
function batches(root: string, count: number): string[][] {
  const sizes = new Map<string, number>();
  for (const file of markdownFiles(root)) {
    const top = file.split(path.sep)[0];
    sizes.set(top, (sizes.get(top) ?? 0) + statSync(path.join(root, file)).size);
  }
  const out = Array.from({ length: count }, () => ({ size: 0, paths: [] as string[] }));
  for (const [top, size] of [...sizes].sort((a, b) => b[1] - a[1])) {
    const smallest = out.reduce((a, b) => (b.size < a.size ? b : a));
    smallest.paths.push(top);
    smallest.size += size;
  }
  return out.map((b) => b.paths).filter((p) => p.length > 0);
}

/** One `--fix` process per batch, in parallel; `{i}` in an argument becomes the batch's number. */
async function fixAll(root: string, groups: string[][], extra: string[]): Promise<JsonResult[]> {
  const runs = await Promise.all(
    groups.map((paths, i) =>
      runCli(['--fix', '--no-config', '--format', 'json', ...extra.map((a) => a.replace('{i}', String(i))), ...paths], {
        cwd: root,
        env: SLOW_MACHINE,
      }),
    ),
  );
  const results: JsonResult[] = [];
  for (const run of runs) {
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    results.push(...parseJsonOutput(run));
  }
  return results;
}

/** What the engine alone makes of a note: passes of lint + applyFixes (ESLint's loop), BOM kept aside. */
function expectedFix(bytes: Buffer, file: string): { bytes: Buffer; fixTexts: string[] } {
  const config = resolveConfig(undefined, { machineTimezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' });
  const hasBom = bytes.subarray(0, 3).equals(BOM);
  let text = new TextDecoder('utf-8').decode(bytes); // removes the BOM, as the CLI reads
  const fixTexts: string[] = [];
  for (let pass = 0; pass < 10; pass++) {
    const { diagnostics } = lint({ text, path: file }, config);
    const { text: next, applied } = applyFixes(text, diagnostics as Diagnostic[]);
    if (applied.length === 0) break;
    for (const fix of applied) {
      expect(fix.range[0], 'fixes are insertions').toBe(fix.range[1]);
      fixTexts.push(fix.text);
    }
    text = next;
  }
  return { bytes: Buffer.concat([hasBom ? BOM : Buffer.alloc(0), Buffer.from(text, 'utf8')]), fixTexts };
}

it('--fix over the corpus: completes, changes only the fix ranges, leaves nothing fixable, and a second run changes nothing', async () => {
  cpSync(corpus, work, { recursive: true });
  const files = markdownFiles(work).sort();
  // The shared corpus may be read-only, and --fix never replaces a read-only note: the copy is the writer's own.
  for (const file of files) chmodSync(path.join(work, file), statSync(path.join(work, file)).mode | 0o200);
  expect(files.length).toBeGreaterThan(2700);

  const groups = batches(work, Math.max(1, Math.min(4, os.availableParallelism())));
  const results = await fixAll(work, groups, ['--cache', '--cache-location', '.cache-{i}']);
  expect(results.map((r) => path.relative(work, r.filePath)).sort()).toEqual(files);
  for (const r of results) {
    expect(r.fatalErrorCount, r.filePath).toBe(0);
    expect(
      r.messages.filter((m) => m.fix),
      `${r.filePath} still has fixable problems`,
    ).toEqual([]);
  }
  // No temporary file is left anywhere.
  expect(readdirSync(work, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);

  const changed: string[] = [];
  const mismatches: string[] = [];
  for (const file of files) {
    const before = readFileSync(path.join(corpus, file));
    const after = readFileSync(path.join(work, file));
    if (before.equals(after)) continue;
    changed.push(file);
    const expected = expectedFix(before, path.join(work, file));
    for (const text of expected.fixTexts) expect(text, file).toMatch(FIX_TEXT);
    if (!after.equals(expected.bytes)) mismatches.push(file);
    // Only insertions: the original is what is left once the inserted texts are taken out.
    expect(after.length - before.length).toBe(expected.fixTexts.reduce((n, t) => n + Buffer.byteLength(t), 0));
  }
  expect(mismatches).toEqual([]);
  expect(changed.length).toBeGreaterThan(0);

  // A second --fix: the changed notes, linted afresh (no cache), stay as they are...
  const snapshot = new Map(files.map((file) => [file, readFileSync(path.join(work, file))]));
  const again = await runCli(['--fix', '--no-config', '--format', 'json', ...changed], { cwd: work, env: SLOW_MACHINE });
  expect(again.stderr).toBe('');
  expect([0, 1]).toContain(again.code);
  for (const r of parseJsonOutput(again)) expect(r.messages.filter((m) => m.fix)).toEqual([]);
  // ...and so does the whole corpus (with the cache of the first run: what it stored is the fixed text's result).
  await fixAll(work, groups, ['--cache', '--cache-location', '.cache-{i}']);
  const touched = files.filter((file) => !readFileSync(path.join(work, file)).equals(snapshot.get(file) as Buffer));
  expect(touched).toEqual([]);
}, 900_000);
