/**
 * The engine in a worker thread: the language server (and the CLI, for long notes) hands it one note
 * at a time, so that a note that takes long to parse never blocks the caller, and one that takes too
 * long can be stopped.
 */
import { parentPort } from 'node:worker_threads';
import { runLintJob, type LintJob, type LintReply } from './lint-job.js';

parentPort?.on('message', (job: LintJob) => {
  let reply: LintReply;
  try {
    reply = { id: job.id, ...runLintJob(job) } as LintReply;
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
