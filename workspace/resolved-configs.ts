/**
 * Resolved configs by what they are resolved from — the config file's data, the rule severities set
 * outside it (`--rule`, the editor's settings) and the machine's time zone — so that each config is
 * resolved once: per CLI run, per language server, and per lint worker (which is handed the inputs,
 * since a resolved config holds compiled vocabulary and cannot cross a thread).
 */
import { createHash } from 'node:crypto';
import type { ConfigData, ResolvedConfig, Severity } from '../core/engine/types.js';
import { resolveConfig } from '../engine/index.js';

/** Everything resolveConfig reads; the rest (rule code, vocabulary files) goes with the notelint version. */
export interface ConfigInputs {
  data?: ConfigData;
  machineTimezone: string;
  ruleOverrides: Record<string, Severity>;
}

/** How many resolved configs a long-lived cache keeps (the server's settings and configs change rarely). */
const KEPT = 64;

export class ResolvedConfigs {
  private readonly byKey = new Map<string, ResolvedConfig>();
  private readonly inputs = new WeakMap<ResolvedConfig, { key: string; inputs: ConfigInputs }>();

  /** The config resolved from these inputs, resolved on first use. */
  get(inputs: ConfigInputs): ResolvedConfig {
    const key = keyOf(inputs);
    let config = this.byKey.get(key);
    if (!config) {
      config = resolveConfig(inputs.data, { machineTimezone: inputs.machineTimezone, ruleOverrides: inputs.ruleOverrides });
      if (this.byKey.size >= KEPT) this.byKey.delete(this.byKey.keys().next().value as string);
      this.byKey.set(key, config);
      const kept: ConfigInputs = { machineTimezone: inputs.machineTimezone, ruleOverrides: inputs.ruleOverrides };
      if (inputs.data) kept.data = inputs.data;
      this.inputs.set(config, { key, inputs: kept });
    }
    return config;
  }

  /** What a config was resolved from: what a lint worker resolves it again from. */
  inputsOf(config: ResolvedConfig): ConfigInputs {
    const found = this.inputs.get(config);
    if (!found) throw new Error('a resolved config from another cache');
    return found.inputs;
  }

  /** The `--cache` key of a note's lint result: a SHA-256 of the notelint version, the config's inputs and the note's bytes. */
  cacheKey(content: Uint8Array, config: ResolvedConfig, version: string): string {
    const inputs = this.inputs.get(config)?.key ?? '';
    return createHash('sha256').update(`notelint ${version}\0`).update(inputs).update('\0').update(content).digest('hex');
  }
}

function keyOf(inputs: ConfigInputs): string {
  return JSON.stringify({ config: inputs.data ?? null, ruleOverrides: inputs.ruleOverrides, machineTimezone: inputs.machineTimezone });
}
