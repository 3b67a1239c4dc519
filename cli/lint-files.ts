/**
 * Reads and lints files one after another, reading a few files ahead. A file that cannot be read, or
 * on which the engine throws, gets one fatal message; the other files are still linted.
 */
import { readFile } from 'node:fs/promises';
import type { ResolvedConfig } from '../core/engine/types.js';
import { describeFsError } from '../workspace/config-files.js';
import { LintTimedOut } from '../worker/lint-runner.js';
import { fileMessage, makeResult, type LintResult } from './results.js';

export interface LintJob {
  /** Absolute path (or `<text>` for standard input without --stdin-filename). */
  path: string;
  config: ResolvedConfig;
  /** The content, when it does not come from the file itself (standard input, the git index). */
  content?: Uint8Array;
}

/** Lints (or fixes, or looks up in the cache) one file's bytes. A throw is reported as an engine crash on that file. */
export type ProcessFile = (job: LintJob, bytes: Uint8Array) => Promise<LintResult>;

export interface LintFilesOptions {
  /** How many files to read ahead of the one being linted. */
  readAhead?: number;
  /** Called with an engine exception (for NOTELINT_DEBUG). */
  onCrash?: (file: string, error: unknown) => void;
  /** How many notes to lint at once (with a worker pool); 1, the default, lints one after another. */
  concurrency?: number;
  /** Called after each file, whatever its outcome (for progress). */
  onFileDone?: (result: LintResult) => void;
}

type ReadOutcome = { ok: true; bytes: Uint8Array } | { ok: false; error: unknown };

export async function lintFiles(jobs: readonly LintJob[], processFile: ProcessFile, options: LintFilesOptions = {}): Promise<LintResult[]> {
  const one = async (job: LintJob, outcome: ReadOutcome): Promise<LintResult> => {
    const result = await processOne(job, outcome, processFile, options);
    options.onFileDone?.(result);
    return result;
  };
  const concurrency = Math.max(1, options.concurrency ?? 1);
  if (concurrency > 1) {
    // As many notes in flight as asked for (the pool's workers kept busy); results in the order of the jobs.
    const results: LintResult[] = new Array(jobs.length);
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await one(jobs[i], await readNote(jobs[i]));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, lane));
    return results;
  }
  const readAhead = Math.max(1, options.readAhead ?? 8);
  const reads: Promise<ReadOutcome>[] = [];
  const start = (i: number) => {
    if (i < jobs.length && !reads[i]) reads[i] = readNote(jobs[i]);
  };
  const results: LintResult[] = [];
  for (let i = 0; i < jobs.length; i++) {
    for (let k = i; k <= i + readAhead; k++) start(k);
    const outcome = await reads[i];
    delete reads[i]; // let the text go once linted
    results.push(await one(jobs[i], outcome));
  }
  return results;
}

/** One note: its read failure, or its lint (or fix); an engine exception is reported on the note. */
async function processOne(job: LintJob, outcome: ReadOutcome, processFile: ProcessFile, options: LintFilesOptions): Promise<LintResult> {
  if (!outcome.ok) return makeResult(job.path, [fileMessage(`Cannot read the file: ${describeFsError(outcome.error)}.`, 'fatal')]);
  try {
    return await processFile(job, outcome.bytes);
  } catch (error) {
    if (error instanceof LintTimedOut) {
      // Given up, not a bug: the note is too big or too odd to read in time; the others are still linted.
      return makeResult(job.path, [fileMessage(`notelint cannot check this note: ${error.message}.`, 'fatal')]);
    }
    options.onCrash?.(job.path, error);
    const reason = error instanceof Error ? error.message : String(error);
    return makeResult(job.path, [fileMessage(`notelint crashed on this file (a bug: please report it): ${reason}`, 'fatal')], true);
  }
}

async function readNote(job: LintJob): Promise<ReadOutcome> {
  if (job.content) return { ok: true, bytes: job.content };
  try {
    return { ok: true, bytes: await readFile(job.path) };
  } catch (error) {
    return { ok: false, error };
  }
}
