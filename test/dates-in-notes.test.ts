/**
 * The date reader of issue 8 in whole notes, through the real CLI (`node bin/notelint.js`): what the
 * rules say of each new form, and what `--fix` writes — and never writes a day the reader is not
 * sure of.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type JsonMessage, type JsonResult, parseJsonOutput, runCli, treeMaker } from './helpers/cli.js';
import { runCliWithInput } from './helpers/cli-stdin.js';

const tree = treeMaker();

function note(date: string, items: string[], extra = ''): string {
  return [
    '---',
    `date: ${date}`,
    'seller: [Dana Lee]',
    'buyer: [Mary Chen, Jim Park]',
    'account: Acme',
    '---',
    '',
    '# Acme — pricing call',
    '',
    extra,
    '## Next steps',
    ...items.map((item) => `- [ ] ${item}`),
    '',
  ].join('\n');
}

/** Lints `text` from standard input; the messages by line: [line text, rule, message, fix text]. */
async function lint(text: string): Promise<Array<[string, string | null, string, string | undefined]>> {
  const result = await runCliWithInput(['--format', 'json', '--stdin', '--stdin-filename', 'acme.md'], text);
  const [file] = JSON.parse(result.stdout.toString('utf8')) as JsonResult[];
  const lines = text.split('\n');
  return file.messages.map((m: JsonMessage) => [lines[m.line - 1].replace(/^- \[ \] /, ''), m.ruleId, m.message, m.fix?.text]);
}

const rulesOn = (found: Array<[string, string | null, string, string | undefined]>, line: string) =>
  found.filter(([l]) => l === line).map(([, rule]) => rule);

describe('relative weekday grammar in action items: the right day, and --fix writes it', () => {
  // Fri 2026-11-20
  const items = [
    'Mary: send the signed order form Friday after next',
    'Dana: share the deck the last Friday of the month',
    'Mary: confirm the budget a week from Friday',
    'Dana: send pricing 3 Fridays from now',
    'Mary: sign the NDA by EOD',
    'Jim: book the demo with Mary tonight at 8',
  ];
  it('prefer-absolute-date offers the day each phrase names', async () => {
    const found = await lint(note('2026-11-20', items));
    const fixes = found.filter(([, rule]) => rule === 'prefer-absolute-date').map(([line, , , fix]) => [line, fix]);
    expect(fixes).toEqual([
      [items[0], ' (2026-12-04)'],
      [items[1], ' (2026-11-27)'],
      [items[2], ' (2026-12-04)'],
      [items[3], ' (2026-12-11)'],
      [items[4], ' (2026-11-20)'],
      [items[5], ' (2026-11-20)'],
    ]);
    expect(found.filter(([, rule]) => rule === 'no-past-date' || rule === 'require-action-due-date')).toEqual([]);
  });
  it('--fix writes them beside each phrase, and a second run changes nothing', async () => {
    const dir = tree({ 'acme.md': note('2026-11-20', items) });
    const file = path.join(dir, 'acme.md');
    await runCli(['--fix', '--rule', 'prefer-absolute-date:info', 'acme.md'], { cwd: dir });
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toContain('- [ ] Mary: send the signed order form Friday after next (2026-12-04)\n');
    expect(fixed).toContain('- [ ] Dana: share the deck the last Friday of the month (2026-11-27)\n');
    expect(fixed).toContain('- [ ] Mary: confirm the budget a week from Friday (2026-12-04)\n');
    expect(fixed).toContain('- [ ] Dana: send pricing 3 Fridays from now (2026-12-11)\n');
    expect(fixed).toContain('- [ ] Mary: sign the NDA by EOD (2026-11-20)\n');
    expect(fixed).toContain('- [ ] Jim: book the demo with Mary tonight at 8 (2026-11-20)\n');
    await runCli(['--fix', 'acme.md'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(fixed);
  });
});

describe('--fix never writes a day the reader is not sure of', () => {
  const items = [
    'Dana: send the case study the second Friday',
    'Mary: review the contract Thu 15th',
    'Dana: send the summary last Friday of Q3',
    'Mary: share usage numbers every Friday',
    'Dana: call Jim Friday of launch week',
    'Mary: sign by Friday',
  ];
  it('only the plain "Friday" gets a fix; "Thu 15th" is a weekday mismatch instead', async () => {
    const found = await lint(note('2026-11-20', items));
    const fixes = found.filter(([, rule]) => rule === 'prefer-absolute-date').map(([line, , , fix]) => [line, fix]);
    expect(fixes).toEqual([[items[5], ' (2026-11-27)']]);
    const mismatch = found.filter(([, rule]) => rule === 'no-weekday-mismatch');
    expect(mismatch.map(([line, , message]) => [line, message])).toEqual([
      [items[1], '"Thu 15th": Dec 15 is a Tuesday, not a Thursday. Check which day you agreed on with the client.'],
    ]);
  });
  it('--fix leaves those lines as they are', async () => {
    const dir = tree({ 'acme.md': note('2026-11-20', items) });
    await runCli(['--fix', 'acme.md'], { cwd: dir });
    const fixed = readFileSync(path.join(dir, 'acme.md'), 'utf8');
    for (const item of items.slice(0, 5)) expect(fixed).toContain(`- [ ] ${item}\n`);
    expect(fixed).toContain('- [ ] Mary: sign by Friday (2026-11-27)\n');
  });
});

describe('days of a month, ranges, the guard and hours beside a date: dated, not past, not vague', () => {
  // Tue 2026-09-15: October is ahead
  const items = [
    'Mary: bring Jim from IT the last Friday of October',
    'Mary: send the SOC 2 answers Feb 15 in the morning',
    'Workshop with Mary and Jim July 13 through 15',
    'Jim: confirm the order by Black Friday',
    'Mary: sign the order form the first business day of November',
    'Jim: review the proposal Dec 8 or 9',
  ];
  it('no rule mistakes them for past, undated or wrong days; no fix rewrites a calendar-worded day', async () => {
    const found = await lint(note('2026-09-15', items));
    for (const item of items) {
      expect(rulesOn(found, item), item).not.toContain('no-past-date');
      expect(rulesOn(found, item), item).not.toContain('require-action-due-date');
      expect(rulesOn(found, item), item).not.toContain('prefer-absolute-date');
      expect(rulesOn(found, item), item).not.toContain('no-vague-follow-up');
    }
  });
  it('the next event is the Oct 18 call at 15:00 UTC: it has a time', async () => {
    const found = await lint(note('2026-09-15', ['Call with Mary and Jim Oct 18 15 UTC', 'Mary: send the budget by Friday']));
    expect(
      found.filter(([, rule]) => rule === 'require-event-time' || rule === 'require-dated-next-event' || rule === 'no-past-date'),
    ).toEqual([]);
  });
  it('a call whose time is only "Feb 15 in the morning" is dated but has no time', async () => {
    const found = await lint(note('2026-09-15', ['Call with Mary Feb 15 in the morning']));
    expect(found.filter(([, rule]) => rule === 'require-dated-next-event')).toEqual([]);
    expect(found.filter(([, rule]) => rule === 'require-event-time').map(([, , message]) => message)).toEqual([
      'The next meeting (Mon Feb 15) has no time. Agree on a time with the client and send the calendar invite.',
    ]);
  });
  it('"between 9:30 and 11:00 on Thursday": the next event on Thursday, with its time', async () => {
    const found = await lint(note('2026-09-15', ['Call with Mary between 9:30 and 11:00 on Thursday']));
    expect(found.filter(([, rule]) => rule === 'require-event-time' || rule === 'require-dated-next-event')).toEqual([]);
  });
});

describe('holidays: days, with the past-window rule; "after Thanksgiving" is vague', () => {
  it('a holiday shortly before the meeting is a past date (no-past-date), like a month-day', async () => {
    // Thu 2026-12-03: Thanksgiving (Nov 26) was a week before
    const found = await lint(note('2026-12-03', ['Mary: send the budget by Thanksgiving', 'Jim: sign by Christmas']));
    expect(found.filter(([, rule]) => rule === 'no-past-date').map(([line, , message]) => [line, message])).toEqual([
      [
        'Mary: send the budget by Thanksgiving',
        '"Thanksgiving" (Thu Nov 26) is before the meeting (Thu Dec 3). Fix the date or agree on a new one.',
      ],
    ]);
  });
  it('"follow up after Thanksgiving" is a vague follow-up; "Black Friday" is no mere Friday', async () => {
    const found = await lint(note('2026-11-20', ['Dana: follow up after Thanksgiving', 'Mary: decide by Black Friday']));
    expect(rulesOn(found, 'Dana: follow up after Thanksgiving')).toContain('no-vague-follow-up');
    expect(rulesOn(found, 'Mary: decide by Black Friday')).toEqual([]);
  });
});

describe('times: am/pm from the part of the day, clock words', () => {
  it('"tonight at 8" is the meeting day at 20:00; "half past 3pm" is a time of the dated call', async () => {
    const dir = tree({
      'acme.md': note('2026-11-20', ['Demo with Mary and Jim Tue Dec 1 at half past 3pm', 'Mary: send the logo tonight at 8']),
    });
    const result = await runCli(['--format', 'json', 'acme.md'], { cwd: dir });
    const [file] = parseJsonOutput(result);
    const rules = file.messages.map((m) => m.ruleId);
    expect(rules).not.toContain('require-event-time');
    expect(rules).not.toContain('require-dated-next-event');
    expect(file.messages.filter((m) => m.ruleId === 'prefer-absolute-date').map((m) => m.fix?.text)).toEqual([' (2026-11-20)']);
  });
});
