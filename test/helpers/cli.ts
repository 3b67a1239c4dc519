/** Running the real, built CLI (`node bin/notelint.js …`) as a process, and temporary note trees. */
import { spawn } from 'node:child_process';
import { afterAll } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const binPath = path.join(repoRoot, 'bin', 'notelint.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Added to a clean environment (NO_COLOR, FORCE_COLOR and NOTELINT_DEBUG removed); undefined deletes. */
  env?: Record<string, string | undefined>;
  /** Run as another user (root only). */
  uid?: number;
  gid?: number;
}

/** Runs `node bin/notelint.js ...args`; never rejects on a non-zero exit. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runNode([binPath, ...args], options);
}

/** The environment a CLI run gets: this one without colour or debug switches, plus the test's own (undefined removes). */
export function childEnv(extra: RunOptions['env'] = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.NOTELINT_DEBUG;
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export function runNode(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const env = childEnv(options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], {
      cwd: options.cwd ?? repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/** ESLint's JSON result shape, as printed by `--format json`. */
export interface JsonMessage {
  ruleId: string | null;
  severity: 1 | 2;
  level?: 'info';
  fatal?: boolean;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: { range: [number, number]; text: string };
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: unknown[];
  /** With --fix-dry-run (or --fix of standard input): the fixed text. */
  output?: string;
}

export function parseJsonOutput(result: RunResult): JsonResult[] {
  try {
    return JSON.parse(result.stdout) as JsonResult[];
  } catch {
    throw new Error(`not JSON (exit ${String(result.code)}):\n${result.stdout.slice(0, 2000)}\n${result.stderr}`);
  }
}

/** Creates a temporary folder holding `files` (relative path → content); returns its real path. */
export function makeTree(files: Record<string, string | Uint8Array>): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'notelint-test-')));
  chmodSync(root, 0o755);
  writeTree(root, files);
  return root;
}

export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** A config object that sets every given rule to one severity. */
export function allRules(ids: readonly string[], severity: 'error' | 'warn' | 'info' | 'off'): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, severity]));
}

/** The rule ids, from the CLI itself (`--list-rules`). */
export async function cliRuleIds(): Promise<string[]> {
  const listed = await runCli(['--list-rules', '--format', 'json']);
  if (listed.code !== 0) throw new Error(`--list-rules failed (exit ${String(listed.code)}): ${listed.stderr}`);
  return (JSON.parse(listed.stdout) as { id: string }[]).map((meta) => meta.id);
}

/** A config with every rule off but prefer-absolute-date (at `severity`), so that a test depends on the fix only. */
export function fixOnlyConfig(ruleIds: readonly string[], severity: 'error' | 'warn' | 'info' = 'info'): string {
  return JSON.stringify({ rules: { ...allRules(ruleIds, 'off'), 'prefer-absolute-date': severity } });
}

/** A note whose only fixable problems are two relative days ("Friday", "tomorrow"), with the line ending given. */
export function fixableNote(eol = '\n'): string {
  return [
    '---',
    'date: 2026-11-24',
    'seller: [Dana]',
    'buyer: [Mary]',
    '---',
    '',
    '## Next steps',
    '- [ ] Mary: send the numbers Friday',
    '- [ ] Dana: call Mary tomorrow',
  ]
    .map((row) => row + eol)
    .join('');
}

/** What --fix makes of fixableNote. */
export function fixedNote(eol = '\n'): string {
  return fixableNote(eol).replace('Friday', 'Friday (2026-11-27)').replace('tomorrow', 'tomorrow (2026-11-25)');
}

/** Makes temporary note folders for one test file; all of them are removed after its tests. */
export function treeMaker(): (files: Record<string, string | Uint8Array>) => string {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) removeTree(root);
  });
  return (files) => {
    const root = makeTree(files);
    roots.push(root);
    return root;
  };
}
