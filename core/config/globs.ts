/**
 * The config's `include` / `ignore` globs (SPEC 2.3), matched the way `.gitignore` lines are, against a
 * path relative to the config file's folder with `/` separators. Pure: no file system access, so the
 * CLI and the language server decide the same way whether a note is linted.
 *
 * - `*` matches within one path segment, `**` any number of segments, `?` one character,
 *   `[abc]` / `[!abc]` a character class, `{a,b}` alternatives, `\x` a literal x;
 * - a pattern with no `/` (other than a trailing one) matches at any depth (`drafts`, `*.tmp.md`);
 *   otherwise it is anchored to the config's folder (a leading `/` or `./` is allowed);
 * - a pattern that matches a folder matches everything below it (`archive/2019`, `drafts/`);
 * - `!pattern` re-admits what an earlier pattern matched (the last matching pattern decides);
 * - dot files match like any other, and matching is case-sensitive.
 */

export type PathMatcher = (relativePath: string) => boolean;

interface CompiledGlob {
  negated: boolean;
  regex: RegExp;
}

/** Compiles a list of globs into one predicate over relative paths ("notes/2026/acme.md"). */
export function compileGlobs(patterns: readonly string[]): PathMatcher {
  const compiled: CompiledGlob[] = [];
  for (const raw of patterns) {
    const glob = compileGlob(raw);
    if (glob) compiled.push(glob);
  }
  if (compiled.length === 0) return () => false;
  return (relativePath) => {
    const path = normalizePath(relativePath);
    if (path === '' || path === '..' || path.startsWith('../')) return false;
    // Every ancestor folder, then the path itself: a pattern matching a folder matches what it holds.
    const candidates: string[] = [];
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) candidates.push(path.slice(0, i));
    candidates.push(path);
    let matched = false;
    for (const glob of compiled) {
      if (matched === !glob.negated) continue; // this pattern cannot change the outcome
      if (candidates.some((candidate) => glob.regex.test(candidate))) matched = !glob.negated;
    }
    return matched;
  };
}

function normalizePath(path: string): string {
  let p = path.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  if (p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

function compileGlob(raw: string): CompiledGlob | undefined {
  let pattern = raw.trim();
  let negated = false;
  if (pattern.startsWith('!')) {
    negated = true;
    pattern = pattern.slice(1);
  }
  while (pattern.startsWith('./')) pattern = pattern.slice(2);
  let anchored = false;
  if (pattern.startsWith('/')) {
    anchored = true;
    pattern = pattern.replace(/^\/+/, '');
  }
  pattern = pattern.replace(/\/+$/, '');
  if (pattern === '') return undefined;
  if (!anchored && !pattern.includes('/')) pattern = `**/${pattern}`;
  return { negated, regex: new RegExp(`^${globToRegexSource(pattern)}$`) };
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

/** Translates one glob (already stripped of negation and anchoring) into a RegExp source. */
function globToRegexSource(glob: string): string {
  let out = '';
  let i = 0;
  const n = glob.length;
  while (i < n) {
    const ch = glob[i];
    if (ch === '\\' && i + 1 < n) {
      out += escapeRegex(glob[i + 1]);
      i += 2;
    } else if (ch === '*') {
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      let j = i;
      while (j < n && glob[j] === '*') j++;
      const atSegmentEnd = j === n || glob[j] === '/';
      if (j - i >= 2 && atSegmentStart && atSegmentEnd) {
        if (j === n) {
          out += '.*';
          i = j;
        } else {
          out += '(?:.*/)?'; // zero or more whole segments, each followed by "/"
          i = j + 1;
        }
      } else {
        out += '[^/]*';
        i = j;
      }
    } else if (ch === '?') {
      out += '[^/]';
      i++;
    } else if (ch === '[') {
      const end = findClassEnd(glob, i);
      if (end < 0) {
        out += '\\[';
        i++;
      } else {
        let body = glob.slice(i + 1, end);
        let negate = false;
        if (body.startsWith('!') || body.startsWith('^')) {
          negate = true;
          body = body.slice(1);
        }
        const cls = body.replace(/\\(.)/g, '$1').replace(/[\]\\^]/g, '\\$&');
        out += negate ? `[^/${cls}]` : `[${cls}]`;
        i = end + 1;
      }
    } else if (ch === '{') {
      const end = findBraceEnd(glob, i);
      if (end < 0) {
        out += '\\{';
        i++;
      } else {
        const alternatives = splitAlternatives(glob.slice(i + 1, end));
        out += `(?:${alternatives.map(globToRegexSource).join('|')})`;
        i = end + 1;
      }
    } else {
      out += escapeRegex(ch);
      i++;
    }
  }
  return out;
}

function findClassEnd(glob: string, start: number): number {
  let i = start + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++; // a leading "]" is literal
  for (; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '/') return -1;
    else if (glob[i] === ']') return i;
  }
  return -1;
}

function findBraceEnd(glob: string, start: number): number {
  let depth = 0;
  let comma = false;
  for (let i = start; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === ',' && depth === 1) comma = true;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return comma ? i : -1;
    }
  }
  return -1;
}

function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      current += ch + body[i + 1];
      i++;
      continue;
    }
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}
