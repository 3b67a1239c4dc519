import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FixOutcome } from '../workspace/fix-note.js';
import type { Diagnostic, LintResult } from '../core/engine/types.js';
import { runLintJob, type LintJob, type LintReply } from './lint-job.js';

/** The CLI reads notes from this size on in the worker, under the time limit (a worker costs its start-up; short notes read in milliseconds). */
export const WORKER_FROM_BYTES = 32 * 1024;

/** A note the engine could not lint: it crashed on it, or it took longer than the time limit. */
export class LintFailed extends Error {}

/** The note is given up, not a bug: it took longer than the time limit, or more memory than the worker may use. */
export class LintTimedOut extends LintFailed {}

/** The heap a lint worker may grow to (remark holds a whole note's syntax tree and more): past it the note is given up. */
export const WORKER_MEMORY_MB = 512;

/** Each kind of job and reply without its id (the runner numbers them). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type JobInput<J = LintJob> = WithoutId<J>;
type Outcome = WithoutId<LintReply>;

const crashed = (message: string) => new LintFailed(`the engine crashed (a bug: please report it): ${message}`);

/**
 * Runs the engine in one worker thread, a note at a time, with a time limit per note: past it the
 * worker is stopped (and started again for the next note) and the note fails instead of freezing
 * the server. Where no worker can start, the engine runs in the server's own thread, without a limit.
 */
export class LintRunner {
  private worker?: Worker;
  private nextId = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly workerFile = workerFile();

  constructor(private readonly timeLimitMs: number) {}

  /** Lints a note's text. */
  async run(job: JobInput<Extract<LintJob, { text: string }>>): Promise<LintResult> {
    return (await this.runTimed(job)).result;
  }

  /**
   * Lints a note's text and says how long the lint itself took: `ms` counts neither the wait
   * behind other notes nor, on a worker started for this note, the start (then `ms` is undefined).
   */
  async runTimed(job: JobInput<Extract<LintJob, { text: string }>>): Promise<{ result: LintResult; ms?: number }> {
    let ms: number | undefined;
    const outcome = await this.enqueue(job, (took) => {
      ms = took;
    });
    if (!('result' in outcome)) throw crashed('the worker answered a lint with something else');
    return { result: outcome.result, ms };
  }

  /** Lints a note's text for its diagnostics only (the CLI's). */
  async check(job: JobInput<Extract<LintJob, { kind: 'check' }>>): Promise<Diagnostic[]> {
    const outcome = await this.enqueue(job);
    if (!('diagnostics' in outcome)) throw crashed('the worker answered a check with something else');
    return outcome.diagnostics;
  }

  /** Fixes a note's bytes as the CLI's --fix does (every pass in the worker, under one time limit). */
  async fix(job: JobInput<Extract<LintJob, { kind: 'fix' }>>): Promise<FixOutcome> {
    const outcome = await this.enqueue(job);
    if (!('fixed' in outcome)) throw crashed('the worker answered a fix with something else');
    return outcome.fixed;
  }

  private enqueue(job: JobInput, timed?: (ms: number | undefined) => void): Promise<Outcome> {
    const outcome = this.queue.then(() => {
      const warm = this.worker !== undefined;
      const started = performance.now();
      return this.runNow({ ...job, id: ++this.nextId } as LintJob).then((reply) => {
        timed?.(warm ? performance.now() - started : undefined);
        return reply;
      });
    });
    this.queue = outcome.catch(() => undefined);
    return outcome;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private runNow(job: LintJob): Promise<Outcome> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(this.inProcess(job));
    return new Promise<Outcome>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: LintReply) => {
        if (reply.id !== job.id) return;
        done();
        if ('error' in reply) reject(crashed(reply.error));
        else resolve(reply);
      };
      const restart = (failure: LintFailed) => {
        done();
        this.dispose();
        reject(failure);
      };
      const onError = (error: Error & { code?: string }) =>
        restart(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new LintTimedOut(`reading it needed more than ${WORKER_MEMORY_MB} MB of memory; split it into smaller notes`)
            : crashed(error.message),
        );
      const onExit = () => restart(new LintFailed('the lint worker stopped'));
      const timer = setTimeout(
        () =>
          restart(
            new LintTimedOut(
              `reading it took longer than ${this.timeLimitMs / 1000} s; split it into smaller notes, or raise NOTELINT_LINT_TIME_LIMIT_MS`,
            ),
          ),
        this.timeLimitMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || !this.workerFile) return this.worker;
    try {
      this.worker = new Worker(this.workerFile, { resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB } });
      this.worker.unref(); // an idle worker never keeps the server alive
    } catch {
      this.worker = undefined;
    }
    return this.worker;
  }

  private inProcess(job: LintJob): Outcome {
    try {
      return runLintJob(job);
    } catch (error) {
      throw crashed(error instanceof Error ? error.message : String(error));
    }
  }
}

/** The time limit per note: 10 s, or NOTELINT_LINT_TIME_LIMIT_MS (the tests use a short one). */
export function lintTimeLimitMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.NOTELINT_LINT_TIME_LIMIT_MS);
  return Number.isFinite(value) && value > 0 ? value : 10_000;
}

/** The worker's file: `lint-worker.js` beside this module when built with tsc, `lint-worker.mjs` in the extension's bundle. */
function workerFile(): string | undefined {
  for (const name of ['./lint-worker.js', './lint-worker.mjs']) {
    const file = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}
