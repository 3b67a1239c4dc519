import { describe, expect, it } from 'vitest';
import { lint, resolveConfig } from '../engine/index.js';

const config = resolveConfig(undefined, { machineTimezone: 'UTC' });
const rulesAt = (text: string) => lint({ text }, config).diagnostics.map((d) => `${d.line}:${d.ruleId}`);

const FM = '---\ndate: 2026-11-20\nseller: [Dana]\nbuyer: [Mary]\n---\n';
// Line 7 and 8 each hold a vague follow-up; the follow-up call on line 9 keeps the note-level rules quiet.
const BODY = '## Next steps\n- [ ] Mary: let us know\n- [ ] Mary: get back to us\n- [ ] Demo call Tue Dec 1 at 2pm\n';

describe('inline comments and front matter turn rules off', () => {
  it('reports both vague follow-ups when nothing is disabled', () => {
    const found = rulesAt(FM + BODY).filter((r) => r.endsWith('no-vague-follow-up'));
    expect(found).toEqual(['7:no-vague-follow-up', '8:no-vague-follow-up']);
  });

  it('disable-next-line silences only the next line', () => {
    const text =
      FM +
      '## Next steps\n<!-- notelint-disable-next-line no-vague-follow-up -->\n- [ ] Mary: let us know\n- [ ] Mary: get back to us\n- [ ] Demo call Tue Dec 1 at 2pm\n';
    expect(rulesAt(text).filter((r) => r.endsWith('no-vague-follow-up'))).toEqual(['9:no-vague-follow-up']);
  });

  it('disable-line silences the line the comment is on', () => {
    const text = FM + BODY.replace('let us know\n', 'let us know <!-- notelint-disable-line no-vague-follow-up -->\n');
    expect(rulesAt(text).filter((r) => r.endsWith('no-vague-follow-up'))).toEqual(['8:no-vague-follow-up']);
  });

  it('disable and enable bracket a region', () => {
    const text =
      FM +
      '## Next steps\n<!-- notelint-disable no-vague-follow-up -->\n- [ ] Mary: let us know\n<!-- notelint-enable no-vague-follow-up -->\n\n- [ ] Mary: get back to us\n- [ ] Demo call Tue Dec 1 at 2pm\n';
    expect(rulesAt(text).filter((r) => r.endsWith('no-vague-follow-up'))).toEqual(['11:no-vague-follow-up']);
  });

  it('a comment with no rule id disables every rule', () => {
    const text = FM + '<!-- notelint-disable -->\n' + BODY;
    expect(rulesAt(text).filter((r) => r.endsWith('no-vague-follow-up'))).toEqual([]);
  });

  it('a comment naming another rule leaves this one on', () => {
    const text = FM + '## Next steps\n<!-- notelint-disable-next-line no-hedged-commitment -->\n- [ ] Mary: let us know\n';
    expect(rulesAt(text)).toContain('8:no-vague-follow-up');
  });

  it('front matter `notelint: off` silences the whole note', () => {
    expect(rulesAt(FM.replace('---\n', '---\nnotelint: off\n') + BODY)).toEqual([]);
  });

  it('front matter `notelint: [rule]` silences only that rule', () => {
    const found = rulesAt('---\nnotelint: [no-vague-follow-up]\n' + FM.slice(4) + BODY);
    expect(found.some((r) => r.endsWith('no-vague-follow-up'))).toBe(false);
    expect(found.length).toBeGreaterThan(0);
  });

  it('a note whose type is not a customer meeting skips the customer-meeting rules only', () => {
    const text = '---\ntype: internal\ndate: 2026-11-20\n---\nWe will circle back next month.\n\n- [ ] ship it by Nov 2\n';
    expect(rulesAt(text)).toEqual(['7:require-action-owner', '7:no-past-date']);
  });

  it('comments inside code blocks are not directives', () => {
    const text = FM + '```\n<!-- notelint-disable -->\n```\n' + BODY;
    expect(rulesAt(text).filter((r) => r.endsWith('no-vague-follow-up'))).toHaveLength(2);
  });
});
