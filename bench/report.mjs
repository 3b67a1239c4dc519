#!/usr/bin/env node
// Times `notelint report` and `notelint calendar` over the shared corpus as whole processes (the CLI a
// manager runs), and prints how many accounts, meetings and next events they found.
// usage: node bench/report.mjs [CORPUS_DIR]   (build first: npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? fileURLToPath(new URL('../../shared/corpus', import.meta.url)));
const bin = fileURLToPath(new URL('../bin/notelint.js', import.meta.url));
const out = mkdtempSync(join(os.tmpdir(), 'notelint-bench-report-'));

function run(args) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) {
    console.error(child.stderr);
    throw new Error(`notelint ${args[0]} exited with ${child.status}`);
  }
  return seconds;
}

try {
  const reportFile = join(out, 'report.json');
  const reportSeconds = run(['report', root, '--today', '2026-12-04', '--format', 'json', '--output', reportFile]);
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const meetings = report.accounts.reduce((n, a) => n + a.meetings.length, 0);
  const statuses = Object.entries(report.accounts.reduce((c, a) => ({ ...c, [a.status]: (c[a.status] ?? 0) + 1 }), {}))
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  console.log(`report over ${root}: ${reportSeconds.toFixed(2)} s, ${report.accounts.length} accounts (${statuses}), ${meetings} meetings`);
  const calendarFile = join(out, 'next.ics');
  const calendarSeconds = run(['calendar', root, '--output', calendarFile]);
  const events = (readFileSync(calendarFile, 'utf8').match(/^BEGIN:VEVENT/gm) ?? []).length;
  console.log(`calendar over the same notes: ${calendarSeconds.toFixed(2)} s, ${events} events`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
