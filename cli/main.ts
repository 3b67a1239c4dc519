/**
 * The notelint command: options → workspace → lint run → formatter → exit code (docs/design.md,
 * "Adapters: CLI, server, workers"). Exit codes: 0 clean (or warnings within --max-warnings), 1 lint
 * errors or too many warnings, 2 bad usage, a bad config, or a crash.
 */
import path from 'node:path';
import type { RuleMeta } from '../core/engine/types.js';
import { rules } from '../engine/index.js';
import { WorkspaceError } from '../workspace/errors.js';
import { displayPath } from '../workspace/paths.js';
import { validatorLoader, Workspace } from '../workspace/workspace.js';
import { helpText, parseCliArgs, type CliOptions } from './args.js';
import { CliError } from './errors.js';
import { FORMAT_NAMES, formatters } from './formatters/index.js';
import { describeConfig, listRules, version } from './info.js';
import { runInit } from './init.js';
import { interruptGuard, type InterruptGuard } from './interrupts.js';
import { isSet, lintRun, stackOf } from './lint-run.js';
import { totals, type LintResult } from './results.js';

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
  const interrupts = interruptGuard(io.stderr, EXIT_FAILURE);
  try {
    return await execute(argv, io, interrupts);
  } catch (error) {
    return reportFailure(error, io);
  } finally {
    interrupts.disarm();
  }
}

async function execute(argv: readonly string[], io: CliIO, interrupts: InterruptGuard): Promise<number> {
  // `notelint report …`, `notelint calendar …`: only as the first argument (`notelint ./report` lints a folder of that name).
  if (argv[0] === 'report' || argv[0] === 'calendar') {
    const { runAcross } = await import('./report-command.js');
    return runAcross(argv[0], argv.slice(1), { ...io, color: colorEnabled(io) });
  }
  const rulesMeta = new Map<string, RuleMeta>(rules.map((rule) => [rule.meta.id, rule.meta]));
  const options = parseCliArgs(argv, { ruleIds: [...rulesMeta.keys()], formats: FORMAT_NAMES });
  const printed = printOnly(options, rulesMeta);
  if (printed !== undefined) {
    io.stdout.write(printed);
    return EXIT_OK;
  }

  const { cwd } = io;
  const machineTimezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  if (options.init) return init(options, io, machineTimezone);

  const workspace = await Workspace.open({
    root: cwd,
    machineTimezone,
    configFile: options.config,
    noConfig: options.noConfig,
    ignoreFile: options.ignorePath,
  });
  if (options.printConfig !== undefined) {
    const config = await workspace.configFor(path.resolve(cwd, options.printConfig));
    io.stdout.write(`${JSON.stringify(describeConfig(config, workspace.resolve(config, options.ruleOverrides), cwd), null, 2)}\n`);
    return EXIT_OK;
  }

  // Fixes written to files (and the cache and suppressions after them): no temporary file left on ^C.
  if (options.fix && !options.stdin) interrupts.arm();
  const { results, stdinOutput } = await lintRun(options, io, workspace, version());
  const report = formatters[options.format](results, { cwd, color: colorEnabled(io), rulesMeta });
  if (options.stdin && options.fix) {
    // The fixed text (or the input unchanged) is the output; the report goes to stderr.
    io.stdout.write(stdinOutput ?? new Uint8Array());
    io.stderr.write(report);
  } else {
    io.stdout.write(report);
  }
  return exitCode(results, options, io);
}

/** `--help`, `--version`, `--list-rules`: the text to print, or undefined when the run lints. */
function printOnly(options: CliOptions, rulesMeta: Map<string, RuleMeta>): string | undefined {
  if (options.help) return helpText(FORMAT_NAMES);
  if (options.version) return `${version()}\n`;
  if (options.listRules) return listRules([...rulesMeta.values()], options.format);
  return undefined;
}

/** `--init`: writes a config file here. */
async function init(options: CliOptions, io: CliIO, machineTimezone: string): Promise<number> {
  const file = await runInit({
    cwd: io.cwd,
    seller: options.seller,
    timezone: options.timezone,
    machineTimezone,
    validator: validatorLoader(),
    stdin: io.stdin ?? process.stdin,
    stdinIsTTY: io.stdin !== undefined && io.stdinIsTTY === true,
    output: io.stdout as { write(text: string): unknown },
  });
  io.stdout.write(`Wrote ${displayPath(file, io.cwd)}. Run \`notelint\` to lint the notes below this folder.\n`);
  return EXIT_OK;
}

function exitCode(results: readonly LintResult[], options: CliOptions, io: CliIO): number {
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

/** Colour only on a terminal; NO_COLOR (non-empty) turns it off, FORCE_COLOR (not "0"/"false") on. */
export function colorEnabled(io: Pick<CliIO, 'env' | 'stdoutIsTTY'>): boolean {
  if (isSet(io.env.NO_COLOR)) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return io.stdoutIsTTY;
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
