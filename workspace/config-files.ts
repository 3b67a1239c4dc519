/**
 * Finding and loading config files, for the CLI and the language server alike: the nearest one from a
 * note's folder upwards wins (no merging). Lookups are cached per folder, so a tree of notes reads
 * each config once.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigData } from '../core/engine/types.js';
import { compileGlobs, type PathMatcher } from '../core/config/globs.js';
import { CONFIG_FILE_NAMES, PACKAGE_JSON_KEY, configFormatOf, parseConfigText } from '../core/config/parse.js';
import type { ConfigValidator } from '../core/config/validate.js';
import { WorkspaceError } from './errors.js';
import { decodeUtf8, displayPath } from './paths.js';

/** A config file that cannot be read, parsed or validated; the message names the file. */
export class ConfigError extends WorkspaceError {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  /** Absolute path of the config file. */
  path: string;
  /** Its folder: `include` / `ignore` globs are relative to it. */
  dir: string;
  data: ConfigData;
  /** Undefined when the config has no `include`: every Markdown file is included. */
  include?: PathMatcher;
  ignore?: PathMatcher;
}

export class ConfigFiles {
  private readonly byFolder = new Map<string, Promise<LoadedConfig | undefined>>();
  private readonly byFile = new Map<string, Promise<LoadedConfig | undefined>>();

  /**
   * @param validator the config validator, asked for when the first config file is read (compiling
   *   the schema takes a noticeable part of a short run, and runs without a config need none).
   */
  constructor(
    private readonly validator: () => ConfigValidator | Promise<ConfigValidator>,
    private readonly cwd: string,
  ) {}

  /** The config that applies to a file: the nearest one in its folder or above; undefined when none. */
  forFile(file: string): Promise<LoadedConfig | undefined> {
    return this.nearest(path.dirname(path.resolve(this.cwd, file)));
  }

  /** A config file named on the command line (`--config`). */
  async explicit(file: string): Promise<LoadedConfig> {
    const absolute = path.resolve(this.cwd, file);
    if (configFormatOf(absolute) === undefined) {
      throw new ConfigError(
        `${displayPath(absolute, this.cwd)}: unsupported config file type: expected .json, .jsonc, .yaml, .yml or package.json`,
      );
    }
    const config = await this.load(absolute, true);
    if (!config) {
      throw new ConfigError(`${displayPath(absolute, this.cwd)}: has no "${PACKAGE_JSON_KEY}" key`);
    }
    return config;
  }

  private nearest(folder: string): Promise<LoadedConfig | undefined> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.lookUp(folder);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  private async lookUp(folder: string): Promise<LoadedConfig | undefined> {
    let names: Set<string>;
    try {
      names = new Set(await readdir(folder));
    } catch {
      names = new Set(); // a folder we cannot list holds no config we can use
    }
    for (const name of CONFIG_FILE_NAMES) {
      if (!names.has(name)) continue;
      const config = await this.load(path.join(folder, name), false);
      if (config) return config; // a package.json without a "notelint" key does not count
    }
    const parent = path.dirname(folder);
    return parent === folder ? undefined : this.nearest(parent);
  }

  private load(file: string, explicit: boolean): Promise<LoadedConfig | undefined> {
    let loaded = this.byFile.get(file);
    if (!loaded) {
      loaded = this.read(file, explicit);
      this.byFile.set(file, loaded);
    }
    return loaded;
  }

  private async read(file: string, explicit: boolean): Promise<LoadedConfig | undefined> {
    const shown = displayPath(file, this.cwd);
    const format = configFormatOf(file);
    if (!format) return undefined;
    let text: string;
    try {
      text = decodeUtf8(await readFile(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!explicit && format === 'package-json' && code === 'ENOENT') return undefined;
      throw new ConfigError(`${shown}: cannot read the config file: ${describeFsError(error)}`);
    }
    const parsed = parseConfigText(text, format);
    if (!parsed.ok) {
      const { line, column, message } = parsed.error;
      throw new ConfigError(`${shown}:${line}:${column}: ${message}`);
    }
    let data = parsed.value;
    let keyPrefix = '';
    if (format === 'package-json') {
      if (data === null || typeof data !== 'object' || Array.isArray(data) || !(PACKAGE_JSON_KEY in data)) {
        return undefined;
      }
      data = (data as Record<string, unknown>)[PACKAGE_JSON_KEY];
      keyPrefix = PACKAGE_JSON_KEY;
    }
    const result = (await this.validator())(data);
    if (!result.ok) {
      const lines = result.problems.map((problem) => {
        const where = [keyPrefix, problem.path].filter(Boolean).join('.');
        return `${shown}: ${where ? `${where}: ` : ''}${problem.message}`;
      });
      throw new ConfigError(lines.join('\n'));
    }
    const config = result.config;
    return {
      path: file,
      dir: path.dirname(file),
      data: config,
      include: config.include && config.include.length > 0 ? compileGlobs(config.include) : undefined,
      ignore: config.ignore && config.ignore.length > 0 ? compileGlobs(config.ignore) : undefined,
    };
  }
}

/** A file system error as a short phrase: "permission denied (EACCES)". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file (ENOENT)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EISDIR':
      return 'it is a folder, not a file (EISDIR)';
    case 'ENOTDIR':
      return 'a part of the path is not a folder (ENOTDIR)';
    case 'ELOOP':
      return 'too many symbolic links (ELOOP)';
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (${code})`;
    case 'EIO':
      return 'input/output error (EIO)';
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return code ? `${message.replace(/^[A-Z]+: /, '').split(',')[0]} (${code})` : message;
    }
  }
}
