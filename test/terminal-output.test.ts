/**
 * Stylish and compact output show terminal controls from a note escaped: the quoted phrase of a
 * message (no-compliance-only quotes the action item) and the file name. First `visible` itself,
 * then the real CLI (`node bin/notelint.js`) on a note tree whose text and file names hold ESC, BEL,
 * backspace, C1, bidi controls, a newline and a carriage return.
 */
import { describe, expect, it } from 'vitest';
import { visible } from '../cli/formatters/terminal-text.js';
import { parseJsonOutput, runCli, treeMaker } from './helpers/cli.js';

const tree = treeMaker();

describe('visible', () => {
  it('escapes ESC sequences: clear screen, OSC 8 hyperlinks, OSC 0 titles', () => {
    expect(visible('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
    expect(visible('\x1b]8;;http://x\x07link\x1b]8;;\x07')).toBe('\\x1b]8;;http://x\\x07link\\x1b]8;;\\x07');
    expect(visible('\x1b]0;pwned\x07')).toBe('\\x1b]0;pwned\\x07');
  });

  it('escapes BEL, backspace, CR, LF, tab, NUL, DEL and C1 controls', () => {
    expect(visible('ding\x07')).toBe('ding\\x07');
    expect(visible('secret\x08\x08\x08')).toBe('secret\\x08\\x08\\x08');
    expect(visible('overwrite\rme')).toBe('overwrite\\rme');
    expect(visible('a\nb\tc\x00d\x7f')).toBe('a\\nb\\tc\\x00d\\x7f');
    expect(visible('\u009b31mred \u0085')).toBe('\\u009b31mred \\u0085');
  });

  it('escapes bidi overrides and isolates (Trojan Source)', () => {
    expect(visible('abc\u202edcba\u202c')).toBe('abc\\u202edcba\\u202c');
    expect(visible('\u2066x\u2069 \u202a\u202b\u202d')).toBe('\\u2066x\\u2069 \\u202a\\u202b\\u202d');
  });

  it('leaves ordinary text alone, non-ASCII letters and emoji included', () => {
    for (const text of ['', 'Mary: send the numbers by Fri Nov 27', 'café Zürich 東京 שלום 🎉👩‍💻', 'a\\x1b stays']) {
      expect(visible(text)).toBe(text);
    }
  });
});

const NOTE = [
  '---',
  'date: 2026-11-24',
  'seller: [Dana]',
  'buyer: [Olivia]',
  '---',
  '',
  '## Next steps',
  '- [ ] Olivia asked for a \x1b[2Jformal\x07 proposal\x08',
  '- [ ] Olivia asked for a \x1b]0;title\x07 proposal',
  '- [ ] Olivia asked for a \u009b31m proposal \u202e',
  '',
].join('\n');
const ESCAPE_NAME = 'a\x1b[2Jb\nc.md';
const RETURN_NAME = 'd\re\tf.md';
/** What a terminal would act on: C0 controls other than the newline ending a row, DEL, C1, bidi. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

async function lint(format: string, env: Record<string, string> = { NO_COLOR: '1' }) {
  const dir = tree({ [ESCAPE_NAME]: NOTE, [RETURN_NAME]: NOTE, 'notes/plain.md': NOTE });
  const json = parseJsonOutput(await runCli(['--format', 'json', '.'], { cwd: dir }));
  const result = await runCli(['--format', format, '.'], { cwd: dir, env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  const messages = json.flatMap((r) => r.messages);
  // The note does reach the output: no-compliance-only quotes each action item.
  expect(messages.filter((m) => m.ruleId === 'no-compliance-only')).toHaveLength(9);
  return { out: result.stdout, json, messages };
}

function expectEscaped(out: string): void {
  expect(out).not.toMatch(RAW);
  expect(out).toContain('a\\x1b[2Jb\\nc.md');
  expect(out).toContain('d\\re\\tf.md');
  expect(out).toContain('"Olivia asked for a \\x1b[2Jformal\\x07 proposal\\x08"');
  expect(out).toContain('"Olivia asked for a \\x1b]0;title\\x07 proposal"');
  expect(out).toContain('"Olivia asked for a \\u009b31m proposal \\u202e"');
}

describe('stylish and compact output through the CLI', () => {
  it('compact: one line per message, controls escaped', async () => {
    const { out, messages } = await lint('compact');
    expectEscaped(out);
    // Each message, a blank line and the count; a newline in a file name starts no line.
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(messages.length + 2);
    expect(lines.filter((l) => l.startsWith('a\\x1b[2Jb\\nc.md: line '))).toHaveLength(messages.length / 3);
  });

  it('stylish: one header per file and one row per message, controls escaped', async () => {
    const { out, json, messages } = await lint('stylish');
    expectEscaped(out);
    const fixable = messages.filter((m) => m.fix).length;
    const files = json.filter((r) => r.messages.length > 0).length;
    // A leading blank line; per file its path, its rows and a blank; the summary (and fixable line); a blank.
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(1 + files * 2 + messages.length + 1 + (fixable > 0 ? 1 : 0) + 1);
    expect(lines).toContain('a\\x1b[2Jb\\nc.md');
    expect(lines).toContain('d\\re\\tf.md');
    // The rule column is aligned on the escaped width.
    const rows = lines.filter((l) => /^ +\d+:\d+ /u.test(l));
    expect(rows).toHaveLength(messages.length);
    const ruleColumns = new Set(rows.filter((l) => l.includes('"Olivia')).map((l) => l.lastIndexOf('  ')));
    expect(ruleColumns.size).toBe(1);
  });

  it('stylish with colour: only picocolors SGR sequences remain raw', async () => {
    const { out } = await lint('stylish', { FORCE_COLOR: '1' });
    expect(out).toMatch(/\x1b\[4m/u); // the underlined path
    const plain = out.replace(/\x1b\[\d+m/gu, '');
    expectEscaped(plain);
  });
});
