#!/usr/bin/env node
// The folder lint as a team's CI or pre-commit hook runs it: whole processes over one folder (the
// shared corpus by default), started from that folder, alternating in each round and rotating which
// goes first, medians over the rounds:
//   - the parsing floor: a process that only parses every file (bench/parse-floor.mjs);
//   - `notelint . --format json --concurrency off` (one worker) and `--concurrency auto`;
//   - `markdownlint-cli2 "**/*.{md,markdown}"` with its default config;
// then `--cache` into a fresh temporary cache file: one cold run that writes it, and warm runs with
// nothing changed. Peak RSS is each process's own (GNU time, or a preload: bench/lib/process.mjs).
// Rounds go on while the time budget allows a further one (at least one round).
// usage: node bench/folder.mjs [DIR] [--rounds N] [--budget SECONDS]   (build first: npm run build)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARKDOWNLINT, NOTELINT, PARSE_FLOOR } from './lib/linters.mjs';
import { corpusFolder } from './lib/notes.mjs';
import { runChecked } from './lib/process.mjs';
import { median } from './lib/stats.mjs';

const KINDS = ['floor', 'off', 'auto', 'markdownlint'];

/** Which files two runs' JSON results disagree on, and the first message of each (a time limit, say). */
function differingFiles(a, b) {
  const byFile = (json) => new Map(JSON.parse(json).map((r) => [r.filePath, r]));
  const [x, y] = [byFile(a), byFile(b)];
  const differ = [...new Set([...x.keys(), ...y.keys()])].filter((f) => JSON.stringify(x.get(f)) !== JSON.stringify(y.get(f)));
  const first = (r) => (r ? `${r.messages.length} messages, ${JSON.stringify(r.messages[0]?.message ?? '').slice(0, 80)}` : 'absent');
  const shown = differ.slice(0, 3).map((f) => `${f}: ${first(x.get(f))} vs ${first(y.get(f))}`);
  return `${differ.length} files differ${shown.length ? `: ${shown.join('; ')}` : ''}`;
}

export async function measureFolder({ folder, maxRounds = 3, budgetSeconds = 420, warmRuns = 3, log = () => {} } = {}) {
  const scratch = mkdtempSync(join(os.tmpdir(), 'notelint-bench-cache-'));
  const cacheFile = join(scratch, 'notelintcache.json');
  const notelint = (...flags) => runChecked(NOTELINT, ['.', '--format', 'json', ...flags], { cwd: folder, keepOutput: true });
  const runs = {
    floor: () => runChecked(PARSE_FLOOR, [folder], { cwd: folder, keepOutput: true }, [0]),
    off: () => notelint('--concurrency', 'off'),
    auto: () => notelint('--concurrency', 'auto'),
    markdownlint: () => runChecked(MARKDOWNLINT, ['**/*.{md,markdown}'], { cwd: folder, keepOutput: true }),
  };
  const seconds = { floor: [], off: [], auto: [], markdownlint: [], cacheWarm: [] };
  const rss = { off: [], auto: [], markdownlint: [] };
  const problems = [];
  const files = {};
  let reference; // notelint's results with one worker, for the other runs to match
  const sameResults = (what, stdout) => {
    reference ??= stdout;
    if (stdout !== reference) problems.push(`${what} gave other results than --concurrency off (${differingFiles(reference, stdout)})`);
  };
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  let cacheCold;
  let rounds = 0;
  try {
    while (rounds < maxRounds) {
      const roundStart = elapsed();
      const order = KINDS.map((_, i) => KINDS[(i + rounds) % KINDS.length]);
      for (const kind of order) {
        const r = await runs[kind]();
        seconds[kind].push(r.seconds);
        if (rss[kind]) rss[kind].push(r.peakRssBytes);
        if (kind === 'floor') files.floor = JSON.parse(r.stdout).files;
        if (kind === 'off' || kind === 'auto') {
          files.notelint = JSON.parse(r.stdout).length;
          sameResults(`--concurrency ${kind}`, r.stdout);
        }
        if (kind === 'markdownlint') files.markdownlint = Number(/Linting: (\d+) file/.exec(r.stdout)?.[1]);
        log(`  ${kind.padEnd(12)} ${r.seconds.toFixed(2)} s`);
      }
      if (rounds === 0) {
        const r = await notelint('--concurrency', 'off', '--cache', '--cache-location', cacheFile);
        cacheCold = r.seconds;
        sameResults('--cache (cold)', r.stdout);
        log(`  cache cold   ${r.seconds.toFixed(2)} s`);
      }
      rounds++;
      const roundTime = elapsed() - roundStart;
      log(`round ${rounds} done: ${roundTime.toFixed(0)} s (${elapsed().toFixed(0)} s of ${budgetSeconds} s)`);
      if (elapsed() + roundTime > budgetSeconds) break;
    }
    for (let i = 0; i < warmRuns; i++) {
      const r = await notelint('--concurrency', 'off', '--cache', '--cache-location', cacheFile);
      seconds.cacheWarm.push(r.seconds);
      sameResults('--cache (warm)', r.stdout);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (files.markdownlint !== files.notelint) {
    problems.push(`markdownlint-cli2 linted ${files.markdownlint} files, notelint ${files.notelint} (its ignore files)`);
  }
  const medians = Object.fromEntries(Object.entries(seconds).map(([k, xs]) => [k, median(xs)]));
  const defined = (xs) => xs.filter((x) => x !== undefined);
  return {
    folder,
    rounds,
    files,
    seconds: { ...medians, cacheCold },
    runs: seconds,
    peakRssBytes: {
      off: defined(rss.off).length ? Math.max(...defined(rss.off)) : undefined,
      auto: defined(rss.auto).length ? Math.max(...defined(rss.auto)) : undefined,
      markdownlint: defined(rss.markdownlint).length ? Math.max(...defined(rss.markdownlint)) : undefined,
    },
    problems,
    seconds_total: elapsed(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args.splice(at, 2)[1]) : undefined;
  };
  const maxRounds = flag('--rounds');
  const budgetSeconds = flag('--budget');
  const { folder, fallback } = corpusFolder(args[0] && resolve(args[0]));
  if (fallback) console.log(`no shared corpus: the bundled examples instead (${folder})`);
  const r = await measureFolder({ folder, maxRounds, budgetSeconds, log: console.log });
  const s = r.seconds;
  console.log(`folder lint of ${folder}: ${r.files.notelint} files, ${r.rounds} rounds, medians`);
  console.log(`  parsing floor ${s.floor.toFixed(2)} s`);
  console.log(`  notelint --concurrency off ${s.off.toFixed(2)} s (${(s.off / s.floor).toFixed(2)}× the floor)`);
  console.log(`  notelint --concurrency auto ${s.auto.toFixed(2)} s (${(s.auto / s.floor).toFixed(2)}× the floor)`);
  console.log(`  markdownlint-cli2 ${s.markdownlint.toFixed(2)} s (notelint off is ${(s.markdownlint / s.off).toFixed(2)}× as fast)`);
  console.log(
    `  --cache: cold ${s.cacheCold.toFixed(2)} s, warm ${s.cacheWarm.toFixed(2)} s (${((100 * s.cacheWarm) / s.cacheCold).toFixed(1)}%)`,
  );
  console.log(`  peak RSS, --concurrency off: ${Math.round((r.peakRssBytes.off ?? 0) / 2 ** 20)} MB`);
  for (const p of r.problems) console.log(`  problem: ${p}`);
}
