/** `--fix` and signals: a note is either untouched or whole, and no temporary file is left behind. */
import { removePendingTemporariesSync } from './write-file.js';

/** Exit codes for a fix run ended by a signal: 128 + the signal's number, as shells report. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export interface InterruptGuard {
  /** From now on, SIGINT and SIGTERM remove the temporary files in flight, then exit. */
  arm(): void;
  disarm(): void;
}

/**
 * While `--fix` writes files: SIGINT or SIGTERM synchronously removes the temporary files of the writes
 * in flight (so none is left behind, and each note is either untouched or whole: the rename is atomic),
 * says so on stderr and exits with 130 or 143.
 */
export function interruptGuard(stderr: { write(text: string): unknown }, failureCode: number): InterruptGuard {
  const onSignal = (signal: NodeJS.Signals) => {
    removePendingTemporariesSync();
    stderr.write('notelint: interrupted; notes already fixed are whole, the others untouched.\n');
    process.exit(SIGNAL_EXIT_CODES[signal as keyof typeof SIGNAL_EXIT_CODES] ?? failureCode);
  };
  let armed = false;
  return {
    arm() {
      if (armed) return;
      armed = true;
      for (const signal of Object.keys(SIGNAL_EXIT_CODES)) process.on(signal, onSignal);
    },
    disarm() {
      if (!armed) return;
      armed = false;
      for (const signal of Object.keys(SIGNAL_EXIT_CODES)) process.off(signal, onSignal);
    },
  };
}
