/**
 * From the command line to lint jobs: the notes the workspace finds for the paths, standard input
 * (`--stdin`) or the git index (`--staged`), each with its config resolved (docs/design.md, "Workspace").
 */
import path from 'node:path';
import { isDynamicPattern } from 'globby';
import type { Severity } from '../core/engine/types.js';
import type { RefusedPattern } from '../workspace/ignore-rules.js';
import { displayPath, isInside } from '../workspace/paths.js';
import type { Workspace } from '../workspace/workspace.js';
import type { CliOptions } from './args.js';
import { CliError, UsageError } from './errors.js';
import type { LintJob } from './lint-files.js';
import { stagedNotes } from './staged.js';

/** The path reported for standard input without --stdin-filename (as ESLint does). */
export const STDIN_PATH = '<text>';

export interface Gathered {
  jobs: LintJob[];
  /** Files named explicitly that an ignore rule excludes (reported with a warning). */
  ignoredFiles: string[];
  /** Standard input as read (for --stdin). */
  stdinBytes?: Uint8Array;
  /** Folders that could not be read: their notes were not linted. */
  unreadableFolders: { path: string; error: unknown }[];
  /** Ignore-file patterns not used (they could take hours to match): said when paths are linted. */
  refused: RefusedPattern[];
}

export interface GatherIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdin?: NodeJS.ReadableStream;
}

/** The notes a run lints: from standard input, from the git index, or from the paths. */
export function gatherJobs(options: CliOptions, io: GatherIO, workspace: Workspace): Promise<Gathered> {
  if (options.stdin) return stdinJobs(options, io, workspace);
  if (options.staged) return stagedJobs(options, io, workspace);
  return pathJobs(options.paths, workspace, options.ruleOverrides);
}

/** `notelint [paths…]`: files, folders and globs from the file system. */
export async function pathJobs(paths: readonly string[], workspace: Workspace, ruleOverrides: Record<string, Severity>): Promise<Gathered> {
  const found = await workspace.find(paths);
  const { selected, ignored } = await workspace.select(found.files);
  const ignoredFiles = [...found.ignored, ...ignored];
  if (selected.length === 0 && ignoredFiles.length === 0 && found.unreadableFolders.length === 0) {
    throw new CliError(`All files matched by ${paths.map((p) => `'${p}'`).join(', ')} are ignored.`);
  }
  return {
    jobs: selected.map((s) => ({ path: s.path, config: workspace.resolve(s.config, ruleOverrides) })),
    ignoredFiles,
    unreadableFolders: found.unreadableFolders,
    refused: await workspace.refused(),
  };
}

/** `--stdin [--stdin-filename f]`: one note from standard input, standing for f. */
async function stdinJobs(options: CliOptions, io: GatherIO, workspace: Workspace): Promise<Gathered> {
  const bytes = io.stdin ? await readAll(io.stdin) : new Uint8Array();
  if (options.stdinFilename === undefined) {
    const config = workspace.resolve(await workspace.configFor(path.join(io.cwd, STDIN_PATH)), options.ruleOverrides);
    return {
      jobs: [{ path: STDIN_PATH, config, content: bytes }],
      ignoredFiles: [],
      stdinBytes: bytes,
      unreadableFolders: [],
      refused: [],
    };
  }
  const file = path.resolve(io.cwd, options.stdinFilename);
  // As a file named on the command line: an ignored one is reported, not linted.
  const { selected, ignored } = (await workspace.ignoredOf([file])).has(file)
    ? { selected: [], ignored: [file] }
    : await workspace.select([{ path: file, explicit: true }]);
  return {
    jobs: selected.map((s) => ({ path: s.path, config: workspace.resolve(s.config, options.ruleOverrides), content: bytes })),
    ignoredFiles: ignored,
    stdinBytes: bytes,
    unreadableFolders: [],
    refused: [],
  };
}

/**
 * `--staged`: the staged notes of the git repository, with their staged content. Paths, when given,
 * keep those at or below them. Notes that ignore files or the config exclude are skipped silently.
 */
async function stagedJobs(options: CliOptions, io: GatherIO, workspace: Workspace): Promise<Gathered> {
  let notes = await stagedNotes(io.cwd, io.env);
  if (options.pathsGiven) {
    const roots = options.paths.map((arg) => {
      if (isDynamicPattern(arg)) throw new UsageError(`--staged takes files and folders, not globs: ${arg}`);
      return path.resolve(io.cwd, arg);
    });
    notes = notes.filter((note) => roots.some((root) => isInside(note.path, root)));
  }
  const ignored = await workspace.ignoredOf(notes.map((note) => note.path));
  const kept = notes.filter((note) => !ignored.has(note.path));
  const { selected } = await workspace.select(kept.map((note) => ({ path: note.path, explicit: false })));
  const content = new Map(kept.map((note) => [note.path, note.text]));
  return {
    jobs: selected.map((s) => ({
      path: s.path,
      config: workspace.resolve(s.config, options.ruleOverrides),
      content: Buffer.from(content.get(s.path) ?? '', 'utf8'),
    })),
    ignoredFiles: [],
    unreadableFolders: [],
    refused: [],
  };
}

/** One warning line per ignore-file pattern that is not used. */
export function refusedWarnings(refused: readonly RefusedPattern[], cwd: string): string {
  return refused
    .map(
      (p) =>
        `notelint: ${displayPath(p.file, cwd)}:${p.line}: the pattern ${JSON.stringify(p.pattern)} is not used: ${p.why}; write it with fewer wildcards.\n`,
    )
    .join('');
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
