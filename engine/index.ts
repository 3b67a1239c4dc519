/**
 * The engine with notelint's own rules: what the CLI, the language server, the lint workers and the
 * tests call. `core/` takes its rules as a registry and imports nothing above it; this is where the
 * registry is handed over.
 */
import { resolveConfigWith, type ResolveOptions } from '../core/engine/config.js';
import { lintWith } from '../core/engine/lint.js';
import type { ConfigData, LintInput, LintResult, ResolvedConfig } from '../core/engine/types.js';
import { rules } from '../rules/index.js';

export { rules };

/** Lints one note with every rule (see core/engine/lint.ts). */
export function lint(input: LintInput, config: ResolvedConfig): LintResult {
  return lintWith(rules, input, config);
}

/** Resolves a config against every rule's defaults (see core/engine/config.ts). */
export function resolveConfig(data: ConfigData | undefined, options: ResolveOptions): ResolvedConfig {
  return resolveConfigWith(rules, data, options);
}

export { NoteMemo } from '../core/model/note-memo.js';
