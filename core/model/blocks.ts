import type { Heading as MdHeading, ListItem, Nodes, Root, Table } from 'mdast';
import { blankOutside, proseOfText } from './prose.js';

/** Blocks nested deeper than this (lists in quotes in lists…) are not read as prose. */
const MAX_NESTING = 64;

/** Where a block sits: which list item holds it and under which headings. */
export interface BlockContext {
  /** Texts of the headings (and bold/colon labels) above, innermost last. */
  headings: string[];
  listItem?: { checked: boolean | null; first: boolean; depth: number; id: number; parentId?: number };
  /** The block follows a label paragraph such as "**Next steps:**" in the same container. */
  label?: string;
  quote: boolean;
}

export type Block =
  | { kind: 'heading'; depth: number; start: number; end: number; text: string; context: BlockContext }
  | { kind: 'paragraph'; start: number; end: number; text: string; context: BlockContext }
  | { kind: 'table'; rows: Array<Array<{ start: number; end: number; text: string }>>; context: BlockContext };

export interface Comment {
  value: string;
  start: number;
  end: number;
}

export interface Blocks {
  blocks: Block[];
  comments: Comment[];
  frontMatter?: { start: number; end: number };
}

type Range = [number, number];

function offsets(node: Nodes): Range | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : [s, e];
}

function isAutolink(node: Nodes & { type: 'link' }): boolean {
  if (node.children.length !== 1 || node.children[0].type !== 'text') return false;
  const value = node.children[0].value;
  // An email address stays: it often names an action item's owner.
  if (node.url === `mailto:${value}`) return false;
  return node.url === value || node.url === `http://${value}` || node.url.endsWith(value);
}

/** The source ranges of a block's prose: text inside it, minus code, HTML, images and link targets. */
function proseRanges(node: Nodes, out: Range[], comments: Comment[], text: string): void {
  if (node.type === 'text') {
    const r = offsets(node);
    if (r) proseOfText(text, r[0], r[1], out);
    return;
  }
  if (node.type === 'html') {
    const r = offsets(node);
    if (r) comments.push({ value: text.slice(r[0], r[1]), start: r[0], end: r[1] });
    return;
  }
  if (node.type === 'link' && isAutolink(node)) return;
  if ('children' in node) {
    for (const child of node.children as Nodes[]) proseRanges(child, out, comments, text);
  }
}

/** A paragraph that only names a section: "**Next steps:**", "Action items:", "**Attendees**". */
function labelOf(node: Nodes, prose: string): string | undefined {
  if (node.type !== 'paragraph') return undefined;
  const lastLine = prose.split('\n').pop()!.trim();
  const onlyStrong = node.children.length === 1 && node.children[0].type === 'strong';
  const m = /^([^:]{1,40}):$/.exec(lastLine);
  if (m) return m[1].trim();
  if (onlyStrong && lastLine.length <= 40) return lastLine;
  return undefined;
}

/** One walk over the tree: every prose block in document order, with its context, and every HTML comment. */
export function collectBlocks(tree: Root, text: string): Blocks {
  const result: Blocks = { blocks: [], comments: [] };
  const headingStack: Array<{ depth: number; text: string }> = [];
  let itemIds = 0;

  const blockText = (node: Nodes, r: Range): string => {
    const ranges: Range[] = [];
    proseRanges(node, ranges, result.comments, text);
    return blankOutside(text, r[0], r[1], ranges);
  };

  const walk = (nodes: Nodes[], context: BlockContext, depth = 0): void => {
    // Real notes nest a few levels; thousands of nested quotes or lists must not overflow the stack.
    if (depth > MAX_NESTING) return;
    let label: string | undefined;
    nodes.forEach((node, index) => {
      const r = offsets(node);
      if (!r) return;
      const here: BlockContext = { ...context, label: label ?? context.label };
      switch (node.type) {
        case 'yaml':
          result.frontMatter = { start: r[0], end: r[1] };
          return;
        case 'html':
          result.comments.push({ value: node.value, start: r[0], end: r[1] });
          return;
        case 'heading': {
          const prose = blockText(node, r);
          const depth = (node as MdHeading).depth;
          if (context.listItem === undefined && !context.quote) {
            while (headingStack.length && headingStack[headingStack.length - 1].depth >= depth) headingStack.pop();
            headingStack.push({ depth, text: prose.trim() });
          }
          result.blocks.push({ kind: 'heading', depth, start: r[0], end: r[1], text: prose, context: here });
          label = undefined;
          return;
        }
        case 'paragraph': {
          const prose = blockText(node, r);
          const first = index === 0;
          const item = context.listItem ? { ...context.listItem, first } : undefined;
          result.blocks.push({
            kind: 'paragraph',
            start: r[0],
            end: r[1],
            text: prose,
            context: { ...here, listItem: item, headings: currentHeadings(context) },
          });
          label = labelOf(node, prose);
          return;
        }
        case 'list':
          walk(node.children, { ...here, headings: currentHeadings(context) }, depth + 1);
          return;
        case 'listItem': {
          const li = node as ListItem;
          const id = ++itemIds;
          walk(
            li.children,
            {
              ...here,
              headings: currentHeadings(context),
              listItem: {
                checked: li.checked ?? null,
                first: true,
                depth: (context.listItem?.depth ?? -1) + 1,
                id,
                parentId: context.listItem?.id,
              },
            },
            depth + 1,
          );
          return;
        }
        case 'blockquote':
          walk(node.children, { ...here, quote: true, headings: currentHeadings(context) }, depth + 1);
          label = undefined;
          return;
        case 'table': {
          const rows = (node as Table).children.map((row) =>
            row.children.flatMap((cell) => {
              const cr = offsets(cell);
              return cr ? [{ start: cr[0], end: cr[1], text: blockText(cell, cr) }] : [];
            }),
          );
          result.blocks.push({ kind: 'table', rows, context: { ...here, headings: currentHeadings(context) } });
          label = undefined;
          return;
        }
        case 'code':
        case 'thematicBreak':
        case 'definition':
          label = undefined;
          return;
        default:
          if ('children' in node) walk(node.children as Nodes[], here, depth + 1);
      }
    });
  };

  const currentHeadings = (context: BlockContext): string[] =>
    context.listItem || context.quote ? context.headings : headingStack.map((h) => h.text);

  walk(tree.children as Nodes[], { headings: [], quote: false });
  return result;
}
