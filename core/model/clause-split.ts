import type { Vocabulary } from '../vocabulary/types.js';
import { startsClause } from './clause-subject.js';
import type { OwnerReader } from './owners.js';
import { phraseAt, wordAt, wordBefore } from './phrase-at.js';

/** A clause's range in a sentence's text; `condition` when it opens with "if", "unless", "once"… */
export interface ClauseRange {
  start: number;
  end: number;
  condition: boolean;
}

const APPOSITION = /^(?:[@\p{Lu}][\p{L}.'’-]*\s+){0,2}[@\p{Lu}][\p{L}.'’-]*,/u;

const NAMES_AFTER_PREPOSITION = /\b(?:with|for|from|by|to|and|cc)\s+(?:[@\p{Lu}][\p{L}.'’-]*\s*){1,3}$/u;

const CONJUNCTION = /(,\s*|\s+)(?:and|but|so|or|then|while|whereas|although|though|because|plus|yet)\s+|,\s+|;\s*/giu;

/**
 * Splits a sentence into clauses: at semicolons; before a conjunction or comma that a new subject
 * and verb follow ("…, and we can follow up next week"); around conditions ("If we can't today, …",
 * "… if you have questions"), except "if" after a verb of knowing or asking ("let us know if…").
 */
export function splitClauses(text: string, reader: OwnerReader, vocabulary: Vocabulary): ClauseRange[] {
  const cuts = new Set<number>();
  for (const m of text.matchAll(CONJUNCTION)) {
    let next = m.index + m[0].length;
    // "…, and yeah I spent…": talk fillers between the conjunction and the new subject.
    for (let f = phraseAt(vocabulary, 'spokenFillers', text, next); f; f = phraseAt(vocabulary, 'spokenFillers', text, next))
      next = f.end + (/^,/.test(text.slice(f.end)) ? 1 : 0);
    // "with Priya and Tom to close out pricing": names joined after a preposition are one list, not a new subject.
    if (
      /^(?:,\s*)?(?:and|or)$/i.test(m[0].trim()) &&
      /^[@\p{Lu}]/u.test(text.slice(next)) &&
      !vocabulary.words('subjectPronouns').includes(wordAt(text, next)?.word.toLowerCase() ?? '') &&
      NAMES_AFTER_PREPOSITION.test(text.slice(Math.max(0, m.index - 60), m.index))
    )
      continue;
    // "their CFO, Greg Olsen, to a pricing session": a name between commas is an apposition, not a new subject.
    if (m[0].trim() === ',' && APPOSITION.test(text.slice(next, next + 60))) continue;
    if (m[0].trim().startsWith(';') || startsClause(text, next, reader, vocabulary)) cuts.add(m[0].trim().startsWith(';') ? next : m.index);
  }
  const conditionAt = vocabulary.memo(
    'conditionInside',
    () => new RegExp(`(?:,\\s*|\\s+)(?=(?:${vocabulary.source('conditionStarts')})\\s)`, 'giu'),
  );
  const anyCondition = vocabulary.memo(
    'anyConditionWord',
    () => new RegExp(`(?<![\\p{L}])(?:${vocabulary.source('conditionStarts')})\\s`, 'iu'),
  );
  for (const m of anyCondition.test(text) ? text.matchAll(conditionAt) : []) {
    const at = m.index + m[0].length;
    // "when" opens a condition only at the start of a sentence: "the demo when Jim is back" is a time.
    if (/^when\b/i.test(text.slice(at))) continue;
    if (vocabulary.has('complementVerbs', wordBefore(text, m.index))) continue;
    cuts.add(m.index);
  }
  // "…, please let me know": a request after a comma is a clause of its own.
  for (const m of text.matchAll(
    vocabulary.memo('pleaseAfterComma', () => new RegExp(`,\\s*(?=(?:${vocabulary.source('pleaseWords')})\\s)`, 'giu')),
  ))
    cuts.add(m.index);
  // "(he will start working next week)": an aside with its own subject and verb is a clause of its own.
  for (const m of text.matchAll(/\(([^()]{6,200})\)/g)) {
    if (!startsClause(text, m.index + 1, reader, vocabulary)) continue;
    cuts.add(m.index);
    cuts.add(m.index + m[0].length);
  }
  const points = [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  const ranges: ClauseRange[] = [];
  let from = 0;
  for (const p of [...points, text.length]) {
    // "Dana, Sam and Kim will join": a name or two before a comma are a list, not a clause.
    const before = text.slice(from, p).trim();
    if (p < text.length && before.split(/\s+/).length < 3 && /^(?:[@\p{Lu}][^\s]*\s*)+$/u.test(before) && !before.includes(';')) continue;
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
  const lead = /^(?:[\s,;:—–(-]+|(?:and|but|so|or|then|while|whereas|although|though|because|plus|yet)\b)+/iu.exec(text.slice(a, to));
  if (lead) a += lead[0].length;
  let b = to;
  while (b > a && /[\s,;)]/.test(text[b - 1])) b--;
  if (b <= a) return;
  out.push({ start: a, end: b, condition: phraseAt(vocabulary, 'conditionStarts', text, a)?.start === a });
}
