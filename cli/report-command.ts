/**
 * `notelint report` and `notelint calendar`: the notes chosen as `notelint` chooses them, each read into
 * its Note model (every meeting of a log judged, for the streaks), as meeting records → the pipeline
 * report → a format. A note that cannot be read is named on stderr and left out; the others still count.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isDynamicPattern } from 'globby';
import { dayInZone } from '../core/dates/day-in-zone.js';
import { lint } from '../engine/index.js';
import type { LintResult, ResolvedConfig } from '../core/engine/types.js';
import { noteAccount } from '../core/pipeline/account-name.js';
import { meetingRecords } from '../core/pipeline/meeting-records.js';
import { pipelineReport } from '../core/pipeline/report.js';
import type { MeetingRecord, PipelineReport } from '../core/pipeline/types.js';
import { describeFsError } from '../workspace/config-files.js';
import { tooLarge } from '../workspace/note-size.js';
import { decodeUtf8, displayPath, isInside, toPosix } from '../workspace/paths.js';
import { LintRunner, lintTimeLimitMs, WORKER_FROM_BYTES } from '../worker/lint-runner.js';
import type { ResolvedConfigs } from '../workspace/resolved-configs.js';
import { Workspace } from '../workspace/workspace.js';
import { pathJobs, refusedWarnings } from './gather.js';
import type { LintJob } from './lint-files.js';
import { acrossHelp, parseAcrossArgs, type AcrossCommand, type AcrossOptions } from './report-args.js';
import { writeFileAtomic } from './write-file.js';

export interface AcrossIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  color: boolean;
  /** The clock, for "today" without --today. */
  now?: () => Date;
}

/** Runs a subcommand; resolves to the exit code (0, or 2 when a note could not be read). Throws CliError on bad usage. */
export async function runAcross(command: AcrossCommand, argv: readonly string[], io: AcrossIO): Promise<number> {
  const options = parseAcrossArgs(command, argv);
  if (options.help) {
    io.stdout.write(acrossHelp(command));
    return 0;
  }
  const machineTimezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const workspace = await Workspace.open({ root: io.cwd, machineTimezone, configFile: options.config, noConfig: options.noConfig });
  const { jobs, refused, unreadableFolders } = await pathJobs(options.paths, workspace, {});
  io.stderr.write(refusedWarnings(refused, io.cwd));
  for (const folder of unreadableFolders) {
    io.stderr.write(
      `notelint: ${displayPath(folder.path, io.cwd)}: left out of the ${command}: cannot read this folder: ${describeFsError(folder.error)}\n`,
    );
  }
  const roots = await rootsOf(options, io.cwd);
  const { records, failed } = await readRecords(jobs, workspace.resolved, io, roots, command);
  const base = workspace.resolve(await workspace.configFor(path.join(io.cwd, 'notelint-report.md')));
  const report = pipelineReport(records, {
    today: options.today ?? dayInZone(base.timezone, io.now?.() ?? new Date()),
    horizonDays: base.report.horizonDays,
  });
  const text = await render(options, report, io);
  if (options.output !== undefined) {
    const file = path.resolve(io.cwd, options.output);
    await writeFileAtomic(file, text).catch((error: unknown) => {
      throw new Error(`cannot write ${displayPath(file, io.cwd)}: ${describeFsError(error)}`);
    });
  } else io.stdout.write(text);
  return failed + unreadableFolders.length > 0 ? 2 : 0;
}

async function render(options: AcrossOptions, report: PipelineReport, io: AcrossIO): Promise<string> {
  // Each format is loaded only when asked for (ical-generator and luxon only for the calendar).
  if (options.command === 'calendar') return (await import('../report/calendar.js')).reportCalendar(report);
  switch (options.format) {
    case 'json':
      return (await import('../report/json.js')).reportJson(report);
    case 'markdown':
      return (await import('../report/markdown.js')).reportMarkdown(report);
    case 'html':
      return (await import('../report/html.js')).reportHtml(report);
    default:
      return (await import('../report/table.js')).reportTable(report, options.output === undefined && io.color);
  }
}

async function readRecords(
  jobs: readonly LintJob[],
  resolved: ResolvedConfigs,
  io: AcrossIO,
  roots: readonly string[],
  command: AcrossCommand,
) {
  const records: MeetingRecord[] = [];
  let failed = 0;
  let runner: LintRunner | undefined;
  try {
    for (const job of jobs) {
      const shown = toPosix(displayPath(job.path, io.cwd));
      let linted: LintResult;
      try {
        const bytes = await readFile(job.path);
        const large = tooLarge(bytes.length, job.config.maxNoteBytes);
        if (large) throw new Error(large);
        const config = everyMeeting(job.config);
        if (bytes.length < WORKER_FROM_BYTES) linted = lint({ text: decodeUtf8(bytes), path: job.path }, config);
        else {
          const inputs = resolved.inputsOf(job.config);
          runner ??= new LintRunner(lintTimeLimitMs(io.env));
          linted = await runner.run({ text: decodeUtf8(bytes), path: job.path, ...inputs, data: { ...(inputs.data ?? {}), logs: 'all' } });
        }
      } catch (error) {
        failed++;
        io.stderr.write(`notelint: ${shown}: left out of the ${command}: ${reason(error)}\n`);
        continue;
      }
      // Internal meetings and other note types are not deals.
      if (!linted.note.isCustomerMeeting) continue;
      const root = roots.filter((r) => isInside(job.path, r)).sort((a, b) => b.length - a.length)[0] ?? io.cwd;
      const noteId = toPosix(path.relative(root, job.path));
      const account = noteAccount(linted.note, noteId, path.basename(root), job.config.report.accountFrom, job.config.vocabulary);
      records.push(...meetingRecords(linted.note, linted.diagnostics, { file: shown, noteId, account, vocabulary: job.config.vocabulary }));
    }
  } finally {
    runner?.dispose();
  }
  return { records, failed };
}

/** The config with every meeting of a log judged: the streaks need each meeting's findings. */
function everyMeeting(config: ResolvedConfig): ResolvedConfig {
  return config.logs === 'all' ? config : { ...config, logs: 'all' };
}

function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return describeFsError(error);
  return error instanceof Error ? error.message : String(error);
}

/** The folders the paths name (a file's own folder; the working folder for a glob): what folder-named accounts count from. */
async function rootsOf(options: AcrossOptions, cwd: string): Promise<string[]> {
  return Promise.all(
    options.paths.map(async (p) => {
      if (isDynamicPattern(p)) return cwd;
      const absolute = path.resolve(cwd, p);
      const isFile = await stat(absolute).then(
        (s) => s.isFile(),
        () => false,
      );
      return isFile ? path.dirname(absolute) : absolute;
    }),
  );
}
