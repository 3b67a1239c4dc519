/**
 * The engine in a worker thread: the server hands it one note at a time, so that a note that takes
 * long to parse never blocks the editor's other requests, and one that takes too long can be stopped.
 */
import { parentPort } from 'node:worker_threads';
import { resolveConfig } from '../core/engine/config.js';
import { lint } from '../core/engine/lint.js';
import type { ResolvedConfig } from '../core/engine/types.js';
import type { LintJob, LintReply } from './lint-job.js';

const configs = new Map<string, ResolvedConfig>();

function configFor(job: LintJob): ResolvedConfig {
  const key = JSON.stringify([job.data ?? null, job.machineTimezone, job.ruleOverrides]);
  let config = configs.get(key);
  if (!config) {
    config = resolveConfig(job.data, { machineTimezone: job.machineTimezone, ruleOverrides: job.ruleOverrides });
    if (configs.size >= 16) configs.delete(configs.keys().next().value!);
    configs.set(key, config);
  }
  return config;
}

parentPort?.on('message', (job: LintJob) => {
  let reply: LintReply;
  try {
    reply = { id: job.id, result: lint({ text: job.text, path: job.path }, configFor(job)) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
