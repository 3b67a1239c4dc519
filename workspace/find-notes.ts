/**
 * The Markdown files that command-line paths (files, folders, globs) name, found with globby; each is
 * asked of the workspace's ignore files (workspace/ignore-sources.ts); node_modules and .git are always
 * skipped. The config's include/ignore globs are applied after, by the workspace. The result is sorted,
 * so runs are deterministic.
 */
import { readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { readdir } from 'node:fs';
import { convertPathToPattern, globby, isDynamicPattern } from 'globby';
import { WorkspaceError } from './errors.js';
import { isMarkdownPath, MARKDOWN_GLOB } from './note-files.js';
import type { RefusedPattern } from './ignore-rules.js';
import type { IgnoreSources } from './ignore-sources.js';
import { isInside, toPosix } from './paths.js';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** Named on the command line itself (not found in a folder or by a glob). */
  explicit: boolean;
}

export interface Expansion {
  /** Files to lint, sorted by path. */
  files: FoundFile[];
  /** Files named on the command line that an ignore rule excludes, sorted. */
  ignored: string[];
  /** Ignore-file patterns not used (they could take hours to match), to say so. */
  refused: RefusedPattern[];
  /** Folders that could not be read (permissions), sorted, with why: their notes were not linted. */
  unreadableFolders: { path: string; error: unknown }[];
}

interface Target {
  arg: string;
  kind: 'file' | 'folder' | 'glob';
  /** Absolute path of the file or folder; for a glob, of its static base folder. */
  absolute: string;
  /** The folder globby runs in: the working folder when the target lies below it, so that its ignore files apply. */
  cwd: string;
  /** Relative to `cwd`, with glob characters of real names escaped. */
  pattern: string;
}

/** Expands command-line paths. Throws WorkspaceError naming a path that matches no file. */
export async function expandPaths(args: readonly string[], cwd: string, ignore: IgnoreSources): Promise<Expansion> {
  const targets: Target[] = [];
  const unreadable: string[] = [];
  for (const arg of args) {
    const target = await classify(arg, cwd);
    if (target === 'unreadable') unreadable.push(path.resolve(cwd, arg));
    else targets.push(target);
  }

  const found = new Map<string, boolean>(); // path → explicit
  const add = (file: string, explicit: boolean) => found.set(file, explicit || (found.get(file) ?? false));
  const ignored = new Set<string>();
  const unreadableFolders = new Map<string, unknown>();
  const search = (patterns: string[], root: string) => searchFiles(patterns, root, ignore, unreadableFolders);

  // Files and folders that share a search root are expanded in one pass (one read of the ignore files).
  const byCwd = new Map<string, Target[]>();
  for (const target of targets) {
    if (target.kind === 'glob') continue;
    byCwd.set(target.cwd, [...(byCwd.get(target.cwd) ?? []), target]);
  }
  for (const [root, group] of byCwd) {
    const matches = (
      await search(
        group.map((t) => t.pattern),
        root,
      )
    ).map((p) => path.resolve(p));
    const matched = new Set(matches);
    for (const target of group) {
      if (target.kind === 'file') {
        if (matched.has(target.absolute)) add(target.absolute, true);
        else ignored.add(target.absolute);
        continue;
      }
      const below = matches.filter((file) => isInside(file, target.absolute));
      const unreadable = [...unreadableFolders.keys()].some(
        (folder) => isInside(folder, target.absolute) || isInside(target.absolute, folder),
      );
      if (below.length === 0 && !unreadable) throw noFiles(target.arg);
      for (const file of below) add(file, false);
    }
  }
  for (const target of targets) {
    if (target.kind !== 'glob') continue;
    const matches = (await search([target.pattern], target.cwd)).filter((file) => isMarkdownPath(file));
    if (matches.length === 0) throw noFiles(target.arg);
    for (const file of matches) add(path.resolve(file), false);
  }
  for (const file of unreadable) add(file, true);

  for (const file of found.keys()) ignored.delete(file);
  return {
    files: [...found].map(([file, explicit]) => ({ path: file, explicit })).sort(byPath),
    ignored: [...ignored].sort(compareStrings),
    refused: ignore.refused(),
    unreadableFolders: [...unreadableFolders]
      .map(([folder, error]) => ({ path: folder, error }))
      .sort((a, b) => compareStrings(a.path, b.path)),
  };
}

async function classify(arg: string, cwd: string): Promise<Target | 'unreadable'> {
  const absolute = path.resolve(cwd, arg);
  let kind: 'file' | 'folder' | undefined;
  try {
    kind = (await stat(absolute)).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return 'unreadable'; // linted, to report why it cannot be read
    const target = await readlink(absolute).catch(() => undefined);
    if (target !== undefined) throw new WorkspaceError(`${arg} is a symbolic link to ${target}, which does not exist.`);
  }
  if (kind) {
    const root = isInside(absolute, cwd) ? cwd : kind === 'folder' ? absolute : path.dirname(absolute);
    const relative = toPosix(path.relative(root, absolute));
    const pattern =
      kind === 'file'
        ? convertPathToPattern(relative)
        : relative === ''
          ? MARKDOWN_GLOB
          : `${convertPathToPattern(relative)}/${MARKDOWN_GLOB}`;
    return { arg, kind, absolute, cwd: root, pattern };
  }
  if (!isDynamicPattern(arg)) throw noFiles(arg);
  // A glob: its leading segments without glob characters name the folder to search from.
  const segments = toPosix(arg).split('/');
  const firstDynamic = segments.findIndex((segment) => isDynamicPattern(segment));
  const baseSegments = segments.slice(0, firstDynamic);
  const base = path.resolve(cwd, baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/');
  const rest = segments.slice(firstDynamic).join('/');
  const root = isInside(base, cwd) ? cwd : base;
  const relativeBase = toPosix(path.relative(root, base));
  const pattern = relativeBase === '' ? rest : `${convertPathToPattern(relativeBase)}/${rest}`;
  return { arg, kind: 'glob', absolute: base, cwd: root, pattern };
}

/**
 * Runs globby. Symbolic links to folders are not followed (a link back up would loop); links to
 * files are kept, so matches are checked with stat (following links) rather than globby's onlyFiles.
 */
async function searchFiles(patterns: string[], cwd: string, ignore: IgnoreSources, unreadable: Map<string, unknown>): Promise<string[]> {
  const found = await globby(patterns, {
    cwd,
    fs: { readdir: readdirNoting(unreadable) },
    // NOTES.MD is a note too, as in the editor.
    caseSensitiveMatch: false,
    ignore: ALWAYS_IGNORED,
    onlyFiles: false,
    followSymbolicLinks: false,
    absolute: true,
    expandDirectories: false,
    suppressErrors: true,
  });
  const leftOut = await Promise.all(found.map((file) => ignore.ignoring(path.resolve(file), cwd)));
  const matches = found.filter((_, i) => leftOut[i] === undefined);
  const isFile = await Promise.all(
    matches.map((file) =>
      stat(file).then(
        (s) => s.isFile(),
        () => false, // a broken link
      ),
    ),
  );
  return matches.filter((_, i) => isFile[i]);
}

/**
 * fs.readdir for globby that notes the folders it cannot read (a folder without read permission) and
 * reads them as empty, instead of the search skipping them without a word.
 */
function readdirNoting(unreadable: Map<string, unknown>): typeof readdir {
  const noting = (dir: string, ...rest: unknown[]) => {
    const callback = rest.pop() as (error: NodeJS.ErrnoException | null, entries?: unknown[]) => void;
    const done = (error: NodeJS.ErrnoException | null, entries?: unknown[]) => {
      if (error && (error.code === 'EACCES' || error.code === 'EPERM')) {
        unreadable.set(path.resolve(dir), error);
        callback(null, []);
      } else callback(error, entries);
    };
    (readdir as (...args: unknown[]) => void)(dir, ...rest, done);
  };
  return noting as unknown as typeof readdir;
}

/**
 * Of these files — named by content rather than found on disk (standard input's --stdin-filename, the
 * git index) — the ones .gitignore, .notelintignore (or --ignore-path) or the always-skipped folders
 * exclude. A file that exists is checked exactly as `notelint <file>` would check it; one that does not,
 * by the ignore files above where it would be.
 */
export async function ignoredPaths(files: readonly string[], cwd: string, ignore: IgnoreSources): Promise<Set<string>> {
  const ignored = new Set<string>();
  const exists = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (s) => s.isFile(),
        () => false,
      ),
    ),
  );
  const onDisk = files.filter((_, i) => exists[i]);
  if (onDisk.length > 0) for (const file of (await expandPaths(onDisk, cwd, ignore)).ignored) ignored.add(file);

  const elsewhere = files.filter((_, i) => !exists[i]);
  if (elsewhere.length === 0) return ignored;
  const byRoot = new Map<string, string[]>();
  for (const file of elsewhere) {
    if (
      toPosix(file)
        .split('/')
        .some((segment) => segment === 'node_modules' || segment === '.git')
    ) {
      ignored.add(file);
      continue;
    }
    const root = isInside(file, cwd) ? cwd : path.dirname(file);
    byRoot.set(root, [...(byRoot.get(root) ?? []), file]);
  }
  for (const [root, group] of byRoot) {
    for (const file of group) if (await ignore.ignoring(file, root)) ignored.add(file);
  }
  return ignored;
}

function noFiles(arg: string): WorkspaceError {
  return new WorkspaceError(`No files matching '${arg}' were found.`);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byPath(a: FoundFile, b: FoundFile): number {
  return compareStrings(a.path, b.path);
}
