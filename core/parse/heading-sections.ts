/** An ATX heading line at column 0: `#` to `######`, then white space or the line's end. */
const HEADING_LINE = /^(#{1,6})(?=[ \t\r\n]|$)/gm;

/**
 * The offsets where a note can be cut into sections that parse alone: 0, then the start of each
 * heading line at column 0 of the note's top level — the shallowest depth that heads two sections
 * or more (a running log's dated "##", a note's "## Notes" and "## Next steps"), so that a section
 * is a meeting or a part of one and an edit changes one section. Whether a cut really falls between
 * blocks (not inside open code or HTML) is for the parser to check: see `parseMarkdown`.
 */
export function splitAtHeadings(text: string): number[] {
  const headings: { at: number; depth: number }[] = [];
  const perDepth = [0, 0, 0, 0, 0, 0, 0];
  HEADING_LINE.lastIndex = 0;
  for (let m = HEADING_LINE.exec(text); m; m = HEADING_LINE.exec(text)) {
    if (m.index === 0) continue;
    headings.push({ at: m.index, depth: m[1].length });
    perDepth[m[1].length]++;
  }
  const top = perDepth.findIndex((n) => n >= 2);
  const depth = top > 0 ? top : 6;
  return [0, ...headings.filter((h) => h.depth <= depth).map((h) => h.at)];
}
