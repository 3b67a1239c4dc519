/** Generated notes for property tests (fast-check): seller's lines, cut, spliced and mixed with arbitrary text. */
import fc from 'fast-check';

/** Lines a seller's note is made of, so that generated notes reach the model's readings, not only the parser. */
const FRAGMENTS = [
  '---',
  'date: 2026-11-20',
  'date: 11/20/2026 2pm',
  'seller: [Dana Lee]',
  'buyer: [Mary Chen, Jim Park]',
  'account: Acme',
  'timezone: Europe/Paris',
  'notelint: off',
  '# Acme call',
  '## Next steps',
  '## Action items',
  '### 2026-11-03',
  '## Meeting 11/14',
  'Next steps:',
  'Attendees: Mary Chen (Acme), Dana Lee',
  '- [ ] Mary: send the security questionnaire by Friday',
  '- [x] Dana to follow up next week',
  '* We will hopefully circle back soon',
  '- Jim -> pull the volumes',
  '1. **Mary** will book the demo for Tue Dec 1 at 2pm',
  '- Send us a proposal (Mary)',
  '- [ ] Dana: let us know',
  'Mary: yeah, I think we could maybe look at it next month?',
  'If budget allows, they will sign in Q1.',
  'Follow-up call Thursday at 10am ET with Jim.',
  'Next meeting: TBD',
  '| Owner | Task | Due |',
  '|---|---|---|',
  '| Mary | security review | TBD |',
  '| Dana | pricing | 12/3 |',
  '<!-- notelint-disable-next-line no-vague-follow-up -->',
  '<!-- notelint-disable -->',
  '<!-- notelint-enable -->',
  '```',
  '> quoted: we will get back to you tomorrow',
  '    indented code, next week',
  'See https://example.com/next-week(soon) and ~~old plan~~.',
  'Dec 3, 10/11, 2026-13-45, 31/02, Mon Feb 30',
  '',
  '   ',
  '\t',
];
const LINE_BREAKS = ['\n', '\n', '\n', '\r\n', '\r'];

export const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('-', '*', '>', '[', ']', '|', ' ', '#', '`', '\\', ':', '1', '.', '\n'), maxLength: 30 }),
  },
  // A fragment with a random piece spliced into it: phrases cut and joined where no one would write them.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...FRAGMENTS), fc.nat(), fc.string({ unit: 'grapheme', maxLength: 8 }))
      .map(([f, at, s]) => f.slice(0, at % (f.length + 1)) + s + f.slice(at % (f.length + 1))),
  },
);
export const noteText = fc
  .tuple(fc.array(fc.tuple(fragment, fc.constantFrom(...LINE_BREAKS)), { maxLength: 30 }), fc.boolean())
  .map(([parts, bom]) => (bom ? '\uFEFF' : '') + parts.map(([f, br]) => f + br).join(''));
export const anyText = fc.oneof(noteText, fc.string({ unit: 'binary', maxLength: 200 }));
