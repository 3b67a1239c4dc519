/**
 * An open note is linted again after each edit with what its earlier lints read (NoteMemo): the
 * result must be exactly a fresh lint's — diagnostics and the whole Note model — after random edit
 * sequences on real notes, and on every file of the shared corpus after an edit and its undo.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint, NoteMemo, resolveConfig } from '../engine/index.js';
import { corpusFiles } from './helpers/corpus-files.js';
import { projection } from './helpers/note-projection.js';

const config = resolveConfig({ seller: ['Dana Seller', '@oursales.com'] }, { machineTimezone: 'America/New_York' });
const fresh = (text: string) => projection(lint({ text, path: 'note.md' }, config));
const runs = Math.max(1, Math.round(60 * Number(process.env.NOTELINT_FUZZ_RUNS ?? 1)));

const exampleDirs = [path.resolve('examples'), path.resolve('../shared/examples/real/notes'), path.resolve('../shared/examples/notes')];
const notes = exampleDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.md') && n !== 'README.md')
    .map((n) => readFileSync(path.join(dir, n), 'utf8')),
);

/** What a seller types and deletes: whole lines, words, headings, dates, owners, markup. */
const snippets = [
  '- [ ] Kim to send the pricing by Friday\n',
  '## Next steps\n',
  '## 2026-12-01 call\n',
  'We will follow up next week.',
  ' maybe',
  'Attendees: Mary Chen (Acme), Dana Seller\n',
  '\n',
  '```\n',
  '<!-- notelint-disable -->\n',
  '| Owner | Task | Due |\n|---|---|---|\n| Mary | send logs | Dec 9 |\n',
  '# ',
  '---\n',
  'Next meeting: Tue Dec 15 at 10am\n',
  'x',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.constantFrom(...snippets),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('the lint of an edited note', () => {
  it('is exactly a fresh lint after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...notes), fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        const memo = new NoteMemo();
        let text = start;
        lint({ text, path: 'note.md', memo }, config);
        for (const e of edits) {
          text = apply(text, e);
          expect(projection(lint({ text, path: 'note.md', memo }, config))).toBe(fresh(text));
        }
      }),
      { numRuns: runs },
    );
  });

  it('is exactly a fresh lint when a config change meets the same memo', () => {
    const memo = new NoteMemo();
    const other = resolveConfig({ seller: ['Mary Chen'], locale: 'en-GB', timezone: 'Europe/London' }, { machineTimezone: 'UTC' });
    for (const text of notes.slice(0, 10)) {
      lint({ text, path: 'note.md', memo }, config);
      expect(projection(lint({ text, path: 'note.md', memo }, other))).toBe(projection(lint({ text, path: 'note.md' }, other)));
    }
  });

  it('is exactly a fresh lint on every file of the shared corpus, after an edit and its undo', { timeout: 1_800_000 }, () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(2700);
    const differing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const memo = new NoteMemo();
      const middle = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
      lint({ text: `${text.slice(0, middle)}- [ ] Kim to follow up next week\n${text.slice(middle)}`, path: file, memo }, config);
      if (projection(lint({ text, path: file, memo }, config)) !== projection(lint({ text, path: file }, config))) differing.push(file);
    }
    expect(differing).toEqual([]);
  });
});
