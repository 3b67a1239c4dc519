/** From paths to lint jobs: each Markdown file kept by the ignore files and its config, with that config resolved. */
import { resolveConfig } from '../engine/index.js';
import type { ConfigData, ResolvedConfig, Severity } from '../core/engine/types.js';
import type { ConfigValidator } from '../core/config/validate.js';
import { VOCABULARY_CATEGORIES } from '../core/vocabulary/languages.js';
import { ConfigFiles, type LoadedConfig } from '../workspace/config-files.js';
import type { RefusedPattern } from '../workspace/ignore-rules.js';
import { displayPath } from '../workspace/paths.js';
import { rules } from '../rules/index.js';
import type { CliOptions } from './args.js';
import { CliError } from './errors.js';
import { expandPaths, selectByConfig, type ExpandOptions } from '../workspace/find-notes.js';
import type { LintJob } from './lint-files.js';

export interface Resolver {
  (config: LoadedConfig | undefined): ResolvedConfig;
  /** The inputs of a resolved config as JSON (part of the cache key). */
  json(config: ResolvedConfig): string;
  /** What a lint worker rebuilds the config from (a resolved config holds code). */
  workerInputs(config: ResolvedConfig): { data?: ConfigData; machineTimezone: string; ruleOverrides: Record<string, Severity> };
}

/** One resolved config per config file (and one for "no config"), built on first use. */
export function resolverFor(options: Pick<CliOptions, 'ruleOverrides'>, machineTimezone: string): Resolver {
  const cache = new Map<string, ResolvedConfig>();
  const inputs = new WeakMap<ResolvedConfig, { json: string; data?: ConfigData }>();
  const resolver = (config: LoadedConfig | undefined) => {
    const key = config?.path ?? '';
    let result = cache.get(key);
    if (!result) {
      result = resolveConfig(config?.data, { machineTimezone, ruleOverrides: options.ruleOverrides });
      cache.set(key, result);
      // Everything resolveConfig reads; the rest (rule code, vocabulary files) goes with the version.
      const json = JSON.stringify({ config: config?.data ?? null, ruleOverrides: options.ruleOverrides, machineTimezone });
      inputs.set(result, { json, ...(config?.data ? { data: config.data } : {}) });
    }
    return result;
  };
  return Object.assign(resolver, {
    json: (config: ResolvedConfig) => inputs.get(config)?.json ?? '',
    workerInputs: (config: ResolvedConfig) => ({ data: inputs.get(config)?.data, machineTimezone, ruleOverrides: options.ruleOverrides }),
  });
}

export interface Gathered {
  jobs: LintJob[];
  /** Files named explicitly that an ignore rule excludes (reported with a warning). */
  ignoredFiles: string[];
  /** Standard input as read (for --stdin). */
  stdinBytes?: Uint8Array;
  /** Ignore-file patterns not used (they could take hours to match). */
  refused?: RefusedPattern[];
  /** Folders that could not be read: their notes were not linted. */
  unreadableFolders?: { path: string; error: unknown }[];
}

/** One warning line per ignore-file pattern that is not used. */
export function refusedWarnings(refused: readonly RefusedPattern[] | undefined, cwd: string): string {
  return (refused ?? [])
    .map(
      (p) =>
        `notelint: ${displayPath(p.file, cwd)}:${p.line}: the pattern ${JSON.stringify(p.pattern)} is not used: ${p.why}; write it with fewer wildcards.\n`,
    )
    .join('');
}

export type ConfigLookup = (file: string) => Promise<LoadedConfig | undefined>;

/** `notelint [paths…]`: files, folders and globs from the file system. */
export async function pathJobs(
  options: Pick<CliOptions, 'paths'>,
  cwd: string,
  configFor: ConfigLookup,
  resolved: Resolver,
  expandOptions: ExpandOptions,
): Promise<Gathered> {
  const expansion = await expandPaths(options.paths, cwd, expandOptions);
  const { selected, ignored } = await selectByConfig(expansion.files, configFor);
  const ignoredFiles = [...expansion.ignored, ...ignored];
  if (selected.length === 0 && ignoredFiles.length === 0 && expansion.unreadableFolders.length === 0) {
    throw new CliError(`All files matched by ${options.paths.map((p) => `'${p}'`).join(', ')} are ignored.`);
  }
  return {
    jobs: selected.map((s) => ({ path: s.path, config: resolved(s.config) })),
    ignoredFiles,
    refused: expansion.refused,
    unreadableFolders: expansion.unreadableFolders,
  };
}

/** The config validator, compiled on first use (a run without config files never pays for it). */
export function validatorLoader(): () => Promise<ConfigValidator> {
  let validator: Promise<ConfigValidator> | undefined;
  return () =>
    (validator ??= import('../core/config/validate.js').then(({ createConfigValidator }) =>
      createConfigValidator(rules, { vocabularyCategories: VOCABULARY_CATEGORIES }),
    ));
}

/** Which config applies to a file: none (--no-config), the one --config names, or the nearest config file above it. */
export async function configLookup(
  getValidator: () => Promise<ConfigValidator>,
  cwd: string,
  options: { config?: string; noConfig: boolean },
): Promise<ConfigLookup> {
  const configFiles = new ConfigFiles(getValidator, cwd);
  const explicitConfig = options.config !== undefined ? await configFiles.explicit(options.config) : undefined;
  return (file) =>
    options.noConfig ? Promise.resolve(undefined) : explicitConfig ? Promise.resolve(explicitConfig) : configFiles.forFile(file);
}
