/**
 * The workspace: one answer, for the CLI and the language server alike, to "is this file a note, and
 * if not why not; which config applies to it, resolved; which ignore file leaves it out"
 * (docs/design.md, "Workspace"). It owns the Markdown extensions (note-files.ts), the ignore files
 * (.gitignore, .notelintignore, --ignore-path: ignore-sources.ts), the configs' include/ignore globs,
 * the front-matter note test, the config files (config-files.ts) and the resolved configs with their
 * cache key (resolved-configs.ts). Reads the file system; never runs code from it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigValidator } from '../core/config/validate.js';
import type { ResolvedConfig, Severity } from '../core/engine/types.js';
import { VOCABULARY_CATEGORIES } from '../core/vocabulary/languages.js';
import { rules } from '../engine/index.js';
import { ConfigFiles, describeFsError, type LoadedConfig } from './config-files.js';
import { WorkspaceError } from './errors.js';
import { expandPaths, ignoredPaths, type Expansion, type FoundFile } from './find-notes.js';
import { parseIgnoreFile, type RefusedPattern } from './ignore-rules.js';
import { IgnoreSources } from './ignore-sources.js';
import { isMarkdownPath, NO_FRONT_MATTER, opensFrontMatter } from './note-files.js';
import { tooLarge } from './note-size.js';
import { decodeUtf8, displayPath, toPosix } from './paths.js';
import { ResolvedConfigs, type ConfigInputs } from './resolved-configs.js';

export interface WorkspaceOptions {
  /**
   * The folder notelint works in: the CLI's working folder, the editor's workspace folder. Paths are
   * found and shown from it, and the `.notelintignore` files count from it down.
   */
  root: string;
  /** The machine's IANA time zone, for notes whose config names none. */
  machineTimezone: string;
  /** `--config`: this config file applies to every note. */
  configFile?: string;
  /** `--no-config`: no config file applies. */
  noConfig?: boolean;
  /** `--ignore-path`: this ignore file replaces the `.notelintignore` files (`.gitignore` still applies). */
  ignoreFile?: string;
  /** Told once of each ignore-file pattern not used (it could take hours to match). */
  onRefused?: (pattern: RefusedPattern) => void;
}

/** A file to lint, with the config file that applies to it. */
export interface Selected {
  path: string;
  config: LoadedConfig | undefined;
}

/** What the config files say about one note. */
export type NoteConfig =
  | {
      ok: true;
      config: ResolvedConfig;
      /** What the config was resolved from: what a lint worker resolves it again from. */
      inputs: ConfigInputs;
      /** A config file applies and its globs keep the note. */
      applies: boolean;
      /** A config file applies but its `ignore` (or `include`) globs leave the note out, as in the CLI. */
      excluded: boolean;
    }
  | { ok: false; message: string };

/** What the workspace says about a note the editor opens, before it is linted. */
export type OpenNote =
  | { kind: 'skip'; reason: string }
  | { kind: 'too-large'; reason: string }
  /** The config file that would apply cannot be used: the message names it. */
  | { kind: 'config-error'; message: string }
  | (Extract<NoteConfig, { ok: true }> & { kind: 'lint' });

export class Workspace {
  /** Every config resolved in this workspace, by its inputs. */
  readonly resolved = new ResolvedConfigs();
  private configFiles: ConfigFiles;
  private ignore?: Promise<IgnoreSources>;
  private constructor(
    private readonly options: WorkspaceOptions,
    /** The config `--config` names. */
    private readonly explicitConfig: LoadedConfig | undefined,
    private readonly validator: () => Promise<ConfigValidator>,
  ) {
    this.configFiles = new ConfigFiles(this.validator, options.root);
  }

  /** Opens a workspace; a config file named by `--config` is read now (a ConfigError names it). */
  static async open(options: WorkspaceOptions): Promise<Workspace> {
    const validator = validatorLoader();
    const explicit =
      options.configFile !== undefined ? await new ConfigFiles(validator, options.root).explicit(options.configFile) : undefined;
    return new Workspace(options, explicit, validator);
  }

  /** A workspace without `--config` (the editor's). */
  static of(options: Omit<WorkspaceOptions, 'configFile'>): Workspace {
    return new Workspace(options, undefined, validatorLoader());
  }

  get root(): string {
    return this.options.root;
  }

  get machineTimezone(): string {
    return this.options.machineTimezone;
  }

  /** Forgets every config and ignore file read so far (one changed): the next question reads them again. */
  reset(): void {
    this.configFiles = new ConfigFiles(this.validator, this.options.root);
    this.ignore = undefined;
  }

  /** The config file that applies to a file: none (`--no-config`), the one `--config` names, or the nearest above it. */
  configFor(file: string): Promise<LoadedConfig | undefined> {
    if (this.options.noConfig) return Promise.resolve(undefined);
    if (this.explicitConfig) return Promise.resolve(this.explicitConfig);
    return this.configFiles.forFile(file);
  }

  /** A config file resolved against the rules' defaults, with rule severities set outside it applied last. */
  resolve(config: LoadedConfig | undefined, ruleOverrides: Record<string, Severity> = {}): ResolvedConfig {
    return this.resolved.get({ data: config?.data, machineTimezone: this.options.machineTimezone, ruleOverrides });
  }

  /** The ignore file that leaves a file out (`.gitignore`, `.notelintignore`, `--ignore-path`), or undefined. */
  async ignoredBy(file: string, top = this.options.root): Promise<string | undefined> {
    return (await this.ignoreSources()).ignoring(file, top);
  }

  /**
   * Whether a config's globs keep a file: its `ignore` globs leave any file out; its `include` globs,
   * when it has any, must name a file found in a folder or by a glob (one named itself is kept).
   */
  keeps(config: LoadedConfig, file: string, named: boolean): 'kept' | 'ignored' | 'not-included' {
    const relative = toPosix(path.relative(config.dir, file));
    if (config.ignore?.(relative)) return 'ignored';
    if (!named && config.include && !config.include(relative)) return 'not-included';
    return 'kept';
  }

  /** The Markdown files that command-line paths name, less those the ignore files leave out. */
  async find(paths: readonly string[]): Promise<Expansion> {
    return expandPaths(paths, this.options.root, await this.ignoreSources());
  }

  /** Of files named by content (standard input, the git index), those the ignore files leave out. */
  async ignoredOf(files: readonly string[]): Promise<Set<string>> {
    return ignoredPaths(files, this.options.root, await this.ignoreSources());
  }

  /**
   * Each file with its config, unless its config's globs leave it out: `ignored` lists the files named
   * themselves that a config's `ignore` leaves out (the CLI says so).
   */
  async select(files: readonly FoundFile[]): Promise<{ selected: Selected[]; ignored: string[] }> {
    const selected: Selected[] = [];
    const ignored: string[] = [];
    for (const file of files) {
      const config = await this.configFor(file.path);
      const verdict = config ? this.keeps(config, file.path, file.explicit) : 'kept';
      if (verdict === 'kept') selected.push({ path: file.path, config });
      else if (verdict === 'ignored' && file.explicit) ignored.push(file.path);
    }
    return { selected, ignored };
  }

  /** Ignore-file patterns not used so far (they could take hours to match). */
  async refused(): Promise<RefusedPattern[]> {
    return (await this.ignoreSources()).refused();
  }

  /**
   * The config of a note the editor holds, resolved with the editor's rule settings.
   * @param file the note's path; undefined for a document with none (unsaved, virtual), which gets
   *   the workspace folder's config for its rules and roster, though that config does not make it a note.
   */
  async noteConfig(file: string | undefined, ruleSettings: Record<string, Severity> = {}): Promise<NoteConfig> {
    let loaded: LoadedConfig | undefined;
    try {
      loaded = await this.configFor(file ?? path.join(this.options.root, 'untitled.md'));
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    const config = this.resolve(loaded, knownRules(ruleSettings));
    const kept = loaded !== undefined && file !== undefined && this.keeps(loaded, file, false) === 'kept';
    return {
      ok: true,
      config,
      inputs: this.resolved.inputsOf(config),
      applies: kept,
      excluded: loaded !== undefined && file !== undefined && !kept,
    };
  }

  /**
   * Whether the editor should lint a document (its path, or none for an unsaved buffer, and its text):
   * by its name (or language), the ignore files, the config's globs, front matter at its top, its size.
   * After the lint, whyNotANote (note-files.ts) reads its front matter.
   */
  async openNote(
    file: string | undefined,
    document: { text: string; languageId: string },
    settings: { lintAllMarkdown: boolean; rules: Record<string, Severity> },
  ): Promise<OpenNote> {
    const skip = (reason: string): OpenNote => ({ kind: 'skip', reason });
    if (file ? !isMarkdownPath(file) : document.languageId !== 'markdown') return skip('not a Markdown note (.md or .markdown)');
    const ignoredBy = file ? await this.ignoredBy(file) : undefined;
    if (ignoredBy) return skip(`left out by ${ignoredBy}`);
    const found = await this.noteConfig(file, settings.rules);
    if (!found.ok) return { kind: 'config-error', message: found.message };
    if (found.excluded) return skip("left out by the config's include/ignore globs");
    // Not even parsed: a long README costs nothing.
    if (!found.applies && !settings.lintAllMarkdown && !opensFrontMatter(document.text)) return skip(NO_FRONT_MATTER);
    const large = tooLarge(Buffer.byteLength(document.text), found.config.maxNoteBytes, 'it');
    if (large) return { kind: 'too-large', reason: large };
    return { kind: 'lint', ...found };
  }

  private ignoreSources(): Promise<IgnoreSources> {
    this.ignore ??= (async () => {
      const replacement =
        this.options.ignoreFile !== undefined ? await readIgnorePath(this.options.ignoreFile, this.options.root) : undefined;
      return new IgnoreSources(replacement, this.options.onRefused);
    })();
    return this.ignore;
  }
}

/** The config validator, compiled on first use (a run without config files never pays for it). */
export function validatorLoader(): () => Promise<ConfigValidator> {
  let validator: Promise<ConfigValidator> | undefined;
  return () =>
    (validator ??= import('../core/config/validate.js').then(({ createConfigValidator }) =>
      createConfigValidator(rules, { vocabularyCategories: VOCABULARY_CATEGORIES }),
    ));
}

/** Reads the ignore file `--ignore-path` names; one that cannot be read is an error naming it. */
async function readIgnorePath(file: string, cwd: string) {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = decodeUtf8(await readFile(absolute));
  } catch (error) {
    throw new WorkspaceError(`${displayPath(absolute, cwd)}: cannot read the ignore file: ${describeFsError(error)}`);
  }
  return parseIgnoreFile(text, absolute);
}

/** The editor's rule settings for rules notelint has (a setting for an unknown rule is left out). */
function knownRules(settings: Record<string, Severity>): Record<string, Severity> {
  const ids = new Set(rules.map((r) => r.meta.id));
  return Object.fromEntries(Object.entries(settings).filter(([id]) => ids.has(id)));
}
