// The programs the benchmarks run as whole processes, each started as `node <script>`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** notelint's command line, as `npx notelint` starts it. */
export const NOTELINT = fileURLToPath(new URL('../../bin/notelint.js', import.meta.url));
/** notelint's language server. */
export const LANGUAGE_SERVER = fileURLToPath(new URL('../../bin/notelint-language-server.js', import.meta.url));
/** markdownlint-cli2 (a dev dependency), its own bin script. */
export const MARKDOWNLINT = join(dirname(fileURLToPath(import.meta.resolve('markdownlint-cli2'))), 'markdownlint-cli2-bin.mjs');
/** The parsing floor (bench/parse-floor.mjs). */
export const PARSE_FLOOR = fileURLToPath(new URL('../parse-floor.mjs', import.meta.url));
