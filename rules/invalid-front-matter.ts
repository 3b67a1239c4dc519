import type { Rule } from '../core/engine/types.js';
import { meta } from './meta.js';

export const invalidFrontMatter: Rule = {
  meta: meta({
    id: 'invalid-front-matter',
    severity: 'error',
    description: 'The front matter must be valid YAML with known values, or notelint cannot read the meeting date and rosters.',
    fixable: false,
    scope: 'any-note',
  }),
  check({ note, report }) {
    for (const p of note.problems) {
      const what = p.kind === 'front-matter' ? `The front matter is not valid YAML: ${p.message}.` : p.message;
      report({ start: p.start, end: p.end, message: `${what} The rest of the note was still checked.` });
    }
  },
};
