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

/**
 * A bare URL ("https://…", "www.…") as GFM reads one: up to a space or `<`, without the trailing
 * punctuation that ends the sentence around it, and without a closing bracket it did not open.
 */
const BARE_URL = /(?<![\p{L}\p{N}_@./-])(?:https?:\/\/|www\.)[^\s<]*/giu;
const URL_TAIL = /[?!.,:;*_~'"\]]+$/;
/** `~~struck through~~`: the markers are not prose, the words between them are. */
const STRIKE = /(?<!~)~~(?!~)/g;

function urlEnd(url: string): number {
  let end = url.length;
  for (;;) {
    const trimmed = url.slice(0, end).replace(URL_TAIL, '');
    end = trimmed.length;
    if (!trimmed.endsWith(')')) return end;
    const open = trimmed.split('(').length - 1;
    const close = trimmed.split(')').length - 1;
    if (close <= open) return end;
    end -= 1;
  }
}

/**
 * Pushes the ranges of a text node's source [start, end) that are prose: without bare URLs (a link
 * is never read as prose) and strikethrough markers.
 */
export function proseOfText(text: string, start: number, end: number, out: Array<[number, number]>): void {
  const slice = text.slice(start, end);
  const urls = /https?:|www\./i.test(slice);
  if (!urls && !slice.includes('~~')) {
    out.push([start, end]);
    return;
  }
  const skips: Array<[number, number]> = [];
  if (urls) {
    for (const m of slice.matchAll(BARE_URL)) {
      const length = urlEnd(m[0]);
      if (m[0].toLowerCase().startsWith('www.') ? length <= 4 : !/^https?:\/\/[^\s/?#]*[\p{L}\p{N}]/iu.test(m[0])) continue;
      skips.push([m.index, m.index + length]);
    }
  }
  for (const m of slice.matchAll(STRIKE)) if (!skips.some(([a, b]) => a <= m.index && m.index < b)) skips.push([m.index, m.index + 2]);
  skips.sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [a, b] of skips) {
    if (a > at) out.push([start + at, start + a]);
    at = Math.max(at, b);
  }
  if (at < slice.length) out.push([start + at, end]);
}

function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'vs',
  'etc',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'approx',
  'a.m',
  'p.m',
  'no',
  'inc',
  'ltd',
  'co',
  'jr',
  'sr',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
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
