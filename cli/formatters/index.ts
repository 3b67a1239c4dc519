/** The output formats, by `--format` name (the registry is what `--format` accepts). */
import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { Formatter } from './types.js';

export const formatters: Readonly<Record<string, Formatter>> = {
  stylish,
  json,
  sarif,
  github,
  compact,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(formatters);
