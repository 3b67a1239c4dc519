/**
 * `--fix` and `--fix-dry-run` on one file's bytes, ESLint-style: lint, apply the non-overlapping fixes,
 * lint the result again, up to 10 passes; the problems reported are those left in the fixed text.
 *
 * Nothing outside the fix ranges changes, byte for byte:
 * - a BOM stays (it is kept aside, and the text after it is linted; offsets are offsets into that text);
 * - line endings stay: a newline in a fix's text is written as the file's own line ending (CRLF in a
 *   CRLF file), and an insertion never lands between a CR and its LF;
 * - a file that is not valid UTF-8 keeps its invalid bytes: fixes are spliced into the original bytes
 *   (a fix that would cut through an invalid sequence is not applied).
 * Pure: no I/O. The caller writes the result (cli/write-file.ts).
 */
import { isUtf8 } from 'node:buffer';
import { applyFixes } from '../core/engine/fix.js';
import type { Diagnostic, Fix } from '../core/engine/types.js';

export const MAX_FIX_PASSES = 10;

const BOM = [0xef, 0xbb, 0xbf];
/** Decodes without removing a BOM (the caller has split it off) and leniently (invalid bytes become U+FFFD). */
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const encoder = new TextEncoder();

/** Whether a problem's fix is applied: every one, or with `--quiet` the errors' only (as ESLint's does). */
export function willFix(severity: Diagnostic['severity'], errorsOnly: boolean): boolean {
  return !errorsOnly || severity === 'error';
}

export interface FixOptions {
  /** `--quiet`: apply the fixes of errors only (see willFix). */
  errorsOnly?: boolean;
  /** Which problems' fixes to apply; default: as willFix says. */
  shouldFix?: (diagnostic: Diagnostic) => boolean;
  maxPasses?: number;
}

export interface FixOutcome {
  /** The file's bytes after fixing: the input itself when nothing changed. */
  bytes: Uint8Array;
  changed: boolean;
  /** The problems left in the fixed text. */
  diagnostics: Diagnostic[];
  /** How many passes applied fixes. */
  passes: number;
}

/**
 * Fixes a note. `lintText` lints the text it is given as it is (the BOMs are kept aside here: the engine
 * is told `bomRemoved`); fix ranges are offsets into that text.
 */
export function fixNote(bytes: Uint8Array, lintText: (text: string) => Diagnostic[], options: FixOptions = {}): FixOutcome {
  const errorsOnly = options.errorsOnly ?? false;
  const shouldFix = options.shouldFix ?? ((d: Diagnostic) => willFix(d.severity, errorsOnly));
  const maxPasses = options.maxPasses ?? MAX_FIX_PASSES;
  // What the CLI's reading removes (one BOM) and what the engine removes (one more), kept aside.
  const prefixLength = startsWithBom(bytes, 0) ? (startsWithBom(bytes, 3) ? 6 : 3) : 0;
  const prefix = bytes.subarray(0, prefixLength);
  const validUtf8 = isUtf8(bytes);

  let body = bytes.subarray(prefixLength);
  let text = decoder.decode(body);
  const eol = lineEndingOf(text);
  let passes = 0;
  for (;;) {
    const diagnostics = lintText(text);
    const fixes = passes < maxPasses ? usableFixes(diagnostics, shouldFix, text, eol) : [];
    if (fixes.length === 0) return finish(diagnostics);
    let applied: Fix[];
    if (validUtf8) {
      const result = applyFixes(
        text,
        fixes.map((fix) => ({ fix }) as Diagnostic),
      );
      applied = result.applied;
      text = result.text;
      body = encoder.encode(text);
    } else {
      const result = spliceBytes(body, fixes);
      applied = result.applied;
      body = result.bytes;
      text = decoder.decode(body);
    }
    if (applied.length === 0) return finish(diagnostics);
    passes++;
  }

  function finish(diagnostics: Diagnostic[]): FixOutcome {
    if (passes === 0) return { bytes, changed: false, diagnostics, passes };
    const out = new Uint8Array(prefix.length + body.length);
    out.set(prefix, 0);
    out.set(body, prefix.length);
    return { bytes: out, changed: !sameBytes(out, bytes), diagnostics, passes };
  }
}

/** The fixes to apply this pass, adapted to the file: line endings, and never inside a CRLF pair. */
function usableFixes(diagnostics: readonly Diagnostic[], shouldFix: (d: Diagnostic) => boolean, text: string, eol: '\n' | '\r\n'): Fix[] {
  const fixes: Fix[] = [];
  for (const d of diagnostics) {
    if (!d.fix || !shouldFix(d)) continue;
    let [from, to] = d.fix.range;
    if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= text.length)) continue;
    const splitsCrlf = (at: number) => at > 0 && text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10;
    if (from === to && splitsCrlf(from)) {
      from--; // insert before the CR, not between CR and LF
      to--;
    } else if (splitsCrlf(from) || splitsCrlf(to)) {
      continue; // a replacement that would break a line ending in two: not safe to apply
    }
    fixes.push({ range: [from, to], text: d.fix.text.replace(/\r?\n/g, eol) });
  }
  return fixes;
}

/** CRLF when most line breaks of the text are CRLF; else LF. */
export function lineEndingOf(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (at > 0 && text.charCodeAt(at - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Applies fixes (offsets into the leniently decoded text) to the bytes themselves, so that invalid
 * sequences outside the fix ranges stay as they were. Same order and overlap rule as applyFixes.
 */
function spliceBytes(bytes: Uint8Array, fixes: readonly Fix[]): { bytes: Uint8Array; applied: Fix[] } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const offsets = byteOffsets(
    bytes,
    [...new Set(sorted.flatMap((f) => f.range))].sort((a, b) => a - b),
  );
  const parts: Uint8Array[] = [];
  const applied: Fix[] = [];
  let at = 0; // in bytes
  let textAt = 0; // in text units, for the overlap rule
  for (const fix of sorted) {
    const [from, to] = fix.range;
    if (from < textAt) continue;
    const start = offsets.get(from);
    const end = offsets.get(to);
    if (start === undefined || end === undefined) continue;
    parts.push(bytes.subarray(at, start), encoder.encode(fix.text));
    at = end;
    textAt = to;
    applied.push(fix);
  }
  parts.push(bytes.subarray(at));
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return { bytes: out, applied };
}

/**
 * The byte offset of each text offset (UTF-16 units of the lenient decoding), for sorted offsets.
 * Decoding restarts at every ASCII byte, so runs of non-ASCII bytes decode on their own; an offset inside
 * a run that is not valid UTF-8 has no byte offset (absent from the map).
 */
function byteOffsets(bytes: Uint8Array, sorted: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  let k = 0;
  let i = 0;
  let t = 0;
  while (k < sorted.length) {
    while (k < sorted.length && sorted[k] === t) out.set(sorted[k++], i);
    if (i >= bytes.length || k >= sorted.length) break;
    if (bytes[i] < 0x80) {
      i++;
      t++;
      continue;
    }
    let j = i;
    while (j < bytes.length && bytes[j] >= 0x80) j++;
    const run = bytes.subarray(i, j);
    const decoded = decoder.decode(run);
    const runEnd = t + decoded.length;
    if (sorted[k] < runEnd && isUtf8(run)) {
      while (k < sorted.length && sorted[k] < runEnd) {
        out.set(sorted[k], i + encoder.encode(decoded.slice(0, sorted[k] - t)).length);
        k++;
      }
    } else {
      while (k < sorted.length && sorted[k] < runEnd) k++; // inside an invalid sequence: not mappable
    }
    i = j;
    t = runEnd;
  }
  return out;
}

function startsWithBom(bytes: Uint8Array, at: number): boolean {
  return bytes.length >= at + 3 && bytes[at] === BOM[0] && bytes[at + 1] === BOM[1] && bytes[at + 2] === BOM[2];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
