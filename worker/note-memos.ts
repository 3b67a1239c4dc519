import { NoteMemo } from '../engine/index.js';

/** The memos of the notes open in the editor, kept while their texts add up to at most this many characters. */
const KEPT_CHARS = 4 * 1024 * 1024;

const memos = new Map<string, { memo: NoteMemo; chars: number }>();

/**
 * The memo of an open document (by its URI), so that linting its next version reads again only what
 * changed (docs/design.md, "Speed"); the documents linted longest ago are let go first.
 */
export function memoFor(key: string, chars: number): NoteMemo {
  const found = memos.get(key);
  memos.delete(key);
  const memo = found?.memo ?? new NoteMemo();
  memos.set(key, { memo, chars });
  let total = 0;
  for (const kept of memos.values()) total += kept.chars;
  for (const [k, kept] of memos) {
    if (total <= KEPT_CHARS || k === key) break;
    memos.delete(k);
    total -= kept.chars;
  }
  return memo;
}
