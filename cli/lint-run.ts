/**
 * A lint (or fix) run over the notes the workspace gives: each note read and processed
 * (cli/process-note.ts), then the files left out said, the cache saved, the suppressions applied and
 * the results sorted — what the formatter is handed.
 */
import { availableParallelism } from 'node:os';
import { lintTimeLimitMs } from '../worker/lint-runner.js';
import { workerCount } from '../worker/lint-pool-size.js';
import { describeFsError } from '../workspace/config-files.js';
import { displayPath } from '../workspace/paths.js';
import { NoteRunner } from '../workspace/run-notes.js';
import type { Workspace } from '../workspace/workspace.js';
import type { CliOptions } from './args.js';
import { cacheFilePath, LintCache } from './cache.js';
import { gatherJobs, refusedWarnings, STDIN_PATH, type Gathered, type GatherIO } from './gather.js';
import { lintFiles } from './lint-files.js';
import { NoteProcessor } from './process-note.js';
import { createProgress } from './progress.js';
import { errorsOnly, fileMessage, makeResult, type LintResult } from './results.js';
import { applySuppressions } from './suppressions.js';

export interface RunIO extends GatherIO {
  stderr: { write(text: string): unknown };
  stderrIsTTY?: boolean;
}

export interface RunOutcome {
  results: LintResult[];
  /** `--stdin --fix`: what goes to standard output — the fixed note, or the input unchanged. */
  stdinOutput?: Uint8Array;
}

export async function lintRun(options: CliOptions, io: RunIO, workspace: Workspace, version: string): Promise<RunOutcome> {
  const gathered = await gatherJobs(options, io, workspace);
  io.stderr.write(refusedWarnings(gathered.refused, io.cwd));
  const cache =
    options.cache && !options.stdin ? await LintCache.load(await cacheFilePath(options.cacheLocation, io.cwd), version) : undefined;
  const runner = await NoteRunner.start(workspace.resolved, {
    threads: workerCount(options.concurrency, gathered.jobs.length, availableParallelism()),
    timeLimitMs: lintTimeLimitMs(io.env),
  });
  const processor = new NoteProcessor(options, runner, workspace.resolved, version, cache);
  const progress = createProgress(
    gathered.jobs.length,
    { write: (text) => io.stderr.write(text), isTTY: io.stderrIsTTY === true },
    { env: io.env },
  );
  const debug = isSet(io.env.NOTELINT_DEBUG);
  let linted: LintResult[];
  try {
    linted = await lintFiles(gathered.jobs, processor.process, {
      concurrency: runner.inFlight,
      onFileDone: () => progress.tick(),
      onCrash: (file, error) => {
        if (debug) io.stderr.write(`notelint: crashed on ${file}:\n${stackOf(error)}\n`);
      },
    });
  } finally {
    progress.done();
    await runner.dispose();
  }
  if (cache) {
    await cache.save().catch((error: unknown) => {
      io.stderr.write(`notelint: cannot write the cache ${displayPath(cache.file, io.cwd)}: ${describeFsError(error)}\n`);
    });
  }
  let results = [...(await applySuppressions(linted, options, io, STDIN_PATH)), ...leftOut(gathered)];
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  if (options.quiet) results = results.map(errorsOnly);
  return { results, stdinOutput: options.stdin ? (processor.stdinOutput ?? gathered.stdinBytes) : undefined };
}

/** The files named that an ignore rule leaves out, and the folders that cannot be read. */
function leftOut(gathered: Gathered): LintResult[] {
  return [
    ...gathered.ignoredFiles.map((file) =>
      makeResult(file, [fileMessage('File ignored because of a matching ignore pattern.', 'warning')]),
    ),
    ...gathered.unreadableFolders.map((folder) =>
      makeResult(folder.path, [
        fileMessage(`Cannot read this folder: ${describeFsError(folder.error)}; the notes in it were not linted.`, 'fatal'),
      ]),
    ),
  ];
}

export function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

export function stackOf(error: unknown): string {
  return error instanceof Error && error.stack ? error.stack : String(error);
}
