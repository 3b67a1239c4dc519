import ignore from 'ignore';

/*
 * A glob with more than two `*` in one path segment is refused wherever notelint reads one (config
 * globs, ignore files): a regular expression matches it by backtracking over every way to split a long
 * file name, and `*a*a*a*a*a*ab` takes hours.
 */
/** More wildcards than this in one segment of a pattern (not counting `**`) and it is not used. */
const MAX_STARS_PER_SEGMENT = 2;
/** A longer pattern is not used either. */
const MAX_PATTERN_LENGTH = 1000;

/** Why a pattern is not used, or undefined when it is safe to match. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
  for (const segment of pattern.replace(/\\./g, '_').split('/')) {
    if (segment === '**') continue;
    const stars = segment.replace(/\*{2,}/g, '*').split('*').length - 1;
    if (stars > MAX_STARS_PER_SEGMENT)
      return `more than ${MAX_STARS_PER_SEGMENT} "*" in one path segment can take hours to match a long file name`;
  }
  return undefined;
}

/**
 * The config's `include` / `ignore` globs (docs/design.md, "Configuration"), matched exactly as `.gitignore` lines are
 * (the `ignore` package), against a path relative to the config file's folder. Pure: no file system
 * access, so the CLI and the language server decide the same way whether a note is linted.
 */
export type PathMatcher = (relativePath: string) => boolean;

export function compileGlobs(patterns: readonly string[]): PathMatcher {
  const matcher = ignore({ allowRelativePaths: true }).add([...patterns]);
  return (relativePath) => {
    const path = relativePath
      .replace(/\\/g, '/')
      .replace(/\/{2,}/g, '/')
      .replace(/^(?:\.\/)+/, '')
      .replace(/\/$/, '');
    if (path === '' || path === '..' || path.startsWith('../') || path.startsWith('/')) return false;
    return matcher.ignores(path);
  };
}
