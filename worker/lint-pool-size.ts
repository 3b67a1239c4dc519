/** Notes per worker below which another worker costs more (its start-up) than it saves. */
export const NOTES_PER_WORKER = 24;

/** How many workers `--concurrency` asks for, given the notes to lint: 1 means "none, in this thread". */
export function workerCount(concurrency: 'off' | 'auto' | number, notes: number, cpus: number): number {
  if (concurrency === 'off') return 1;
  const wanted = concurrency === 'auto' ? cpus : concurrency;
  return Math.max(1, Math.min(wanted, Math.floor(notes / NOTES_PER_WORKER)));
}
