import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

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

/** Markdown → mdast with YAML front matter, GFM tables and task items. Positions are offsets into `text`. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
