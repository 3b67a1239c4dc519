/** What the CLI prints without linting: its version, the rules (`--list-rules`), a note's config (`--print-config`). */
import { readFileSync } from 'node:fs';
import type { ResolvedConfig, RuleMeta, Severity } from '../core/engine/types.js';
import type { LoadedConfig } from '../workspace/config-files.js';
import { displayPath } from '../workspace/paths.js';

export function version(): string {
  for (const relative of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'notelint' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return 'unknown';
}

export function listRules(metas: readonly RuleMeta[], format: string): string {
  const sorted = [...metas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (format === 'json') return `${JSON.stringify(sorted, null, 2)}\n`;
  const idWidth = Math.max(0, ...sorted.map((m) => m.id.length));
  const severityWidth = Math.max(0, ...sorted.map((m) => m.severity.length));
  return sorted
    .map((m) => [m.id.padEnd(idWidth), m.severity.padEnd(severityWidth), (m.fixable ? 'fixable' : '').padEnd(7), m.description].join('  '))
    .map((line) => `${line}\n`)
    .join('');
}

/** `--print-config`: the config file that applies and what it resolves to. */
export function describeConfig(config: LoadedConfig | undefined, resolved: ResolvedConfig, cwd: string) {
  const data = config?.data ?? {};
  const ruleSettings: Record<string, Severity | [Severity, Record<string, unknown>]> = {};
  for (const id of [...resolved.rules.keys()].sort()) {
    const setting = resolved.rules.get(id);
    if (!setting) continue;
    ruleSettings[id] = Object.keys(setting.options).length > 0 ? [setting.severity, setting.options] : setting.severity;
  }
  return {
    configFile: config ? displayPath(config.path, cwd) : null,
    rules: ruleSettings,
    seller: resolved.seller,
    locale: resolved.locale,
    timezone: resolved.timezone,
    ...(data.include ? { include: data.include } : {}),
    ...(data.ignore ? { ignore: data.ignore } : {}),
    ...(data.nextStepsHeadings ? { nextStepsHeadings: data.nextStepsHeadings } : {}),
    logs: resolved.logs,
    vocabulary: { language: resolved.vocabulary.language, ...(data.vocabulary ?? {}) },
  };
}
