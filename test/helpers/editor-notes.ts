/**
 * The notes the real-editor tests (Neovim, Emacs) open: a bad meeting note, a good one and a plain
 * README of a code repository, written to a temporary tree; and what the CLI says of each, which is
 * what an editor must show. Also: running an editor's headless harness, and reading its result.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { type JsonResult, parseJsonOutput, repoRoot, runCli } from './cli.js';

export const serverScript = path.join(repoRoot, 'bin', 'notelint-language-server.js');

/**
 * Makes `root/bin/notelint-language-server` run this checkout's server with this Node, as
 * `npm install -g` puts the command on PATH: the editors run the documented command. Returns root/bin.
 */
export function serverOnPath(root: string): string {
  if (!existsSync(serverScript)) {
    throw new Error(`${path.relative(repoRoot, serverScript)} is missing: the language server is not there to test`);
  }
  const binDir = path.join(root, 'bin');
  mkdirSync(binDir, { recursive: true });
  writeFileSync(
    path.join(binDir, 'notelint-language-server'),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(serverScript)} "$@"\n`,
    { mode: 0o755 },
  );
  return binDir;
}

/** Model: examples/bad-vague-follow-ups.md. Vague follow-ups and no dated next meeting. */
export const BAD_NOTE = `---
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
export const GOOD_NOTE = `---
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
export const README = `# left-pad-plus

Pads strings on the left, with Unicode-aware widths.

## Next steps

- [ ] maybe add right padding, we'll circle back on it next week
- [ ] touch base with the maintainers about the API

## Install

\`\`\`sh
npm install left-pad-plus
\`\`\`
`;

/** Where the notes are, inside a tree made with `editorTree`. */
export interface EditorNotes {
  bad: string;
  good: string;
  readme: string;
}

/** The files of a tree with the three notes: `notes/` (the two meeting notes) and `code/` (a small library). */
export function editorTreeFiles(): Record<string, string> {
  return {
    'notes/2026-11-12-globex-check-in.md': BAD_NOTE,
    'notes/2026-11-20-acme-discovery.md': GOOD_NOTE,
    'code/package.json': `${JSON.stringify({ name: 'left-pad-plus', version: '1.2.0', main: 'index.js' }, null, 2)}\n`,
    'code/README.md': README,
    'code/index.js': 'export default (s, n, c = " ") => String(s).padStart(n, c);\n',
  };
}

export function editorNotes(root: string): EditorNotes {
  return {
    bad: path.join(root, 'notes', '2026-11-12-globex-check-in.md'),
    good: path.join(root, 'notes', '2026-11-20-acme-discovery.md'),
    readme: path.join(root, 'code', 'README.md'),
  };
}

/** "rule-id line severity" (LSP severity: 1 error, 2 warning, 3 information) for each problem, sorted. */
export function cliProblems(results: JsonResult[]): string[] {
  return results
    .flatMap((r) => r.messages)
    .map((m) => `${String(m.ruleId)} ${m.line} ${m.level === 'info' ? 3 : m.severity === 2 ? 1 : 2}`)
    .sort();
}

/** The CLI's problems in one file, linted by name (so a README is linted too). */
export async function cliProblemsOf(file: string, cwd: string): Promise<string[]> {
  return cliProblems(parseJsonOutput(await runCli(['--format', 'json', file], { cwd })));
}

/** The ```LANG blocks of a Markdown file, each as written (without the fences). */
export function fencedBlocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(new RegExp(`^\`\`\`${lang}\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => match[1] ?? '');
}

/** The ```LANG blocks of docs/editors.md, the setup it shows for each editor. */
export function editorsDocBlocks(lang: string): string[] {
  return fencedBlocks(readFileSync(path.join(repoRoot, 'docs', 'editors.md'), 'utf8'), lang);
}

/** How an editor's run ended, what it printed, and the JSON result its harness wrote (if it did). */
export interface EditorRun<R> {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, in the order they came. */
  output: string;
  result?: R;
}

/**
 * Runs an editor with its headless harness until it exits, or kills it (SIGKILL) at `timeoutMs`; never
 * rejects on how it ended. The harness writes its JSON result to NOTELINT_E2E_RESULT, set to root/result.json.
 */
export function runEditor<R>(
  command: string,
  args: readonly string[],
  options: { root: string; cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<EditorRun<R>> {
  const resultPath = path.join(options.root, 'result.json');
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: { ...options.env, NOTELINT_E2E_RESULT: resultPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const both: Buffer[] = [];
    const keep = (chunks: Buffer[]) => (chunk: Buffer) => {
      chunks.push(chunk);
      both.push(chunk);
    };
    child.stdout.on('data', keep(out));
    child.stderr.on('data', keep(err));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        output: Buffer.concat(both).toString('utf8'),
        result: existsSync(resultPath) ? (JSON.parse(readFileSync(resultPath, 'utf8')) as R) : undefined,
      });
    });
  });
}

/** The harness's step of that label: the test fails, saying `why`, when the harness recorded none. */
export function stepOf<S extends { label: string }>(steps: readonly S[], label: string, why: string): S {
  const found = steps.find((s) => s.label === label);
  expect(found, `${label} step\n${why}`).toBeDefined();
  return found as S;
}
