/**
 * Real Emacs with Eglot (Debian 12: `emacs-nox` 28.2, `elpa-eglot` 1.9, `elpa-markdown-mode`), in batch
 * mode, with the setup docs/editors.md shows for it: Eglot manages Markdown buffers with the notelint
 * server; Flymake holds notelint's diagnostics for a bad meeting note (the CLI's rule ids, lines and
 * severities), none for a good one once the server says it has linted it, none for a plain README in
 * a code repository (skipped), and the CLI's for a README whose folder has the documented
 * `.dir-locals.el` with lintAllMarkdown turned on (settings through eglot-workspace-configuration).
 * The harness is test/e2e/emacs/run.el; the documented setup is test/e2e/emacs/notelint.el and
 * dir-locals.el, which docs/editors.md must show byte for byte.
 *
 * Needs `emacs` with the Eglot and markdown-mode packages
 * (`apt-get install emacs-nox elpa-eglot elpa-markdown-mode`): without them this test fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, treeMaker } from './helpers/cli.js';
import {
  cliProblemsOf,
  editorNotes,
  editorsDocBlocks,
  editorTreeFiles,
  README,
  runEditor,
  serverOnPath,
  stepOf,
} from './helpers/editor-notes.js';

const tree = treeMaker();
const harnessDir = path.join(repoRoot, 'test', 'e2e', 'emacs');
const INSTALL = 'apt-get install emacs-nox elpa-eglot elpa-markdown-mode';

interface EmacsDiagnostic {
  source?: string;
  code?: string | number;
  severity?: number;
  line: number;
  message: string;
}

interface EmacsStep {
  label: string;
  file: string;
  mode?: string;
  attached?: boolean;
  status?: { uri: string; state: string; problems?: number; reason?: string };
  diagnostics?: EmacsDiagnostic[];
  elapsed_ms?: number;
}

interface EmacsResult {
  ok: boolean;
  emacs: string;
  failures: string[];
  steps: EmacsStep[];
}

/** Emacs, and whether Eglot and markdown-mode load in it the way the harness loads them (`-q`). */
function emacsVersion(home: string): string {
  const probe = spawnSync(
    'emacs',
    ['--batch', '-q', '--eval', '(progn (require (quote eglot)) (require (quote markdown-mode)) (princ emacs-version))'],
    { encoding: 'utf8', env: { ...process.env, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 },
  );
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `Emacs with Eglot and markdown-mode is needed for this test: ${INSTALL}. ` +
        `${probe.error ? String(probe.error.message) : probe.stderr.split('\n').slice(-5).join('\n')}`,
    );
  }
  return probe.stdout.trim();
}

function runEmacs(root: string, env: Record<string, string>, timeoutMs: number) {
  return runEditor<EmacsResult>('emacs', ['--batch', '-q', '-l', path.join(harnessDir, 'run.el')], {
    root,
    cwd: root,
    env: { ...process.env, ...env },
    timeoutMs,
  });
}

const problemsOf = (step: EmacsStep): string[] =>
  (step.diagnostics ?? []).map((d) => `${String(d.code)} ${d.line} ${String(d.severity)}`).sort();

describe('Emacs (batch) with Eglot and the setup from docs/editors.md', () => {
  it.each(['notelint.el', 'dir-locals.el'])('docs/editors.md shows test/e2e/emacs/%s byte for byte', (name) => {
    const documented = readFileSync(path.join(harnessDir, name), 'utf8');
    expect(editorsDocBlocks('elisp'), `an \`\`\`elisp block of docs/editors.md equal to test/e2e/emacs/${name}`).toContain(documented);
  });

  it('Eglot attaches; notelint diagnostics in Flymake for a bad note, none for a good note or a plain README', async () => {
    const root = tree({
      ...editorTreeFiles(),
      // A README under the documented .dir-locals.el, with lintAllMarkdown turned on in it.
      'site/package.json': `${JSON.stringify({ name: 'site', version: '1.0.0' })}\n`,
      'site/README.md': README,
      'site/.dir-locals.el': readFileSync(path.join(harnessDir, 'dir-locals.el'), 'utf8').replace(
        ':lintAllMarkdown :json-false',
        ':lintAllMarkdown t',
      ),
    });
    const home = path.join(root, 'home');
    for (const dir of [home, path.join(root, 'xdg')]) mkdirSync(dir, { recursive: true });
    const version = emacsVersion(home);
    const files = editorNotes(root);
    const readmeAll = path.join(root, 'site', 'README.md');
    expect(readFileSync(path.join(root, 'site', '.dir-locals.el'), 'utf8')).toContain(':lintAllMarkdown t');

    const cliBad = await cliProblemsOf(files.bad, root);
    const cliReadme = await cliProblemsOf(readmeAll, root);
    expect(cliReadme.length).toBeGreaterThan(0);

    const binDir = serverOnPath(root);
    const run = await runEmacs(
      root,
      {
        HOME: home,
        XDG_CONFIG_HOME: path.join(root, 'xdg'),
        PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
        NOTELINT_E2E_BAD: files.bad,
        NOTELINT_E2E_GOOD: files.good,
        NOTELINT_E2E_README: files.readme,
        NOTELINT_E2E_README_ALL: readmeAll,
        NOTELINT_E2E_TIMEOUT: '25',
      },
      150_000,
    );
    const why = [
      `Emacs ${version}; emacs exited with ${run.signal ? `signal ${run.signal}` : `status ${String(run.code)}`}`,
      run.result ? `failures: ${JSON.stringify(run.result.failures, null, 2)}` : 'no result file was written',
      run.result ? `steps: ${JSON.stringify(run.result.steps, null, 2)}` : '',
      `output: ${run.output.split('\n').slice(-40).join('\n')}`,
    ].join('\n');
    expect(run.result, why).toBeDefined();
    const result = run.result as EmacsResult;
    expect(result.failures, why).toEqual([]);
    expect(result.ok, why).toBe(true);
    expect(run.code, why).toBe(0);

    const step = (label: string) => stepOf(result.steps, label, why);
    const bad = step('bad');
    const good = step('good');
    const readme = step('readme');
    const all = step('readme, lintAllMarkdown');
    for (const s of [bad, good, readme, all]) {
      expect(s.mode, why).toBe('markdown-mode');
      expect(s.attached, why).toBe(true);
    }

    expect(bad.status?.state, why).toBe('linted');
    expect(new Set((bad.diagnostics ?? []).map((d) => d.source)), why).toEqual(new Set(['notelint']));
    expect(problemsOf(bad), why).toEqual(cliBad);

    expect(good.status?.state, why).toBe('linted');
    expect(good.diagnostics, why).toEqual([]);

    expect(readme.status?.state, why).toBe('skipped');
    expect(readme.diagnostics, why).toEqual([]);

    expect(all.status?.state, why).toBe('linted');
    expect(problemsOf(all), why).toEqual(cliReadme);
  }, 200_000);
});
