import path from 'node:path';
import { rules } from '../rules/index.js';
import { resolveConfig } from '../engine/index.js';
import type { ConfigData, ResolvedConfig, Severity } from '../core/engine/types.js';
import { VOCABULARY_CATEGORIES } from '../core/vocabulary/languages.js';
import { createConfigValidator, type ConfigValidator } from '../core/config/validate.js';
import { ConfigFiles, type LoadedConfig } from '../workspace/config-files.js';
import { toPosix } from '../workspace/paths.js';

/** What the nearest config file says about one note. */
export type NoteConfig =
  | {
      ok: true;
      config: ResolvedConfig;
      /** What the config was resolved from, for the lint worker (which resolves it again). */
      source: { data?: ConfigData; ruleOverrides: Record<string, Severity> };
      /** A config file applies and its globs keep the note. */
      applies: boolean;
      /** A config file applies but its `ignore` (or `include`) globs leave the note out, as in the CLI. */
      excluded: boolean;
    }
  | { ok: false; message: string };

/**
 * Config files as the CLI finds them (nearest `.notelintrc*` or `package.json` key, upwards), read
 * once and kept until a config file changes (`reset`). Editor rule settings are applied last.
 */
export class NoteConfigs {
  private files: ConfigFiles;
  private validator?: ConfigValidator;

  constructor(
    private readonly root: string,
    private readonly machineTimezone: string,
  ) {
    this.files = this.newFiles();
  }

  /** Forgets every config read so far: the next lookup reads the files again. */
  reset(): void {
    this.files = this.newFiles();
  }

  /**
   * @param file the note's path; undefined for a document with none (unsaved, virtual), which gets
   *   the workspace folder's config for its rules and roster, though that config does not make it a note.
   */
  async forNote(file: string | undefined, ruleSettings: Record<string, Severity>): Promise<NoteConfig> {
    let loaded: LoadedConfig | undefined;
    try {
      loaded = await this.files.forFile(file ?? path.join(this.root, 'untitled.md'));
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    const ruleOverrides = knownRules(ruleSettings);
    const config = resolveConfig(loaded?.data, { machineTimezone: this.machineTimezone, ruleOverrides });
    const kept = loaded !== undefined && file !== undefined && keeps(loaded, file);
    return {
      ok: true,
      config,
      source: { data: loaded?.data, ruleOverrides },
      applies: kept,
      excluded: loaded !== undefined && file !== undefined && !kept,
    };
  }

  private newFiles(): ConfigFiles {
    return new ConfigFiles(
      () => (this.validator ??= createConfigValidator(rules, { vocabularyCategories: VOCABULARY_CATEGORIES })),
      this.root,
    );
  }
}

/** A config's `ignore` globs leave the note out; its `include` globs, when it has any, must name it. */
function keeps(config: LoadedConfig, file: string): boolean {
  const relative = toPosix(path.relative(config.dir, file));
  if (config.ignore?.(relative)) return false;
  return !config.include || config.include(relative);
}

function knownRules(settings: Record<string, Severity>): Record<string, Severity> {
  const ids = new Set(rules.map((r) => r.meta.id));
  return Object.fromEntries(Object.entries(settings).filter(([id]) => ids.has(id)));
}
