/**
 * The small phrase syntax of vocabulary/en/dates.json, compiled to regular-expression source.
 *
 * - a space matches any run of whitespace;
 * - `-` matches a hyphen, a dash, whitespace, or nothing ("mid-December", "mid December", "year end");
 * - `(a|b|c)` is a choice, `(…)?` is optional (a space before an optional group is optional with it);
 * - `{name}` is any entry of the named list (entries use the same syntax), `{#}` a number in digits,
 *   `{yyyy}` a four-digit year 1900–2099;
 * - an apostrophe also matches a typographic one; everything else is literal.
 * Matching is case-insensitive; whole words are enforced by `wholeWords`.
 */

export type PhraseLists = Readonly<Record<string, readonly string[]>>;

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

function escapeLiteral(ch: string): string {
  return ch.replace(SPECIAL, '\\$&');
}

/** Index of the bracket closing the one at `open`, or -1. */
function closing(src: string, open: number, openCh: string, closeCh: string): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === openCh) depth++;
    else if (src[i] === closeCh && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(src: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(src.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(src.slice(start));
  return parts;
}

/** Longest alternatives first, so that a longer phrase wins at the same position. */
function alternation(sources: string[]): string {
  const sorted = [...new Set(sources)].sort((a, b) => b.length - a.length);
  return `(?:${sorted.join('|')})`;
}

export function compilePhrase(phrase: string, lists: PhraseLists, depth = 0): string {
  if (depth > 8) throw new Error(`Phrase lists nest too deeply near "${phrase}"`);
  const src = phrase.trim();
  let out = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ') {
      while (src[i + 1] === ' ') i++;
      // " (x)?" — the space is optional together with the group.
      const next = i + 1;
      if (src[next] === '(' || src[next] === '{') {
        const close = src[next] === '(' ? closing(src, next, '(', ')') : src.indexOf('}', next);
        if (close > 0 && src[close + 1] === '?') {
          const inner = compileUnit(src.slice(next, close + 1), lists, depth);
          out += `(?:\\s+${inner})?`;
          i = close + 2;
          continue;
        }
      }
      out += '\\s+';
      i++;
      continue;
    }
    if (ch === '(' || ch === '{') {
      const close = ch === '(' ? closing(src, i, '(', ')') : src.indexOf('}', i);
      if (close < 0) throw new Error(`Unbalanced "${ch}" in phrase "${phrase}"`);
      const unit = compileUnit(src.slice(i, close + 1), lists, depth);
      if (src[close + 1] === '?' && out === '' && src[close + 2] === ' ') {
        // "(x)? rest" at the start: the space after the optional group goes with it.
        out += `(?:${unit}\\s+)?`;
        i = close + 3;
        while (src[i] === ' ') i++;
      } else if (src[close + 1] === '?') {
        out += `${unit}?`;
        i = close + 2;
      } else {
        out += unit;
        i = close + 1;
      }
      continue;
    }
    if (ch === '-') {
      out += '(?:[-\\u2010-\\u2014]\\s*|\\s+)?';
    } else if (ch === "'") {
      out += "['\\u2019]";
    } else {
      out += escapeLiteral(ch);
    }
    i++;
  }
  return out;
}

/** A `(…)` group or a `{…}` list reference, compiled to one non-capturing group. */
function compileUnit(unit: string, lists: PhraseLists, depth: number): string {
  if (unit.startsWith('{')) {
    const name = unit.slice(1, -1).trim();
    if (name === '#') return '\\d+';
    if (name === 'yyyy') return '(?:19|20)\\d\\d';
    const list = lists[name];
    if (!list) throw new Error(`Unknown phrase list {${name}}`);
    return alternation(list.map((entry) => compilePhrase(entry, lists, depth + 1)));
  }
  const body = unit.slice(1, -1);
  return alternation(splitTopLevel(body).map((alt) => (alt.trim() === '' ? '' : compilePhrase(alt, lists, depth + 1))));
}

/** One regular expression that finds any of the phrases as whole words (global, case-insensitive). */
export function wholeWords(phrases: readonly string[], lists: PhraseLists, flags = 'gi'): RegExp {
  const body = alternation(phrases.map((p) => compilePhrase(p, lists)));
  return new RegExp(`(?<![A-Za-z0-9_])${body}(?![A-Za-z0-9_])`, flags);
}

/** Matches when a text ends with one of the phrases (to test the words just before a date). */
export function endsWithPhrase(phrases: readonly string[], lists: PhraseLists): RegExp {
  const body = alternation(phrases.map((p) => compilePhrase(p, lists)));
  return new RegExp(`(?<![A-Za-z0-9_])${body}[\\s,]*$`, 'i');
}

/**
 * Rewrites a phrase so that it begins with a literal word: leading lists, choices and optional
 * groups are expanded ("(the)? end of week" → "the end of week", "end of week"). A phrase that
 * begins with {#} or {yyyy} is kept as it is.
 */
export function expandStart(phrase: string, lists: PhraseLists, depth = 0): string[] {
  const src = phrase.trim();
  if (depth > 8 || src === '') return src === '' ? [] : [src];
  const ch = src[0];
  if (ch !== '{' && ch !== '(') return [src];
  const close = ch === '{' ? src.indexOf('}') : closing(src, 0, '(', ')');
  if (close < 0) return [src];
  const optional = src[close + 1] === '?';
  const rest = src.slice(close + (optional ? 2 : 1));
  let alternatives: string[];
  if (ch === '{') {
    const name = src.slice(1, close).trim();
    if (name === '#' || name === 'yyyy') return [src];
    const list = lists[name];
    if (!list) throw new Error(`Unknown phrase list {${name}}`);
    alternatives = [...list];
  } else {
    alternatives = splitTopLevel(src.slice(1, close));
  }
  const out: string[] = [];
  for (const alt of alternatives) out.push(...expandStart(`${alt}${rest}`, lists, depth + 1));
  if (optional) out.push(...expandStart(rest, lists, depth + 1));
  return out;
}

function matchLength(sticky: RegExp, text: string, i: number): number {
  sticky.lastIndex = i;
  const m = sticky.exec(text);
  return m ? m[0].length : 0;
}

/** Does `text` at `i` start with `lower` (a lower-case ASCII word), ignoring case? */
function startsWithLower(text: string, i: number, lower: string): boolean {
  if (text.length - i < lower.length) return false;
  for (let k = 0; k < lower.length; k++) {
    let code = text.charCodeAt(i + k);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== lower.charCodeAt(k)) return false;
  }
  return true;
}

function lowerCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** The key of a head by its first two characters (lower case). */
function pairKey(a: number, b: number): number {
  return (lowerCode(a) << 16) | lowerCode(b);
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * Finds phrases as a global whole-word regex would — leftmost, then longest — but fast on prose:
 * the phrases are grouped by the literal they begin with ("next", "q", "mid"; "#" for a number), and
 * only the small regex of a matching group is tried, only at word starts; the groups are found by the
 * first two letters of the word.
 */
export class PhraseFinder {
  /** First two letters (lower-case char codes, see pairKey) → [literal start, its sticky regex]. */
  private readonly byPair = new Map<number, Array<[string, RegExp]>>();
  /** First letter (lower case) → the one-letter literal starts ("q" of "q{#}"). */
  private readonly bySingle = new Map<number, Array<[string, RegExp]>>();
  private readonly byDigit: RegExp | undefined;

  /**
   * `preferred` phrases are tried before the others that begin with the same literal, whatever their
   * lengths ("early May bank holiday" before "early May" + "bank holiday"): a group's regex takes
   * the first alternative that matches, not the longest.
   */
  constructor(phrases: readonly string[], lists: PhraseLists, preferred: readonly string[] = []) {
    // head → the compiled rest of each phrase starting with it ("the" → "\s+end\s+of…", …)
    const groups = new Map<string, string[]>();
    const firsts = new Map<string, string[]>();
    const all = [...preferred.map((p) => [p, true] as const), ...phrases.map((p) => [p, false] as const)];
    for (const [phrase, first] of all) {
      for (const expanded of expandStart(phrase, lists)) {
        const m = /^[A-Za-z0-9]+/.exec(expanded);
        const head = !m || /^[{0-9]/.test(expanded) ? '#' : m[0].toLowerCase();
        const compiled = compilePhrase(expanded, lists);
        const group = groups.get(head) ?? [];
        // a literal head compiles to itself: keep only the rest, so the regex tests the head once
        if (first) {
          const list = firsts.get(head) ?? [];
          list.push(head === '#' ? compiled : compiled.slice(head.length));
          firsts.set(head, list);
          groups.set(head, groups.get(head) ?? []);
          continue;
        }
        group.push(head === '#' ? compiled : compiled.slice(head.length));
        groups.set(head, group);
      }
    }
    let digit: RegExp | undefined;
    for (const [head, sources] of groups) {
      const preferredFirst = firsts.get(head);
      const alternatives = preferredFirst
        ? `(?:${alternation(preferredFirst).slice(3, -1)}${sources.length ? `|${alternation(sources).slice(3, -1)}` : ''})`
        : alternation(sources);
      const body = head === '#' ? alternatives : `${head}${alternatives}`;
      const re = new RegExp(`(?<![A-Za-z0-9_])${body}(?![A-Za-z0-9_])`, 'iy');
      if (head === '#') {
        digit = re;
        continue;
      }
      const map = head.length > 1 ? this.byPair : this.bySingle;
      const key = head.length > 1 ? pairKey(head.charCodeAt(0), head.charCodeAt(1)) : head.charCodeAt(0);
      const list = map.get(key) ?? [];
      list.push([head, re]);
      map.set(key, list);
    }
    this.byDigit = digit;
  }

  private longestAt(text: string, i: number): number {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return this.byDigit ? matchLength(this.byDigit, text, i) : 0;
    const first = lowerCode(code);
    let best = 0;
    const single = this.bySingle.get(first);
    if (single) best = this.longestOf(single, text, i, best);
    const pair = i + 1 < text.length ? this.byPair.get(pairKey(first, lowerCode(text.charCodeAt(i + 1)))) : undefined;
    if (pair) best = this.longestOf(pair, text, i, best);
    return best;
  }

  private longestOf(heads: Array<[string, RegExp]>, text: string, i: number, best: number): number {
    for (const [head, re] of heads) {
      if (!startsWithLower(text, i, head)) continue;
      const length = matchLength(re, text, i);
      if (length > best) best = length;
    }
    return best;
  }

  /** Matches, left to right, non-overlapping: [start, end, matched text]. */
  find(text: string): Array<[number, number, string]> {
    const out: Array<[number, number, string]> = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isAlnum(text.charCodeAt(i)) || (i > 0 && isAlnum(text.charCodeAt(i - 1)))) {
        i++;
        continue;
      }
      const length = this.longestAt(text, i);
      if (length > 0) {
        out.push([i, i + length, text.slice(i, i + length)]);
        i += length;
      } else {
        i++;
      }
    }
    return out;
  }
}
