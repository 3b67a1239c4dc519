/**
 * notelint in a real VS Code: the packed extension (client/dist/notelint.vsix, built with `npm run
 * package` when missing or stale) installed into code-server, opened in Debian's Chromium driven by
 * playwright-core, on a workspace of notes and a small code repository.
 *
 * What VS Code holds is read from VS Code itself: a test-only extension (test/e2e/vscode/probe-extension)
 * writes `vscode.languages.getDiagnostics()` and the open documents' text to a JSON file. What a person
 * sees is checked in the Problems panel, and screenshots are kept in test-artifacts/vscode-*.png.
 * (client/images/screenshot.png, the marketplace screenshot, is a copy of vscode-quick-fix-menu.png.)
 *
 * Needs Debian's `chromium` and `libkrb5-dev` (.ci/run installs them); without them it fails saying so.
 * The first run installs Node 24 and code-server from the npm registry into test/e2e/vscode/ (2–4
 * minutes, see test/e2e/vscode/harness.ts); later runs reuse them. NOTELINT_E2E_KEEP=1 keeps the run's
 * temporary folder (logs, probe file, workspace) and prints where it is.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, writeTree, type JsonResult } from './helpers/cli.js';
import {
  CodeServer,
  buildProbeVsix,
  closeChromium,
  diagnosticsFor,
  documentFor,
  ensureCodeServer,
  ensureNode24,
  ensureNotelintVsix,
  findChromium,
  goToPosition,
  installExtensions,
  launchChromium,
  notelintExtensionId,
  openWorkbench,
  quickOpen,
  removeDir,
  repoRoot,
  runCommand,
  sessionDirs,
  stopRunning,
  waitForProbe,
  type ProbeDiagnostic,
  type ProbeState,
  type SessionDirs,
} from './e2e/vscode/harness.js';

const SETUP_TIMEOUT = 20 * 60_000;
const TEST_TIMEOUT = 5 * 60_000;
const artifacts = path.join(repoRoot, 'test-artifacts');

/**
 * A meeting note (front matter account/type: meeting) with an error, two warnings and a fixable info:
 * prefer-absolute-date on "by Friday" (line 16), no-hedged-commitment, no-weekday-mismatch, no-vague-follow-up.
 */
const BAD_NOTE = `---
date: 2026-12-02
timezone: Europe/London
account: Northwind Traders
type: meeting
seller: [Alex Romero]
buyer: [Hannah Cole, Ian Price]
---

# Northwind — pilot planning

Hannah confirmed the three pilot warehouses. Ian needs the data processing agreement signed before
any data leaves their network.

## Next steps
- [ ] Hannah: send the pilot site contacts by Friday
- [ ] Ian: maybe return the signed DPA by Mon Dec 7
- [ ] Alex: send the pilot plan by Thu Dec 4
- [ ] Alex: circle back with the site managers
- [ ] Pilot kickoff call Tue Dec 8 at 10:00 with Hannah, Ian and the site managers
`;

/** Three relative dates, each fixable (prefer-absolute-date), nothing else: for "notelint: Fix all in this note". */
const RELATIVE_DATES_NOTE = `---
date: 2026-12-09 14:00
timezone: America/Chicago
account: Globex
type: meeting
seller: [Dana Lee]
buyer: [Hank Scorpio]
---

# Globex — proposal review

Hank likes the rollout plan; legal wants to read the data processing terms first.

## Next steps
- [ ] Hank: send legal's redlines by Friday
- [ ] Dana: share the revised order form tomorrow
- [ ] Hank: confirm the pilot teams by Monday
- [ ] Contract walkthrough Tue Dec 15 at 10:00 with Hank and legal (Zoom)
`;

/** A code repository's README: no front matter, no notelint config. Linted anyway, it would get 7 problems. */
const README = `# acme-sync

A small command-line tool that syncs tickets between two help desks.

## Install

\`\`\`sh
npm install -g acme-sync
\`\`\`

## Next steps
- [ ] maybe add retries, we will circle back on it next week
- [ ] ping the maintainers about the release on Friday
`;

const FILES = {
  bad: 'notes/2026-12-02-northwind-pilot.md',
  relative: 'notes/2026-12-09-globex-review.md',
  good: 'notes/2026-11-20-acme-discovery.md',
  /** Opened last in the README test: its diagnostics arriving show the server has been through the files opened before. */
  last: 'notes/2026-11-12-globex-check-in.md',
  readme: 'acme-sync/README.md',
};

let dirs: SessionDirs | undefined;
let server: CodeServer | undefined;
let browser: BrowserContext | undefined;
let page: Page;
let workspace: string;
let chromiumPath: string;

const file = (key: keyof typeof FILES): string => path.join(workspace, FILES[key]);
const probe = (): string => dirs!.probeOut;

function makeWorkspace(root: string): string {
  const ws = path.join(root, 'workspace');
  writeTree(ws, {
    [FILES.bad]: BAD_NOTE,
    [FILES.relative]: RELATIVE_DATES_NOTE,
    [FILES.good]: readFileSync(path.join(repoRoot, 'examples', 'good-discovery-acme.md')),
    [FILES.last]: readFileSync(path.join(repoRoot, 'examples', 'bad-vague-follow-ups.md')),
    [FILES.readme]: README,
    'acme-sync/package.json': `${JSON.stringify({ name: 'acme-sync', version: '1.0.0', type: 'module', bin: { 'acme-sync': 'src/index.js' } }, null, 2)}\n`,
    'acme-sync/src/index.js': "console.log('acme-sync');\n",
  });
  return ws;
}

/** What the CLI reports for a file of the workspace: the editor must show the same problems. */
async function cliResult(fsPath: string, fixDryRun = false): Promise<JsonResult & { output?: string }> {
  const run = await runCli([...(fixDryRun ? ['--fix-dry-run'] : []), '--format', 'json', path.relative(workspace, fsPath)], {
    cwd: workspace,
  });
  const results = JSON.parse(run.stdout) as (JsonResult & { output?: string })[];
  expect(results, `notelint CLI on ${fsPath}: ${run.stderr}`).toHaveLength(1);
  return results[0];
}

const SEVERITY = { 2: 'error', 1: 'warning' } as const;

function cliKeys(result: JsonResult): string[] {
  return result.messages
    .map((m) => `${m.ruleId} ${m.level === 'info' ? 'information' : SEVERITY[m.severity]} ${m.line}:${m.column} ${m.message}`)
    .sort();
}

function editorKeys(diagnostics: ProbeDiagnostic[]): string[] {
  return diagnostics
    .map((d) => `${String(d.code)} ${d.severity} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)
    .sort();
}

/** notelint's diagnostics for a file once VS Code holds some (from the probe file). */
function notelintDiagnostics(fsPath: string, what: string): Promise<ProbeDiagnostic[]> {
  return waitForProbe(probe(), what, (state) => {
    const found = diagnosticsFor(state, fsPath, 'notelint');
    return found.length > 0 ? found : undefined;
  });
}

async function screenshot(name: string): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const out = path.join(artifacts, `vscode-${name}.png`);
  await page.screenshot({ path: out });
  return out;
}

/** On a failure: a screenshot, the probe's last file, code-server's output and VS Code's logs. */
async function keepFailureArtifacts(testName: string): Promise<void> {
  const slug = testName
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .toLowerCase();
  await screenshot(`failure-${slug}`).catch(() => undefined);
  if (!dirs) return;
  const out = path.join(artifacts, `vscode-failure-${slug}`);
  mkdirSync(out, { recursive: true });
  for (const [from, to] of [
    [dirs.probeOut, 'probe.json'],
    [dirs.log, 'code-server.log'],
    [path.join(dirs.userData, 'logs'), 'logs'],
  ] as const) {
    try {
      cpSync(from, path.join(out, to), { recursive: true });
    } catch {
      // not there
    }
  }
}

describe('notelint in a real VS Code (code-server in Chromium)', () => {
  beforeAll(async () => {
    chromiumPath = findChromium();
    await ensureNode24();
    await ensureCodeServer();
    const vsix = await ensureNotelintVsix();
    dirs = sessionDirs(realpathSync(mkdtempSync(path.join(os.tmpdir(), 'notelint-vscode-'))));
    if (process.env.NOTELINT_E2E_KEEP === '1') console.log(`notelint VS Code test: kept in ${dirs.root}`);
    workspace = makeWorkspace(dirs.root);
    await installExtensions(dirs, [vsix, await buildProbeVsix(dirs.root)]);
    server = new CodeServer(dirs);
    await server.start();
    browser = await launchChromium(chromiumPath, dirs);
    page = browser.pages()[0] ?? (await browser.newPage());
    await openWorkbench(page, server.url, workspace);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    // Always all of them, whatever failed before.
    stopRunning();
    await closeChromium(browser, dirs?.chromeProfile ?? '\0none');
    await server?.stop();
    if (dirs && process.env.NOTELINT_E2E_KEEP !== '1') removeDir(dirs.root);
  }, 60_000);

  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(() => keepFailureArtifacts(task.name));
  });

  it(
    'shows the CLI’s problems for a meeting note, read from VS Code and seen in the Problems panel',
    async () => {
      await quickOpen(page, path.basename(FILES.bad), FILES.bad);
      const diagnostics = await notelintDiagnostics(file('bad'), `notelint diagnostics for ${FILES.bad}`);

      // The same problems as the CLI: rule id as code, severity, position (UTF-16, 1-based here) and message.
      const expected = cliKeys(await cliResult(file('bad')));
      expect(expected.length).toBeGreaterThanOrEqual(4);
      const settled = await waitForProbe(
        probe(),
        `VS Code to hold exactly the CLI's problems for ${FILES.bad}:\n${expected.join('\n')}`,
        (state) => (editorKeys(diagnosticsFor(state, file('bad'), 'notelint')).join('\n') === expected.join('\n') ? state : undefined),
      ).catch(() => undefined);
      expect(editorKeys(settled ? diagnosticsFor(settled, file('bad'), 'notelint') : diagnostics)).toEqual(expected);

      const byRule = new Map(diagnostics.map((d) => [String(d.code), d]));
      for (const [rule, severity] of [
        ['prefer-absolute-date', 'information'],
        ['no-hedged-commitment', 'warning'],
        ['no-vague-follow-up', 'warning'],
        ['no-weekday-mismatch', 'error'],
      ] as const) {
        expect(byRule.get(rule)?.severity, `${rule} in VS Code's diagnostics`).toBe(severity);
        expect(byRule.get(rule)?.codeHref, `${rule}'s code links to its doc page`).toMatch(new RegExp(`/docs/rules/${rule}\\.md$`));
      }

      // The Problems panel (Ctrl+Shift+M) lists them under the note.
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ state: 'visible', timeout: 30_000 });
      await expect
        .poll(async () => panel.innerText(), { timeout: 30_000, message: 'the Problems panel lists notelint problems for the note' })
        .toContain('no-hedged-commitment');
      const text = await panel.innerText();
      expect(text).toContain(path.basename(FILES.bad));
      for (const d of diagnostics) {
        expect(text, `the Problems panel shows "${d.message}"`).toContain(d.message);
        expect(text, `the Problems panel shows ${String(d.code)}`).toContain(String(d.code));
      }
      // Back to the editor, cursor on the hedge, so the screenshot shows squiggles and the panel.
      await page
        .locator('.editor-instance .monaco-editor')
        .first()
        .click({ position: { x: 400, y: 20 } });
      await goToPosition(page, 17, 14);
      await page.waitForTimeout(500);
      await screenshot('diagnostics');
    },
    TEST_TIMEOUT,
  );

  it(
    'a quick fix (Ctrl+.) on "by Friday" writes the date, and its diagnostic goes away',
    async () => {
      const before = await notelintDiagnostics(file('bad'), `notelint diagnostics for ${FILES.bad}`);
      const target = before.find((d) => d.code === 'prefer-absolute-date');
      expect(target, 'a prefer-absolute-date diagnostic on "Friday"').toBeDefined();
      const { start } = target!.range;

      // Cursor inside the diagnostic's range, then the lightbulb menu by keyboard.
      await goToPosition(page, start.line + 1, start.character + 2);
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: /fix.*prefer-absolute-date/i }).first();
      await fix.waitFor({ state: 'visible', timeout: 30_000 }).catch(async (error: unknown) => {
        const menu = await page
          .locator('.action-widget')
          .innerText()
          .catch(() => '(no quick fix menu)');
        throw new Error(`no "Fix this prefer-absolute-date problem" quick fix in the Ctrl+. menu; it shows:\n${menu}\n${String(error)}`);
      });
      await screenshot('quick-fix-menu');
      await fix.click();

      // The editor's text has the date; the diagnostic is gone; the others stay.
      await waitForProbe(probe(), `"by Friday (2026-12-04)" in the editor's ${FILES.bad}`, (state) =>
        documentFor(state, file('bad'))?.text.includes('send the pilot site contacts by Friday (2026-12-04)\n') ? true : undefined,
      );
      const after = await waitForProbe(probe(), `prefer-absolute-date gone from ${FILES.bad} after the fix`, (state) => {
        const list = diagnosticsFor(state, file('bad'), 'notelint');
        return list.length > 0 && !list.some((d) => d.code === 'prefer-absolute-date') ? list : undefined;
      });
      expect(after.map((d) => String(d.code)).sort()).toEqual(['no-hedged-commitment', 'no-vague-follow-up', 'no-weekday-mismatch']);

      // Saved, the file on disk is exactly the note with the date written in.
      await page.keyboard.press('Control+S');
      await expect
        .poll(() => readFileSync(file('bad'), 'utf8'), { timeout: 30_000, message: `${FILES.bad} saved to disk` })
        .toBe(BAD_NOTE.replace('by Friday\n', 'by Friday (2026-12-04)\n'));
      await screenshot('after-quick-fix');
    },
    TEST_TIMEOUT,
  );

  it(
    '"notelint: Fix all in this note" from the command palette makes the same changes as `notelint --fix`',
    async () => {
      await quickOpen(page, path.basename(FILES.relative), FILES.relative);
      const before = await notelintDiagnostics(file('relative'), `notelint diagnostics for ${FILES.relative}`);
      expect(before.map((d) => String(d.code))).toEqual(['prefer-absolute-date', 'prefer-absolute-date', 'prefer-absolute-date']);
      const fixed = (await cliResult(file('relative'), true)).output;
      expect(fixed, 'the CLI fixes the note').toBeDefined();

      await runCommand(page, 'notelint: Fix all in this note');
      await waitForProbe(probe(), `the editor's ${FILES.relative} fixed as \`notelint --fix\` fixes it:\n${fixed}`, (state) =>
        documentFor(state, file('relative'))?.text === fixed ? true : undefined,
      );
      // The old diagnostics stay until the server publishes for the fixed text: none.
      await waitForProbe(probe(), `no notelint diagnostics left for ${FILES.relative}`, (state) =>
        documentFor(state, file('relative'))?.text === fixed && diagnosticsFor(state, file('relative'), 'notelint').length === 0
          ? true
          : undefined,
      );
      await screenshot('fix-all');
    },
    TEST_TIMEOUT,
  );

  it(
    'a plain README in a code repository, and a good note, get nothing from notelint',
    async () => {
      // Open both, then a note that does have problems: once its diagnostics are in, the server has
      // been through the two opened before it (each is linted at once when opened).
      await quickOpen(page, 'README.md', FILES.readme);
      await quickOpen(page, path.basename(FILES.good), FILES.good);
      await waitForProbe(probe(), `${FILES.readme} and ${FILES.good} open in VS Code`, (state) =>
        documentFor(state, file('readme')) && documentFor(state, file('good')) ? true : undefined,
      );
      await quickOpen(page, path.basename(FILES.last), FILES.last);
      await notelintDiagnostics(file('last'), `notelint diagnostics for ${FILES.last} (opened last)`);

      const state = await waitForProbe(probe(), 'the probe file', (s: ProbeState) => s);
      expect(diagnosticsFor(state, file('readme'), 'notelint'), `notelint diagnostics for ${FILES.readme}`).toEqual([]);
      expect(diagnosticsFor(state, file('good'), 'notelint'), `notelint diagnostics for ${FILES.good}`).toEqual([]);
      expect((await cliResult(file('good'))).messages, 'the CLI agrees the good note is clean').toEqual([]);
      expect(state.extensions.find((e) => e.id === notelintExtensionId)?.isActive, 'the notelint extension is active').toBe(true);

      await quickOpen(page, 'README.md', FILES.readme);
      await page.waitForTimeout(500);
      await screenshot('readme');
    },
    TEST_TIMEOUT,
  );
});
