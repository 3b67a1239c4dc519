import { vocabularyFor } from '../vocabulary/languages.js';
import type { ConfigData, ResolvedConfig, RuleMeta, RuleSetting, Severity } from './types.js';

export interface ResolveOptions {
  /** The machine's IANA time zone, used when the config names none. */
  machineTimezone: string;
  /** `--rule id:severity` overrides, applied last. */
  ruleOverrides?: Record<string, Severity>;
}

/** A next event further out than this is a risk (the practitioners' two weeks). */
export const DEFAULT_HORIZON_DAYS = 14;

/** Larger notes are reported and not linted: 4 MiB, four times the longest running log of the shared corpus. */
export const DEFAULT_MAX_NOTE_BYTES = 4 * 1024 * 1024;

/**
 * Defaults (each rule's own severity, from the registry it is given), then the config file's data, then
 * CLI overrides. Assumes `data` already passed schema validation.
 */
export function resolveConfigWith(
  registry: readonly { meta: RuleMeta }[],
  data: ConfigData | undefined,
  options: ResolveOptions,
): ResolvedConfig {
  const rules = registry;
  const settings = new Map<string, RuleSetting>();
  for (const rule of rules) settings.set(rule.meta.id, { severity: rule.meta.severity, options: {} });
  for (const [id, value] of Object.entries(data?.rules ?? {})) {
    const [severity, ruleOptions] = Array.isArray(value) ? value : [value];
    settings.set(id, { severity, options: ruleOptions ?? {} });
  }
  for (const [id, severity] of Object.entries(options.ruleOverrides ?? {})) {
    settings.set(id, { severity, options: settings.get(id)?.options ?? {} });
  }
  const locale = data?.locale ?? 'en-US';
  const changes = { add: { ...(data?.vocabulary?.add ?? {}) }, remove: { ...(data?.vocabulary?.remove ?? {}) } };
  if (data?.nextStepsHeadings) {
    // The config's list replaces the default next-steps words.
    changes.remove.nextStepsHeadings = [...vocabularyFor(locale).words('nextStepsHeadings')];
    changes.add.nextStepsHeadings = data.nextStepsHeadings;
  }
  return {
    rules: settings,
    seller: data?.seller ?? [],
    locale,
    timezone: data?.timezone ?? options.machineTimezone,
    vocabulary: vocabularyFor(locale, changes),
    logs: data?.logs ?? 'latest',
    maxNoteBytes: data?.maxNoteBytes ?? DEFAULT_MAX_NOTE_BYTES,
    report: { accountFrom: data?.report?.accountFrom ?? 'folder', horizonDays: data?.report?.horizonDays ?? DEFAULT_HORIZON_DAYS },
  };
}
