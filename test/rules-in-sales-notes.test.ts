import { describe, expect, it } from 'vitest';
import { lint, resolveConfig } from '../engine/index.js';

// Short sales notes, each read the way a sales manager would: does this rule speak up, or not?
const config = resolveConfig(undefined, { machineTimezone: 'America/New_York' });
const FM = '---\ndate: 2026-11-20\naccount: Acme Corp\nseller: [Dana Lee]\nbuyer: [Mary Chen, Jim Park]\n---\n';
const fired = (body: string, rule: string) =>
  lint({ text: FM + body, path: 'acme.md' }, config).diagnostics.filter((d) => d.ruleId === rule);

const cases: Array<[string, string, string, boolean]> = [
  // [behaviour, rule, note body, fires?]
  ['a follow-up next week is vague', 'no-vague-follow-up', 'We will follow up next week.\n', true],
  ['"I\'ll call you sometime next week" is vague', 'no-vague-follow-up', "I'll call you sometime next week.\n", true],
  ['"can I follow up in a few weeks?" is vague', 'no-vague-follow-up', 'Can I follow up in a few weeks?\n', true],
  ['"they\'ll get back to us" is vague', 'no-vague-follow-up', "They'll get back to us.\n", true],
  ['"let\'s touch base Tue Dec 1 at 2pm" is not vague', 'no-vague-follow-up', "Let's touch base Tue Dec 1 at 2pm.\n", false],
  ['"their board meets next week" is no follow-up', 'no-vague-follow-up', 'Their board meets next week.\n', false],
  ['"shipping" does not contain a ping', 'no-vague-follow-up', 'Shipping is their main cost.\n', false],
  ['a past "reached out" is no promise', 'no-vague-follow-up', 'Mary reached out to us in October.\n', false],
  ['"next meeting: TBD" is vague', 'no-vague-follow-up', 'Next meeting: TBD\n', true],
  ['"meet after the holidays" is vague', 'no-vague-follow-up', "Let's meet after the holidays.\n", true],
  ['a demo in two weeks is vague', 'no-vague-follow-up', '- [ ] Demo in two weeks\n', true],
  [
    'a follow-up email is not a promise to follow up',
    'no-vague-follow-up',
    '- [ ] Dana: send a follow-up email with the deck by Mon Nov 23\n',
    false,
  ],

  [
    'a client item that only asks for pricing is compliance',
    'no-compliance-only',
    '- [ ] Mary: asked for pricing and two case studies\n- [ ] Dana: send pricing by Mon Nov 23\n',
    true,
  ],
  ['a client promise to think it over is compliance', 'no-compliance-only', '- [ ] Mary: think it over and get back to us\n', true],
  ['sharing data takes effort', 'no-compliance-only', '- [ ] Mary: share last quarter’s numbers by Wed Nov 25\n', false],
  [
    'one effortful client item is enough',
    'no-compliance-only',
    '- [ ] Mary: think it over\n- [ ] Jim: bring the CFO to the call on Tue Dec 1 at 2pm\n',
    false,
  ],
  ['with no client items the rule stays quiet', 'no-compliance-only', '- [ ] Dana: send the proposal\n', false],

  [
    'seller-only items need a client action',
    'require-client-action',
    '## Next steps\n- [ ] Dana: send the proposal\n- [ ] I will draft the SOW\n',
    true,
  ],
  [
    'a client item satisfies it',
    'require-client-action',
    '## Next steps\n- [ ] Dana: send the proposal\n- [ ] Mary: intro us to Jim\n',
    false,
  ],
  [
    'a dated meeting with no owner is joint',
    'require-client-action',
    '## Next steps\n- [ ] Dana: send the proposal\n- [ ] Review call Tue Dec 1 at 2pm\n',
    false,
  ],
  [
    'an undated "next meeting: TBD" commits no one',
    'require-client-action',
    '## Next steps\n- [ ] Dana: send the proposal\n- [ ] Next meeting: TBD\n',
    true,
  ],
  ['a done client item does not count', 'require-client-action', '- [ ] Dana: send the proposal\n- [x] Mary: send the data\n', true],

  ['no meeting at all needs a dated next event', 'require-dated-next-event', '- [ ] Mary: send the data by Fri Nov 27\n', true],
  [
    'a meeting in a prose question with a day counts',
    'require-dated-next-event',
    'Can we set up a follow-up call on Friday? She said yes, at 2:00.\n',
    false,
  ],
  ['"today\'s meeting" is not a next meeting', 'require-dated-next-event', "In today's meeting we covered pricing.\n", true],
  ['a past meeting in prose is not a next meeting', 'require-dated-next-event', 'We met on Nov 2 with IT.\n', true],
  [
    'our meeting counts even when the board is mentioned',
    'require-dated-next-event',
    'We booked a debrief call for Tue Dec 15 at 4pm to hear what the board asked.\n',
    false,
  ],

  ['"will try to" hedges', 'no-hedged-commitment', '- [ ] Mary will try to get the security review started by Fri Nov 27\n', true],
  ['"tentatively" hedges', 'no-hedged-commitment', '- [ ] Demo tentatively Tue Dec 1\n', true],
  ['a firm item does not hedge', 'no-hedged-commitment', '- [ ] Mary: sign the NDA by Tue Nov 24\n', false],
  [
    'an effort reported with "trying to" is not a hedged promise',
    'no-hedged-commitment',
    '- [ ] Dana to book the workshop and trying to gather the constraints by Mon Nov 23\n',
    false,
  ],
  [
    'a conversation under a "next steps" topic heading holds no hedged items',
    'no-hedged-commitment',
    '## Next steps for the pilot\n\n**Mary Chen**: Can we run the pilot on the new region, or is that too early for your team to support?\n\n**Dana Lee**: Maybe, but then the migration path is different and we would need another review of the data flows first.\n\n**Jim Park**: probably both.\n\n**Mary Chen**: Okay.\n\n**Dana Lee**: Then the old region first.\n\n**Jim Park**: Agreed.\n\n**Mary Chen**: And the timeline?\n\n**Dana Lee**: Maybe six weeks.\n',
    false,
  ],
  [
    'a hedged aside after a firm step does not hedge the step',
    'no-hedged-commitment',
    '- [ ] Dana: invite Jim and others by Mon Nov 23 (they might join as well)\n',
    false,
  ],
  ['a hedged second step still hedges', 'no-hedged-commitment', '- [ ] Jim to reach out to IT and maybe bring them to the call\n', true],

  ['an item with no owner', 'require-action-owner', '- [ ] send the NDA\n', true],
  ['a meeting with no owner is joint, not ownerless', 'require-action-owner', '- [ ] Kickoff call Tue Dec 1 at 10am\n', false],

  ['a client item with no date', 'require-action-due-date', '- [ ] Mary: intro us to Jim\n', true],
  ['a client item with a weekday is dated', 'require-action-due-date', '- [ ] Mary: intro us to Jim by Friday\n', false],
  ['a seller item needs no due date from this rule', 'require-action-due-date', '- [ ] Dana: send the deck\n', false],

  ['a next meeting with no time', 'require-event-time', '- [ ] Follow-up call Tue Dec 1\n', true],
  ['a next meeting with a time', 'require-event-time', '- [ ] Follow-up call Tue Dec 1 at 2pm\n', false],

  ['"by Nov 13" in notes of Nov 20 is in the past', 'no-past-date', '- [ ] Mary: send the data by Nov 13\n', true],
  ['"by Dec 3" is ahead', 'no-past-date', '- [ ] Mary: send the data by Dec 3\n', false],
  ['a done item may carry a past date', 'no-past-date', '- [x] Mary: send the data by Nov 13\n', false],

  ['"Tue Dec 2" when Dec 2 is a Wednesday', 'no-weekday-mismatch', '- [ ] Call Tue Dec 2 at 2pm\n', true],
  ['"Wed Dec 2" is right', 'no-weekday-mismatch', '- [ ] Call Wed Dec 2 at 2pm\n', false],

  ['"Friday" in an item wants its date', 'prefer-absolute-date', '- [ ] Mary: send the data Friday\n', true],
  ['"Friday (2026-11-27)" is already absolute', 'prefer-absolute-date', '- [ ] Mary: send the data Friday (2026-11-27)\n', false],
  ['"today\'s call" is not a due date', 'prefer-absolute-date', "- [ ] Dana: send the recap of today's call\n", false],
];

describe('rules on short sales notes', () => {
  it.each(cases)('%s', (_behaviour, rule, body, fires) => {
    const found = fired(body, rule);
    if (fires) expect(found.length, `expected ${rule}`).toBeGreaterThan(0);
    else expect(found, `expected no ${rule}`).toEqual([]);
  });

  it('a front matter next_meeting with a day is the next event', () => {
    const text = FM.replace('---\n', '---\nnext_meeting: 2026-12-02 14:00\n') + 'Notes.\n';
    expect(lint({ text }, config).diagnostics.map((d) => d.ruleId)).not.toContain('require-dated-next-event');
  });

  it('the no-vague-follow-up range covers the phrase, not the line', () => {
    const [d] = fired('Mary is keen. We will follow up next week, she said.\n', 'no-vague-follow-up');
    const text = FM + 'Mary is keen. We will follow up next week, she said.\n';
    expect(text.slice(d.start, d.end)).toBe('follow up next week');
  });
});
