/**
 * Hostile and odd notes through the real CLI, each with a bound on time (the test's timeout, and the
 * CLI's own 10 s per note) and on memory (the run's peak RSS, printed; a lint worker's heap stops at 512 MB): a 5 MB line, 100,000 list items,
 * nesting 10,000 deep, YAML bombs, binary and invalid UTF-8, NUL bytes, line-ending mixes, a BOM, only
 * front matter, an empty file, 10,000 dates on a line, 100,000 "next week"s, paragraphs dense with
 * emphasis and link markers, and long runs of one character. Every run ends with a JSON report for the note — its findings, or one message saying why
 * it was not read — and never with a crash or a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, makeTree, removeTree, repoRoot, runNode, type JsonResult } from './helpers/cli.js';

const PRELOAD = path.join(repoRoot, 'test/helpers/peak-rss.cjs');
const root = makeTree({ '.notelintrc.json': '{}' });
afterAll(() => removeTree(root));

const FRONT = '---\ndate: 2026-11-20\nseller: [Dana]\nbuyer: [Mary]\n---\n\n';
const MB = 1024 * 1024;
const random = (n: number) => {
  const bytes = Buffer.alloc(n);
  let x = 20261204;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
};
const nestedYaml = (depth: number) =>
  `---\na: ${'['.repeat(depth)}1${']'.repeat(depth)}\nb: ${'{x: '.repeat(depth)}1${'}'.repeat(depth)}\n---\n# Deep\n`;
const aliasBomb = [
  '---',
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`),
  '---',
  '# Bomb',
  '',
].join('\n');

/** Each case: the note's bytes. */
const CASES: [string, string | Buffer][] = [
  ['a 5 MB single line', `${FRONT}${'We will follow up next week and send the deck. '.repeat(Math.ceil((5 * MB) / 48))}\n`],
  ['100,000 list items', `${FRONT}${'- item\n'.repeat(100_000)}`],
  ['lists nested 10,000 deep', `${FRONT}${Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}\n`).join('')}`],
  ['block quotes nested 10,000 deep', `${FRONT}${'> '.repeat(10_000)}We will follow up next week.\n`],
  ['a YAML alias bomb', aliasBomb],
  ['YAML nested 10,000 deep', nestedYaml(10_000)],
  ['a binary file named .md', random(200_000)],
  [
    'invalid UTF-8',
    Buffer.concat([
      Buffer.from(FRONT),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]),
      Buffer.from('\n- [ ] Mary: send it Friday\n'),
    ]),
  ],
  ['NUL bytes', `${FRONT}- [ ] Mary:\u0000 send\u0000 the numbers Friday\u0000\n${'\u0000'.repeat(10_000)}\n`],
  ['CRLF and lone CR mixed', `${FRONT.replace(/\n/g, '\r\n')}- [ ] Mary: send it Friday\r- [ ] We will follow up next week\r\n\r`],
  ['a BOM', `\uFEFF${FRONT}- [ ] Mary: send it Friday\n`],
  ['only front matter', '---\ndate: 2026-11-20\nseller: [Dana]\n---\n'],
  ['an empty file', ''],
  ['10,000 dates on one line', `${FRONT}- [ ] Mary: ${'Dec 1, Friday, 12/3, '.repeat(10_000)}\n`],
  ['a line of 100,000 "next week"s', `${FRONT}${'next week '.repeat(100_000)}\n`],
  // Emphasis and links are paired by looking back over the paragraph: without the guard, 38 s and 2 s.
  ['100 KB of "*a" in one paragraph', `${FRONT}${'*a'.repeat(51_200)}\n`],
  ['50 KB of "[a](" in one paragraph', `${FRONT}${'[a]('.repeat(12_800)}\n`],
  ...(['  ', '*', '[', '-', '7', '/'] as const).map((ch): [string, string] => [
    `a 1 MB run of ${JSON.stringify(ch)}`,
    `${FRONT}${ch.repeat(MB / ch.length)}\n`,
  ]),
];

/** A run's outcome for its note: rule findings, or one file-level message saying why it was not read. */
const WHY_NOT_READ = /^(This note is .* notelint reads|notelint cannot check this note: reading it (took longer than|needed more than))/;

describe('adversarial notes through the CLI', () => {
  it.each(CASES)(
    '%s: a report for the note, in bounded time and memory',
    async (name, content) => {
      const file = path.join(root, `${name.replace(/[^a-z0-9]+/gi, '-')}.md`);
      writeFileSync(file, content);
      const rssFile = `${file}.rss`;
      const started = Date.now();
      const run = await runNode(['--require', PRELOAD, binPath, '--format', 'json', file], { cwd: root, env: { PEAK_RSS_FILE: rssFile } });
      const seconds = (Date.now() - started) / 1000;
      const peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
      console.log(`adversarial: ${name}: ${seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB, exit ${run.code}`);
      expect(run.stderr).toBe('');
      expect([0, 1]).toContain(run.code);
      const results = JSON.parse(run.stdout) as JsonResult[];
      expect(results.map((r) => r.filePath)).toEqual([file]);
      for (const m of results[0].messages) {
        if (m.ruleId === null) expect(m.message).toMatch(WHY_NOT_READ);
      }
      expect(peakMb).toBeLessThan(1024);
    },
    120_000,
  );
});
