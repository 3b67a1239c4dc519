import type { Rule } from '../core/engine/types.js';
import { MAX_INLINE_MARKERS } from '../core/parse/inline-density.js';
import { lineEndAt } from '../core/text/lines.js';
import { meta } from './meta.js';

export const maxMarkupDensity: Rule = {
  meta: meta({
    id: 'max-markup-density',
    severity: 'warn',
    description: `A paragraph holds at most ${MAX_INLINE_MARKERS.toLocaleString('en-US')} emphasis and link markers (*, _, [, ]); a denser one is read as plain text.`,
    fixable: false,
    scope: 'any-note',
  }),
  check({ note, report }) {
    const dense = note.denseMarkup;
    if (!dense) return;
    report({
      start: dense.start,
      // Its first line: the paragraph itself may run for thousands of lines.
      end: Math.min(dense.end, lineEndAt(note.text, dense.start)),
      message: `This paragraph has more than ${MAX_INLINE_MARKERS.toLocaleString('en-US')} of *, _, [ and ], so notelint read it as plain text. Break it into paragraphs, or put the pasted data in a code block.`,
    });
  },
};
