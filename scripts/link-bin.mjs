// In a checkout, make `node_modules/.bin/notelint` point at this package's own bin, as it does
// for projects that install notelint, so hooks and editors find it at the usual place.
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const binDir = fileURLToPath(new URL('../node_modules/.bin/', import.meta.url));
const link = `${binDir}notelint`;
if (existsSync(fileURLToPath(new URL('../node_modules/', import.meta.url)))) {
  mkdirSync(binDir, { recursive: true });
  let present = false;
  try { lstatSync(link); present = true; } catch { /* absent */ }
  if (!present) symlinkSync('../../bin/notelint.js', link);
}
