import { describe, expect, it } from 'vitest';
import type { ClauseKind } from '../../core/model/types.js';
import { FM, clausesOf, noteOf } from '../helpers/note.js';

/** Kind, subject side and follow-up phrases of each clause of a prose sentence in a sales note. */
const read = (sentence: string) =>
  clausesOf(noteOf(`${FM}# Acme — pricing\n\n${sentence}\n`), sentence.slice(0, 12)).map((c) => ({
    kind: c.kind,
    side: c.subject?.side,
    followUps: c.followUps.map((f) => f.text),
  }));

describe('what a clause does', () => {
  it.each<[string, ClauseKind, string | undefined]>([
    ["They'll get back to us.", 'commitment', 'buyer'],
    ['Jim to check the budget with the CFO tomorrow.', 'commitment', 'buyer'],
    ['Mary agreed to bring Jim to the next call.', 'commitment', 'buyer'],
    ['We will circle back on pricing.', 'commitment', 'seller'],
    ["Let's touch base on the redlines.", 'proposal', 'seller'],
    ['Can I follow up in a few weeks?', 'proposal', 'seller'],
    ['Mary said to give her a call sometime in January.', 'proposal', 'buyer'],
    ['Jim suggested a demo in two weeks for the IT team.', 'proposal', 'buyer'],
    ['I followed up with Mary on the call yesterday.', 'past', 'seller'],
    ['Mary reached out last month to set up a call.', 'past', 'buyer'],
    ['We scheduled a follow-up call last week.', 'past', 'seller'],
    ['No need to follow up on the SAP question.', 'negation', undefined],
    ['Mary did not want a vague touch base.', 'negation', 'buyer'],
    ['Feel free to reach out with any questions.', 'invitation', undefined],
    ['Please let us know if you will be joining.', 'invitation', undefined],
    ['Reach out to Kim on our support team for access.', 'invitation', undefined],
    ['Mary likes the tenant app.', 'statement', undefined],
    ['Pricing will follow up next week.', 'statement', undefined],
    ['It will be discussed at the board.', 'statement', undefined],
    ['We will need to sync off the beacon state.', 'statement', 'seller'],
    ['We should always check in on the sprint issue.', 'statement', 'seller'],
  ])('"%s" is a %s (subject: %s)', (sentence, kind, side) => {
    const [first] = read(sentence);
    expect(first.kind).toBe(kind);
    expect(first.side).toBe(side);
  });

  it('splits a condition from the proposal it governs: the proposal still proposes', () => {
    expect(read("If we can't today, we can follow up next week.").map((c) => c.kind)).toEqual(['condition', 'proposal']);
  });

  it('splits two subjects joined by "and": a dated promise does not date the other clause', () => {
    const clauses = read('Jim will send the extract by Fri Dec 11, and we can follow up on the questions next week.');
    expect(clauses.map((c) => [c.kind, c.side])).toEqual([
      ['commitment', 'buyer'],
      ['proposal', 'seller'],
    ]);
    expect(clauses[1].followUps).toEqual(['follow up']);
  });

  it('keeps "if" after a verb of asking or knowing in its clause', () => {
    expect(read('Mary asked if we could reconnect in a few weeks.').map((c) => c.kind)).toEqual(['proposal']);
  });

  it('reads a speaker’s "I" and "we" as the speaker’s side in a transcript line', () => {
    const n = noteOf(`${FM}# Acme\n\n## Transcript\n\nMary Chen: We'll send the floor plans.\n`);
    const [c] = clausesOf(n, 'floor plans');
    expect(c.kind).toBe('commitment');
    expect(c.subject?.side).toBe('buyer');
  });

  it('marks a possibility voiced as a proposal, so a transcript can tell it from "let\'s"', () => {
    const n = noteOf(`${FM}We could check in on the next call. Let's check in on the next call.\n`);
    expect(clausesOf(n, 'We could')[0].musing).toBe(true);
    expect(clausesOf(n, "Let's")[0].musing).toBe(false);
  });
});

describe('follow-up phrases of a clause', () => {
  it.each([
    ['Tomás will follow-up next week with the SOW.', ['follow-up']],
    ['Farah will get back to Tomás on the integration.', ['get back to Tomás']],
    ['Raj to lmk on final headcount.', ['lmk']],
    ['Wei Ming to revert on the PO number.', ['revert on']],
    ['Shipping to their EU warehouse starts soon.', []],
    ['We will meet the deadline for the audit.', []],
    ['I will post a recording of the Zoom call later.', []],
    ['We will talk to you all soon.', []],
  ])('"%s" → %j', (sentence, phrases) => {
    expect(read(sentence).flatMap((c) => c.followUps)).toEqual(phrases);
  });
});

describe('the hedge of a commitment', () => {
  const hedge = (item: string) => {
    const n = noteOf(`${FM}## Next steps\n- [ ] ${item}\n`);
    return n.actionItems[0].clauses.map((c) => c.hedge && [c.hedge.text, c.hedge.firm]).find(Boolean);
  };
  it.each([
    ['Divya should be able to send the rate history by Fri Oct 23', ['should be able to', true]],
    ['Karim: hopefully bring the GM to the workshop', ['hopefully', true]],
    ['Owen will try to get the security review started', ['will try to', true]],
    ['Josh to reach out to Amanieu and potentially prepare a report', ['potentially', false]],
  ])('"%s" hedges: %j', (item, expected) => {
    expect(hedge(item)).toEqual(expected);
  });
  it.each([
    ['Solve the problem we are trying to solve'],
    ['Check whether it might work with SSO'],
    ['Email the maintainers, possibly using the template'],
    ['Cameron is trying to get more interest'],
  ])('"%s" hedges nothing of its own commitment', (item) => {
    expect(hedge(item)).toBeUndefined();
  });
});

describe('a follow-up word in a sentence that promises nothing', () => {
  it.each([
    ['Priya forwarded our follow-up email on Monday.'],
    ['The ping for us-west people is slow next week.'],
    ['Mary reached out last month to set up a call.'],
  ])('"%s" is no commitment or proposal, so nothing can call it vague', (sentence) => {
    const kinds = read(sentence).map((c) => c.kind);
    expect(kinds.some((k) => k === 'commitment' || k === 'proposal')).toBe(false);
  });
});
