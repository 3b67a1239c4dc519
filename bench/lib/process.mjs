// One whole process, timed from spawn to exit, with its peak resident memory: through GNU time
// (/usr/bin/time) where the machine has it, else (Node programs only) through a preload that writes
// process.resourceUsage().maxRSS at exit (test/helpers/peak-rss.cjs; worker threads included).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PRELOAD = fileURLToPath(new URL('../../test/helpers/peak-rss.cjs', import.meta.url));
/** How peak RSS is measured on this machine. */
export const RSS_METHOD = existsSync(GNU_TIME) ? 'GNU time (%M)' : 'preload: process.resourceUsage().maxRSS at exit';

/**
 * Runs `node script ...args` (whole process) and resolves with its wall time in seconds, peak RSS in
 * bytes (undefined when it cannot be read), exit status and, with `keepOutput`, its standard output.
 * Standard output and error are always read through pipes, as a CI log would.
 */
export function runNode(script, args, { cwd, env, keepOutput = false } = {}) {
  const scratch = mkdtempSync(join(os.tmpdir(), 'notelint-bench-rss-'));
  const rssFile = join(scratch, 'rss');
  const node = [process.execPath, script, ...args];
  let command;
  let childEnv = { ...process.env, ...env };
  if (existsSync(GNU_TIME)) {
    command = [GNU_TIME, '-f', '%M', '-o', rssFile, ...node];
  } else {
    command = [process.execPath, '--require', PRELOAD, script, ...args];
    childEnv = { ...childEnv, PEAK_RSS_FILE: rssFile };
  }
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command[0], command.slice(1), { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let errBytes = 0;
    child.stdout.on('data', (chunk) => {
      if (keepOutput) out.push(chunk);
    });
    child.stderr.on('data', (chunk) => {
      // Keep the start of standard error only, for the message when the run fails.
      if (errBytes < 64 * 1024) err.push(chunk);
      errBytes += chunk.length;
    });
    child.on('error', reject);
    child.on('close', (status, signal) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      let peakRssBytes;
      try {
        // GNU time writes "Command exited with non-zero status N" before the figure: take the last line.
        const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb) && kb > 0) peakRssBytes = kb * 1024;
      } catch {
        // no figure (the process was killed before it could write one)
      }
      rmSync(scratch, { recursive: true, force: true });
      resolve({
        seconds,
        peakRssBytes,
        status,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** Like runNode, but a status outside `okStatuses` (a linter's 0 or 1: problems found) is an error. */
export async function runChecked(script, args, options = {}, okStatuses = [0, 1]) {
  const result = await runNode(script, args, options);
  if (!okStatuses.includes(result.status)) {
    throw new Error(`${script} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${result.stderr.slice(0, 2000)}`);
  }
  return result;
}
