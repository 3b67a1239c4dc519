// The parsing floor: remark-parse + remark-frontmatter (YAML) + remark-gfm, nothing else. The folder
// lint is measured against a whole process that only parses every file with it (bench/parse-floor.mjs);
// bench/corpus.mjs compares the engine with it in one process.
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export const floorParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
