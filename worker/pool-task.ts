/** The engine as a task of the CLI's worker pool (`--concurrency`): one note per task. */
import { runLintJob, type LintJob } from './lint-job.js';

export default function lintTask(job: LintJob): ReturnType<typeof runLintJob> {
  return runLintJob(job);
}
