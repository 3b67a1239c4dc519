/**
 * `--cache`: lint results stored per absolute file path with a key — a SHA-256 of the file's content,
 * the configuration that applies to it (as JSON) and the notelint version, made by the workspace
 * (workspace/resolved-configs.ts) — so that an unchanged file under an unchanged config is not linted
 * again. The cache file is JSON:
 *
 *   {"notelintCache": 1, "version": "0.1.0", "files": {"/abs/path.md": {"key": "<sha256>", "messages": [...]}}}
 *
 * A missing, corrupt or foreign cache file (another tool's, another notelint version's) is ignored and
 * rewritten, never an error; the cache is written atomically, and only when it changed.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LintMessage } from './results.js';
import { writeFileAtomic } from './write-file.js';

export const DEFAULT_CACHE_FILE = '.notelintcache';
const FORMAT = 1;

interface Entry {
  key: string;
  messages: LintMessage[];
}

/** Where the cache lives: `--cache-location` may name a file or a folder (then `.notelintcache` in it). */
export async function cacheFilePath(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const absolute = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(absolute, DEFAULT_CACHE_FILE);
  const isFolder = await stat(absolute).then(
    (s) => s.isDirectory(),
    () => false,
  );
  return isFolder ? path.join(absolute, DEFAULT_CACHE_FILE) : absolute;
}

export class LintCache {
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly version: string,
    private readonly entries: Map<string, Entry>,
    /** The cache file existed but could not be used. */
    readonly discarded: boolean,
  ) {}

  /** Reads the cache file; never throws (an unusable file means an empty cache). */
  static async load(file: string, version: string): Promise<LintCache> {
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch {
      return new LintCache(file, version, new Map(), false);
    }
    const entries = parseCache(raw, version);
    const cache = new LintCache(file, version, entries ?? new Map(), entries === undefined);
    if (entries === undefined) cache.dirty = true; // rewrite it in our format
    return cache;
  }

  /** The stored messages of a file, when its key matches. */
  get(filePath: string, key: string): LintMessage[] | undefined {
    const entry = this.entries.get(filePath);
    return entry && entry.key === key ? entry.messages : undefined;
  }

  set(filePath: string, key: string, messages: readonly LintMessage[]): void {
    this.entries.set(filePath, { key, messages: [...messages] });
    this.dirty = true;
  }

  delete(filePath: string): void {
    if (this.entries.delete(filePath)) this.dirty = true;
  }

  /** Writes the cache (atomically) when it changed, leaving out files that no longer exist. */
  async save(): Promise<void> {
    const gone = await Promise.all(
      [...this.entries.keys()].map((file) =>
        stat(file).then(
          () => undefined,
          () => file,
        ),
      ),
    );
    for (const file of gone) if (file !== undefined) this.delete(file);
    if (!this.dirty) return;
    const files: Record<string, Entry> = {};
    for (const [file, entry] of this.entries) files[file] = entry;
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify({ notelintCache: FORMAT, version: this.version, files })}\n`);
    this.dirty = false;
  }
}

/** The entries of a cache file's text; undefined when it is not a cache of this notelint version. */
function parseCache(raw: string, version: string): Map<string, Entry> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isObject(data) || data.notelintCache !== FORMAT || data.version !== version || !isObject(data.files)) {
    return undefined;
  }
  const entries = new Map<string, Entry>();
  for (const [file, entry] of Object.entries(data.files)) {
    if (!path.isAbsolute(file) || !isObject(entry) || typeof entry.key !== 'string') continue;
    if (!Array.isArray(entry.messages) || !entry.messages.every(isMessage)) continue;
    entries.set(file, { key: entry.key, messages: entry.messages as LintMessage[] });
  }
  return entries;
}

function isMessage(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { ruleId, severity, message, line, column } = value;
  return (
    (ruleId === null || typeof ruleId === 'string') &&
    (severity === 1 || severity === 2) &&
    typeof message === 'string' &&
    Number.isInteger(line) &&
    Number.isInteger(column)
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
