/** Running the real CLI with bytes on standard input (`--stdin`), or with standard input left open. */
import { spawn } from 'node:child_process';
import { binPath, childEnv, repoRoot, type RunOptions } from './cli.js';

export interface RunBytesResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs `node bin/notelint.js ...args` with `input` written to its standard input (then closed).
 * `input: 'open'` leaves standard input an open pipe that never ends (a CI job's stdin): the run must
 * not wait on it. Never rejects on a non-zero exit; rejects after `timeoutMs` (the process is killed).
 */
export function runCliWithInput(
  args: readonly string[],
  input: string | Uint8Array | 'open',
  options: RunOptions & { timeoutMs?: number } = {},
): Promise<RunBytesResult> {
  const env = childEnv(options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`notelint ${args.join(' ')} did not finish within ${options.timeoutMs ?? 30_000} ms`));
    }, options.timeoutMs ?? 30_000);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.stdin.on('error', () => undefined); // the CLI may exit without reading it
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
    if (input !== 'open') child.stdin.end(input);
  });
}
