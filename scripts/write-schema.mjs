#!/usr/bin/env node
// Writes schema/notelintrc.schema.json, the JSON Schema of config files, from the built rules' metadata
// (run `npm run build` first; `npm run schema` does both).
//   node scripts/write-schema.mjs           write the file
//   node scripts/write-schema.mjs --check   exit 1 when the committed file differs from the generated one
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../dist/core/config/schema.js';
import { VOCABULARY_CATEGORIES } from '../dist/core/vocabulary/languages.js';
import { rules } from '../dist/rules/index.js';

const target = fileURLToPath(new URL('../schema/notelintrc.schema.json', import.meta.url));
const text = `${JSON.stringify(configSchema(rules, { vocabularyCategories: VOCABULARY_CATEGORIES }), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: differs
  }
  if (current !== text) {
    console.error('schema/notelintrc.schema.json is out of date: run `npm run schema` and commit the result.');
    process.exit(1);
  }
  console.log('schema/notelintrc.schema.json is up to date.');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
