/** The output formats, by `--format` name. New formats (sarif, github, compact) register here. */
import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatterContext } from './types.js';

export const formatters: Readonly<Record<string, Formatter>> = {
  stylish,
  json,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(formatters);
