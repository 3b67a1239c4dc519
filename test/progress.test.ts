/**
 * Progress on long runs (cli/progress.ts): with a fake terminal stream and a fake clock, then on a real
 * pseudo-terminal (`script` from util-linux, when the machine has it) through the built module, so that
 * `process.stderr.isTTY` is the real thing.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress, type ProgressOptions } from '../cli/progress.js';
import { makeTree, removeTree, repoRoot } from './helpers/cli.js';

/** A terminal-like stream that records what is written, and a clock the test moves. */
function fakeTerminal(tty: 'terminal' | 'pipe' | 'no isTTY' = 'terminal') {
  const writes: string[] = [];
  let time = 0;
  const write = (text: string) => writes.push(text);
  const stream = tty === 'no isTTY' ? { write } : { isTTY: tty === 'terminal', write };
  const options: ProgressOptions = { env: {}, now: () => time };
  return {
    stream,
    options,
    writes,
    advance(ms: number) {
      time += ms;
    },
  };
}

describe('createProgress', () => {
  it('draws "notelint: N/T files" in place, at most every 100 ms, and wipes it when done', () => {
    const t = fakeTerminal();
    const progress = createProgress(50, t.stream, t.options);
    expect(progress.enabled).toBe(true);
    progress.tick(); // 0 ms: a quick run draws nothing
    expect(t.writes).toEqual([]);
    t.advance(100);
    progress.tick();
    expect(t.writes).toEqual(['\rnotelint: 2/50 files']);
    t.advance(50);
    progress.tick(); // within 100 ms of the last frame: no redraw
    expect(t.writes).toHaveLength(1);
    t.advance(50);
    progress.tick(7);
    expect(t.writes.at(-1)).toBe('\rnotelint: 10/50 files');
    progress.done();
    expect(t.writes.at(-1)).toBe(`\r${' '.repeat('notelint: 10/50 files'.length)}\r`);
    // Later calls do nothing.
    t.advance(1000);
    progress.tick();
    progress.done();
    expect(t.writes).toHaveLength(3);
    expect(t.writes.join('')).not.toContain('\n');
    expect(t.writes.join('')).not.toContain('\u001b');
  });

  it('redraws at most ~10 times a second however fast the files go', () => {
    const t = fakeTerminal();
    const progress = createProgress(3000, t.stream, t.options);
    for (let i = 0; i < 3000; i++) {
      t.advance(1); // a file a millisecond: 3 seconds
      progress.tick();
    }
    expect(t.writes.length).toBeLessThanOrEqual(30);
    expect(t.writes.length).toBeGreaterThanOrEqual(29);
    progress.done();
  });

  it('wipes as wide as the widest frame, and never counts past the total', () => {
    const t = fakeTerminal();
    const progress = createProgress(21, t.stream, t.options);
    t.advance(100);
    progress.tick(30);
    expect(t.writes).toEqual(['\rnotelint: 21/21 files']);
    progress.done();
    expect(t.writes[1]).toBe(`\r${' '.repeat(21)}\r`);
  });

  it('draws nothing and writes nothing when done without a frame', () => {
    const t = fakeTerminal();
    const progress = createProgress(100, t.stream, t.options);
    progress.tick();
    progress.done();
    expect(t.writes).toEqual([]);
  });

  it('is off when the stream is not a terminal, when CI is set, or for 20 files or fewer', () => {
    const cases: [string, 'terminal' | 'pipe' | 'no isTTY', Record<string, string | undefined>, number][] = [
      ['piped', 'pipe', {}, 100],
      ['no isTTY at all', 'no isTTY', {}, 100],
      ['CI=true', 'terminal', { CI: 'true' }, 100],
      ['CI=1', 'terminal', { CI: '1' }, 100],
      ['20 files', 'terminal', {}, 20],
      ['no files', 'terminal', {}, 0],
    ];
    for (const [what, tty, env, total] of cases) {
      const t = fakeTerminal(tty);
      const progress = createProgress(total, t.stream, { ...t.options, env });
      expect(progress.enabled, what).toBe(false);
      for (let i = 0; i < 10; i++) {
        t.advance(200);
        progress.tick();
      }
      progress.done();
      expect(t.writes, what).toEqual([]);
    }
    for (const env of [{ CI: '' }, { CI: 'false' }, { CI: '0' }]) {
      expect(createProgress(21, fakeTerminal().stream, { env }).enabled, JSON.stringify(env)).toBe(true);
    }
  });

  it('leaves a clean line behind on a terminal', () => {
    const t = fakeTerminal();
    const progress = createProgress(200, t.stream, t.options);
    for (let i = 0; i < 200; i++) {
      t.advance(7);
      progress.tick();
    }
    progress.done();
    const screen = t.writes
      .join('')
      .split('\r')
      .reduce((shown, frame) => frame + shown.slice(frame.length), '');
    expect(screen.trim()).toBe('');
  });
});

/** `script -qfec CMD /dev/null` runs CMD with a pseudo-terminal as its stdin, stdout and stderr. */
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasScript)('on a real pseudo-terminal (script -qfec)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) removeTree(dir);
  });

  /** A script that drives the built module with process.stderr, 40 files 10 ms apart. */
  function driver(): string {
    const dir = makeTree({});
    dirs.push(dir);
    const file = path.join(dir, 'drive.mjs');
    const module = pathToFileURL(path.join(repoRoot, 'dist', 'cli', 'progress.js')).href;
    writeFileSync(
      file,
      `import { createProgress } from ${JSON.stringify(module)};
const started = performance.now();
const progress = createProgress(40, process.stderr, { env: process.env });
process.stdout.write('tty=' + String(process.stderr.isTTY) + ' enabled=' + String(progress.enabled) + '\\n');
for (let i = 0; i < 40; i++) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  progress.tick();
}
progress.done();
process.stdout.write('report elapsed=' + Math.round(performance.now() - started) + '\\n');
`,
    );
    return file;
  }

  function inTerminal(file: string, env: Record<string, string | undefined>) {
    const childEnv = { ...process.env, ...env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(file)}`;
    return spawnSync('script', ['-qfec', command, '/dev/null'], { encoding: 'utf8', env: childEnv, timeout: 30_000 });
  }

  it('draws frames with "\\r", ends on a wiped line, and the report starts clean', () => {
    const result = inTerminal(driver(), { CI: undefined });
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain('tty=true enabled=true');
    const frames = [...out.matchAll(/\rnotelint: (\d+)\/40 files/gu)].map((m) => Number(m[1]));
    const elapsed = Number(/elapsed=(\d+)/u.exec(out)?.[1]);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.length).toBeLessThanOrEqual(Math.floor(elapsed / 100)); // at most one frame per 100 ms
    expect(frames).toEqual([...frames].sort((a, b) => a - b));
    // The last frame is wiped with spaces and the cursor goes back before the report is written.
    expect(out).toMatch(/\r {20,21}\rreport elapsed=\d+\r?\n/u);
  });

  it('draws nothing on a terminal when CI is set', () => {
    const result = inTerminal(driver(), { CI: 'true' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('tty=true enabled=false');
    expect(result.stdout).not.toContain('notelint:');
  });

  it('draws nothing when stderr is a pipe', () => {
    const file = driver();
    const env = { ...process.env };
    delete env.CI;
    const result = spawnSync(process.execPath, [file], { encoding: 'utf8', env });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^tty=(undefined|false) enabled=false\nreport elapsed=\d+\n$/u);
    expect(result.stderr).toBe('');
  });
});
