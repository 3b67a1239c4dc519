#!/usr/bin/env node
// Draws a seeded random sample of phrase diagnostics from a folder of notes, linted by the real CLI,
// and writes each with its context to a Markdown file for judging by hand.
//
//   npm run sample -- [folder] [--count 60] [--seed 12] [--out sample.md] [--context 2]
//
// `--context 0` leaves the note's lines out (only file, line and message): for a sample of notes
// that must not be copied, such as the shared corpus — judge from the full file, keep the short one.
// Each entry has a "Verdict:" line to fill in with "right" or "wrong" (and why). `--score file.md`
// reads a judged file back and prints the precision per rule and overall.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from './seeded-random.mjs';

const PHRASE_RULES = [
  'no-vague-follow-up',
  'no-hedged-commitment',
  'no-compliance-only',
  'no-past-date',
  'no-weekday-mismatch',
  'prefer-absolute-date',
];
const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: 'string', default: '60' },
    seed: { type: 'string', default: '12' },
    out: { type: 'string', default: 'sample.md' },
    score: { type: 'string' },
    context: { type: 'string', default: '2' },
  },
});

if (values.score) {
  printScore(readFileSync(values.score, 'utf8'));
  process.exit(0);
}

const folder = path.resolve(positionals[0] ?? path.join(root, '..', 'shared', 'corpus'));
const run = spawnSync(process.execPath, [path.join(root, 'bin', 'notelint.js'), '--no-config', '--format', 'json', folder], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
if (run.status !== 0 && run.status !== 1) {
  console.error(`notelint failed (exit ${run.status}):\n${run.stderr}`);
  process.exit(2);
}
const results = JSON.parse(run.stdout);
const all = [];
for (const r of results) for (const m of r.messages) if (PHRASE_RULES.includes(m.ruleId)) all.push({ file: r.filePath, m });
all.sort((a, b) => a.file.localeCompare(b.file) || a.m.line - b.m.line || a.m.column - b.m.column);

// Seeded, so that a sample can be drawn again.
const random = seededRandom(Number(values.seed));
const picked = [];
const pool = [...all];
const count = Math.min(Number(values.count), pool.length);
while (picked.length < count) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);

const contextLines = Number(values.context);
const counts = Object.fromEntries(PHRASE_RULES.map((id) => [id, all.filter((d) => d.m.ruleId === id).length]));
const lines = [
  `# Phrase diagnostics sampled for judging`,
  '',
  `Folder: \`${path.relative(root, folder) || '.'}\` · ${all.length} phrase diagnostics in ${results.length} files · seed ${values.seed} · ${count} drawn.`,
  '',
  `Counts: ${PHRASE_RULES.map((id) => `${id} ${counts[id]}`).join(', ')}.`,
  '',
  contextLines > 0
    ? 'Each entry: the rule, the file and line, the message, and the lines around it with the flagged range in «…».'
    : 'Each entry: the rule, the file and line, and the message (the notes themselves are not copied here: open them at that line).',
  "The notes are the work of their authors; see the folder's README for their sources and licences.",
  'Verdict: **right** when the note really says what the message claims and a sales manager would want it flagged;',
  '**wrong** otherwise, with the reason.',
  '',
];
picked.forEach(({ file, m }, i) => {
  const text = readFileSync(file, 'utf8').split(/\r?\n/);
  const from = Math.max(0, m.line - 1 - contextLines);
  const to = Math.min(text.length, m.line + Math.ceil(contextLines / 2));
  const context = text.slice(from, to).map((l, k) => {
    const n = from + k + 1;
    let shown = l;
    if (n === m.line) {
      const a = m.column - 1;
      const b = m.endLine === m.line ? m.endColumn - 1 : l.length;
      shown = `${l.slice(0, a)}«${l.slice(a, b)}»${l.slice(b)}`;
    }
    return `${String(n).padStart(5)}${n === m.line ? ' >' : '  '} ${shown.length > 300 ? `${shown.slice(0, 300)}…` : shown}`;
  });
  const shown = contextLines > 0 ? ['```text', ...context, '```', ''] : [];
  lines.push(
    `## ${i + 1}. ${m.ruleId}`,
    '',
    `\`${path.relative(folder, file)}:${m.line}:${m.column}\``,
    '',
    `> ${m.message}`,
    '',
    ...shown,
    'Verdict: ',
    '',
  );
});
writeFileSync(values.out, `${lines.join('\n')}\n`);
console.log(`${count} of ${all.length} phrase diagnostics written to ${values.out}`);

function printScore(doc) {
  const entries = [...doc.matchAll(/^## \d+\. (\S+)[\s\S]*?^Verdict: *\**(right|wrong)\b/gim)];
  const by = {};
  for (const [, rule, verdict] of entries) {
    by[rule] ??= { right: 0, wrong: 0 };
    by[rule][verdict.toLowerCase()]++;
  }
  let right = 0;
  let total = 0;
  for (const [rule, v] of Object.entries(by).sort()) {
    right += v.right;
    total += v.right + v.wrong;
    console.log(`${rule.padEnd(24)} ${v.right}/${v.right + v.wrong} right`);
  }
  console.log(`precision ${total ? (right / total).toFixed(3) : 'n/a'} (${right} of ${total} judged)`);
}
