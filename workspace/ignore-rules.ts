/**
 * Ignore files (.gitignore, .notelintignore; .gitignore syntax, relative to their own folder) read once
 * and vetted, matched with the `ignore` package. A pattern that could make matching take hours — more
 * than two `*` in one path segment, which a regular expression matches by backtracking over every way
 * to split a long file name — is not used, and the reader says so with the file and line.
 * Shared by the CLI and the language server.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { patternProblem } from '../core/config/globs.js';
import { decodeUtf8, isInside, toPosix } from './paths.js';

export interface RefusedPattern {
  /** The ignore file, and the 1-based line of the pattern. */
  file: string;
  line: number;
  pattern: string;
  why: string;
}

export interface IgnoreRules {
  /** The ignore file. */
  file: string;
  /** Its folder: its patterns are relative to it. */
  dir: string;
  matcher: Ignore;
  refused: RefusedPattern[];
}

/** The rules of an ignore file's text: every line but the refused patterns. */
export function parseIgnoreFile(text: string, file: string): IgnoreRules {
  const refused: RefusedPattern[] = [];
  const kept: string[] = [];
  text.split(/\r?\n|\r/).forEach((raw, i) => {
    const line = raw.replace(/(?<!\\)\s+$/, '');
    const pattern = line.startsWith('!') ? line.slice(1) : line;
    const why = line === '' || line.startsWith('#') ? undefined : patternProblem(pattern);
    if (why) refused.push({ file, line: i + 1, pattern: line.length > 80 ? `${line.slice(0, 79)}…` : line, why });
    else kept.push(raw);
  });
  return { file, dir: path.dirname(file), matcher: ignore({ allowRelativePaths: true }).add(kept), refused };
}

/** Reads an ignore file; undefined when there is none (or it cannot be read). */
export async function readIgnoreFile(file: string): Promise<IgnoreRules | undefined> {
  try {
    return parseIgnoreFile(decodeUtf8(await readFile(file)), file);
  } catch {
    return undefined;
  }
}

/**
 * Whether ignore files leave a file out, git's way: the files are applied from the top folder down (a
 * deeper file's `!pattern` can bring back what a higher one left out), and nothing below a folder that
 * is left out comes back. Returns the ignore file that decided, or undefined when the file is kept.
 */
export function ignoredBy(rules: readonly IgnoreRules[], file: string, isFolder = false): string | undefined {
  const applicable = rules.filter((r) => isInside(file, r.dir) && file !== r.dir).sort((a, b) => depth(a.dir) - depth(b.dir));
  let decided: string | undefined;
  for (const r of applicable) {
    // Below a folder the files above leave out, a deeper ignore file cannot bring anything back.
    if (
      decided &&
      ignoredBy(
        applicable.filter((x) => depth(x.dir) < depth(r.dir)),
        r.dir,
        true,
      )
    )
      return decided;
    const relative = toPosix(path.relative(r.dir, file));
    const result = r.matcher.test(isFolder ? `${relative}/` : relative);
    if (result.ignored) decided = r.file;
    else if (result.unignored) decided = undefined;
  }
  return decided;
}

function depth(dir: string): number {
  return dir.split(path.sep).length;
}

/**
 * The ignore files that can leave one file out: the `.gitignore` files from the git repository's root
 * down to its folder — the repository that holds `root` (the folder notelint runs in, or the workspace
 * folder), or `root` itself when that is in no repository — and the `.notelintignore` files from `root`
 * down. For a file outside `root`: the `.gitignore` files of its own repository (none outside one) and
 * the `.notelintignore` files of every folder above it.
 */
export function ignoreFilesAbove(file: string, root: string): string[] {
  const folders: string[] = [];
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  const inside = isInside(file, root);
  const top = inside ? root : folders[0];
  const gitTop = inside ? (gitRoot(root) ?? root) : gitRoot(path.dirname(file));
  return [
    ...(gitTop ? folders.filter((dir) => isInside(dir, gitTop)).map((dir) => path.join(dir, '.gitignore')) : []),
    ...folders.filter((dir) => isInside(dir, top)).map((dir) => path.join(dir, '.notelintignore')),
  ];
}

/** The root of the git repository that holds a folder (the nearest folder with `.git`), or undefined. */
function gitRoot(folder: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
