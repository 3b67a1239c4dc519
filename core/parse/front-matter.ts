import { isMap, isScalar, parseDocument } from 'yaml';

export interface FrontMatter {
  /** Top-level keys, lower-cased, with plain JS values; empty when there is none or it is broken. */
  data: Record<string, unknown>;
  /** Source range of the whole block, `---` to `---`. */
  start: number;
  end: number;
  /** Range of each top-level `key: value` pair, by lower-cased key. */
  keyRanges: Map<string, { start: number; end: number }>;
  error?: { message: string; start: number; end: number };
}

/**
 * Reads YAML front matter as data only: the core schema (no custom tags, nothing that runs code),
 * a bounded alias count, and errors reported at their position instead of thrown.
 */
export function readFrontMatter(text: string, blockStart: number, blockEnd: number): FrontMatter {
  const firstBreak = text.indexOf('\n', blockStart);
  const contentStart = firstBreak < 0 || firstBreak >= blockEnd ? blockEnd : firstBreak + 1;
  const closingLine = text.lastIndexOf('\n', blockEnd - 1);
  const contentEnd = Math.max(contentStart, closingLine < contentStart ? contentStart : closingLine + 1);
  const source = text.slice(contentStart, contentEnd);
  const result: FrontMatter = { data: {}, start: blockStart, end: blockEnd, keyRanges: new Map() };

  const doc = parseDocument(source, { schema: 'core', prettyErrors: false, uniqueKeys: false, strict: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const [from, to] = firstError.pos;
    const start = contentStart + Math.min(from, source.length);
    result.error = {
      message: yamlMessage(firstError.message),
      start,
      end: Math.max(start, contentStart + Math.min(to, source.length)),
    };
    return result;
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return result;
  if (!isMap(contents)) {
    result.error = { message: 'Front matter should be `key: value` lines', start: contentStart, end: contentEnd };
    return result;
  }
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    result.error = { message: yamlMessage((error as Error).message), start: contentStart, end: contentEnd };
    return result;
  }
  for (const [key, value] of Object.entries(js as Record<string, unknown>)) {
    result.data[key.toLowerCase()] = value;
  }
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value).toLowerCase() : undefined;
    const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
    if (!key || !keyRange) continue;
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
    const end = valueRange ? valueRange[1] : keyRange[1];
    result.keyRanges.set(key, { start: contentStart + keyRange[0], end: contentStart + Math.max(end, keyRange[1]) });
  }
  return result;
}

/** A YAML error's first line; running out of stack means it nests too deeply. */
function yamlMessage(message: string): string {
  if (/Maximum call stack size exceeded/.test(message))
    return 'it nests too deeply to read (lists or maps inside each other hundreds of levels deep)';
  return message.split('\n')[0];
}
