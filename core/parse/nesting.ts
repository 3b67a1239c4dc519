/**
 * A guard before the parse: remark's time grows with how deep lists and block quotes nest (a list
 * 400 levels deep takes seconds), and no note needs more than a handful of levels. Container markers
 * past MAX_NESTING levels — `>`, `-`, `*`, `+`, `1.` on one line, or a marker indented that far — are
 * swapped for look-alike characters of the same length, so that the parser reads those lines as
 * plain text and every offset stays where it was.
 */
export const MAX_NESTING = 32;

/** Cheap test: could any line nest this deep? (Says yes wrongly at times, never no wrongly.) */
const MAYBE_DEEP = new RegExp(`^[ \\t]{${2 * MAX_NESTING},}|(?:(?:[>*+-]|\\d{1,9}[.)])[ \\t]*){${MAX_NESTING + 1}}`, 'm');

const INERT: Record<string, string> = { '>': '\u203a', '-': '\u2010', '*': '\u2217', '+': '\u207a', '.': '\u2024', ')': '\uff09' };

export interface BoundedText {
  text: string;
  /** The first marker read as text, when there was one. */
  firstDeep?: { start: number; end: number };
}

export function boundNesting(text: string): BoundedText {
  if (!MAYBE_DEEP.test(text)) return { text };
  const out = text.split('');
  let firstDeep: BoundedText['firstDeep'];
  for (let lineStart = 0; lineStart < text.length; ) {
    const next = text.indexOf('\n', lineStart);
    const lineEnd = next < 0 ? text.length : next;
    let i = lineStart;
    let column = 0;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) column += text[i++] === '\t' ? 4 - (column % 4) : 1;
    // Two columns of indentation stand for about one level of a nested list; past the limit, a list
    // item's or quote's indentation is itself read as text (no-break spaces), which the parser takes in one run.
    let depth = Math.floor(column / 2);
    if (depth > MAX_NESTING && markerAt(text, i, lineEnd) > 0) {
      for (let k = lineStart + 2 * MAX_NESTING; k < i; k++) out[k] = '\u00a0';
      firstDeep ??= { start: lineStart, end: i };
    }
    for (;;) {
      const marker = markerAt(text, i, lineEnd);
      if (marker === 0) break;
      depth++;
      if (depth > MAX_NESTING) {
        const at = i + marker - 1; // the marker's last character: ">", "-", "." or ")"
        out[at] = INERT[text[at]] ?? text[at];
        firstDeep ??= { start: i, end: i + marker };
      }
      i += marker;
      while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    }
    lineStart = lineEnd + 1;
  }
  return firstDeep ? { text: out.join(''), firstDeep } : { text };
}

/** The length of the container marker at `i` (`>`, a bullet or an ordered marker followed by a space or the line's end), or 0. */
function markerAt(text: string, i: number, lineEnd: number): number {
  const c = text[i];
  if (c === '>') return 1;
  const spaced = (j: number) => j >= lineEnd || text[j] === ' ' || text[j] === '\t';
  if ((c === '-' || c === '*' || c === '+') && spaced(i + 1)) return 1;
  let j = i;
  while (j < lineEnd && j - i < 9 && text[j] >= '0' && text[j] <= '9') j++;
  if (j > i && (text[j] === '.' || text[j] === ')') && spaced(j + 1)) return j + 1 - i;
  return 0;
}
