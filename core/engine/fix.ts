import type { Diagnostic, Fix } from './types.js';

/** Applies non-overlapping fixes in order, ESLint-style; overlapping ones wait for the next pass. */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): { text: string; applied: Fix[] } {
  const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : [])).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: Fix[] = [];
  let out = '';
  let at = 0;
  for (const fix of fixes) {
    const [from, to] = fix.range;
    if (from < at || to < from || to > text.length) continue;
    out += text.slice(at, from) + fix.text;
    at = to;
    applied.push(fix);
  }
  return { text: out + text.slice(at), applied };
}
