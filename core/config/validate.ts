/**
 * Validation of a config's data against the generated schema, with messages a person can act on:
 * the key path and what was expected (`rules.no-vague-follow-up: expected one of "error", "warn", "info", "off"`).
 * Pure: the caller names the file.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { SEVERITIES, type ConfigData, type RuleMeta } from '../engine/types.js';
import { PHRASE_LIMITS, phraseProblem } from '../vocabulary/phrase-limits.js';
import { patternProblem } from './globs.js';
import { configSchema, type ConfigSchemaOptions } from './schema.js';

export interface ConfigProblem {
  /** Dotted key path, e.g. "rules.no-vague-follow-up" or "vocabulary.add"; "" for the whole config. */
  path: string;
  message: string;
}

export type ConfigValidation = { ok: true; config: ConfigData } | { ok: false; problems: ConfigProblem[] };

export type ConfigValidator = (data: unknown) => ConfigValidation;

/** Compiles the schema once; the returned function validates any number of configs. */
export function createConfigValidator(rules: readonly { readonly meta: RuleMeta }[], options: ConfigSchemaOptions = {}): ConfigValidator {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(configSchema(rules, options));
  const ruleIds = rules.map((rule) => rule.meta.id);
  return (data) => {
    if (!validate(data)) return { ok: false, problems: explain(validate.errors ?? [], data, ruleIds) };
    const problems = checkValues(data as ConfigData);
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, config: data as ConfigData };
  };
}

/** Checks the schema cannot express: a real IANA time zone, a well-formed locale, usable vocabulary phrases. */
function checkValues(config: ConfigData): ConfigProblem[] {
  const problems: ConfigProblem[] = [...checkPhrases(config), ...checkGlobs(config)];
  if (config.timezone !== undefined && !isTimeZone(config.timezone)) {
    problems.push({
      path: 'timezone',
      message: `unknown time zone ${JSON.stringify(config.timezone)}: expected an IANA name such as "America/New_York"`,
    });
  }
  if (config.locale !== undefined) {
    try {
      Intl.getCanonicalLocales(config.locale);
    } catch {
      problems.push({
        path: 'locale',
        message: `invalid locale ${JSON.stringify(config.locale)}: expected a language tag such as "en-US" or "en-GB"`,
      });
    }
  }
  return problems;
}

function checkGlobs(config: ConfigData): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const key of ['include', 'ignore'] as const) {
    for (const pattern of config[key] ?? []) {
      const why = patternProblem(pattern.startsWith('!') ? pattern.slice(1) : pattern);
      if (why)
        problems.push({
          path: key,
          message: `the glob ${JSON.stringify(preview(pattern))} is refused: ${why}; write it with fewer wildcards`,
        });
    }
  }
  return problems;
}

function checkPhrases(config: ConfigData): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [category, phrases] of Object.entries(config.vocabulary?.add ?? {})) {
    const path = `vocabulary.add.${category}`;
    if (phrases.length > PHRASE_LIMITS.phrasesPerCategory) {
      problems.push({ path, message: `more than ${PHRASE_LIMITS.phrasesPerCategory} phrases (${phrases.length})` });
      continue;
    }
    for (const phrase of phrases) {
      const problem = phraseProblem(phrase);
      if (problem) problems.push({ path, message: `the phrase ${JSON.stringify(preview(phrase))} ${problem}` });
      // One message per category is enough to act on; a list of thousands is not.
      if (problems.length >= 20) return problems;
    }
  }
  return problems;
}

function preview(phrase: string): string {
  return phrase.length > 60 ? `${phrase.slice(0, 57)}…` : phrase;
}

function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------
// From Ajv's errors to one message per problem.

const SEVERITY_LIST = SEVERITIES.map((s) => JSON.stringify(s)).join(', ');

function explain(errors: readonly ErrorObject[], data: unknown, ruleIds: readonly string[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const byPath = new Map<string, ErrorObject[]>();
  const allPaths = new Set<string>();
  for (const error of errors) {
    allPaths.add(
      error.keyword === 'additionalProperties'
        ? `${error.instancePath}/${String((error.params as { additionalProperty: string }).additionalProperty)}`
        : error.instancePath,
    );
  }
  for (const error of errors) {
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      problems.push(unknownKey(error.instancePath, key, ruleIds));
      continue;
    }
    if (error.keyword === 'propertyNames') continue; // reported through its inner error
    if (error.propertyName !== undefined) {
      const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues?.map(String) ?? [];
      const hint = closest(error.propertyName, allowed);
      const what = splitPointer(error.instancePath)[0] === 'vocabulary' ? 'vocabulary category' : 'key';
      problems.push({
        path: dotted(error.instancePath),
        message: `unknown ${what} ${JSON.stringify(error.propertyName)}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ''}`,
      });
      continue;
    }
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }
  // Of the failed alternatives of one value, the deepest errors describe what the author meant.
  const paths = [...allPaths];
  const deepest = [...byPath.keys()].filter((p) => !paths.some((q) => q !== p && q.startsWith(`${p}/`)));
  for (const path of deepest) {
    const message = expectation(byPath.get(path) ?? [], valueAt(data, path), path);
    problems.push({ path: dotted(path), message });
  }
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.path}\0${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function unknownKey(instancePath: string, key: string, ruleIds: readonly string[]): ConfigProblem {
  const segments = splitPointer(instancePath);
  if (segments.length === 1 && segments[0] === 'rules') {
    const hint = closest(key, ruleIds);
    return {
      path: 'rules',
      message: `unknown rule ${JSON.stringify(key)}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ''}`,
    };
  }
  if (segments.length === 0) {
    const hint = closest(key, TOP_LEVEL_KEYS);
    return {
      path: '',
      message: `unknown key ${JSON.stringify(key)}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ''}; expected one of ${TOP_LEVEL_KEYS.join(', ')}`,
    };
  }
  const inOptions = segments.length === 3 && segments[0] === 'rules' && segments[2] === '1';
  return { path: dotted(instancePath), message: `unknown ${inOptions ? 'option' : 'key'} ${JSON.stringify(key)}` };
}

const TOP_LEVEL_KEYS = [
  'rules',
  'seller',
  'locale',
  'timezone',
  'include',
  'ignore',
  'vocabulary',
  'nextStepsHeadings',
  'logs',
  'report',
  'maxNoteBytes',
];

function expectation(errors: readonly ErrorObject[], value: unknown, instancePath: string): string {
  const segments = splitPointer(instancePath);
  const isRuleEntry = segments.length === 2 && segments[0] === 'rules';
  const actual = jsonType(value);
  // An enum of the value's own type says the most ("warning" → one of "error", "warn", …).
  const enumError = errors.find((e) => e.keyword === 'enum');
  if (enumError) {
    const allowed = (enumError.params as { allowedValues: unknown[] }).allowedValues;
    if (allowed.some((v) => jsonType(v) === actual) || (isRuleEntry && actual !== 'array')) {
      if (isRuleEntry && actual !== 'string') {
        return `expected a severity (${SEVERITY_LIST}) or [severity, options], got ${describeValue(value)}`;
      }
      return `expected one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}`;
    }
  }
  const parts: string[] = [];
  for (const error of errors) {
    const text = keywordMessage(error);
    if (text && !parts.includes(text)) parts.push(text);
  }
  if (parts.length === 0) return 'invalid value';
  return `expected ${parts.join(' or ')}, got ${describeValue(value)}`;
}

function keywordMessage(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const types = String(params.type).split(',');
      return types.map(article).join(' or ');
    }
    case 'enum':
      return `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return JSON.stringify(params.allowedValue);
    case 'minItems':
      return `at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'maxItems':
    case 'additionalItems':
      return `at most ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'required':
      return `a ${JSON.stringify(params.missingProperty)} key`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return `a number ${String(params.comparison)} ${String(params.limit)}`;
    case 'minLength':
      return `at least ${String(params.limit)} character${params.limit === 1 ? '' : 's'}`;
    case 'maxLength':
      return `at most ${String(params.limit)} characters`;
    case 'pattern':
      return `text matching ${String(params.pattern)}`;
    default:
      return error.message ? error.message.replace(/^must /, '') : undefined;
  }
}

function article(type: string): string {
  switch (type) {
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    default:
      return `a ${type}`;
  }
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function describeValue(value: unknown): string {
  const type = jsonType(value);
  if (type === 'string') {
    const text = value as string;
    return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  }
  if (type === 'number' || type === 'boolean' || type === 'null') return String(value);
  if (type === 'array') return 'an array';
  if (type === 'object') return 'an object';
  return type;
}

function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const key of splitPointer(pointer)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** "/rules/no-x/1/max" → "rules.no-x[1].max". */
function dotted(pointer: string): string {
  let out = '';
  for (const segment of splitPointer(pointer)) {
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** The candidate nearest to `word` by edit distance, when near enough to be a likely typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 10) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
