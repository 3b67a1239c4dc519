/**
 * Prose as the rules see it: the source text of a block with everything that is not prose
 * (Markdown syntax, code, HTML, link targets, list and quote markers) replaced by spaces,
 * so that every offset still points at the same character of the note.
 */
export function blankOutside(text: string, start: number, end: number, keep: ReadonlyArray<[number, number]>): string {
  let out = '';
  let at = start;
  for (const [from, to] of keep) {
    const a = Math.max(from, at);
    const b = Math.min(to, end);
    if (b <= a) continue;
    out += blank(text.slice(at, a)) + text.slice(a, b);
    at = b;
  }
  out += blank(text.slice(at, end));
  // Continuation lines inside quotes and lists carry their markers inside text spans.
  return out.replace(/\n[ \t>]+/g, (m) => '\n' + ' '.repeat(m.length - 1));
}

function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'vs', 'etc', 'mr', 'mrs', 'ms', 'dr', 'st', 'approx', 'a.m', 'p.m', 'no', 'inc', 'ltd', 'co', 'jr', 'sr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

/** A line that starts a new thought even without punctuation before it: "Mary: …", "AI: …", "@dana …". */
const STARTS_UNIT = /^\s*(?:[@[]|[-*+]\s|\d+[.)]\s|[^\s:]+(?:\s+[^\s:]+){0,3}\s*:\s)/;

/** Splits blanked prose into sentences: [start, end) pairs relative to `masked`, trimmed, never empty. */
export function splitSentences(masked: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  const push = (to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(masked[a])) a++;
    while (b > a && /\s/.test(masked[b - 1])) b--;
    if (b > a) out.push([a, b]);
  };
  const boundary = /([.!?]+)["'”’)\]]*(?=\s)|\n/g;
  for (const m of masked.matchAll(boundary)) {
    const at = m.index;
    if (m[0] === '\n') {
      const before = masked.slice(from, at).trimEnd();
      const next = masked.slice(at + 1, masked.indexOf('\n', at + 1) < 0 ? undefined : masked.indexOf('\n', at + 1));
      if (before === '' || /[.!?:;]["'”’)\]]*$/.test(before) || STARTS_UNIT.test(next)) {
        push(at);
        from = at + 1;
      }
      continue;
    }
    const end = at + m[0].length;
    const word = /([\p{L}.]+)$/u.exec(masked.slice(Math.max(from, at - 12), at))?.[1]?.toLowerCase() ?? '';
    if (m[1] === '.' && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word))) continue;
    const rest = masked.slice(end).trimStart();
    if (m[1] === '.' && /^[\p{Ll}\d]/u.test(rest)) continue;
    push(end);
    from = end;
  }
  push(masked.length);
  return out;
}
