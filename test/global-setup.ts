/**
 * Builds the project once before the tests that run the real CLI (`node bin/notelint.js`).
 * NOTELINT_SKIP_BUILD=1 skips it when dist/ is known to be fresh (e.g. `npm test` just built).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env.NOTELINT_SKIP_BUILD === '1') return;
  const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`npm run build failed (exit ${String(result.status)}):\n${result.stdout}${result.stderr}`);
  }
}
