/** Small path and text helpers shared by the CLI and the language server. */
import path from 'node:path';

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Bytes as UTF-8, leniently: invalid sequences become U+FFFD and a leading BOM is removed. */
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** True when `child` is `parent` or lies below it. */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** A path as shown to people: relative to the working folder when below it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  return isInside(absolute, cwd) && absolute !== cwd ? path.relative(cwd, absolute) : absolute;
}

/** A path with "/" separators (globs and config patterns use them on every platform). */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
