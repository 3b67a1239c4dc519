/**
 * Text from a note (a quoted phrase in a message, a file name) made safe to print on a terminal: C0
 * controls (newline and tab too, so a row stays one line), DEL and C1 controls are shown escaped —
 * `\x1b`, `\r`, `\n`, `\t`, `\x07`, `\u009b` — and so are the bidi overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069, as in "Trojan Source"), which would reorder what the row shows.
 * Everything else, non-ASCII letters and emoji included, passes unchanged.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
/** The same set, without the "g" flag: `test` then keeps no `lastIndex` between calls. */
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function visible(text: string): string {
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(CONTROLS, (ch) => NAMED[ch] ?? escapeCode(ch.charCodeAt(0)));
}

/** `\xHH` below U+0080 (C0 and DEL), `\uHHHH` above (C1 and the bidi controls). */
function escapeCode(code: number): string {
  const hex = code.toString(16);
  return code < 0x80 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}
