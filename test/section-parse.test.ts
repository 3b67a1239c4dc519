/**
 * A note is parsed section by section (core/parse/markdown.ts): the tree must be exactly remark's
 * whole parse — on constructs that can run past a heading line, and on every file of the shared corpus.
 */
import { readFileSync } from 'node:fs';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../core/parse/markdown.js';
import { withLineFeeds } from '../core/text/lines.js';
import { corpusFiles } from './helpers/corpus-files.js';

function tablesAndTasks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}
const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(tablesAndTasks).freeze();

const cases: Record<string, string> = {
  'a fenced code block holding heading lines': '# Notes\n\n```sh\n# install\nnpm i\n# run\n```\n\n## Next steps\n\n- Kim to send it\n',
  'an unclosed fence running to the end': '# Notes\n\n~~~\n# not a heading\n\n## nor this\n',
  'an HTML comment across headings': '# A\n\n<!--\n# hidden\n-->\n\n# B\ntext\n',
  'an HTML block a heading line continues': '# A\n\n<div>\n# inside\n</div>\n\n# B\n',
  'front matter with a comment line': '---\ndate: 2026-11-20\n# a YAML comment\nseller: [Dana]\n---\n# Title\n\n## Notes\n\nok\n',
  'a thematic break, not front matter': '---\n# Title\n\n## Notes\n',
  'link reference definitions used across sections': '# A\n\nSee [the deck][deck].\n\n# B\n\n[deck]: https://example.com/deck\n',
  'a definition inside a list item': '# A\n\n* [Kim]:\n  notes\n\n# B\n\n[Kim] said yes\n',
  'a table and a task list before headings':
    '# A\n| Owner | Task |\n|---|---|\n| Kim | send |\n# B\n- [ ] Dana to call\n## C\n- [x] done\n',
  'headings without a space, at depth 7, indented': '# A\n#5 is not one\n####### nor this\n   # this one is indented\n# B\n',
  'CRLF line ends': '# A\r\n\r\ntext\r\n\r\n## B\r\n\r\n- [ ] Kim to send\r\n',
  'a BOM before the first heading': '\uFEFF# A\n\ntext\n\n# B\n',
  'a list whose item continues under a heading line': '# A\n\n- item\n\n  more\n# B\n  indented\n',
  'a block quote before a heading': '# A\n\n> quoted\n> ```\n# B\n',
  'empty sections and a last line without its line feed': '#\n#\n\n## \n## x',
};

describe('the section-wise parse', () => {
  for (const [name, text] of Object.entries(cases))
    it(`gives the whole parse's tree: ${name}`, () => {
      expect(parseMarkdown(text)).toEqual(whole.parse(text));
    });

  it("gives the whole parse's tree when its sections come from the cache", () => {
    const kept = new Map<string, ReturnType<typeof parseMarkdown>>();
    const cache = { get: (t: string) => kept.get(t), set: (t: string, tree: ReturnType<typeof parseMarkdown>) => void kept.set(t, tree) };
    const a = '# A\n\nintro\n\n## Notes\n\n- one\n\n## Next steps\n\n- [ ] Kim to send\n';
    const b = `# A\n\nintro, longer now\n\n## Background\n\ntext\n${a.slice(a.indexOf('## Notes'))}`;
    parseMarkdown(a, cache);
    expect(parseMarkdown(b, cache)).toEqual(whole.parse(b));
    expect(parseMarkdown(a, cache)).toEqual(whole.parse(a));
  });

  it("gives the whole parse's tree on every file of the shared corpus", { timeout: 900_000 }, () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(2700);
    const differing: string[] = [];
    for (const file of files) {
      const text = withLineFeeds(readFileSync(file, 'utf8'));
      if (JSON.stringify(parseMarkdown(text)) !== JSON.stringify(whole.parse(text))) differing.push(file);
    }
    expect(differing).toEqual([]);
  });
});
