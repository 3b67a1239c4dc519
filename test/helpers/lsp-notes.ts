/** Meeting notes the protocol tests open, with what the engine reports on them (checked with the CLI). */

/**
 * Seller-only next steps, a bare "Friday" and a vague follow-up, with astral characters (emoji,
 * mathematical letters: two UTF-16 units each) before the flagged words. Meeting on Wed 2026-11-18.
 * - require-client-action, require-dated-next-event (error) on the Next steps heading;
 * - prefer-absolute-date (info) on "Friday" (2026-11-20), line 11, UTF-16 characters 37–43;
 * - no-vague-follow-up (warn) on "follow up next week", line 12, characters 15–34.
 */
export const BAD_NOTE = `---
date: 2026-11-18
account: Acme Corp
seller: [Dana Lee]
buyer: [Mary Chen, Jim Park]
---
# Acme Corp — pricing 🚀

Mary 😀 liked the 𝒻𝒶𝓃𝒸𝓎 demo.

## Next steps
- [ ] Dana: 🙂🎉 send the 📊 deck by Friday
- [ ] Dana: 🚀 follow up next week
`;
export const BAD_NOTE_CODES = ['no-vague-follow-up', 'prefer-absolute-date', 'require-client-action', 'require-dated-next-event'];

/** A clean note (examples/good-discovery-acme.md, shortened): no diagnostics. */
export const GOOD_NOTE = `---
date: 2026-11-20 10:00
timezone: America/New_York
account: Acme Corp
seller: [Dana Lee, Sam Ortiz]
buyer: [Mary Chen, Jim Park]
---

# Discovery call — Acme Corp

## Next steps
- [ ] Mary: invite her VP, Rachel Stone, to the walkthrough
- [ ] Jim: send the Okta SAML metadata and their security questionnaire by Tue Nov 24
- [ ] Dana: answer the security questionnaire by Fri Dec 4
- [ ] Onboarding-plan walkthrough Wed Dec 2 at 1:30 PM ET with Mary, Jim and Rachel (45 min, Zoom)
`;

/** Only no-vague-follow-up, on "touch base in a few weeks" (a clean note plus one vague sentence). */
export const VAGUE_ONLY_NOTE = GOOD_NOTE.replace('## Next steps', 'Let us touch base in a few weeks.\n\n## Next steps');

/** docs/rules/prefer-absolute-date.md, the wrong example: three fixable relative dates. */
export const PREFER_ABSOLUTE_WRONG = `---
date: 2026-11-17
account: Umbrella Health
seller: [Alex Romero]
buyer: [Ana Ruiz]
---
# Umbrella Health — pilot review

## Next steps
- [ ] Ana: send the pilot usage export by Thursday
- [ ] Alex: send the revised quote tomorrow
- [ ] Ana: confirm the clinical lead's availability in 3 days
`;

/** docs/rules/prefer-absolute-date.md, what `--fix` makes of the wrong example. */
export const PREFER_ABSOLUTE_FIXED = `---
date: 2026-11-17
account: Umbrella Health
seller: [Alex Romero]
buyer: [Ana Ruiz]
---
# Umbrella Health — pilot review

## Next steps
- [ ] Ana: send the pilot usage export by Thursday (2026-11-19)
- [ ] Alex: send the revised quote tomorrow (2026-11-18)
- [ ] Ana: confirm the clinical lead's availability in 3 days (2026-11-20)
`;

/** docs/rules/require-client-action.md, the first wrong example: every open item is the seller's. */
export const SELLER_ONLY = `---
date: 2026-11-20
account: Acme Corp
seller: [Dana Lee]
buyer: [Mary Chen, Jim Park]
---
# Acme Corp — security review

## Next steps
- [ ] Dana: send the SOC 2 report and the pen-test summary by Tue Nov 24
- [ ] Dana: send the proposal and two case studies by Wed Nov 25
- [ ] I'll set up a sandbox for their support leads
`;

/** docs/rules/require-dated-next-event.md, the second wrong example: an Action items section, no meeting. */
export const NO_NEXT_EVENT_WITH_HEADING = `---
date: 2026-10-06
account: Globex
seller: [Sam Ortiz]
buyer: [Priya Nair]
---
# Globex — pricing

## Action items
- [ ] Priya: introduce us to their CFO by Fri Oct 9
- [ ] Sam: send the revised quote by Thu Oct 8
`;

/** No next meeting and no Next steps heading at all: one task in the prose. */
export const NO_NEXT_EVENT_NO_HEADING = `---
date: 2026-12-02
account: Northwind Traders
seller: [Alex Romero]
buyer: [Hannah Cole]
---
# Northwind — business case

Hannah takes the business case to their board.

- [ ] Hannah: send us the board's questions by Fri Dec 11
`;

/** A note with no front matter at all: linted only when a config applies (a .notelintrc.json, say) or lintAllMarkdown is on. */
export const BARE_NOTE = `# Weekly call with Initech

**Date:** Tue Nov 24, 2026

Luis liked the demo. We will follow up next week.
`;

/** A plain README of a code repository: no front matter; it would get diagnostics if it were linted. */
export const PLAIN_README = `# left-pad-plus

A tiny library. We will follow up next week and circle back on the roadmap.

## Install

    npm install left-pad-plus
`;
