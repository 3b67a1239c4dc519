/**
 * Properties of the engine on generated notes (fast-check, seeded): for any text or bytes it never
 * throws, gives the same answer twice, puts every range inside the document at the line and column an
 * editor counts, and its fixes change only their own ranges and leave nothing fixable behind.
 * A failure prints the seed and the shrunk note; NOTELINT_FUZZ_RUNS scales the number of notes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixNote } from '../workspace/fix-note.js';
import { applyFixes } from '../core/engine/fix.js';
import { lint, resolveConfig } from '../engine/index.js';
import type { Diagnostic } from '../core/engine/types.js';
import { anyText, noteText } from './helpers/generated-notes.js';

const config = resolveConfig(undefined, { machineTimezone: 'UTC' });
const RUNS = Number(process.env.NOTELINT_FUZZ_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * RUNS));
const SEED = 20261203;

/** Line and column as an LSP client counts them: \n, \r\n and a lone \r each end a line. */
function editorPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const linted = (text: string) => lint({ text, path: 'note.md' }, config).diagnostics;
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
/** As the CLI's --fix lints: the BOMs kept aside, the text as it is. */
const lintAsCli = (text: string): Diagnostic[] => lint({ text, path: 'note.md', bomRemoved: true }, config).diagnostics;

describe('the engine on generated notes', () => {
  it('never throws, answers the same twice, and puts each range inside the note where an editor shows it', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const first = linted(text);
        expect(linted(text)).toEqual(first);
        const body = withoutBom(text);
        for (const d of first) {
          expect(0 <= d.start && d.start <= d.end && d.end <= body.length, `${d.ruleId} ${d.start}-${d.end} in ${body.length}`).toBe(true);
          expect({ line: d.line, column: d.column }).toEqual(editorPosition(body, d.start));
          expect({ line: d.endLine, column: d.endColumn }).toEqual(editorPosition(body, d.end));
          if (d.fix) expect(d.fix.range[0] >= 0 && d.fix.range[0] <= d.fix.range[1] && d.fix.range[1] <= body.length).toBe(true);
        }
      }),
      { seed: SEED, numRuns: runs(12_000) },
    );
    console.log(`fuzz: ${runs(12_000)} notes and strings linted twice, 0 failures (seed ${SEED})`);
  }, 900_000);

  it('changes only the fixed ranges, and a fixed note has nothing fixable left', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const body = withoutBom(text);
        const diagnostics = linted(text);
        const { text: once, applied } = applyFixes(body, diagnostics);
        // Outside the applied ranges the text is untouched, byte for byte.
        let at = 0;
        let out = 0;
        for (const fix of applied) {
          expect(once.slice(out, out + fix.range[0] - at)).toBe(body.slice(at, fix.range[0]));
          out += fix.range[0] - at + fix.text.length;
          at = fix.range[1];
        }
        expect(once.slice(out)).toBe(body.slice(at));
        const outcome = fixNote(new TextEncoder().encode(text), lintAsCli);
        expect(outcome.diagnostics.filter((d) => d.fix).map((d) => d.ruleId)).toEqual([]);
      }),
      { seed: SEED + 1, numRuns: runs(6_000) },
    );
    console.log(`fuzz: ${runs(6_000)} notes fixed and re-linted, 0 failures (seed ${SEED + 1})`);
  }, 900_000);

  it('fixes arbitrary bytes (invalid UTF-8, NUL, BOMs) without throwing, the same way twice', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          noteText.map((t) => new TextEncoder().encode(t)),
        ),
        (bytes) => {
          const a = fixNote(bytes, lintAsCli);
          const b = fixNote(bytes, lintAsCli);
          expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
        },
      ),
      { seed: SEED + 2, numRuns: runs(2_000) },
    );
    console.log(`fuzz: ${runs(2_000)} byte strings fixed twice, 0 failures (seed ${SEED + 2})`);
  }, 900_000);
});
