/**
 * Config files (docs/design.md, "Configuration"): their names, and parsing their text into plain data. Pure: the caller reads
 * the file. Data only — JSON, JSONC or YAML without tags; nothing in a config can run code.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseDocument, visit, isNode } from 'yaml';

export type ConfigFormat = 'json' | 'jsonc' | 'yaml' | 'package-json';

/** Looked for in each folder from the linted file's folder upwards, in this order; the nearest folder wins. */
export const CONFIG_FILE_NAMES: readonly string[] = [
  '.notelintrc.json',
  '.notelintrc.jsonc',
  '.notelintrc.yaml',
  '.notelintrc.yml',
  'package.json',
];

/** The key of a `package.json` that holds a notelint config. */
export const PACKAGE_JSON_KEY = 'notelint';

/** The format of a config file, from its name; undefined for a name notelint cannot read. */
export function configFormatOf(fileName: string): ConfigFormat | undefined {
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  if (base === 'package.json') return 'package-json';
  if (base.endsWith('.jsonc')) return 'jsonc';
  if (base.endsWith('.json')) return 'json';
  if (base.endsWith('.yaml') || base.endsWith('.yml')) return 'yaml';
  return undefined;
}

export interface ConfigSyntaxError {
  /** What is wrong, e.g. "expected ',' or '}'". */
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 units. */
  column: number;
}

export type ConfigParseResult = { ok: true; value: unknown } | { ok: false; error: ConfigSyntaxError };

/**
 * Parses a config file's text. For `package-json`, `value` is the whole package object (the caller picks
 * the `notelint` key). An empty or comment-only YAML file is an empty config (`{}`).
 */
export function parseConfigText(text: string, format: ConfigFormat): ConfigParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  switch (format) {
    case 'json':
    case 'package-json':
      return parseJson(source);
    case 'jsonc':
      return parseJsoncText(source);
    case 'yaml':
      return parseYaml(source);
  }
}

function parseJson(text: string): ConfigParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // JSON.parse says what but not reliably where: locate the problem with a strict JSONC scan.
    const located = jsoncErrors(text, { disallowComments: true, allowTrailingComma: false });
    if (located) return { ok: false, error: located };
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const { line, column } = positionOf(text, at ? Number(at[1]) : 0);
    return { ok: false, error: { message: `invalid JSON: ${message}`, line, column } };
  }
}

function parseJsoncText(text: string): ConfigParseResult {
  const options = { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false };
  const located = jsoncErrors(text, options);
  if (located) return { ok: false, error: located };
  return { ok: true, value: parseJsonc(text, [], options) as unknown };
}

function jsoncErrors(
  text: string,
  options: { disallowComments: boolean; allowTrailingComma: boolean; allowEmptyContent?: boolean },
): ConfigSyntaxError | undefined {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { ...options, allowEmptyContent: options.allowEmptyContent ?? false });
  const first = errors[0];
  if (!first) return undefined;
  const { line, column } = positionOf(text, first.offset);
  const code = printParseErrorCode(first.error);
  const what = JSONC_MESSAGES[code] ?? code;
  const comments = code === 'InvalidCommentToken' && options.disallowComments;
  return {
    message: comments ? 'comments are not allowed in JSON (use a .notelintrc.jsonc file for comments)' : what,
    line,
    column,
  };
}

const JSONC_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes (a trailing comma?)',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'invalid character in a string',
};

function parseYaml(text: string): ConfigParseResult {
  const doc = parseDocument(text, {
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    prettyErrors: true,
    strict: true,
  });
  const problem = doc.errors[0];
  if (problem) {
    const pos = problem.linePos?.[0];
    return {
      ok: false,
      error: { message: firstLine(problem.message), line: pos?.line ?? 1, column: pos?.col ?? 1 },
    };
  }
  // Data only: refuse every explicit tag (`!!js/function`, `!foo`, even `!!str`) rather than guess which are safe.
  let tagged: { tag: string; offset: number } | undefined;
  visit(doc, (_key, node) => {
    if (isNode(node) && node.tag && !tagged) {
      tagged = { tag: node.tag, offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    }
    return undefined;
  });
  if (tagged) {
    const shown = tagged.tag.replace(/^tag:yaml\.org,2002:/, '!!');
    const written = text.lastIndexOf(shown, tagged.offset); // the node's range starts after its tag
    const { line, column } = positionOf(text, written >= 0 ? written : tagged.offset);
    return { ok: false, error: { message: `YAML tags are not allowed in a config (found ${shown})`, line, column } };
  }
  try {
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return { ok: true, value: value === null || value === undefined ? {} : value };
  } catch (error) {
    return {
      ok: false,
      error: { message: firstLine(error instanceof Error ? error.message : String(error)), line: 1, column: 1 },
    };
  }
}

function firstLine(message: string): string {
  // The parser ran out of stack: say what it means for the file.
  if (/Maximum call stack size exceeded/.test(message))
    return 'nested too deeply to read (lists or maps inside each other hundreds of levels deep)';
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

/** 1-based line and column of an offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}
