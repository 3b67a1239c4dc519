import type { Vocabulary } from '../vocabulary/types.js';
import { startsClause } from './clause-subject.js';
import type { OwnerReader } from './owners.js';
import { phraseAt, wordBefore } from './phrase-at.js';

/** A clause's range in a sentence's text; `condition` when it opens with "if", "unless", "once"… */
export interface ClauseRange {
  start: number;
  end: number;
  condition: boolean;
}

const CONJUNCTION = /(,\s*|\s+)(?:and|but|so|or|then|while|whereas|although|though|because|plus|yet)\s+|,\s+|;\s*/giu;

/**
 * Splits a sentence into clauses: at semicolons; before a conjunction or comma that a new subject
 * and verb follow ("…, and we can follow up next week"); around conditions ("If we can't today, …",
 * "… if you have questions"), except "if" after a verb of knowing or asking ("let us know if…").
 */
export function splitClauses(text: string, reader: OwnerReader, vocabulary: Vocabulary): ClauseRange[] {
  const cuts = new Set<number>();
  for (const m of text.matchAll(CONJUNCTION)) {
    const next = m.index + m[0].length;
    if (m[0].trim().startsWith(';') || startsClause(text, next, reader, vocabulary)) cuts.add(m[0].trim().startsWith(';') ? next : m.index);
  }
  const conditionAt = vocabulary.memo(
    'conditionInside',
    () => new RegExp(`(?:,\\s*|\\s+)(?=(?:${vocabulary.source('conditionStarts')})\\s)`, 'giu'),
  );
  for (const m of text.matchAll(conditionAt)) {
    const at = m.index + m[0].length;
    // "when" opens a condition only at the start of a sentence: "the demo when Jim is back" is a time.
    if (/^when\b/i.test(text.slice(at))) continue;
    if (vocabulary.has('complementVerbs', wordBefore(text, m.index))) continue;
    cuts.add(m.index);
  }
  const points = [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  const ranges: ClauseRange[] = [];
  let from = 0;
  for (const p of [...points, text.length]) {
    // "Dana, Sam and Kim will join": a name or two before a comma are a list, not a clause.
    if (p < text.length && text.slice(from, p).trim().split(/\s+/).length < 3 && !text.slice(from, p).includes(';')) continue;
    pushTrimmed(text, from, p, ranges, vocabulary);
    from = p;
  }
  // A leading condition ends at its first comma: "If they like it, they will…".
  const out: ClauseRange[] = [];
  for (const r of ranges) {
    if (r.condition) {
      const comma = text.slice(r.start, r.end).search(/,\s/);
      if (comma > 0) {
        out.push({ start: r.start, end: r.start + comma, condition: true });
        pushTrimmed(text, r.start + comma + 1, r.end, out, vocabulary);
        continue;
      }
    }
    out.push(r);
  }
  return out;
}

function pushTrimmed(text: string, from: number, to: number, out: ClauseRange[], vocabulary: Vocabulary): void {
  let a = from;
  const lead = /^(?:[\s,;:—–-]+|(?:and|but|so|or|then|while|whereas|although|though|because|plus|yet)\b)+/iu.exec(text.slice(a, to));
  if (lead) a += lead[0].length;
  let b = to;
  while (b > a && /[\s,;]/.test(text[b - 1])) b--;
  if (b <= a) return;
  out.push({ start: a, end: b, condition: phraseAt(vocabulary, 'conditionStarts', text, a)?.start === a });
}
