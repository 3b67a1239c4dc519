/**
 * `--concurrency`: notes linted (or fixed) in a pool of worker threads (tinypool), each note under the
 * same time limit and memory limit as in the single lint worker: past either, its worker is stopped,
 * the note gets one message saying why, and the pool goes on with a fresh worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Tinypool } from 'tinypool';
import type { Diagnostic } from '../core/engine/types.js';
import type { LintJob } from './lint-job.js';
import { LintFailed, LintTimedOut, WORKER_MEMORY_MB } from './lint-runner.js';
import type { FixOutcome } from '../workspace/fix-note.js';

type Job<K> = Omit<Extract<LintJob, { kind: K }>, 'id'>;

export class LintPool {
  private readonly pool: Tinypool;
  /** Notes waiting for a thread: a note's time limit starts when a thread takes it, not when it is queued. */
  private readonly waiting: Array<() => void> = [];
  private running = 0;

  constructor(
    readonly threads: number,
    private readonly timeLimitMs: number,
  ) {
    const filename = fileURLToPath(new URL('./pool-task.js', import.meta.url));
    if (!existsSync(filename)) throw new Error(`the worker pool's task file is missing: ${filename}`);
    this.pool = new Tinypool({
      filename,
      minThreads: threads,
      maxThreads: threads,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB },
    });
  }

  async check(job: Job<'check'>): Promise<Diagnostic[]> {
    const outcome = await this.run({ ...job, id: 0 });
    if (!('diagnostics' in outcome))
      throw new LintFailed('the engine crashed (a bug: please report it): a pool worker answered a check with something else');
    return outcome.diagnostics;
  }

  async fix(job: Job<'fix'>): Promise<FixOutcome> {
    const outcome = await this.run({ ...job, id: 0 });
    if (!('fixed' in outcome))
      throw new LintFailed('the engine crashed (a bug: please report it): a pool worker answered a fix with something else');
    return outcome.fixed;
  }

  private async run(job: LintJob): Promise<{ diagnostics: Diagnostic[] } | { fixed: FixOutcome } | { result: unknown }> {
    if (this.running >= this.threads) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await this.runTimed(job);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private async runTimed(job: LintJob): Promise<{ diagnostics: Diagnostic[] } | { fixed: FixOutcome } | { result: unknown }> {
    const signal = AbortSignal.timeout(this.timeLimitMs);
    try {
      return (await this.pool.run(job, { signal })) as { diagnostics: Diagnostic[] } | { fixed: FixOutcome };
    } catch (error) {
      if (signal.aborted) {
        throw new LintTimedOut(
          `reading it took longer than ${this.timeLimitMs / 1000} s; split it into smaller notes, or raise NOTELINT_LINT_TIME_LIMIT_MS`,
        );
      }
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new LintTimedOut(`reading it needed more than ${WORKER_MEMORY_MB} MB of memory; split it into smaller notes`);
      }
      throw new LintFailed(`the engine crashed (a bug: please report it): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
