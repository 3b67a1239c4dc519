import ignore from 'ignore';

/**
 * The config's `include` / `ignore` globs (SPEC 2.3), matched exactly as `.gitignore` lines are
 * (the `ignore` package), against a path relative to the config file's folder. Pure: no file system
 * access, so the CLI and the language server decide the same way whether a note is linted.
 */
export type PathMatcher = (relativePath: string) => boolean;

export function compileGlobs(patterns: readonly string[]): PathMatcher {
  const matcher = ignore({ allowRelativePaths: true }).add([...patterns]);
  return (relativePath) => {
    const path = relativePath.replace(/\\/g, '/').replace(/\/{2,}/g, '/').replace(/^(?:\.\/)+/, '').replace(/\/$/, '');
    if (path === '' || path === '..' || path.startsWith('../') || path.startsWith('/')) return false;
    return matcher.ignores(path);
  };
}
