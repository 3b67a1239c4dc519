/**
 * Progress on long runs: "notelint: 120/2715 files" on stderr, redrawn in place with "\r" and wiped when
 * the run is done, so that the report that follows starts on a clean line. Shown only when
 * - the stream is a terminal (`isTTY`), and `CI` is not set (CI logs keep every "\r" frame), and
 * - there are more than `minFiles` files (20), and
 * - the run lasts: the first frame comes after `intervalMs` (100 ms), the next ones at most every
 *   `intervalMs`, so a quick run prints nothing and a long one redraws at most ~10 times a second.
 * Only "\r" and spaces are written (no ANSI sequences), so it works on any terminal.
 *
 * Use: `const progress = createProgress(files.length, stderr, { env })`, `progress.tick()` after each
 * file, `progress.done()` before the report is written (also on failure: it is idempotent).
 */

export interface ProgressStream {
  write(text: string): unknown;
  /** True for a terminal (as on `process.stderr`); anything else means "not a terminal". */
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** The environment to read `CI` from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Progress is shown only for more files than this (default 20). */
  minFiles?: number;
  /** Milliseconds before the first frame and between frames (default 100). */
  intervalMs?: number;
  /** Clock in milliseconds (default `performance.now`); for tests. */
  now?: () => number;
}

export interface Progress {
  /** `count` more files are done (default 1). */
  tick(count?: number): void;
  /** Wipes the progress line, if one was drawn. Later ticks draw nothing. */
  done(): void;
  /** Whether this progress can draw at all (terminal, not CI, enough files). */
  readonly enabled: boolean;
}

const DISABLED: Progress = { tick() {}, done() {}, enabled: false };

export function createProgress(total: number, stream: ProgressStream, options: ProgressOptions = {}): Progress {
  const env = options.env ?? process.env;
  const minFiles = options.minFiles ?? 20;
  if (stream.isTTY !== true || isCI(env) || !(total > minFiles)) return DISABLED;

  const interval = options.intervalMs ?? 100;
  const now = options.now ?? (() => performance.now());
  let lastFrame = now();
  let count = 0;
  let width = 0; // length of the line on screen (0: nothing drawn)
  let finished = false;

  const draw = () => {
    const text = `notelint: ${Math.min(count, total)}/${total} files`;
    stream.write(`\r${text}${' '.repeat(Math.max(0, width - text.length))}`);
    width = Math.max(width, text.length);
  };

  return {
    enabled: true,
    tick(n = 1) {
      if (finished) return;
      count += n;
      const t = now();
      if (t - lastFrame >= interval) {
        lastFrame = t;
        draw();
      }
    },
    done() {
      if (finished) return;
      finished = true;
      if (width > 0) stream.write(`\r${' '.repeat(width)}\r`);
    },
  };
}

/** `CI` set to anything but "", "0" or "false" (as CI services do, and as `ci-info` reads it). */
function isCI(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
