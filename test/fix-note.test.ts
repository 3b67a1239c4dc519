/**
 * workspace/fix-note.ts on its own, with made-up rules (a lint function returning fixes), for what the real rules
 * cannot show yet: fix texts holding newlines, insertions between CR and LF, several passes, the pass
 * limit, overlapping fixes, and fixes next to invalid UTF-8.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Fix } from '../core/engine/types.js';
import { MAX_FIX_PASSES, fixNote, lineEndingOf } from '../workspace/fix-note.js';

/** A diagnostic carrying a fix (positions do not matter here). */
const withFix = (fix: Fix, severity: Diagnostic['severity'] = 'warn'): Diagnostic => ({
  ruleId: 'test-rule',
  severity,
  message: 'x',
  start: fix.range[0],
  end: fix.range[1],
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  fix,
});
/** As the engine: one leading BOM character is not part of the text. */
const engineText = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
const bytes = (text: string) => new TextEncoder().encode(text);
const str = (b: Uint8Array) => Buffer.from(b).toString('utf8');

describe('fixNote', () => {
  it("writes a newline in a fix as the file's own line ending", () => {
    const insertLine = (text: string) => {
      const t = engineText(text);
      return t.includes('added') ? [] : [withFix({ range: [t.indexOf('b'), t.indexOf('b')], text: 'added\n' })];
    };
    expect(str(fixNote(bytes('a\r\nb\r\n'), insertLine).bytes)).toBe('a\r\nadded\r\nb\r\n');
    expect(str(fixNote(bytes('a\nb\n'), insertLine).bytes)).toBe('a\nadded\nb\n');
    const crlfFix = (text: string) => (engineText(text).includes('x') ? [] : [withFix({ range: [1, 1], text: 'x\r\ny' })]);
    expect(str(fixNote(bytes('a\nb\n'), crlfFix).bytes)).toBe('ax\ny\nb\n');
  });

  it('never inserts between a CR and its LF', () => {
    const atLineEnd = (text: string) => (engineText(text).includes('!') ? [] : [withFix({ range: [2, 2], text: '!' })]);
    expect(str(fixNote(bytes('ab\r\ncd\r\n'), atLineEnd).bytes)).toBe('ab!\r\ncd\r\n');
    expect(str(fixNote(bytes('a\r\nb'), (t) => (engineText(t).includes('!') ? [] : [withFix({ range: [2, 2], text: '!' })])).bytes)).toBe(
      'a!\r\nb',
    );
    // A replacement that would cut a CRLF in two is not applied.
    const cut = fixNote(bytes('a\r\nb'), () => [withFix({ range: [0, 2], text: 'z' })]);
    expect(cut.changed).toBe(false);
  });

  it('keeps the BOM, and lints the text without it', () => {
    const seen: string[] = [];
    const outcome = fixNote(bytes('\uFEFFab'), (text) => {
      seen.push(text);
      return text === 'ab' ? [withFix({ range: [2, 2], text: 'c' })] : [];
    });
    expect(seen).toEqual(['ab', 'abc']);
    expect(str(outcome.bytes)).toBe('\uFEFFabc');
  });

  it('runs passes until no fix applies: overlapping fixes wait for the next pass', () => {
    const overlapping = (text: string) => {
      const t = engineText(text);
      const fixes: Diagnostic[] = [];
      if (!t.includes('1')) fixes.push(withFix({ range: [0, 2], text: '1' }));
      if (!t.includes('2')) fixes.push(withFix({ range: [1, 3], text: '2' }));
      return fixes;
    };
    const outcome = fixNote(bytes('abcd'), overlapping);
    expect(outcome.passes).toBe(2);
    expect(str(outcome.bytes)).toBe('12'); // pass 1: "1cd"; pass 2 replaces [1, 3) of "1cd"
    expect(outcome.diagnostics).toEqual([]); // the last lint, of the fixed text
  });

  it(`stops after ${MAX_FIX_PASSES} passes and reports the problems left`, () => {
    let lints = 0;
    const endless = (text: string) => {
      lints++;
      return [withFix({ range: [engineText(text).length, engineText(text).length], text: '+' })];
    };
    const outcome = fixNote(bytes('x'), endless);
    expect(outcome.passes).toBe(MAX_FIX_PASSES);
    expect(str(outcome.bytes)).toBe(`x${'+'.repeat(MAX_FIX_PASSES)}`);
    expect(lints).toBe(MAX_FIX_PASSES + 1);
    expect(outcome.diagnostics).toHaveLength(1);
  });

  it('applies only the fixes shouldFix accepts', () => {
    const two = (text: string) =>
      engineText(text).length > 2 ? [] : [withFix({ range: [0, 0], text: 'E' }, 'error'), withFix({ range: [2, 2], text: 'I' }, 'info')];
    expect(str(fixNote(bytes('ab'), two, { shouldFix: (d) => d.severity === 'error' }).bytes)).toBe('Eab');
  });

  it('splices fixes into the bytes of invalid UTF-8, leaving every other byte as it was', () => {
    const original = Buffer.concat([Buffer.from('é '), Buffer.from([0xff, 0xc3]), Buffer.from(' Friday\n'), Buffer.from([0xe2, 0x82])]);
    const lintedAfter = (word: string) => (text: string) => {
      const t = engineText(text);
      const at = t.indexOf(word) + word.length;
      return t.includes('(') ? [] : [withFix({ range: [at, at], text: ' (2026-11-27)' })];
    };
    const outcome = fixNote(original, lintedAfter('Friday'));
    const at = original.indexOf('Friday') + 'Friday'.length;
    expect(Buffer.from(outcome.bytes)).toEqual(
      Buffer.concat([original.subarray(0, at), Buffer.from(' (2026-11-27)'), original.subarray(at)]),
    );
    // After a valid non-ASCII character: mapped by its UTF-8 length.
    const afterE = fixNote(original, lintedAfter('é'));
    expect(Buffer.from(afterE.bytes)).toEqual(Buffer.concat([Buffer.from('é (2026-11-27)'), original.subarray(2)]));
    // Inside an invalid sequence (between the two U+FFFD of "\xff\xc3"): not applied.
    const inside = fixNote(original, (text) => (engineText(text).includes('!') ? [] : [withFix({ range: [3, 3], text: '!' })]));
    expect(inside.changed).toBe(false);
    expect(inside.bytes).toBe(original);
  });

  it('returns the input itself when nothing changes', () => {
    const input = bytes('clean\n');
    const outcome = fixNote(input, () => []);
    expect(outcome).toMatchObject({ changed: false, passes: 0 });
    expect(outcome.bytes).toBe(input);
  });
});

describe('lineEndingOf', () => {
  it('is the more common line ending, LF when there is none', () => {
    expect(lineEndingOf('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(lineEndingOf('a\r\nb\nc\n')).toBe('\n');
    expect(lineEndingOf('one line')).toBe('\n');
  });
});
