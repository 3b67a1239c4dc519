// The benchmark's table (bench/lib/table.mjs): which rows it marks met, and how it prints them.
// No timing here: speed is measured by `npm run bench`, never by a test.
import { describe, expect, it } from 'vitest';
import { formatTable, row, verdict } from '../bench/lib/table.mjs';

describe('the benchmark table', () => {
  it('marks a figure at or under an "at most" target met, and over it not met', () => {
    expect(row({ what: 'p95', figure: '15 ms', target: '≤ 15 ms', value: 15, atMost: 15 }).met).toBe(true);
    expect(row({ what: 'p95', figure: '15.1 ms', target: '≤ 15 ms', value: 15.1, atMost: 15 }).met).toBe(false);
  });

  it('marks a ratio at or over an "at least" target met, and under it not met', () => {
    expect(row({ what: 'vs markdownlint', figure: '', target: '≥ 2× faster', value: 2, atLeast: 2 }).met).toBe(true);
    expect(row({ what: 'vs markdownlint', figure: '', target: '≥ 2× faster', value: 0.8, atLeast: 2 }).met).toBe(false);
  });

  it('never marks a failed lint met, however fast it failed, and says when nothing was measured', () => {
    expect(row({ what: 'open', figure: '3 ms (failed)', target: '≤ 1.5 s', value: 3, atMost: 1500, failed: true }).met).toBe(false);
    const unmeasured = row({ what: 'open', figure: '—', target: '≤ 1.5 s', value: undefined, atMost: 1500 });
    expect(unmeasured.met).toBeUndefined();
    expect(verdict(unmeasured.met)).toBe('not measured');
    expect(row({ what: 'ratio', figure: '', target: '≤ 1.0×', value: Number.NaN, atMost: 1 }).met).toBeUndefined();
  });

  it('prints aligned Markdown rows with the verdict, the count of targets met and the numbered notes', () => {
    const text = formatTable([
      row({ what: 'a | b', figure: '1 s', target: '≤ 2 s', value: 1, atMost: 2, note: 'one round' }),
      row({ what: 'c', figure: '3 s', target: '≤ 2 s', value: 3, atMost: 2, ratio: '1.50×' }),
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\| what +\| figure \| target \| ratio +\| met +\|$/);
    expect(lines[2]).toBe('| a \\| b [1] | 1 s    | ≤ 2 s  |       | met     |');
    expect(lines[3]).toBe('| c          | 3 s    | ≤ 2 s  | 1.50× | NOT met |');
    expect(new Set(lines.slice(0, 4).map((l) => l.length)).size).toBe(1);
    expect(text).toContain('1 of 2 targets met.');
    expect(text).toContain('[1] one round');
  });
});
