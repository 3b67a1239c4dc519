/**
 * The notelint command: flags → files → configs → engine → formatter → exit code.
 * Exit codes: 0 clean (or warnings within --max-warnings), 1 lint errors or too many warnings,
 * 2 bad usage, a bad config, or a crash.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../core/engine/config.js';
import { lint } from '../core/engine/lint.js';
import type { ResolvedConfig, RuleMeta, Severity } from '../core/engine/types.js';
import type { ConfigValidator } from '../core/config/validate.js';
import { VOCABULARY_CATEGORIES } from '../core/vocabulary/languages.js';
import { rules } from '../rules/index.js';
import { helpText, parseCliArgs, type CliOptions } from './args.js';
import { ConfigFiles, type LoadedConfig } from './config-files.js';
import { CliError } from './errors.js';
import { expandPaths, selectByConfig } from './files.js';
import { FORMAT_NAMES, formatters } from './formatters/index.js';
import { lintFiles } from './lint-files.js';
import { displayPath } from './paths.js';
import { errorsOnly, fileMessage, makeResult, totals, type LintResult } from './results.js';

export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour). */
  stdoutIsTTY: boolean;
}

export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_FAILURE = 2;

/** Runs the CLI with explicit arguments and I/O; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await execute(argv, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

async function execute(argv: readonly string[], io: CliIO): Promise<number> {
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
  let validator: Promise<ConfigValidator> | undefined;
  const configFiles = new ConfigFiles(
    () =>
      (validator ??= import('../core/config/validate.js').then(({ createConfigValidator }) =>
        createConfigValidator(rules, { vocabularyCategories: VOCABULARY_CATEGORIES }),
      )),
    cwd,
  );
  const explicitConfig = options.config !== undefined ? await configFiles.explicit(options.config) : undefined;
  const configFor = (file: string): Promise<LoadedConfig | undefined> =>
    options.noConfig
      ? Promise.resolve(undefined)
      : explicitConfig
        ? Promise.resolve(explicitConfig)
        : configFiles.forFile(file);
  const resolved = resolverFor(options);

  if (options.printConfig !== undefined) {
    const file = path.resolve(cwd, options.printConfig);
    const config = await configFor(file);
    io.stdout.write(`${JSON.stringify(describeConfig(config, resolved(config), cwd), null, 2)}\n`);
    return EXIT_OK;
  }

  const expansion = await expandPaths(options.paths, cwd);
  const { selected, ignored } = await selectByConfig(expansion.files, configFor);
  const ignoredFiles = [...expansion.ignored, ...ignored];
  if (selected.length === 0 && ignoredFiles.length === 0) {
    throw new CliError(`All files matched by ${options.paths.map((p) => `'${p}'`).join(', ')} are ignored.`);
  }

  const debug = isSet(io.env.NOTELINT_DEBUG);
  const linted = await lintFiles(
    selected.map((s) => ({ path: s.path, config: resolved(s.config) })),
    lint,
    {
      onCrash: (file, error) => {
        if (debug) io.stderr.write(`notelint: crashed on ${file}:\n${stackOf(error)}\n`);
      },
    },
  );
  const skipped = ignoredFiles.map((file) =>
    makeResult(file, [fileMessage('File ignored because of a matching ignore pattern.', 'warning')]),
  );
  let results: LintResult[] = [...linted, ...skipped].sort((a, b) =>
    a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0,
  );
  if (options.quiet) results = results.map(errorsOnly);

  const formatter = formatters[options.format];
  io.stdout.write(
    formatter(results, { cwd, color: colorEnabled(io), rulesMeta }),
  );

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

/** One resolved config per config file (and one for "no config"), built on first use. */
function resolverFor(options: CliOptions): (config: LoadedConfig | undefined) => ResolvedConfig {
  const machineTimezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const cache = new Map<string, ResolvedConfig>();
  return (config) => {
    const key = config?.path ?? '';
    let result = cache.get(key);
    if (!result) {
      result = resolveConfig(config?.data, { machineTimezone, ruleOverrides: options.ruleOverrides });
      cache.set(key, result);
    }
    return result;
  };
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
    vocabulary: { language: resolved.vocabulary.language, ...(data.vocabulary ?? {}) },
  };
}

function listRules(metas: readonly RuleMeta[], format: string): string {
  const sorted = [...metas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (format === 'json') return `${JSON.stringify(sorted, null, 2)}\n`;
  const idWidth = Math.max(0, ...sorted.map((m) => m.id.length));
  const severityWidth = Math.max(0, ...sorted.map((m) => m.severity.length));
  return sorted
    .map((m) =>
      [m.id.padEnd(idWidth), m.severity.padEnd(severityWidth), (m.fixable ? 'fixable' : '').padEnd(7), m.description].join(
        '  ',
      ),
    )
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
  if (error instanceof CliError) {
    const lines = error.message.split('\n');
    const hint = error.showHelpHint ? "; see 'notelint --help'" : '';
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
  });
}
