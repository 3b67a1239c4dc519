/** Small helpers over offsets into a text: the words around a span, trimming it, iterating matches. */

export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v' || ch === '\u00a0';
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_]/.test(ch);
}

/** Up to `n` characters before `index`, starting at a whole word where possible. */
export function before(s: string, index: number, n = 40): string {
  let from = Math.max(0, index - n);
  if (from > 0) {
    while (from < index && isWordChar(s[from - 1]) && isWordChar(s[from])) from++;
  }
  return s.slice(from, index);
}

export function after(s: string, index: number, n = 24): string {
  return s.slice(index, index + n);
}

/** Trims whitespace and the punctuation chrono sometimes includes ("(Fri)", ", Friday", "Dec 4 "). */
export function trimSpan(s: string, start: number, end: number): [number, number] {
  while (start < end && (isSpace(s[start]) || s[start] === ',' || s[start] === '(' || s[start] === '（')) start++;
  // chrono's span may start with the preposition ("on Tue Jun 23"): the date starts after it
  const on = /^on\s+/i.exec(s.slice(start, Math.min(end, start + 12)));
  if (on && start + on[0].length < end) start += on[0].length;
  while (end > start && (isSpace(s[end - 1]) || s[end - 1] === ',' || s[end - 1] === ')' || s[end - 1] === '）')) end--;
  return [start, end];
}

/** A word cut by a respelling ("Tues" read as "Tue "): take the whole word. */
export function extendWord(original: string, end: number): number {
  while (end < original.length && /[A-Za-z]/.test(original[end]) && /[A-Za-z]/.test(original[end - 1] ?? '')) end++;
  return end;
}

/** The non-empty matches of a global regular expression, left to right. */
export function* matches(re: RegExp, s: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield m;
  }
}
