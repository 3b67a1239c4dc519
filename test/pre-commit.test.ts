/**
 * notelint as a commit hook, for real: the pre-commit framework installing this project's
 * `.pre-commit-hooks.yaml` (with its node install: npm install, the `prepare` build, npm pack), and the
 * plain `.git/hooks/pre-commit` script documented in the README. Each runs `git commit` in a temporary
 * repository of notes: a bad note is refused, a good one committed, and only the staged content counts.
 *
 * The pre-commit tool must be installed (CI installs it in .ci/run): without it these tests fail, they
 * do not skip. The first pre-commit run installs the hook environment from the npm registry (a minute
 * or two); PRE_COMMIT_HOME is a temporary folder, so every run installs afresh.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, repoRoot } from './helpers/cli.js';

const INSTALL_TIMEOUT = 15 * 60_000;
const COMMIT_TIMEOUT = 3 * 60_000;

/** A note with a meeting date and no next step at all: errors require-next-steps (and require-dated-next-event). */
const BAD_NOTE = `---
date: 2026-12-04
account: Cyberdyne Systems
seller: [Alex Romero]
buyer: [Miles Dyson]
---

# Cyberdyne — discovery

Miles leads a 60-person IT help desk. Pain points: a ticket backlog after every release.
`;

/** A client action item and a dated next meeting: no errors. */
const GOOD_NOTE = `---
date: 2026-11-20 10:00
timezone: America/New_York
account: Acme Corp
seller: [Dana Lee]
buyer: [Mary Chen]
---

# Discovery call — Acme Corp

Mary wants new support agents working alone in their second week.

## Next steps
- [ ] Mary: send the Okta SAML metadata by Tue Nov 24
- [ ] Dana: answer the security questionnaire by Fri Dec 4
- [ ] Onboarding walkthrough Wed Dec 2 at 1:30 PM ET with Mary (Zoom)
`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr, for messages. */
  output: string;
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}

/** The environment of every command: no variables of a surrounding git or pre-commit run, no user git config, no colour. */
function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('GIT_') || key.startsWith('PRE_COMMIT')) continue;
    if (['SKIP', 'FORCE_COLOR', 'NO_COLOR', 'NOTELINT_DEBUG'].includes(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    NO_COLOR: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_AUTHOR_NAME: 'Dana Lee',
    GIT_AUTHOR_EMAIL: 'dana@example.com',
    GIT_COMMITTER_NAME: 'Dana Lee',
    GIT_COMMITTER_EMAIL: 'dana@example.com',
    ...extra,
  };
}

/** Runs a program without a shell; never rejects on a non-zero exit (ENOENT rejects). */
function run(command: string, args: readonly string[], options: { cwd: string; env: Record<string, string> }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({ code, stdout, stderr, output: `${stdout}${stderr}` });
    });
  });
}

function describeRun(what: string, result: Run): string {
  return `${what} exited ${String(result.code)}:\n${result.output}`;
}

/** Runs git and requires success. */
async function git(cwd: string, env: Record<string, string>, ...args: string[]): Promise<string> {
  const result = await run('git', args, { cwd, env });
  if (result.code !== 0) throw new Error(describeRun(`git ${args.join(' ')}`, result));
  return result.stdout;
}

/**
 * A git repository holding this checkout as it is now (tracked and untracked files, not the ignored
 * ones: what `npm run build` compiles), committed; returns its path and commit.
 */
async function snapshotProject(env: Record<string, string>): Promise<{ dir: string; rev: string }> {
  const listing = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, env });
  if (listing.code !== 0) {
    throw new Error(`the pre-commit tests copy this checkout with git, and it is not a git work tree:\n${listing.output}`);
  }
  const dir = path.join(tempDir('notelint-hook-repo-'), 'notelint');
  mkdirSync(dir);
  for (const file of listing.stdout.split('\0').filter(Boolean)) {
    const from = path.join(repoRoot, file);
    let stat: ReturnType<typeof lstatSync>;
    try {
      stat = lstatSync(from);
    } catch {
      continue; // deleted in the working tree, not yet staged
    }
    const to = path.join(dir, file);
    mkdirSync(path.dirname(to), { recursive: true });
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else if (stat.isFile()) copyFileSync(from, to);
  }
  await git(dir, env, 'init', '--quiet', '--initial-branch=main');
  await git(dir, env, 'add', '--all');
  await git(dir, env, 'commit', '--quiet', '--no-verify', '-m', 'notelint snapshot for the pre-commit tests');
  return { dir, rev: (await git(dir, env, 'rev-parse', 'HEAD')).trim() };
}

/** A repository of notes; `files` are committed first (without hooks). */
async function notesRepo(env: Record<string, string>, files: Record<string, string> = {}): Promise<string> {
  const root = tempDir('notelint-notes-');
  await git(root, env, 'init', '--quiet', '--initial-branch=main');
  for (const [file, text] of Object.entries(files)) write(root, file, text);
  await git(root, env, 'add', '--all');
  await git(root, env, 'commit', '--quiet', '--no-verify', '--allow-empty', '-m', 'start');
  return root;
}

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

function read(root: string, file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}

async function commitCount(root: string, env: Record<string, string>): Promise<number> {
  return Number((await git(root, env, 'rev-list', '--count', 'HEAD')).trim());
}

/**
 * A setup step for a group of tests whose failure fails each test of the group with its message
 * (a failing beforeAll would only mark them skipped).
 */
function setupOnce(step: () => Promise<void>, timeout?: number): () => void {
  let failure: unknown;
  beforeAll(async () => {
    try {
      await step();
    } catch (error) {
      failure = error;
    }
  }, timeout);
  return () => {
    if (failure !== undefined) throw failure;
  };
}

/** The shared checks of both hooks: each `commit` runs `git commit` with the hook installed in `root`. */
function commitBehaviour(setup: () => { env: Record<string, string>; newRepo: () => Promise<string> }) {
  const commit = (root: string, env: Record<string, string>) => run('git', ['commit', '-m', 'notes'], { cwd: root, env });

  it(
    'refuses a commit of a note with errors and names the rule',
    async () => {
      const { env, newRepo } = setup();
      const root = await newRepo();
      write(root, 'notes/2026-12-04 Cyberdyne & co (discovery).md', BAD_NOTE);
      await git(root, env, 'add', '--all');
      const result = await commit(root, env);
      expect(result.code, describeRun('git commit', result)).not.toBe(0);
      expect(result.output).toContain('require-next-steps');
      expect(result.output).toContain('Cyberdyne & co (discovery).md');
      expect(await commitCount(root, env)).toBe(1);
    },
    COMMIT_TIMEOUT,
  );

  it(
    'commits a good note',
    async () => {
      const { env, newRepo } = setup();
      const root = await newRepo();
      write(root, 'notes/acme.md', GOOD_NOTE);
      write(root, 'todo.txt', 'not a note\n');
      await git(root, env, 'add', '--all');
      const result = await commit(root, env);
      expect(result.code, describeRun('git commit', result)).toBe(0);
      expect(await commitCount(root, env)).toBe(2);
      expect(await git(root, env, 'show', 'HEAD:notes/acme.md')).toBe(GOOD_NOTE);
    },
    COMMIT_TIMEOUT,
  );

  it(
    'refuses a staged bad note even when the working tree has the fix',
    async () => {
      const { env, newRepo } = setup();
      const root = await newRepo();
      write(root, 'notes/cyberdyne.md', BAD_NOTE);
      await git(root, env, 'add', '--all');
      write(root, 'notes/cyberdyne.md', GOOD_NOTE); // fixed, not staged
      const result = await commit(root, env);
      expect(result.code, describeRun('git commit', result)).not.toBe(0);
      expect(result.output).toContain('require-next-steps');
      expect(await commitCount(root, env)).toBe(1);
      // The unstaged fix is still there, and the bad version still staged.
      expect(read(root, 'notes/cyberdyne.md')).toBe(GOOD_NOTE);
      expect(await git(root, env, 'show', ':notes/cyberdyne.md')).toBe(BAD_NOTE);
    },
    COMMIT_TIMEOUT,
  );

  it(
    'commits a staged good note even when the working tree has broken it',
    async () => {
      const { env, newRepo } = setup();
      const root = await newRepo();
      write(root, 'notes/acme.md', GOOD_NOTE);
      await git(root, env, 'add', '--all');
      write(root, 'notes/acme.md', BAD_NOTE); // broken, not staged
      const result = await commit(root, env);
      expect(result.code, describeRun('git commit', result)).toBe(0);
      expect(await git(root, env, 'show', 'HEAD:notes/acme.md')).toBe(GOOD_NOTE);
      expect(read(root, 'notes/acme.md')).toBe(BAD_NOTE);
    },
    COMMIT_TIMEOUT,
  );
}

describe('the pre-commit framework with this repository’s .pre-commit-hooks.yaml', () => {
  let env: Record<string, string>;
  let configYaml: string;

  const ready = setupOnce(async () => {
    env = baseEnv({ PRE_COMMIT_HOME: tempDir('notelint-pre-commit-home-') });
    const version = await run('pre-commit', ['--version'], { cwd: repoRoot, env }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        throw new Error(
          'the `pre-commit` tool is not installed, and these tests need it: install it ' +
            '(Debian/Ubuntu: `apt-get install pre-commit`; else `pipx install pre-commit`). CI installs it in .ci/run.',
        );
      }
      throw error;
    });
    if (version.code !== 0) throw new Error(describeRun('pre-commit --version', version));

    const hookRepo = await snapshotProject(env);
    configYaml = [
      'repos:',
      `  - repo: ${JSON.stringify(hookRepo.dir)}`,
      `    rev: ${hookRepo.rev}`,
      '    hooks:',
      '      - id: notelint',
      '',
    ].join('\n');
    // Install the hook environment once (npm install, the prepare build, npm pack, npm install -g).
    const root = await notesRepo(env, { '.pre-commit-config.yaml': configYaml });
    const install = await run('pre-commit', ['install-hooks'], { cwd: root, env });
    if (install.code !== 0) throw new Error(describeRun('pre-commit install-hooks', install));
  }, INSTALL_TIMEOUT);

  async function newRepo(): Promise<string> {
    ready();
    const root = await notesRepo(env, { '.pre-commit-config.yaml': configYaml });
    const install = await run('pre-commit', ['install'], { cwd: root, env });
    if (install.code !== 0) throw new Error(describeRun('pre-commit install', install));
    return root;
  }

  commitBehaviour(() => ({ env, newRepo }));

  it(
    'shows the hook as failed by name',
    async () => {
      const root = await newRepo();
      write(root, 'bad.markdown', BAD_NOTE);
      await git(root, env, 'add', '--all');
      const result = await run('git', ['commit', '-m', 'notes'], { cwd: root, env });
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/^notelint\.+Failed$/m);
      expect(result.output).toContain('- hook id: notelint');
    },
    COMMIT_TIMEOUT,
  );

  it(
    'lints the files pre-commit selects: `run --all-files` checks committed notes too, `run --files` only those',
    async () => {
      const root = await newRepo();
      write(root, 'notes/cyberdyne.md', BAD_NOTE);
      write(root, 'notes/acme.md', GOOD_NOTE);
      await git(root, env, 'add', '--all');
      await git(root, env, 'commit', '--quiet', '--no-verify', '-m', 'bad note committed without the hook');
      const all = await run('pre-commit', ['run', '--all-files'], { cwd: root, env });
      expect(all.code, describeRun('pre-commit run --all-files', all)).not.toBe(0);
      expect(all.output).toContain('notes/cyberdyne.md');
      expect(all.output).toContain('require-next-steps');
      const one = await run('pre-commit', ['run', '--files', 'notes/acme.md'], { cwd: root, env });
      expect(one.code, describeRun('pre-commit run --files notes/acme.md', one)).toBe(0);
      expect(one.output).toMatch(/^notelint\.+Passed$/m);
    },
    COMMIT_TIMEOUT,
  );

  it(
    'would miss notes with `entry: notelint --staged`: right at commit time, blind to `run --all-files`',
    async () => {
      ready();
      const withStaged = configYaml.replace('      - id: notelint\n', '      - id: notelint\n        entry: notelint --staged\n');
      expect(withStaged).not.toBe(configYaml);
      const root = await notesRepo(env, { '.pre-commit-config.yaml': withStaged });
      const install = await run('pre-commit', ['install'], { cwd: root, env });
      expect(install.code, describeRun('pre-commit install', install)).toBe(0);

      write(root, 'notes/cyberdyne.md', BAD_NOTE);
      await git(root, env, 'add', '--all');
      write(root, 'notes/cyberdyne.md', GOOD_NOTE);
      const commit = await run('git', ['commit', '-m', 'notes'], { cwd: root, env });
      expect(commit.code, describeRun('git commit', commit)).not.toBe(0);
      expect(commit.output).toContain('require-next-steps');

      await git(root, env, 'checkout', '--', 'notes/cyberdyne.md');
      await git(root, env, 'commit', '--quiet', '--no-verify', '-m', 'bad note committed without the hook');
      const all = await run('pre-commit', ['run', '--all-files'], { cwd: root, env });
      expect(all.code, describeRun('pre-commit run --all-files', all)).toBe(0); // nothing staged: nothing checked
    },
    COMMIT_TIMEOUT,
  );
});

/** The `#!/bin/sh` script of the README's "Pre-commit" section, running this checkout's bin/notelint.js. */
function documentedGitHook(): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Pre-commit\n'));
  const script = /```sh\n(#!\/bin\/sh\n[\s\S]*?)```/.exec(section)?.[1];
  if (!script) throw new Error('the README\'s "## Pre-commit" section has no ```sh block starting with #!/bin/sh');
  const command = 'npx --no-install notelint';
  if (!script.includes(command)) throw new Error(`the README's git hook script does not run \`${command}\`:\n${script}`);
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return script.replace(command, `${quote(process.execPath)} ${quote(binPath)}`);
}

describe('the plain .git/hooks/pre-commit script of the README', () => {
  let env: Record<string, string>;
  let hook: string;

  const ready = setupOnce(async () => {
    env = baseEnv();
    hook = documentedGitHook();
    const help = await run(process.execPath, [binPath, '--help'], { cwd: repoRoot, env });
    if (!help.stdout.includes('--staged')) {
      throw new Error(
        `\`notelint --help\` lists no --staged flag: the README's git hook needs it (cli/args.ts, cli/main.ts):\n${help.output}`,
      );
    }
  });

  async function newRepo(): Promise<string> {
    ready();
    const root = await notesRepo(env);
    const file = path.join(root, '.git', 'hooks', 'pre-commit');
    writeFileSync(file, hook);
    chmodSync(file, 0o755);
    return root;
  }

  commitBehaviour(() => ({ env, newRepo }));

  it('lets a commit without notes through', async () => {
    const root = await newRepo();
    write(root, 'todo.txt', 'not a note\n');
    await git(root, env, 'add', '--all');
    const result = await run('git', ['commit', '-m', 'no notes'], { cwd: root, env });
    expect(result.code, describeRun('git commit', result)).toBe(0);
  });

  it('lets a commit that deletes a bad note through', async () => {
    ready();
    const root = await notesRepo(env, { 'notes/cyberdyne.md': BAD_NOTE });
    const file = path.join(root, '.git', 'hooks', 'pre-commit');
    writeFileSync(file, hook);
    chmodSync(file, 0o755);
    await git(root, env, 'rm', '--quiet', 'notes/cyberdyne.md');
    const result = await run('git', ['commit', '-m', 'drop a note'], { cwd: root, env });
    expect(result.code, describeRun('git commit', result)).toBe(0);
  });
});
