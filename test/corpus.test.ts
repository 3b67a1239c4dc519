/**
 * Robustness on real notes: every Markdown file of ../shared/corpus (2,715 files, some over 1 MB, CRLF,
 * BOMs, a 150,000-character line, odd file names) through the real CLI with --format json. The run must
 * finish without a crash or a fatal message, list every file, and keep every position inside its file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parseJsonOutput, repoRoot, runCli, type JsonMessage, type JsonResult } from './helpers/cli.js';

const corpus = path.resolve(repoRoot, '../shared/corpus');
const MARKDOWN = /\.(?:md|markdown)$/;

/** Markdown files below a folder, as the CLI finds them (hidden entries and node_modules skipped). */
function markdownFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...markdownFiles(full));
    else if (entry.isFile() && MARKDOWN.test(entry.name)) found.push(full);
  }
  return found;
}

function folderSize(folder: string): number {
  return markdownFiles(folder).reduce((sum, file) => sum + statSync(file).size, 0);
}

/** The corpus's top-level entries, dealt into `count` batches of similar size. */
function batches(count: number): string[][] {
  const entries = readdirSync(corpus, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || MARKDOWN.test(e.name)))
    .map((e) => {
      const full = path.join(corpus, e.name);
      return { full, size: e.isDirectory() ? folderSize(full) : statSync(full).size };
    })
    .sort((a, b) => b.size - a.size);
  const out = Array.from({ length: count }, () => ({ size: 0, paths: [] as string[] }));
  for (const entry of entries) {
    const smallest = out.reduce((a, b) => (b.size < a.size ? b : a));
    smallest.paths.push(entry.full);
    smallest.size += entry.size;
  }
  return out.map((b) => b.paths).filter((p) => p.length > 0);
}

/** Lines as the engine counts them: split at \n (a \r before it belongs to its line). */
function lineLengths(file: string): number[] {
  const text = new TextDecoder('utf-8').decode(readFileSync(file)); // lenient, BOM removed, as the CLI reads
  return text.split('\n').map((line) => line.length);
}

function positionProblems(message: JsonMessage, lengths: number[]): string[] {
  const problems: string[] = [];
  const inside = (line: number, column: number, what: string) => {
    if (!Number.isInteger(line) || line < 1 || line > lengths.length) {
      problems.push(`${what} line ${line} outside 1..${lengths.length}`);
    } else if (!Number.isInteger(column) || column < 1 || column > lengths[line - 1] + 1) {
      problems.push(`${what} column ${column} outside 1..${lengths[line - 1] + 1} on line ${line}`);
    }
  };
  inside(message.line, message.column, 'start');
  if (message.endLine !== undefined || message.endColumn !== undefined) {
    inside(message.endLine ?? NaN, message.endColumn ?? NaN, 'end');
    const endLine = message.endLine ?? 0;
    const endColumn = message.endColumn ?? 0;
    if (endLine < message.line || (endLine === message.line && endColumn < message.column)) {
      problems.push(`end ${endLine}:${endColumn} before start ${message.line}:${message.column}`);
    }
  }
  return problems;
}

it('lints every corpus file without a crash, listing each file, with every position inside its file', async () => {
  const expected = markdownFiles(corpus).sort();
  expect(expected.length).toBeGreaterThan(2700);

  const parallel = Math.max(1, Math.min(4, os.availableParallelism()));
  const runs = await Promise.all(
    batches(parallel).map((paths) =>
      runCli(['--format', 'json', ...paths], { cwd: repoRoot, env: { NOTELINT_LINT_TIME_LIMIT_MS: '600000' } }),
    ),
  );
  const results: JsonResult[] = [];
  for (const run of runs) {
    expect(run.stderr).toBe('');
    expect([0, 1], run.stderr).toContain(run.code);
    results.push(...parseJsonOutput(run));
  }

  expect(results.map((r) => r.filePath).sort()).toEqual(expected);

  const problems: string[] = [];
  for (const result of results) {
    if (result.fatalErrorCount > 0) {
      problems.push(`${result.filePath}: fatal: ${result.messages.find((m) => m.fatal)?.message}`);
    }
    if (result.messages.length === 0) continue;
    const lengths = lineLengths(result.filePath);
    for (const message of result.messages) {
      for (const problem of positionProblems(message, lengths)) {
        problems.push(`${path.relative(corpus, result.filePath)}: ${message.ruleId}: ${problem}`);
      }
    }
  }
  expect(problems.slice(0, 50)).toEqual([]);
}, 900_000);
