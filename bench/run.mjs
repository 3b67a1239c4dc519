#!/usr/bin/env node
// `npm run bench`: every measurement of issue 10's table, on this machine, as one table (printed,
// and written as JSON to bench/results/latest.json): editor latency through the language server
// (bench/editor.mjs), start-up (bench/startup.mjs), and the folder lint against the parsing floor and
// markdownlint-cli2, with --concurrency, --cache and peak RSS (bench/folder.mjs). docs/benchmarks.md
// says what each row measures.
// usage: node bench/run.mjs [--quick] [--corpus DIR] [--only editor,startup,folder]   (build first: npm run build)
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureEditor } from './editor.mjs';
import { measureFolder } from './folder.mjs';
import { fmt, formatTable, row } from './lib/table.mjs';
import { corpusFolder, markdownFiles } from './lib/notes.mjs';
import { RSS_METHOD } from './lib/process.mjs';
import { measureStartup } from './startup.mjs';

const args = process.argv.slice(2);
const value = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = args.includes('--quick');
const only = new Set((value('--only') ?? 'editor,startup,folder').split(','));
const { folder, fallback } = corpusFolder(value('--corpus') && resolve(value('--corpus')));

/** Rounds and budgets: the whole run aims at under 10 minutes on a 2-core machine (--quick: about 3). */
const PLAN = quick
  ? { startupRuns: 5, edits: 100, editBudget: { 5000: 30, 200000: 30, 1000000: 30 }, folderRounds: 1, folderBudget: 0, warmRuns: 2 }
  : { startupRuns: 15, edits: 300, editBudget: { 5000: 120, 200000: 90, 1000000: 60 }, folderRounds: 3, folderBudget: 300, warmRuns: 3 };
const EDITOR = [
  { bytes: 5_000, label: '5 KB', p95: 15 },
  { bytes: 200_000, label: '200 KB', p95: 60 },
  { bytes: 1_000_000, label: '1 MB', p95: 250, openMs: 1500 },
];

const log = (line) => process.stderr.write(`${line}\n`);
const started = Date.now();
const loadAtStart = os.loadavg();
const results = {};

if (only.has('editor')) {
  log('editor: the language server over stdio');
  results.editor = [];
  for (const size of EDITOR) {
    results.editor.push(await measureEditor({ bytes: size.bytes, edits: PLAN.edits, budgetSeconds: PLAN.editBudget[size.bytes], log }));
  }
}
if (only.has('startup')) {
  log('start-up: notelint and markdownlint-cli2 on one small note');
  results.startup = await measureStartup({ runs: PLAN.startupRuns });
}
if (only.has('folder')) {
  log(`folder lint: ${folder}${fallback ? ' (no shared corpus: the bundled examples)' : ''}`);
  results.folder = await measureFolder({
    folder,
    maxRounds: PLAN.folderRounds,
    budgetSeconds: PLAN.folderBudget,
    warmRuns: PLAN.warmRuns,
    log,
  });
}

const rows = [];
for (const [i, size] of EDITOR.entries()) {
  const r = results.editor?.[i];
  const failed = r ? r.editsFailed > 0 : false;
  const where = r
    ? Object.entries(r.where)
        .map(([w, n]) => `${n} ${w}`)
        .join(', ')
    : '';
  rows.push(
    row({
      what: `editor, ${size.label} running log: edit → diagnostics, after the 200 ms debounce`,
      figure: r
        ? `p50 ${fmt.ms(r.p50)}, p95 ${fmt.ms(r.p95)} (${r.edits} edits${failed ? `, ${r.editsFailed} failed` : ''}${r.stoppedByBudget ? ', time budget' : ''})`
        : '—',
      target: `p95 ≤ ${size.p95} ms`,
      value: r?.p95,
      atMost: size.p95,
      failed,
      note: r
        ? `${r.bytes} bytes (${r.bytesAfter} after the edits); open → diagnostics ${fmt.ms(r.openMs)}${r.openFailed ? ' (failed)' : ''}; edits: ${where}${
            failed ? `; ${r.editsFailed} of ${r.edits} edits failed (notelint cannot check this note)` : ''
          }${r.stoppedByBudget ? `; stopped after ${PLAN.editBudget[size.bytes]} s with ${r.edits} of ${PLAN.edits} edits measured` : ''}; server peak RSS ${fmt.mb(r.peakRssBytes)}`
        : undefined,
    }),
  );
  if (size.openMs) {
    rows.push(
      row({
        what: `editor, ${size.label} running log: open → diagnostics`,
        figure: r ? `${fmt.ms(r.openMs)}${r.openFailed ? ' (failed)' : ''}` : '—',
        target: `≤ ${size.openMs / 1000} s`,
        value: r?.openMs,
        atMost: size.openMs,
        failed: r?.openFailed,
      }),
    );
  }
}
const st = results.startup;
rows.push(
  row({
    what: '`notelint` on one small note, whole process',
    figure: st ? `${fmt.s(st.notelint)} (markdownlint-cli2 ${fmt.s(st.markdownlint)})` : '—',
    target: '≤ 0.25 s',
    value: st?.notelint,
    atMost: 0.25,
    ratio: st ? `${fmt.x(st.notelint / st.markdownlint)} markdownlint-cli2` : '',
    note: st ? `median of ${st.runs} runs each, alternating, after one warm-up run each; ${st.note} alone in a fresh folder` : undefined,
  }),
);
const f = results.folder;
const s = f?.seconds;
const corpusNote = f
  ? `${f.files.notelint} files of ${folder}${fallback ? ' (no shared corpus: the bundled examples instead)' : ''}; medians of ${f.rounds} round${f.rounds === 1 ? '' : 's'}${
      f.problems.length ? `; ${f.problems.join('; ')}` : ''
    }`
  : undefined;
rows.push(
  row({
    what: 'folder lint, one worker (`--concurrency off`), vs the parsing floor',
    figure: s ? `${fmt.s(s.off)} (floor ${fmt.s(s.floor)})` : '—',
    target: '≤ 1.0× the floor',
    value: s && s.off / s.floor,
    atMost: 1.0,
    ratio: s ? fmt.x(s.off / s.floor) : '',
    note: corpusNote,
  }),
  row({
    what: `the same with \`--concurrency auto\` (${os.availableParallelism()} CPUs)`,
    figure: s ? `${fmt.s(s.auto)} (floor ${fmt.s(s.floor)})` : '—',
    target: '≤ 0.6× the floor',
    value: s && s.auto / s.floor,
    atMost: 0.6,
    ratio: s ? fmt.x(s.auto / s.floor) : '',
  }),
  row({
    what: 'vs markdownlint-cli2 (default config), same files, one worker',
    figure: s ? `${fmt.s(s.off)} (markdownlint-cli2 ${fmt.s(s.markdownlint)})` : '—',
    target: '≥ 2× faster',
    value: s && s.markdownlint / s.off,
    atLeast: 2,
    ratio: s ? (s.off <= s.markdownlint ? `${fmt.x(s.markdownlint / s.off)} faster` : `${fmt.x(s.off / s.markdownlint)} slower`) : '',
    note: s ? `with --concurrency auto: ${fmt.x(s.markdownlint / s.auto)} as fast as markdownlint-cli2` : undefined,
  }),
  row({
    what: '`--cache`, nothing changed, vs cold',
    figure: s ? `${fmt.s(s.cacheWarm)} (cold, writing the cache: ${fmt.s(s.cacheCold)})` : '—',
    target: '≤ 3% of cold',
    value: s && s.cacheWarm / s.cacheCold,
    atMost: 0.03,
    ratio: s ? `${((100 * s.cacheWarm) / s.cacheCold).toFixed(1)}%` : '',
    note: s
      ? `one worker; median of ${f.runs.cacheWarm.length} warm runs; ${fmt.s(s.cacheWarm)} is ${((100 * s.cacheWarm) / s.off).toFixed(1)}% of the cold run without --cache`
      : undefined,
  }),
  row({
    what: 'peak RSS, whole-corpus lint (one worker)',
    figure: f
      ? `${fmt.mb(f.peakRssBytes.off)} (auto ${fmt.mb(f.peakRssBytes.auto)}, markdownlint-cli2 ${fmt.mb(f.peakRssBytes.markdownlint)})`
      : '—',
    target: '≤ 300 MB',
    value: f?.peakRssBytes.off && f.peakRssBytes.off / 2 ** 20,
    atMost: 300,
    note: f ? `the largest over the runs, measured by ${RSS_METHOD}` : undefined,
  }),
);

const lines = [
  `notelint benchmark${quick ? ' (--quick)' : ''}, ${new Date().toISOString()}: ${os.availableParallelism()} CPUs, Node ${process.version}, load average ${loadAtStart
    .map((l) => l.toFixed(1))
    .join(' ')} at the start, ${os.loadavg()[0].toFixed(1)} at the end; ${((Date.now() - started) / 1000).toFixed(0)} s`,
  '',
  formatTable(rows.filter((r) => r.figure !== '—' || only.size === 3)),
];
console.log(lines.join('\n'));

const out = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(out, { recursive: true });
const json = {
  date: new Date().toISOString(),
  quick,
  machine: { cpus: os.availableParallelism(), node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg() },
  corpus: { folder, fallback, files: only.has('folder') ? markdownFiles(folder).length : undefined },
  seconds: (Date.now() - started) / 1000,
  plan: PLAN,
  rows,
  results,
};
writeFileSync(`${out}latest.json`, `${JSON.stringify(json, null, 2)}\n`);
log(`written: bench/results/latest.json`);
