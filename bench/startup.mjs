#!/usr/bin/env node
// Start-up: `notelint` on one small note, the whole process, against markdownlint-cli2 (default
// config) on the same note; alternating runs after one warm-up run each, medians.
// usage: node bench/startup.mjs [--runs N]   (build first: npm run build)
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARKDOWNLINT, NOTELINT } from './lib/linters.mjs';
import { runChecked } from './lib/process.mjs';
import { median } from './lib/stats.mjs';

const NOTE = fileURLToPath(new URL('../examples/good-discovery-acme.md', import.meta.url));

/**
 * Both linters in a fresh folder holding only a copy of the note (no config file of either tool
 * applies), each given the note's name; `runs` timed runs of each, alternating which goes first.
 */
export async function measureStartup({ runs = 15 } = {}) {
  const dir = mkdtempSync(join(os.tmpdir(), 'notelint-bench-startup-'));
  const name = basename(NOTE);
  copyFileSync(NOTE, join(dir, name));
  const tools = { notelint: [NOTELINT, [name]], markdownlint: [MARKDOWNLINT, [name]] };
  const times = { notelint: [], markdownlint: [] };
  try {
    for (const [script, args] of Object.values(tools)) await runChecked(script, args, { cwd: dir }); // warm-up: disk cache
    for (let i = 0; i < runs; i++) {
      for (const tool of i % 2 === 0 ? ['notelint', 'markdownlint'] : ['markdownlint', 'notelint']) {
        const [script, args] = tools[tool];
        times[tool].push((await runChecked(script, args, { cwd: dir })).seconds);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { note: name, runs, notelint: median(times.notelint), markdownlint: median(times.markdownlint), times };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--runs');
  const r = await measureStartup({ runs: at >= 0 ? Number(process.argv[at + 1]) : undefined });
  console.log(
    `start-up on ${r.note}, ${r.runs} runs each, medians: notelint ${r.notelint.toFixed(3)} s, markdownlint-cli2 ${r.markdownlint.toFixed(3)} s`,
  );
}
