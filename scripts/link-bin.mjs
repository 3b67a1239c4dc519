// In a checkout, make `node_modules/.bin/notelint` and `notelint-language-server` point at this
// package's own bins, as they do for projects that install notelint, so hooks and editors find them
// at the usual place.
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const binDir = fileURLToPath(new URL('../node_modules/.bin/', import.meta.url));
if (existsSync(fileURLToPath(new URL('../node_modules/', import.meta.url)))) {
  mkdirSync(binDir, { recursive: true });
  for (const name of ['notelint', 'notelint-language-server']) {
    const link = `${binDir}${name}`;
    let present = false;
    try {
      lstatSync(link);
      present = true;
    } catch {
      /* absent */
    }
    if (!present) symlinkSync(`../../bin/${name}.js`, link);
  }
}
