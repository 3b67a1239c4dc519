/**
 * `notelint report` and `notelint calendar` over every file of ../shared/corpus (2,715 public meeting
 * notes: yearly logs, dated file names, folders per working group): no crash, timelines from folders,
 * file names and logs, and every piece of evidence a real line of a real file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/cli.js';

const corpus = path.resolve(repoRoot, '../shared/corpus');
const NO_LIMIT = { NOTELINT_LINT_TIME_LIMIT_MS: '600000' };

interface Evidence {
  file: string;
  line: number;
  text: string;
}

it('reports on the whole corpus without a crash, each status and signal pointing at a line of its file', async () => {
  const run = await runCli(['report', corpus, '--today', '2026-12-04', '--format', 'json'], { env: NO_LIMIT });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as {
    accounts: { account: string; status: string; meetings: { file: string; evidence: Evidence }[]; signals: { evidence: Evidence[] }[] }[];
  };
  expect(report.accounts.length).toBeGreaterThan(20);
  // Year and quarter folders are periods, not accounts: their notes join the working group above them.
  expect(report.accounts.map((a) => a.account)).not.toContain('2023');
  expect(report.accounts.map((a) => a.account)).not.toContain('Q2');
  const meetings = report.accounts.flatMap((a) => a.meetings);
  expect(meetings.length).toBeGreaterThan(2715); // logs hold several meetings each
  const lines = new Map<string, string[]>();
  const problems: string[] = [];
  for (const e of [...meetings.map((m) => m.evidence), ...report.accounts.flatMap((a) => a.signals.flatMap((s) => s.evidence))]) {
    let fileLines = lines.get(e.file);
    if (!fileLines) {
      fileLines = new TextDecoder().decode(readFileSync(path.resolve(repoRoot, e.file))).split('\n');
      lines.set(e.file, fileLines);
    }
    const line = fileLines[e.line - 1];
    if (line === undefined) problems.push(`${e.file}:${e.line}: no such line`);
    else if (!line.includes(e.text.replace(/…$/, '').trim()))
      problems.push(`${e.file}:${e.line}: ${JSON.stringify(e.text)} is not on that line`);
  }
  expect(problems.slice(0, 20)).toEqual([]);
  expect(new Set(report.accounts.map((a) => a.status)).size).toBeGreaterThan(1);
}, 1_200_000);

it('writes the corpus’s next events as a calendar that an iCalendar parser reads back', async () => {
  const run = await runCli(['calendar', corpus], { env: NO_LIMIT });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const calendar = new ICAL.Component(ICAL.parse(run.stdout));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events.length).toBeGreaterThan(10);
  for (const event of events)
    expect(new ICAL.Event(event).startDate.isDate || new ICAL.Event(event).startDate.zone !== ICAL.Timezone.localTimezone).toBe(true);
}, 1_200_000);
