/** `notelint report` through the real CLI, on a fixture folder of five accounts that covers every status and signal. */
import { describe, expect, it } from 'vitest';
import { makeTree, removeTree, runCli } from './helpers/cli.js';

const FIXTURES = 'test/fixtures/pipeline';
const TODAY = ['--today', '2026-12-03'];

interface JsonReport {
  version: number;
  today: string;
  horizonDays: number;
  accounts: {
    account: string;
    status: string;
    reason: string;
    daysSinceLastMeeting?: number;
    nextEvent?: { date: string; time?: string; timezone: string; evidence: { file: string; line: number } };
    openClientActions: { text: string; due?: string }[];
    openSellerActions: { text: string }[];
    clientPeople: string[];
    actionCounts: { client: number; seller: number };
    meetings: { file: string; date?: string }[];
    signals: { id: string; message: string; evidence: { file: string; line: number; text: string }[] }[];
  }[];
}

async function jsonReport(...args: string[]): Promise<JsonReport> {
  const run = await runCli(['report', FIXTURES, ...TODAY, '--format', 'json', ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as JsonReport;
}

const where = (e: { file: string; line: number }) => `${e.file.replace(`${FIXTURES}/`, '')}:${e.line}`;

describe('notelint report', () => {
  it('gives each account its status, worst first, with the signals behind it and their file and line', async () => {
    const report = await jsonReport();
    expect(report.today).toBe('2026-12-03');
    expect(report.horizonDays).toBe(14);
    const summary = Object.fromEntries(
      report.accounts.map((a) => [
        a.account,
        { status: a.status, signals: Object.fromEntries(a.signals.map((s) => [s.id, s.evidence.map(where)])) },
      ]),
    );
    expect(report.accounts.map((a) => a.account)).toEqual(['Globex', 'Soylent Foods', 'initech', 'Acme Corp', 'hooli']);
    expect(summary).toEqual({
      Globex: {
        status: 'stalled',
        signals: {
          stalled: ['globex.md:30'],
          slipped: ['globex.md:19', 'globex.md:21'],
          // The client's items of the first section of the log, still open at the latest.
          'carried-over': ['globex.md:15', 'globex.md:16'],
          'compliance-streak': ['globex.md:15', 'globex.md:26'],
          'vague-streak': ['globex.md:16', 'globex.md:29'],
        },
      },
      'Soylent Foods': {
        status: 'no-next-step',
        signals: {
          'no-next-step': ['soylent/2026-11-30-intro.md:8'],
          'single-threaded': ['soylent/2026-11-30-intro.md:8'],
          'one-sided': [
            'soylent/2026-11-30-intro.md:13',
            'soylent/2026-11-30-intro.md:14',
            'soylent/2026-11-30-intro.md:15',
            'soylent/2026-11-30-intro.md:16',
          ],
        },
      },
      initech: {
        status: 'at-risk',
        signals: {
          'overdue-client-action': ['initech/2026-11-24.md:11'],
          'beyond-horizon': ['initech/2026-11-24.md:13'],
          'single-threaded': ['initech/2026-11-10.md:8', 'initech/2026-11-24.md:8'],
        },
      },
      'Acme Corp': { status: 'on-track', signals: { 'carried-over': ['acme/2026-11-03-discovery.md:14', 'acme/2026-11-17-demo.md:14'] } },
      hooli: { status: 'on-track', signals: {} },
    });
  });

  it('names the last meeting, the next event with its time and zone, open actions by side, and the client people met', async () => {
    const acme = (await jsonReport()).accounts.find((a) => a.account === 'Acme Corp')!;
    expect(acme.meetings.map((m) => m.date)).toEqual(['2026-11-03', '2026-11-17', '2026-12-01']);
    expect(acme.daysSinceLastMeeting).toBe(2);
    expect(acme.nextEvent).toMatchObject({ date: '2026-12-08', time: '14:00', timezone: 'America/New_York' });
    expect(where(acme.nextEvent!.evidence)).toBe('acme/2026-12-01-pricing.md:16');
    expect(acme.openClientActions).toEqual([
      expect.objectContaining({ text: "Mary: share the operations team's rollout wishes by Mon Dec 7", due: '2026-12-07' }),
    ]);
    expect(acme.openSellerActions.map((a) => a.text)).toEqual(['Dana: send the revised order form by Fri Dec 4']);
    expect(acme.clientPeople).toEqual(['Mary Chen', 'Jim Park']);
    expect(acme.reason).toBe('Next event Tue Dec 8 at 14:00, in 5 days.');
  });

  it('leaves internal meetings out, and takes an account from the folder, or from the file name without its date', async () => {
    const report = await jsonReport();
    expect(report.accounts.flatMap((a) => a.meetings.map((m) => m.file)).some((f) => f.includes('internal/'))).toBe(false);
    expect(report.accounts.find((a) => a.account === 'initech')!.meetings).toHaveLength(2);
    expect(report.accounts.find((a) => a.account === 'hooli')!.meetings.map((m) => m.file)).toEqual([`${FIXTURES}/2026-12-02-hooli.md`]);
  });

  it('reads "today" from --today: a later day turns an on-track account stalled', async () => {
    const later = JSON.parse((await runCli(['report', FIXTURES, '--today', '2026-12-20', '-f', 'json'])).stdout) as JsonReport;
    expect(later.accounts.find((a) => a.account === 'Acme Corp')!.status).toBe('stalled');
  });

  it('takes the horizon and the account rule from the config', async () => {
    const root = makeTree({
      '.notelintrc.json': JSON.stringify({ report: { horizonDays: 200, accountFrom: 'file-name' } }),
      'deals/2026-11-24-initech.md':
        '---\ndate: 2026-11-24\nbuyer: [Luis Ortega, Beth Cole]\n---\n\n# Initech\n\n## Next steps\n- [ ] Planning session Tue Mar 16, 2027 at 10am\n',
    });
    try {
      const run = await runCli(['report', '.', '--today', '2026-12-03', '-f', 'json'], { cwd: root });
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.accounts.map((a) => [a.account, a.status])).toEqual([['initech', 'on-track']]);
    } finally {
      removeTree(root);
    }
  });

  it('prints a table, worst first, without colour when stdout is not a terminal and with it when forced', async () => {
    const plain = await runCli(['report', FIXTURES, ...TODAY]);
    expect(plain.code).toBe(0);
    const rows = plain.stdout.split('\n').filter((l) => /^(Globex|Soylent Foods|initech|Acme Corp|hooli)\s{2,}/.test(l));
    expect(rows.map((r) => r.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['Globex', 'stalled'],
      ['Soylent Foods', 'no next step'],
      ['initech', 'at risk'],
      ['Acme Corp', 'on track'],
      ['hooli', 'on track'],
    ]);
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    expect(plain.stdout).toContain(`${FIXTURES}/globex.md:30`);
    const coloured = await runCli(['report', FIXTURES, ...TODAY], { env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(/\x1b\[31mstalled/);
  });

  it('writes Markdown to paste into a chat: a table row per account and the evidence as file:line', async () => {
    const run = await runCli(['report', FIXTURES, ...TODAY, '--format', 'markdown']);
    expect(run.stdout).toContain('| Globex | **stalled** | Mon Nov 16 | 17 | Mon Nov 23 10:00 | 4 | 3 | 2 |');
    expect(run.stdout).toContain('| initech | **at risk** | Tue Nov 24 | 9 | Tue Mar 16, 2027 10:00 | 1 | 1 | 1 |');
    expect(run.stdout).toContain(`\`${FIXTURES}/initech/2026-11-24.md:11\``);
    // Note text is inert: the <script> of a note is escaped, not markup.
    expect(run.stdout).not.toContain('<script>');
  });

  it('writes to --output instead of standard output', async () => {
    const root = makeTree({});
    try {
      const run = await runCli(['report', `${process.cwd()}/${FIXTURES}`, ...TODAY, '-f', 'html', '-o', `${root}/pipeline.html`]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      const { readFileSync } = await import('node:fs');
      expect(readFileSync(`${root}/pipeline.html`, 'utf8')).toMatch(/^<!doctype html>/);
    } finally {
      removeTree(root);
    }
  });

  it('is a subcommand only as the first argument: ./report lints a folder named report', async () => {
    const root = makeTree({
      'report/2026-11-20-acme.md': '---\ndate: 2026-11-20\nseller: [Dana]\n---\n\n# Acme\n\nWe will follow up next week.\n',
    });
    try {
      const lint = await runCli(['./report', '--format', 'json'], { cwd: root });
      const results = JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
      expect(results.map((r) => r.filePath.endsWith('2026-11-20-acme.md'))).toEqual([true]);
      expect(results[0].messages.map((m) => m.ruleId)).toContain('no-vague-follow-up');
      const report = await runCli(['report', 'report', '--today', '2026-12-03', '-f', 'json'], { cwd: root });
      expect((JSON.parse(report.stdout) as JsonReport).accounts.map((a) => a.account)).toEqual(['acme']);
    } finally {
      removeTree(root);
    }
  });

  it('says what is wrong with a bad flag, and names a note it cannot read while reporting on the others', async () => {
    const bad = await runCli(['report', FIXTURES, '--today', 'tomorrow']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--today takes a day as YYYY-MM-DD, not "tomorrow"');
    const format = await runCli(['report', FIXTURES, '--format', 'pdf']);
    expect(format.stderr).toContain('--format must be one of table, json, markdown, html');
    const root = makeTree({ 'a/2026-11-20-acme.md': '---\ndate: 2026-11-20\n---\n\n# Acme\n', 'b/locked.md': '# Locked\n' });
    try {
      const { chmodSync } = await import('node:fs');
      chmodSync(`${root}/b/locked.md`, 0o000);
      // Root reads any file: the run is then made as nobody.
      const asRoot = process.getuid?.() === 0;
      const run = await runCli(['report', '.', '--today', '2026-12-03', '-f', 'json'], {
        cwd: root,
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^notelint: b\/locked\.md: left out of the report: /);
      expect((JSON.parse(run.stdout) as JsonReport).accounts.map((a) => a.account)).toContain('a');
    } finally {
      removeTree(root);
    }
  });

  it('shows its own help', async () => {
    const run = await runCli(['report', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('notelint report [paths...]');
    expect(run.stdout).toContain('--today <YYYY-MM-DD>');
    expect(run.stdout).toContain('To lint a folder named "report", write ./report.');
  });
});
