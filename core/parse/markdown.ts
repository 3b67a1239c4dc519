import type { Root, RootContent } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { splitAtHeadings } from './heading-sections.js';
import { shiftedCopy, shiftInPlace } from './shift-positions.js';

/**
 * The two GFM constructs the model reads: tables (action-item tables) and task list items (done or
 * open). Autolink literals, footnotes and strikethrough cost a quarter of the parse and change
 * nothing the model reads: bare URLs are kept out of prose by the block reader itself.
 */
function gfmTablesAndTasks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmTablesAndTasks).freeze();

/** Parsed sections kept between lints of one document, keyed by their text (see docs/design.md, "Speed"). */
export interface SectionTrees {
  get(text: string): Root | undefined;
  set(text: string, tree: Root): void;
}

/**
 * Markdown → mdast with YAML front matter, GFM tables and task items. Positions are offsets into `text`.
 *
 * remark's parse time grows faster than the text, so a note is parsed section by section: a line
 * starting with `#` and a space at column 0 always starts an ATX heading, unless a fenced code block,
 * an HTML block or front matter opened before it is still open. A section whose parse ends in code or
 * HTML (which might still be open) is parsed together with the next one, and a note with link
 * reference definitions (document-wide) or with front matter cut in two is parsed whole: the tree is
 * exactly the whole parse's. With `cache`, sections whose text did not change are not parsed again.
 */
export function parseMarkdown(text: string, cache?: SectionTrees): Root {
  const cuts = splitAtHeadings(text);
  // micromark drops a leading BOM from its offsets: such a note (one BOM is removed before) is parsed whole.
  if (cuts.length === 1 || text.charCodeAt(0) === 0xfeff) return processor.parse(text);
  // A link reference definition ("[id]: url") resolves links anywhere in the note: one that may stand
  // at a line's start is parsed whole at once; any other is found in the sections' trees.
  if (LIKELY_DEFINITION.test(text)) return processor.parse(text);
  const mayDefine = text.includes(']:');
  const children: RootContent[] = [];
  let from = 0;
  let line = 1;
  for (let i = 1; i <= cuts.length; i++) {
    const to = i < cuts.length ? cuts[i] : text.length;
    const piece = text.slice(from, to);
    const tree = parsePiece(piece, cache);
    const last = tree.children.at(-1);
    if (i < cuts.length && (last?.type === 'code' || last?.type === 'html')) continue; // may still be open: read on
    if (from === 0 && text.startsWith('---') && tree.children[0]?.type !== 'yaml') return processor.parse(text);
    if (mayDefine && definesLinks(tree)) return processor.parse(text);
    for (const child of tree.children) children.push(cache ? shiftedCopy(child, from, line - 1) : shiftInPlace(child, from, line - 1));
    line += countLines(piece);
    from = to;
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text, line) } };
}

function parsePiece(piece: string, cache: SectionTrees | undefined): Root {
  const cached = cache?.get(piece);
  if (cached) return cached;
  const tree = processor.parse(piece);
  cache?.set(piece, tree);
  return tree;
}

/** "[label]:" at a line's start, after quote and list markers. */
const LIKELY_DEFINITION = /^[ \t>*+\-\d.)]*\[[^\n]*\]:/m;

const defining = new WeakMap<Root, boolean>();

/** Does a section hold a link reference definition (at any depth: in a list item, a quote)? */
function definesLinks(tree: Root): boolean {
  let found = defining.get(tree);
  if (found === undefined) defining.set(tree, (found = holdsDefinition(tree)));
  return found;
}

function holdsDefinition(node: { type: string; children?: unknown[] }): boolean {
  if (node.type === 'definition') return true;
  return node.children?.some((c) => holdsDefinition(c as { type: string; children?: unknown[] })) ?? false;
}

function countLines(piece: string): number {
  let n = 0;
  for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) n++;
  return n;
}

/** The point after the last character, as remark gives the root: `line` is the last line's number. */
function endPoint(text: string, line: number): { line: number; column: number; offset: number } {
  return { line, column: text.length - (text.lastIndexOf('\n') + 1) + 1, offset: text.length };
}
