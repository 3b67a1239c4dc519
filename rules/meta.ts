import type { RuleMeta } from '../core/engine/types.js';

export const DOCS_BASE = 'https://github.com/notelint/notelint/blob/main/docs/rules/';

/** Rule metadata with the docs URL derived from the id. */
export function meta(m: Omit<RuleMeta, 'docs'>): RuleMeta {
  return { ...m, docs: `${DOCS_BASE}${m.id}.md` };
}
