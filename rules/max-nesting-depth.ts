import type { Rule } from '../core/engine/types.js';
import { MAX_NESTING } from '../core/parse/nesting.js';
import { meta } from './meta.js';

export const maxNestingDepth: Rule = {
  meta: meta({
    id: 'max-nesting-depth',
    severity: 'warn',
    description: `Lists and quotes nest at most ${MAX_NESTING} levels deep; deeper lines are read as plain text.`,
    fixable: false,
    scope: 'any-note',
  }),
  check({ note, report }) {
    const deep = note.deepNesting;
    if (!deep) return;
    report({
      start: deep.start,
      end: deep.end,
      message: `Lists or quotes nest more than ${MAX_NESTING} levels deep here, so notelint read the deeper lines as plain text. Flatten the outline to a few levels.`,
    });
  },
};
