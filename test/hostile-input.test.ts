/**
 * Inputs from a shared repository are untrusted: old Mac line endings, thousands of directives, a
 * config whose vocabulary phrases would compile into a pathological pattern. Each is read right
 * (or refused with a message), never slowly enough to hang a hook or an editor.
 */
import { describe, expect, it } from 'vitest';
import { createConfigValidator } from '../core/config/validate.js';
import { lint, resolveConfig } from '../engine/index.js';
import { rules } from '../rules/index.js';

const config = resolveConfig(undefined, { machineTimezone: 'UTC' });
const NOTE =
  '---\ndate: 2026-11-20\nseller: [Dana]\nbuyer: [Mary]\n---\n# Acme call\n\n## Next steps\n- [ ] Mary: let us know\n- [ ] Dana: follow up next week\n';
const found = (text: string) =>
  lint({ text }, config).diagnostics.map((d) => [d.ruleId, d.line, d.column, d.endLine, d.endColumn, d.start, d.end]);

describe('a note with lone carriage returns (old Mac line endings)', () => {
  it('is read like the same note with line feeds: its front matter, lines and columns', () => {
    const lf = found(NOTE);
    expect(lf.some(([rule]) => rule === 'no-vague-follow-up')).toBe(true);
    expect(lf.some(([rule]) => rule === 'require-meeting-date')).toBe(false);
    expect(found(NOTE.replace(/\n/g, '\r'))).toEqual(lf);
  });

  it('with CRLF line endings keeps the same lines and columns', () => {
    const crlf = found(NOTE.replace(/\n/g, '\r\n'));
    expect(crlf.map(([rule, line, column]) => [rule, line, column])).toEqual(
      found(NOTE).map(([rule, line, column]) => [rule, line, column]),
    );
  });
});

describe('thousands of disable comments', () => {
  it('silence exactly their own lines: 20,000 of them before 2,000 vague follow-ups', () => {
    const head = '---\ndate: 2026-11-20\nseller: [Dana]\nbuyer: [Mary]\n---\n# Acme call\n\n';
    const comments = '<!-- notelint-disable-line no-vague-follow-up -->\n'.repeat(20_000);
    const items =
      '\n## Next steps\n\n' +
      '- [ ] Mary: get back to us\n'.repeat(2_000) +
      '- [ ] Mary: let us know <!-- notelint-disable-line no-vague-follow-up -->\n';
    const vague = lint({ text: head + comments + items }, config).diagnostics.filter((d) => d.ruleId === 'no-vague-follow-up');
    const first = head.split('\n').length + 20_000 + 3;
    expect(vague.map((d) => d.line)).toEqual(Array.from({ length: 2_000 }, (_, i) => first + i));
  }, 30_000);
});

describe('vocabulary phrases a config adds', () => {
  const validate = createConfigValidator(rules);
  const problems = (phrases: string[]) => {
    const result = validate({ vocabulary: { add: { hedges: phrases } } });
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('are refused, naming the phrase, when they would match an empty string', () => {
    expect(problems(['|'])).toEqual(['vocabulary.add.hedges: the phrase "|" has an empty alternative in "|"']);
    expect(problems(['maybe|'])[0]).toContain('empty alternative');
    expect(problems(['a? b?'])[0]).toContain('only optional words');
  });

  it('are refused when their optional words would multiply the ways a text is tried', () => {
    expect(problems([`${'a? '.repeat(8)}zzz`])[0]).toContain('more than 4 optional words');
  });

  it('are refused when too long, with the phrase cut short in the message', () => {
    const [message] = problems(['word '.repeat(20_000)]);
    expect(message).toContain('longer than 200 characters');
    expect(message.length).toBeLessThan(200);
  });

  it('of ordinary size are accepted, and matched', () => {
    expect(problems(['if budget allows', 'fingers crossed?', 'hopefully|ideally'])).toEqual([]);
    const custom = resolveConfig({ vocabulary: { add: { hedges: ['god willing'] } } }, { machineTimezone: 'UTC' });
    const text =
      '---\ndate: 2026-11-20\nseller: [Dana]\nbuyer: [Mary]\n---\n# Acme call\n\n## Next steps\n- [ ] Mary will, god willing, send the volumes by Friday\n';
    expect(lint({ text }, custom).diagnostics.map((d) => d.ruleId)).toContain('no-hedged-commitment');
  });

  it('at the limits stay quick to match on a hostile line (four optional words, a line of 10,000 repeats)', () => {
    const custom = resolveConfig({ vocabulary: { add: { hedges: ['a? a? a? a? zzz'] } } }, { machineTimezone: 'UTC' });
    const text = `---\ndate: 2026-11-20\n---\n# Call\n\n${'a '.repeat(10_000)}\n`;
    expect(lint({ text }, custom).diagnostics.some((d) => d.ruleId === 'no-hedged-commitment')).toBe(false);
  }, 60_000);
});

describe('lists and quotes nested thousands of levels deep', () => {
  const head = '---\ndate: 2026-11-20\n---\n# Pasted thread\n\n';
  const deepest = (text: string) => lint({ text: head + text }, config).diagnostics.filter((d) => d.ruleId === 'max-nesting-depth');

  it('are read to 32 levels and said once, at the first line cut: quotes and bullets on one line', () => {
    for (const line of ['> '.repeat(10_000) + 'hi\n', '- '.repeat(10_000), '> - 1. '.repeat(3_000) + 'x\n']) {
      const found = deepest(line);
      expect(found).toHaveLength(1);
      expect(found[0].line).toBe(6);
    }
  }, 60_000);

  it('are read to 32 levels when indented a level a line, 1,000 levels deep', () => {
    const outline = Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(2 * i)}- level ${i + 1}\n`).join('');
    const found = deepest(outline);
    expect(found.map((d) => d.line)).toEqual([6 + 32]);
  }, 60_000);

  it('leave a note of ordinary depth, and indented code, alone', () => {
    expect(deepest('- a\n  - b\n    - c\n> > quoted twice\n')).toEqual([]);
    expect(deepest(`${' '.repeat(80)}code far to the right\n`)).toEqual([]);
  });
});

describe('paragraphs dense with emphasis and link markers', () => {
  const ids = (text: string) => lint({ text }, config).diagnostics.map((d) => d.ruleId);

  it('are read as plain text past 1,000 markers, said once at the first line, with the rest of the note read as usual', () => {
    const text = `${NOTE}\n${'*a '.repeat(600)}\n${'[b] '.repeat(300)}\n\nWe will circle back soon.\n`;
    const dense = lint({ text }, config).diagnostics.filter((d) => d.ruleId === 'max-markup-density');
    expect(dense).toHaveLength(1);
    expect(dense[0].line).toBe(NOTE.split('\n').length + 1);
    expect(dense[0].endLine).toBe(dense[0].line);
    expect(ids(text)).toContain('no-vague-follow-up');
  });

  it('leave fenced code and front matter alone, however many brackets they hold', () => {
    const code = `${NOTE}\n\`\`\`json\n${'[{"a": [1, {"b": [2]}]}],'.repeat(300)}\n\`\`\`\n`;
    const front = `---\ndate: 2026-11-20\ntags: [${Array.from({ length: 600 }, (_, i) => `[t${i}]`).join(', ')}]\n---\n# Acme\n`;
    expect(ids(code)).not.toContain('max-markup-density');
    expect(ids(front)).not.toContain('max-markup-density');
  });

  it('under the limit are read as Markdown', () => {
    const text = `${NOTE}\n${'**Mary** and [Dana](https://example.com) '.repeat(100)}\n`;
    expect(ids(text)).not.toContain('max-markup-density');
  });
});
