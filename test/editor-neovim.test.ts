/**
 * Real Neovim (Debian's `neovim`, 0.7.2), headless, with the setup docs/editors.md shows for it: the
 * notelint language server attaches to Markdown buffers, `vim.diagnostic.get` holds notelint's
 * diagnostics for a bad meeting note (the same rule ids, lines and severities as the CLI's), none for
 * a good one once the server says it has linted it, and none for a plain README in a code repository,
 * which the server reports as skipped, until the documented settings change turns lintAllMarkdown on
 * (then it shows what the CLI says of it). The Lua harness is test/e2e/neovim/init.lua; the documented
 * setup is test/e2e/neovim/notelint.lua and lint-all-markdown.lua, which docs/editors.md must show
 * byte for byte.
 *
 * Needs `nvim` on PATH (`apt-get install neovim`): without it this test fails, it does not skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, treeMaker } from './helpers/cli.js';
import {
  cliProblemsOf,
  editorNotes,
  editorsDocBlocks,
  editorTreeFiles,
  runEditor,
  serverOnPath,
  stepOf,
  type EditorNotes,
  type EditorRun,
} from './helpers/editor-notes.js';

const tree = treeMaker();
const harnessDir = path.join(repoRoot, 'test', 'e2e', 'neovim');

interface NvimDiagnostic {
  source?: string;
  code?: string | number;
  severity: number;
  lnum: number;
  col: number;
  message: string;
}

interface NvimStep {
  label: string;
  file: string;
  uri?: string;
  filetype?: string;
  attached?: boolean;
  answered?: boolean;
  status?: { uri: string; state: string; problems?: number; reason?: string };
  published?: number;
  elapsed_ms?: number;
  diagnostics?: NvimDiagnostic[] | Record<string, never>;
}

interface NvimResult {
  ok: boolean;
  nvim: { major: number; minor: number; patch: number };
  steps: NvimStep[];
  failures: string[] | Record<string, never>;
  configuration: unknown;
  messages: unknown;
}

/** Lua's empty table comes out of vim.json.encode as `[]` or `{}`: a list either way. */
const list = <T>(value: T[] | Record<string, never> | undefined): T[] => (Array.isArray(value) ? value : []);

function nvimVersion(): string {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'Neovim is needed for this test and `nvim` was not found on PATH: apt-get install neovim ' +
        `(Debian 12 has 0.7.2). ${probe.error ? String(probe.error.message) : probe.stderr}`,
    );
  }
  return probe.stdout.split('\n')[0] ?? '';
}

type Run = EditorRun<NvimResult> & { lspLog: string };

async function runNvim(root: string, files: EditorNotes, timeoutMs: number): Promise<Run> {
  const home = path.join(root, 'home');
  const xdg = (name: string) => path.join(root, 'xdg', name);
  for (const dir of [home, xdg('config'), xdg('data'), xdg('state'), xdg('cache'), xdg('runtime')]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  const binDir = serverOnPath(root); // the documented `cmd`, as `npm install -g` puts it on PATH
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: xdg('config'),
    XDG_DATA_HOME: xdg('data'),
    XDG_STATE_HOME: xdg('state'),
    XDG_CACHE_HOME: xdg('cache'),
    XDG_RUNTIME_DIR: xdg('runtime'),
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
    NOTELINT_E2E_BAD: files.bad,
    NOTELINT_E2E_GOOD: files.good,
    NOTELINT_E2E_README: files.readme,
    NOTELINT_E2E_TIMEOUT: String(Math.floor(timeoutMs / 4)),
  };
  delete env.NVIM; // a parent Neovim's socket (a terminal inside nvim) must not be used
  delete env.NVIM_LISTEN_ADDRESS;
  delete env.VIMINIT;
  delete env.NO_COLOR;
  delete env.NOTELINT_DEBUG;
  const run = await runEditor<NvimResult>('nvim', ['--headless', '--clean', '-u', path.join(harnessDir, 'init.lua')], {
    root,
    cwd: path.join(root, 'notes'),
    env,
    timeoutMs,
  });
  const lspLogPath = path.join(xdg('cache'), 'nvim', 'lsp.log');
  return { ...run, lspLog: existsSync(lspLogPath) ? readFileSync(lspLogPath, 'utf8') : '' };
}

/** What to print when a run went wrong: the harness's own verdict first, then the logs. */
function explain(run: Run): string {
  const tail = (text: string, lines: number) => text.split('\n').slice(-lines).join('\n');
  return [
    `nvim exited with ${run.signal ? `signal ${run.signal} (killed at the time limit)` : `status ${String(run.code)}`}`,
    run.result ? `failures: ${JSON.stringify(list(run.result.failures), null, 2)}` : 'no result file was written',
    run.result ? `steps: ${JSON.stringify(run.result.steps, null, 2)}` : '',
    `stderr: ${tail(run.stderr, 40)}`,
    `lsp.log (tail): ${tail(run.lspLog, 60)}`,
  ].join('\n');
}

function nvimProblems(step: NvimStep): string[] {
  return list(step.diagnostics)
    .map((d) => `${String(d.code)} ${d.lnum + 1} ${d.severity}`)
    .sort();
}

describe('Neovim (headless) with the setup from docs/editors.md', () => {
  it.each(['notelint.lua', 'lint-all-markdown.lua'])('docs/editors.md shows test/e2e/neovim/%s byte for byte', (name) => {
    const documented = readFileSync(path.join(harnessDir, name), 'utf8');
    expect(editorsDocBlocks('lua'), `a \`\`\`lua block of docs/editors.md equal to test/e2e/neovim/${name}`).toContain(documented);
    // What Debian's Neovim 0.7 can run: no vim.lsp.start, vim.fs (0.8) or vim.uv (0.10).
    expect(documented).not.toMatch(/vim\.lsp\.start\(|vim\.fs\.|vim\.uv\./);
  });

  it('every Lua block of docs/editors.md compiles in Neovim (the untested 0.8 and 0.11 forms included)', () => {
    nvimVersion();
    const blocks = editorsDocBlocks('lua');
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const root = tree(Object.fromEntries(blocks.map((block, i) => [`block-${i}.lua`, block])));
    // loadfile only compiles: nothing runs, so the 0.8+ APIs need not exist in this Neovim.
    const check = blocks
      .map(
        (_, i) =>
          `local f, e = loadfile(${JSON.stringify(path.join(root, `block-${i}.lua`))}) if not f then io.stderr:write(e .. '\\n') bad = true end`,
      )
      .join(' ');
    const args = [
      '--headless',
      '--clean',
      '-u',
      'NONE',
      '-c',
      `lua ${check}`,
      '-c',
      'lua if bad then vim.cmd("cquit 1") end',
      '-c',
      'qall!',
    ];
    const run = spawnSync('nvim', args, {
      encoding: 'utf8',
      env: { ...process.env, HOME: root, XDG_CONFIG_HOME: root, XDG_DATA_HOME: root, XDG_STATE_HOME: root, XDG_CACHE_HOME: root },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('attaches; notelint diagnostics for a bad note, none for a good note, and a plain README is skipped', async () => {
    const version = nvimVersion();
    const root = tree(editorTreeFiles());
    const files = editorNotes(root);

    // What the CLI says about the same files: the editor must show the same problems.
    const cliBad = await cliProblemsOf(files.bad, root);
    const cliGood = await cliProblemsOf(files.good, root);
    const cliReadme = await cliProblemsOf(files.readme, root);
    expect(cliGood, 'the good note is clean for the CLI').toEqual([]);
    expect(cliReadme.length, 'the README, linted by name, would be flagged: its silence in the editor means something').toBeGreaterThan(0);

    const run = await runNvim(root, files, 100_000);
    const why = `${version}\n${explain(run)}`;
    expect(run.result, why).toBeDefined();
    const result = run.result as NvimResult;
    expect(list(result.failures), why).toEqual([]);
    expect(result.ok, why).toBe(true);
    expect(run.code, why).toBe(0);
    expect(`${result.nvim.major}.${result.nvim.minor}`, why).toMatch(/^0\.\d+$/);

    const step = (label: string) => stepOf(result.steps, label, why);
    const bad = step('bad');
    const good = step('good');
    const readme = step('readme');

    for (const s of [bad, good, readme]) {
      expect(s.filetype, why).toBe('markdown');
      expect(s.attached, why).toBe(true);
      expect(s.answered, why).toBe(true);
    }

    // The bad note: notelint's diagnostics, rule ids as codes, as the CLI reports them.
    expect(bad.status?.state, why).toBe('linted');
    const badDiagnostics = list(bad.diagnostics);
    expect(badDiagnostics.length, why).toBeGreaterThan(0);
    expect(new Set(badDiagnostics.map((d) => d.source)), why).toEqual(new Set(['notelint']));
    expect(new Set(badDiagnostics.map((d) => d.code)), why).toEqual(
      new Set(['no-vague-follow-up', 'require-client-action', 'require-dated-next-event']),
    );
    expect(nvimProblems(bad), why).toEqual(cliBad);
    expect(bad.status?.problems, why).toBe(badDiagnostics.length);

    // The good note: linted (the server said so, and pushed its diagnostics), and nothing shown.
    expect(good.status?.state, why).toBe('linted');
    expect(good.published, why).toBeGreaterThan(0);
    expect(list(good.diagnostics), why).toEqual([]);

    // The README: the client attached, the server skipped it, nothing shown.
    expect(readme.status?.state, why).toBe('skipped');
    expect(list(readme.diagnostics), why).toEqual([]);

    // Settings reach the server: after the documented lintAllMarkdown change, the README is linted
    // like the CLI lints it by name. (Neovim 0.7 does not declare workspace.configuration, so the
    // server is not asked: it takes what Neovim pushes with workspace/didChangeConfiguration.)
    const all = step('readme, lintAllMarkdown');
    expect(all.answered, why).toBe(true);
    expect(all.status?.state, why).toBe('linted');
    expect(all.published, why).toBeGreaterThan(0);
    expect(nvimProblems(all), why).toEqual(cliReadme);
  }, 150_000);
});
