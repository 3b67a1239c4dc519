/**
 * A guard before the parse, beside the one for nesting: micromark resolves emphasis (`*`, `_`) and
 * links (`[`, `]`) by looking back over the paragraph, so a paragraph dense with them takes time that
 * grows with their square (50 KB of `*a` takes 5 s, 100 KB 38 s). No note needs more than a few
 * hundred in one paragraph; in a paragraph with more than MAX_INLINE_MARKERS of them, they are swapped
 * for look-alike characters of the same length, so that the parser reads them as plain text and every
 * offset stays where it was.
 */
export const MAX_INLINE_MARKERS = 1000;

const MARKERS = /[*_[\]]/g;
const INERT: Record<string, string> = { '*': '\u2217', _: '\uff3f', '[': '\uff3b', ']': '\uff3d' };
/** A line that starts a block of its own (and so ends the paragraph before it): blank, a bullet, a number, a heading, a quote, a fence, a table row. */
const BLOCK_START = /^[ \t]*(?:$|[-*+][ \t]|\d{1,9}[.)][ \t]|#|>|\|)/;

export interface DenseText {
  text: string;
  /** The first paragraph read as plain text, when there was one. */
  firstDense?: { start: number; end: number };
}

export function boundInlineMarkers(text: string): DenseText {
  // Cheap test first: a note with fewer markers in all cannot have a dense paragraph.
  let total = 0;
  for (let i = 0; i < text.length && total <= MAX_INLINE_MARKERS; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 || c === 95 || c === 91 || c === 93) total++;
  }
  if (total <= MAX_INLINE_MARKERS) return { text };
  let out: string[] | undefined;
  let firstDense: DenseText['firstDense'];
  let start = 0;
  let count = 0;
  const close = (end: number) => {
    if (count > MAX_INLINE_MARKERS) {
      out ??= text.split('');
      for (let k = start; k < end; k++) out[k] = INERT[text[k]] ?? out[k];
      // From its first written character: a blank line before it is not the paragraph.
      firstDense ??= { start: start + Math.max(0, text.slice(start, end).search(/\S/)), end };
    }
  };
  // Front matter and fenced code are not inline Markdown: their markers neither count nor change.
  let fence: string | undefined = /^---[ \t]*$/.test(text.slice(0, text.indexOf('\n') >>> 0)) ? '---' : undefined;
  let skipFirst = fence !== undefined;
  for (let lineStart = 0; lineStart < text.length; ) {
    const next = text.indexOf('\n', lineStart);
    const lineEnd = next < 0 ? text.length : next;
    const line = text.slice(lineStart, lineEnd);
    if (fence !== undefined) {
      if (skipFirst) skipFirst = false;
      else if (
        line.trim() === fence ||
        (fence === '---' && line.trim() === '...') ||
        (fence !== '---' && line.trimStart().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '')
      )
        fence = undefined;
      lineStart = lineEnd + 1;
      start = lineStart;
      count = 0;
      continue;
    }
    const opening = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line);
    if (opening) {
      close(lineStart);
      fence = opening[1];
      lineStart = lineEnd + 1;
      start = lineStart;
      count = 0;
      continue;
    }
    if (BLOCK_START.test(line)) {
      close(lineStart);
      start = lineStart;
      count = 0;
    }
    count += line.match(MARKERS)?.length ?? 0;
    lineStart = lineEnd + 1;
  }
  close(text.length);
  return out && firstDense ? { text: out.join(''), firstDense } : { text };
}
