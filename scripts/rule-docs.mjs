#!/usr/bin/env node
// The parts of the rule docs made from the rules' metadata: each page's header (lines 1–5: title,
// severity, fixable, scope, description) and the rules table of docs/README.md. Run it after changing a
// rule's metadata (`npm run docs`, which builds first); test/rule-docs.test.ts fails while they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const scope = (meta) => (meta.scope === 'any-note' ? 'every note' : 'customer meetings');

/** Lines 1–5 of a rule's page. */
export function ruleHeader(meta) {
  return [
    `# ${meta.id}`,
    '',
    `**Default severity:** ${meta.severity} · **Fixable:** ${meta.fixable ? 'yes' : 'no'} · **Applies to:** ${scope(meta)}`,
    '',
    meta.description,
  ].join('\n');
}

/** The page with its header made from the metadata (the rest as written). */
export function withHeader(page, meta) {
  const lines = page.split('\n');
  return [ruleHeader(meta), ...lines.slice(5)].join('\n');
}

/** docs/README.md's rules table. */
export function rulesTable(metas) {
  return [
    '| Rule | Default | Fixable | Applies to | What it checks |',
    '|---|---|---|---|---|',
    ...metas.map((m) => `| [${m.id}](rules/${m.id}.md) | ${m.severity} | ${m.fixable ? 'yes' : 'no'} | ${scope(m)} | ${m.description} |`),
  ].join('\n');
}

/** docs/README.md with its rules table made from the metadata. */
export function withTable(readme, metas) {
  return readme.replace(/^\| Rule \| Default \|[^\n]*\n(?:\|[^\n]*\n)*/m, `${rulesTable(metas)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { rules } = await import('../dist/rules/index.js');
  const docs = new URL('../docs/', import.meta.url);
  for (const { meta } of rules) {
    const file = new URL(`rules/${meta.id}.md`, docs);
    writeFileSync(file, withHeader(readFileSync(file, 'utf8'), meta));
  }
  const index = new URL('README.md', docs);
  writeFileSync(
    index,
    withTable(
      readFileSync(index, 'utf8'),
      rules.map((r) => r.meta),
    ),
  );
  console.log(`wrote the headers of ${rules.length} rule pages and the rules table of docs/README.md`);
}
