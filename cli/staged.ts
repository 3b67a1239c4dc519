/**
 * `--staged`: the Markdown notes a commit would record, with their content as staged in the git index
 * (not as they are in the working tree), for pre-commit hooks.
 *
 * Git runs as a child process without a shell. Paths travel NUL-separated (`-z`), so names with
 * spaces, quotes, `&`, parentheses, newlines or non-ASCII characters come through unchanged; contents
 * are read by blob id in one `git cat-file --batch`. The environment is inherited on purpose: inside a
 * hook git sets GIT_INDEX_FILE (e.g. a temporary index for `git commit <paths>`), and that is the index
 * to read.
 */
import { isMarkdownPath } from '../workspace/note-files.js';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';
import { decodeUtf8 } from '../workspace/paths.js';

export interface StagedNote {
  /** Absolute path in the working tree. */
  path: string;
  /** The staged content (lenient UTF-8: invalid bytes become U+FFFD, a leading BOM is dropped). */
  text: string;
}

/** The same file names `notelint <folder>` lints. */
/** Regular files (not symbolic links, 120000, or submodules, 160000). */
const REGULAR_FILE_MODES = new Set(['100644', '100755']);

/**
 * The staged Added, Copied, Modified and Renamed (under the new name) Markdown files of the repository
 * that holds `cwd`, sorted by path, with their staged content. Deleted files are left out. Every staged
 * note of the repository is returned, also those outside `cwd`: they are what the commit records.
 * Throws UsageError when `cwd` is not inside a git work tree or git cannot be run.
 */
export async function stagedNotes(cwd: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<StagedNote[]> {
  const top = await workTreeRoot(cwd, env);
  const diff = await git(['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-ext-diff', '--diff-filter=ACMR'], { cwd: top, env });
  if (diff.code !== 0) throw gitFailed('git diff --cached', cwd, diff.stderr);
  const entries = parseRawDiff(diff.stdout.toString('utf8')).filter(
    (entry) => REGULAR_FILE_MODES.has(entry.mode) && isMarkdownPath(entry.path),
  );
  if (entries.length === 0) return [];

  const batch = await git(['cat-file', '--batch'], {
    cwd: top,
    env,
    input: entries.map((entry) => `${entry.blob}\n`).join(''),
  });
  if (batch.code !== 0) throw gitFailed('git cat-file --batch', cwd, batch.stderr);
  const blobs = parseBatch(batch.stdout);

  return entries
    .map((entry) => {
      const bytes = blobs.get(entry.blob);
      if (!bytes) throw new UsageError(`--staged: git cannot read the staged content of ${entry.path}`);
      return { path: path.resolve(top, entry.path), text: decodeUtf8(bytes) };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

interface RawEntry {
  /** The staged (index) side's mode and blob id. */
  mode: string;
  blob: string;
  /** Relative to the work tree's root, with "/" separators. */
  path: string;
}

/**
 * `git diff --raw -z` output: for each file `:srcmode dstmode srcblob dstblob STATUS\0path\0`, and for
 * a rename or copy `…R086\0old path\0new path\0`.
 */
export function parseRawDiff(output: string): RawEntry[] {
  const fields = output.split('\0');
  const entries: RawEntry[] = [];
  let i = 0;
  while (i < fields.length) {
    const header = fields[i++];
    if (header === '') continue; // the final terminator
    const match = /^:\d+ (\d+) [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*$/.exec(header);
    if (!match) throw new Error(`unexpected git diff output: ${JSON.stringify(header.slice(0, 80))}`);
    const [, mode, blob, status] = match;
    if (status === 'R' || status === 'C') i++; // skip the source path
    const file = fields[i++];
    if (file === undefined) throw new Error('unexpected end of git diff output');
    entries.push({ mode, blob, path: file });
  }
  return entries;
}

/** `git cat-file --batch` output: `<id> <type> <size>\n<size bytes>\n` per object (`<id> missing\n` if absent). */
function parseBatch(output: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(0x0a, offset);
    if (newline < 0) break;
    const header = output.subarray(offset, newline).toString('utf8').split(' ');
    offset = newline + 1;
    if (header.length !== 3) continue; // "<id> missing"
    const [id, , sizeText] = header;
    const size = Number(sizeText);
    blobs.set(id, output.subarray(offset, offset + size));
    offset += size + 1;
  }
  return blobs;
}

async function workTreeRoot(cwd: string, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const result = await git(['rev-parse', '--show-toplevel'], { cwd, env });
  if (result.code !== 0) {
    if (/not a git repository/i.test(result.stderr)) {
      throw new UsageError(`--staged needs a git repository, and ${cwd} is not inside one`);
    }
    throw gitFailed('git rev-parse', cwd, result.stderr);
  }
  const top = result.stdout.toString('utf8').replace(/\r?\n$/, '');
  if (top === '') throw new UsageError(`--staged needs a git work tree, and ${cwd} is not inside one`);
  return path.resolve(top);
}

function gitFailed(command: string, cwd: string, stderr: string): UsageError {
  const reason =
    stderr
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'no message';
  return new UsageError(`--staged: ${command} failed in ${cwd}: ${reason}`);
}

interface GitResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs git without a shell; rejects (with a UsageError) only when git cannot be started. */
function git(
  args: readonly string[],
  options: { cwd: string; env: Readonly<Record<string, string | undefined>>; input?: string },
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd: options.cwd,
      // No optional index refresh (and its lock) while a commit holds the index.
      env: { ...options.env, GIT_OPTIONAL_LOCKS: '0' },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && !existsSync(options.cwd)) {
        reject(new UsageError(`--staged: the folder ${options.cwd} does not exist`));
      } else if (error.code === 'ENOENT') {
        reject(new UsageError('--staged needs git, and git was not found on the PATH'));
      } else {
        reject(new UsageError(`--staged: cannot run git: ${error.message}`));
      }
    });
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    if (options.input !== undefined && child.stdin) {
      child.stdin.on('error', () => {
        // git exited early; its exit code and stderr tell why
      });
      child.stdin.end(options.input);
    }
  });
}
