/**
 * The language server's lints in two lanes, each its own worker thread: notes that are long (32 KB and
 * more) or were slow to read (over half a second, or past the time limit) go to the slow lane, the
 * others to the quick one. A slow note then never holds up the lint of another open note: it waits at
 * most behind other slow notes, each stopped at the time limit.
 */
import type { LintResult } from '../core/engine/types.js';
import { LintRunner, LintTimedOut } from './lint-runner.js';

type LintInput = Parameters<LintRunner['run']>[0];

/** Notes from this length on go to the slow lane from their first lint. */
const SLOW_FROM_CHARS = 32 * 1024;
/** A lint slower than this moves its note to the slow lane. */
const SLOW_AFTER_MS = 500;

export class LintLanes {
  private readonly quick: LintRunner;
  private readonly slow: LintRunner;
  /** Notes (by key) that were slow to lint. */
  private readonly slowNotes = new Set<string>();

  constructor(timeLimitMs: number) {
    this.quick = new LintRunner(timeLimitMs);
    this.slow = new LintRunner(timeLimitMs);
  }

  /**
   * Lints a note; `key` names it (its URI) so that a note once slow stays in the slow lane, and so
   * that its next lint reuses what this one read (a NoteMemo in the worker).
   */
  async run(input: LintInput, key?: string): Promise<LintResult> {
    const job = key === undefined ? input : { ...input, memoKey: key };
    const slow = job.text.length >= SLOW_FROM_CHARS || (key !== undefined && this.slowNotes.has(key));
    if (slow) return this.slow.run(job);
    try {
      // The lint's own time: a worker's start and the wait behind other notes say nothing about this one.
      const { result, ms } = await this.quick.runTimed(job);
      if (key !== undefined && ms !== undefined && ms > SLOW_AFTER_MS) this.slowNotes.add(key);
      return result;
    } catch (error) {
      if (key !== undefined && error instanceof LintTimedOut) this.slowNotes.add(key);
      throw error;
    }
  }

  /** Background work (notes read from disk for the account status): the slow lane, never in the way of an edit. */
  runInBackground(job: LintInput): Promise<LintResult> {
    return this.slow.run(job);
  }

  dispose(): void {
    this.quick.dispose();
    this.slow.dispose();
  }
}
