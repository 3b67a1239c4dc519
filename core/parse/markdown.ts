import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** Markdown → mdast with YAML front matter and GFM (task items, tables). Positions are offsets into `text`. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
