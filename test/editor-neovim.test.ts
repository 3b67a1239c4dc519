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
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type JsonResult, parseJsonOutput, repoRoot, runCli, treeMaker } from './helpers/cli.js';

const tree = treeMaker();
const harnessDir = path.join(repoRoot, 'test', 'e2e', 'neovim');
const serverScript = path.join(repoRoot, 'bin', 'notelint-language-server.js');

/** Model: examples/bad-vague-follow-ups.md. Vague follow-ups and no dated next meeting. */
const BAD_NOTE = `---
date: 2026-11-12
account: Globex
seller: [Sam Ortiz]
buyer: [Priya Nair]
---

# Globex — check-in on the evaluation

Priya's team is still comparing us with their current vendor. Their board meets next week to approve
the budget.

Priya said she would circle back once the board has decided. Let's touch base in a few weeks.

## Next steps
- [ ] Sam: ping Priya about the security review
- [ ] Sam: send the updated ROI model by Mon Nov 16
- Next meeting: TBD
`;

/** Model: examples/good-discovery-acme.md. Nothing to say. */
const GOOD_NOTE = `---
title: Discovery call — Acme Corp
date: 2026-11-20 10:00
timezone: America/New_York
account: Acme Corp
seller: [Dana Lee, Sam Ortiz]
buyer: [Mary Chen, Jim Park]
stage: discovery
---

# Discovery call — Acme Corp

## Context
Acme's support team onboards about 40 agents a quarter, and it takes six weeks before a new agent
handles tickets alone. Mary (Director of Support) has a Q2 target: new hires working solo in week two.

## Next steps
- [ ] Mary: invite her VP, Rachel Stone, to the walkthrough
- [ ] Jim: send the Okta SAML metadata and their security questionnaire by Tue Nov 24
- [ ] Dana: answer the security questionnaire by Fri Dec 4
- [ ] Onboarding-plan walkthrough Wed Dec 2 at 1:30 PM ET with Mary, Jim and Rachel (45 min, Zoom)
`;

/** A README of a code repository: no front matter, no notelint config. Linted, it would be flagged. */
const README = `# left-pad-plus

Pads strings on the left, with Unicode-aware widths.

## Next steps

- [ ] maybe add right padding, we'll circle back on it next week
- [ ] touch base with the maintainers about the API

## Install

\`\`\`sh
npm install left-pad-plus
\`\`\`
`;

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

/** The ```lua blocks of a Markdown file, each as written (without the fences). */
function luaBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```lua\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  result?: NvimResult;
  lspLog: string;
}

function runNvim(root: string, files: { bad: string; good: string; readme: string }, timeoutMs: number): Promise<Run> {
  const home = path.join(root, 'home');
  const xdg = (name: string) => path.join(root, 'xdg', name);
  for (const dir of [home, xdg('config'), xdg('data'), xdg('state'), xdg('cache'), xdg('runtime')]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  // `notelint-language-server` on PATH, as `npm install -g` puts it there: the documented `cmd`.
  const binDir = path.join(root, 'bin');
  mkdirSync(binDir, { recursive: true });
  writeFileSync(
    path.join(binDir, 'notelint-language-server'),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(serverScript)} "$@"\n`,
    { mode: 0o755 },
  );
  const resultPath = path.join(root, 'result.json');
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: xdg('config'),
    XDG_DATA_HOME: xdg('data'),
    XDG_STATE_HOME: xdg('state'),
    XDG_CACHE_HOME: xdg('cache'),
    XDG_RUNTIME_DIR: xdg('runtime'),
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
    NOTELINT_E2E_RESULT: resultPath,
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
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '--clean', '-u', path.join(harnessDir, 'init.lua')], {
      cwd: path.join(root, 'notes'),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const lspLogPath = path.join(xdg('cache'), 'nvim', 'lsp.log');
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        result: existsSync(resultPath) ? (JSON.parse(readFileSync(resultPath, 'utf8')) as NvimResult) : undefined,
        lspLog: existsSync(lspLogPath) ? readFileSync(lspLogPath, 'utf8') : '',
      });
    });
  });
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

/** "rule-id line severity" for each message, sorted: how the CLI and the editor are compared. */
function cliProblems(results: JsonResult[]): string[] {
  return results
    .flatMap((r) => r.messages)
    .map((m) => `${String(m.ruleId)} ${m.line} ${m.level === 'info' ? 3 : m.severity === 2 ? 1 : 2}`)
    .sort();
}

function nvimProblems(step: NvimStep): string[] {
  return list(step.diagnostics)
    .map((d) => `${String(d.code)} ${d.lnum + 1} ${d.severity}`)
    .sort();
}

describe('Neovim (headless) with the setup from docs/editors.md', () => {
  it.each(['notelint.lua', 'lint-all-markdown.lua'])('docs/editors.md shows test/e2e/neovim/%s byte for byte', (name) => {
    const documented = readFileSync(path.join(harnessDir, name), 'utf8');
    const doc = readFileSync(path.join(repoRoot, 'docs', 'editors.md'), 'utf8');
    expect(luaBlocks(doc), `a \`\`\`lua block of docs/editors.md equal to test/e2e/neovim/${name}`).toContain(documented);
    // What Debian's Neovim 0.7 can run: no vim.lsp.start, vim.fs (0.8) or vim.uv (0.10).
    expect(documented).not.toMatch(/vim\.lsp\.start\(|vim\.fs\.|vim\.uv\./);
  });

  it('every Lua block of docs/editors.md compiles in Neovim (the untested 0.8 and 0.11 forms included)', () => {
    nvimVersion();
    const doc = readFileSync(path.join(repoRoot, 'docs', 'editors.md'), 'utf8');
    const blocks = luaBlocks(doc);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const root = tree(Object.fromEntries(blocks.map((block, i) => [`block-${i}.lua`, block])));
    // loadfile only compiles: nothing runs, so the 0.8+ APIs need not exist in this Neovim.
    const check = blocks
      .map((_, i) => `local f, e = loadfile(${JSON.stringify(path.join(root, `block-${i}.lua`))}) if not f then io.stderr:write(e .. '\\n') bad = true end`)
      .join(' ');
    const args = ['--headless', '--clean', '-u', 'NONE', '-c', `lua ${check}`, '-c', 'lua if bad then vim.cmd("cquit 1") end', '-c', 'qall!'];
    const run = spawnSync('nvim', args, {
      encoding: 'utf8',
      env: { ...process.env, HOME: root, XDG_CONFIG_HOME: root, XDG_DATA_HOME: root, XDG_STATE_HOME: root, XDG_CACHE_HOME: root },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it(
    'attaches; notelint diagnostics for a bad note, none for a good note, and a plain README is skipped',
    async () => {
      const version = nvimVersion();
      if (!existsSync(serverScript)) {
        throw new Error(`${path.relative(repoRoot, serverScript)} is missing: the language server is not there to test`);
      }
      const root = tree({
        'notes/2026-11-12-globex-check-in.md': BAD_NOTE,
        'notes/2026-11-20-acme-discovery.md': GOOD_NOTE,
        'code/package.json': `${JSON.stringify({ name: 'left-pad-plus', version: '1.2.0', main: 'index.js' }, null, 2)}\n`,
        'code/README.md': README,
        'code/index.js': 'export default (s, n, c = " ") => String(s).padStart(n, c);\n',
      });
      const files = {
        bad: path.join(root, 'notes', '2026-11-12-globex-check-in.md'),
        good: path.join(root, 'notes', '2026-11-20-acme-discovery.md'),
        readme: path.join(root, 'code', 'README.md'),
      };

      // What the CLI says about the same files: the editor must show the same problems.
      const cliBad = cliProblems(parseJsonOutput(await runCli(['--format', 'json', files.bad], { cwd: root })));
      const cliGood = cliProblems(parseJsonOutput(await runCli(['--format', 'json', files.good], { cwd: root })));
      const cliReadme = cliProblems(parseJsonOutput(await runCli(['--format', 'json', files.readme], { cwd: root })));
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

      const step = (label: string) => {
        const found = result.steps.find((s) => s.label === label);
        expect(found, `${label} step\n${why}`).toBeDefined();
        return found as NvimStep;
      };
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
    },
    150_000,
  );
});
