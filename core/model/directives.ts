import type { Comment } from './blocks.js';
import type { Directive } from './types.js';

const DIRECTIVE = /<!--\s*notelint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;

/** `<!-- notelint-disable rule-a, rule-b -->` and friends, markdownlint-style (docs/design.md, "Configuration"). */
export function readDirectives(comments: readonly Comment[]): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    if (!c.value.includes('notelint-')) continue;
    for (const m of c.value.matchAll(DIRECTIVE)) {
      const rules = m[2].split(/[\s,]+/).filter((r) => /^[a-z][a-z0-9-]*$/.test(r));
      out.push({ kind: m[1] as Directive['kind'], rules, start: c.start + m.index, end: c.start + m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Front matter `notelint: off` / `false` / a list of rule ids / `{rule: off}`. */
export function disabledByFrontMatter(value: unknown): string[] | 'all' {
  if (value === false || value === 'off' || value === 'false' || value === 'disable') return 'all';
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v === 'off' || v === false || v === 0)
      .map(([k]) => k);
  }
  return [];
}
