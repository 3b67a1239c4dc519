/**
 * Lints and fixes the CLI's notes with the workspace's resolved configs, each in the right thread
 * (docs/design.md, "Adapters: CLI, server, workers"): a short note in this thread; a long one (32 KB
 * and more) in a lint worker under the time limit; with `--concurrency` and enough notes, every note
 * in a pool of workers under the same limits.
 */
import type { Diagnostic, ResolvedConfig } from '../core/engine/types.js';
import { lint } from '../engine/index.js';
import type { LintPool } from '../worker/lint-pool.js';
import { LintRunner, WORKER_FROM_BYTES } from '../worker/lint-runner.js';
import { fixNote, type FixOutcome } from './fix-note.js';
import { decodeUtf8 } from './paths.js';
import type { ResolvedConfigs } from './resolved-configs.js';

export class NoteRunner {
  private runner?: LintRunner;

  private constructor(
    private readonly configs: ResolvedConfigs,
    private readonly timeLimitMs: number,
    private readonly pool: LintPool | undefined,
  ) {}

  /** @param threads the pool's workers; 1 lints in this thread (and long notes in one worker). */
  static async start(configs: ResolvedConfigs, options: { threads: number; timeLimitMs: number }): Promise<NoteRunner> {
    const pool =
      options.threads > 1 ? new (await import('../worker/lint-pool.js')).LintPool(options.threads, options.timeLimitMs) : undefined;
    return new NoteRunner(configs, options.timeLimitMs, pool);
  }

  /** How many notes to have in flight: enough to keep the pool's workers busy, else one. */
  get inFlight(): number {
    return this.pool ? this.pool.threads * 2 : 1;
  }

  /** A note's problems; `path` undefined for standard input without a name. */
  async check(bytes: Uint8Array, path: string | undefined, config: ResolvedConfig): Promise<Diagnostic[]> {
    const worker = this.workerFor(bytes);
    const text = decodeUtf8(bytes);
    if (!worker) return lint({ text, path }, config).diagnostics;
    return worker.check({ kind: 'check', text, path, ...this.configs.inputsOf(config) });
  }

  /** A note's bytes fixed (`errorsOnly`: `--quiet`), and the problems left. */
  async fix(bytes: Uint8Array, path: string | undefined, config: ResolvedConfig, errorsOnly: boolean): Promise<FixOutcome> {
    const worker = this.workerFor(bytes);
    if (worker) return worker.fix({ kind: 'fix', bytes, path, errorsOnly, ...this.configs.inputsOf(config) });
    return fixNote(bytes, (text) => lint({ text, path, bomRemoved: true }, config).diagnostics, { errorsOnly });
  }

  async dispose(): Promise<void> {
    this.runner?.dispose();
    await this.pool?.destroy();
  }

  private workerFor(bytes: Uint8Array): LintPool | LintRunner | undefined {
    if (this.pool) return this.pool;
    return bytes.length >= WORKER_FROM_BYTES ? (this.runner ??= new LintRunner(this.timeLimitMs)) : undefined;
  }
}
