import { SEVERITIES, type Severity } from '../core/engine/types.js';

/** The editor settings of section `notelint` (server/README.md), after defaults and validation. */
export interface Settings {
  enable: boolean;
  lintAllMarkdown: boolean;
  /** Rule severities applied over the config file's. */
  rules: Record<string, Severity>;
  inlayHints: { relativeDates: boolean };
  codeLens: { nextEvent: boolean; accountStatus: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  lintAllMarkdown: false,
  rules: {},
  inlayHints: { relativeDates: false },
  codeLens: { nextEvent: true, accountStatus: true },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const flag = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);

/**
 * Reads whatever the client sent: unknown keys and values of the wrong type fall back to the defaults
 * (an editor's settings are typed by hand, so a typo must never stop linting).
 * Dotted keys ("inlayHints.relativeDates") are accepted as well as nested objects.
 */
export function readSettings(raw: unknown): Settings {
  const value = isObject(raw) ? expandDotted(raw) : {};
  const rules: Record<string, Severity> = {};
  if (isObject(value.rules)) {
    for (const [id, severity] of Object.entries(value.rules)) {
      if (typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity)) rules[id] = severity as Severity;
    }
  }
  const inlay = isObject(value.inlayHints) ? value.inlayHints : {};
  const lens = isObject(value.codeLens) ? value.codeLens : {};
  return {
    enable: flag(value.enable, DEFAULT_SETTINGS.enable),
    lintAllMarkdown: flag(value.lintAllMarkdown, DEFAULT_SETTINGS.lintAllMarkdown),
    rules,
    inlayHints: { relativeDates: flag(inlay.relativeDates, DEFAULT_SETTINGS.inlayHints.relativeDates) },
    codeLens: {
      nextEvent: flag(lens.nextEvent, DEFAULT_SETTINGS.codeLens.nextEvent),
      accountStatus: flag(lens.accountStatus, DEFAULT_SETTINGS.codeLens.accountStatus),
    },
  };
}

function expandDotted(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) {
    const parts = key.split('.');
    let at = out;
    for (const part of parts.slice(0, -1)) {
      if (!isObject(at[part])) at[part] = {};
      at = at[part] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    at[last] = isObject(v) && isObject(at[last]) ? { ...(at[last] as object), ...v } : v;
  }
  return out;
}
