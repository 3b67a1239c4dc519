/**
 * The notelint command: flags → files → configs → engine → formatter → exit code.
 * Exit codes: 0 clean (or warnings within --max-warnings), 1 lint errors or too many warnings,
 * 2 bad usage, a bad config, or a crash.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { lint } from '../engine/index.js';
import type { Diagnostic, ResolvedConfig, RuleMeta, Severity } from '../core/engine/types.js';
import { rules } from '../rules/index.js';
import { helpText, parseCliArgs, type CliOptions } from './args.js';
import { cacheFilePath, LintCache } from './cache.js';
import { describeFsError, type LoadedConfig } from '../workspace/config-files.js';
import { CliError } from './errors.js';
import { WorkspaceError } from '../workspace/errors.js';
import { validatorLoader, Workspace } from '../workspace/workspace.js';
import { gatherJobs, refusedWarnings, STDIN_PATH } from './gather.js';
import { fixNote, willFix } from '../workspace/fix-note.js';
import { FORMAT_NAMES, formatters } from './formatters/index.js';
import { runInit } from './init.js';
import { createProgress } from './progress.js';
import { lintFiles } from './lint-files.js';
import { workerCount } from './lint-pool-size.js';
import { tooLarge } from '../workspace/note-size.js';
import { decodeUtf8, displayPath } from '../workspace/paths.js';
import { errorsOnly, fileMessage, makeResult, messageFromDiagnostic, totals, type LintMessage, type LintResult } from './results.js';
import { DEFAULT_SUPPRESSIONS_FILE, Suppressions } from './suppressions.js';
import { FileChangedError, ReadOnlyError, removePendingTemporariesSync, writeFileAtomic } from './write-file.js';
import { LintRunner, lintTimeLimitMs, WORKER_FROM_BYTES } from '../worker/lint-runner.js';

export interface CliIO {
  /** Text, and the fixed note's bytes for `--stdin --fix`. */
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(text: string): unknown };
  /** Whether stderr is a terminal (progress on long runs). */
  stderrIsTTY?: boolean;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour). */
  stdoutIsTTY: boolean;
  /** Standard input: read by --stdin, asked by --init's questions. None: empty input, no questions. */
  stdin?: NodeJS.ReadableStream;
  /** Whether standard input is a terminal (--init asks questions only then). */
  stdinIsTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_FAILURE = 2;

/** Runs the CLI with explicit arguments and I/O; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const interrupts = interruptGuard(io);
  try {
    return await execute(argv, io, interrupts);
  } catch (error) {
    return reportFailure(error, io);
  } finally {
    interrupts.disarm();
  }
}

/** Exit codes for a fix run ended by a signal: 128 + the signal's number, as shells report. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

interface InterruptGuard {
  /** From now on, SIGINT and SIGTERM remove the temporary files in flight, then exit. */
  arm(): void;
  disarm(): void;
}

/**
 * While `--fix` writes files: SIGINT or SIGTERM synchronously removes the temporary files of the writes
 * in flight (so none is left behind, and each note is either untouched or whole: the rename is atomic),
 * says so on stderr and exits with 130 or 143.
 */
function interruptGuard(io: CliIO): InterruptGuard {
  const onSignal = (signal: NodeJS.Signals) => {
    removePendingTemporariesSync();
    io.stderr.write('notelint: interrupted; notes already fixed are whole, the others untouched.\n');
    process.exit(SIGNAL_EXIT_CODES[signal as keyof typeof SIGNAL_EXIT_CODES] ?? EXIT_FAILURE);
  };
  let armed = false;
  return {
    arm() {
      if (armed) return;
      armed = true;
      for (const signal of Object.keys(SIGNAL_EXIT_CODES)) process.on(signal, onSignal);
    },
    disarm() {
      if (!armed) return;
      armed = false;
      for (const signal of Object.keys(SIGNAL_EXIT_CODES)) process.off(signal, onSignal);
    },
  };
}

async function execute(argv: readonly string[], io: CliIO, interrupts: InterruptGuard): Promise<number> {
  // `notelint report …`, `notelint calendar …`: only as the first argument (`notelint ./report` lints a folder of that name).
  if (argv[0] === 'report' || argv[0] === 'calendar') {
    const { runAcross } = await import('./report-command.js');
    return runAcross(argv[0], argv.slice(1), { ...io, color: colorEnabled(io) });
  }
  const rulesMeta = new Map<string, RuleMeta>(rules.map((rule) => [rule.meta.id, rule.meta]));
  const options = parseCliArgs(argv, { ruleIds: [...rulesMeta.keys()], formats: FORMAT_NAMES });
  if (options.help) {
    io.stdout.write(helpText(FORMAT_NAMES));
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  if (options.listRules) {
    io.stdout.write(listRules([...rulesMeta.values()], options.format));
    return EXIT_OK;
  }

  const { cwd } = io;
  const getValidator = validatorLoader();
  const machineTimezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

  if (options.init) {
    const file = await runInit({
      cwd,
      seller: options.seller,
      timezone: options.timezone,
      machineTimezone,
      validator: getValidator,
      stdin: io.stdin ?? process.stdin,
      stdinIsTTY: io.stdin !== undefined && io.stdinIsTTY === true,
      output: io.stdout as { write(text: string): unknown },
    });
    io.stdout.write(`Wrote ${displayPath(file, cwd)}. Run \`notelint\` to lint the notes below this folder.\n`);
    return EXIT_OK;
  }

  const workspace = await Workspace.open({
    root: cwd,
    machineTimezone,
    configFile: options.config,
    noConfig: options.noConfig,
    ignoreFile: options.ignorePath,
  });
  const resolved = workspace.resolved;

  if (options.printConfig !== undefined) {
    const config = await workspace.configFor(path.resolve(cwd, options.printConfig));
    io.stdout.write(`${JSON.stringify(describeConfig(config, workspace.resolve(config, options.ruleOverrides), cwd), null, 2)}\n`);
    return EXIT_OK;
  }

  const { jobs, ignoredFiles, stdinBytes, refused, unreadableFolders } = await gatherJobs(options, io, workspace);

  io.stderr.write(refusedWarnings(refused, cwd));
  const notelintVersion = version();
  const cache =
    options.cache && !options.stdin ? await LintCache.load(await cacheFilePath(options.cacheLocation, cwd), notelintVersion) : undefined;
  const fixing = options.fix || options.fixDryRun;
  const stdinOutput: { bytes?: Uint8Array } = {};

  // Fixes written to files (and the cache and suppressions after them): no temporary file left on ^C.
  if (options.fix && !options.stdin) interrupts.arm();
  const debug = isSet(io.env.NOTELINT_DEBUG);
  const progress = createProgress(jobs.length, { write: (text) => io.stderr.write(text), isTTY: io.stderrIsTTY === true }, { env: io.env });
  // A long note is read in a worker thread under a time limit, so that no note can hang a hook or a CI run;
  // a short one, in this thread (a worker costs its start-up, and short notes read in milliseconds).
  // With --concurrency and enough notes, every note is read in a pool of workers, under the same limits.
  const limitMs = lintTimeLimitMs(io.env);
  const threads = workerCount(options.concurrency, jobs.length, availableParallelism());
  const pool = threads > 1 ? new (await import('./lint-pool.js')).LintPool(threads, limitMs) : undefined;
  let runner: LintRunner | undefined;
  const workerFor = (bytes: Uint8Array) => pool ?? (bytes.length >= WORKER_FROM_BYTES ? (runner ??= new LintRunner(limitMs)) : undefined);
  const linted = await lintFiles(jobs, lint, {
    concurrency: pool ? threads * 2 : 1,
    onFileDone: () => progress.tick(),
    onCrash: (file, error) => {
      if (debug) io.stderr.write(`notelint: crashed on ${file}:\n${stackOf(error)}\n`);
    },
    processFile: async (job, bytes) => {
      const large = tooLarge(bytes.length, job.config.maxNoteBytes);
      if (large) return makeResult(job.path, [fileMessage(large, 'warning')]);
      const lintPath = job.path === STDIN_PATH ? undefined : job.path;
      const lintText = (text: string) => lint({ text, path: lintPath }, job.config).diagnostics;
      const keyOf = (content: Uint8Array) => resolved.cacheKey(content, job.config, notelintVersion);
      const key = cache ? keyOf(bytes) : '';
      if (cache) {
        const cached = cache.get(job.path, key);
        const needsFixing = (m: LintMessage) => m.fix !== undefined && willFix(severityOf(m), options.quiet);
        if (cached && !(fixing && cached.some(needsFixing))) return makeResult(job.path, cached);
      }
      const lintBytes = async (content: Uint8Array) => {
        const worker = workerFor(content);
        if (!worker) return lintText(decodeUtf8(content));
        return worker.check({ kind: 'check', text: decodeUtf8(content), path: lintPath, ...resolved.inputsOf(job.config) });
      };
      if (!fixing) {
        const result = resultOf(job.path, await lintBytes(bytes));
        cache?.set(job.path, key, result.messages);
        return result;
      }
      const worker = workerFor(bytes);
      const outcome = worker
        ? await worker.fix({ kind: 'fix', bytes, path: lintPath, errorsOnly: options.quiet, ...resolved.inputsOf(job.config) })
        : fixNote(bytes, (text) => lint({ text, path: lintPath, bomRemoved: true }, job.config).diagnostics, { errorsOnly: options.quiet });
      const result = resultOf(job.path, outcome.diagnostics);
      if (options.stdin) {
        stdinOutput.bytes = outcome.bytes;
        if (options.fixDryRun && outcome.changed) result.output = textWithBom(outcome.bytes);
        return result;
      }
      if (!outcome.changed) {
        cache?.set(job.path, key, result.messages);
        return result;
      }
      if (options.fixDryRun || job.content !== undefined) {
        result.output = textWithBom(outcome.bytes);
        return result;
      }
      try {
        await writeFileAtomic(job.path, outcome.bytes, { expectedContent: bytes });
      } catch (error) {
        // Not written: report the file as it is, and why.
        const why =
          error instanceof FileChangedError
            ? 'The file changed while notelint was fixing it: the fixes were not written.'
            : error instanceof ReadOnlyError
              ? 'Cannot write the fix: the file is read-only.'
              : `Cannot write the fixed file: ${describeFsError(error)}.`;
        const unfixed = resultOf(job.path, await lintBytes(bytes));
        return makeResult(job.path, [...unfixed.messages, fileMessage(why, 'fatal')]);
      }
      cache?.set(job.path, keyOf(outcome.bytes), result.messages);
      return result;
    },
  });
  progress.done();
  runner?.dispose();
  await pool?.destroy();
  const skipped = [
    ...ignoredFiles.map((file) => makeResult(file, [fileMessage('File ignored because of a matching ignore pattern.', 'warning')])),
    ...unreadableFolders.map((folder) =>
      makeResult(folder.path, [
        fileMessage(`Cannot read this folder: ${describeFsError(folder.error)}; the notes in it were not linted.`, 'fatal'),
      ]),
    ),
  ];
  if (cache) {
    await cache.save().catch((error: unknown) => {
      io.stderr.write(`notelint: cannot write the cache ${displayPath(cache.file, cwd)}: ${describeFsError(error)}\n`);
    });
  }

  let results: LintResult[] = await applySuppressions(linted, options, io);
  results = [...results, ...skipped].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  if (options.quiet) results = results.map(errorsOnly);

  const formatter = formatters[options.format];
  const context = { cwd, color: colorEnabled(io), rulesMeta };
  const report = formatter(results, context);
  if (options.stdin && options.fix) {
    // The fixed text (or the input unchanged) is the output; the report goes to stderr.
    io.stdout.write(stdinOutput.bytes ?? stdinBytes ?? new Uint8Array());
    io.stderr.write(report);
  } else {
    io.stdout.write(report);
  }

  const t = totals(results);
  if (t.crashed > 0) {
    io.stderr.write(
      `notelint: crashed on ${t.crashed} file${t.crashed === 1 ? '' : 's'} (see the fatal messages; NOTELINT_DEBUG=1 shows the stack).\n`,
    );
    return EXIT_FAILURE;
  }
  if (t.errors > 0) return EXIT_LINT_ERRORS;
  if (options.maxWarnings !== undefined && t.warnings > options.maxWarnings) {
    io.stderr.write(`notelint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return EXIT_LINT_ERRORS;
  }
  return EXIT_OK;
}

/**
 * Bulk suppressions: --suppress-all records the problems, --prune-suppressions forgets those gone; then
 * the recorded ones are left out of the results. Nothing happens without a suppressions file.
 */
async function applySuppressions(results: LintResult[], options: CliOptions, io: CliIO): Promise<LintResult[]> {
  const file = path.resolve(io.cwd, options.suppressionsLocation ?? DEFAULT_SUPPRESSIONS_FILE);
  const suppressions = await Suppressions.load(file, io.cwd);
  const linted = results.filter((r) => r.filePath !== STDIN_PATH && r.fatalErrorCount === 0);
  if (options.suppressAll || options.pruneSuppressions) {
    if (options.suppressAll) suppressions.record(linted);
    else suppressions.prune(linted);
    try {
      await suppressions.save();
    } catch (error) {
      throw new CliError(`cannot write the suppressions file ${displayPath(file, io.cwd)}: ${describeFsError(error)}`);
    }
  } else {
    const unused = suppressions.unused(linted);
    if (unused > 0) {
      io.stderr.write(
        `notelint: ${unused} suppressed problem${unused === 1 ? ' no longer occurs' : 's no longer occur'}; run with --prune-suppressions to update ${displayPath(file, io.cwd)}.\n`,
      );
    }
  }
  return results.map((r) => (r.filePath === STDIN_PATH ? r : suppressions.apply(r)));
}

function resultOf(file: string, diagnostics: readonly Diagnostic[]): LintResult {
  return makeResult(file, diagnostics.map(messageFromDiagnostic));
}

function severityOf(m: LintMessage): Diagnostic['severity'] {
  return m.severity === 2 ? 'error' : m.level === 'info' ? 'info' : 'warn';
}

/** A note's bytes as ESLint's `output`: the text, with its BOM. */
function textWithBom(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function describeConfig(config: LoadedConfig | undefined, resolved: ResolvedConfig, cwd: string) {
  const data = config?.data ?? {};
  const ruleSettings: Record<string, Severity | [Severity, Record<string, unknown>]> = {};
  for (const id of [...resolved.rules.keys()].sort()) {
    const setting = resolved.rules.get(id);
    if (!setting) continue;
    ruleSettings[id] = Object.keys(setting.options).length > 0 ? [setting.severity, setting.options] : setting.severity;
  }
  return {
    configFile: config ? displayPath(config.path, cwd) : null,
    rules: ruleSettings,
    seller: resolved.seller,
    locale: resolved.locale,
    timezone: resolved.timezone,
    ...(data.include ? { include: data.include } : {}),
    ...(data.ignore ? { ignore: data.ignore } : {}),
    ...(data.nextStepsHeadings ? { nextStepsHeadings: data.nextStepsHeadings } : {}),
    logs: resolved.logs,
    vocabulary: { language: resolved.vocabulary.language, ...(data.vocabulary ?? {}) },
  };
}

function listRules(metas: readonly RuleMeta[], format: string): string {
  const sorted = [...metas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (format === 'json') return `${JSON.stringify(sorted, null, 2)}\n`;
  const idWidth = Math.max(0, ...sorted.map((m) => m.id.length));
  const severityWidth = Math.max(0, ...sorted.map((m) => m.severity.length));
  return sorted
    .map((m) => [m.id.padEnd(idWidth), m.severity.padEnd(severityWidth), (m.fixable ? 'fixable' : '').padEnd(7), m.description].join('  '))
    .map((line) => `${line}\n`)
    .join('');
}

function version(): string {
  for (const relative of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'notelint' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return 'unknown';
}

/** Colour only on a terminal; NO_COLOR (non-empty) turns it off, FORCE_COLOR (not "0"/"false") on. */
export function colorEnabled(io: Pick<CliIO, 'env' | 'stdoutIsTTY'>): boolean {
  if (isSet(io.env.NO_COLOR)) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return io.stdoutIsTTY;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

function reportFailure(error: unknown, io: CliIO): number {
  if (error instanceof CliError || error instanceof WorkspaceError) {
    const lines = error.message.split('\n');
    const hint = error instanceof CliError && error.showHelpHint ? "; see 'notelint --help'" : '';
    io.stderr.write(lines.map((line, i) => `notelint: ${line}${i === lines.length - 1 ? hint : ''}\n`).join(''));
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`notelint: ${message.split('\n')[0]}\n`);
  if (isSet(io.env.NOTELINT_DEBUG)) io.stderr.write(`${stackOf(error)}\n`);
  return EXIT_FAILURE;
}

function stackOf(error: unknown): string {
  return error instanceof Error && error.stack ? error.stack : String(error);
}

/** The process entry point (bin/notelint.js). */
export async function run(): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // `notelint … | head`: the reader left; stop quietly.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
  });
}
