// Builds everything the .vsix ships in client/dist/:
//   extension.cjs              the extension (src/extension.ts + vscode-languageclient), CommonJS, `vscode` external
//   server.mjs                 the language server (../server/main.ts + the engine + its dependencies), ESM
//   lint-worker.mjs            the server's lint worker thread (../worker/lint-worker.ts + the engine), ESM
//   notelintrc.schema.json     a copy of ../schema/notelintrc.schema.json, for jsonValidation of .notelintrc*
//   package-json.schema.json   the same schema under the "notelint" key of package.json
//   ThirdPartyNotices.txt      the licences of the npm packages bundled into the two files above
// Usage: node scripts/bundle.mjs [--minify]   (no source maps: the package does not ship them)
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const client = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(client, '..');
const dist = join(client, 'dist');
const minify = process.argv.includes('--minify');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify,
  sourcemap: false,
  metafile: true,
  absWorkingDir: root, // the metafile's paths are relative to it
  logLevel: 'warning',
  legalComments: 'none', // the licences go to ThirdPartyNotices.txt, whole
};

// esbuild has printed the errors already; its stack trace would only hide them.
const bundle = (options) => build(options).catch(() => process.exit(1));

const extension = await bundle({
  ...common,
  entryPoints: [join(client, 'src/extension.ts')],
  outfile: join(dist, 'extension.cjs'),
  format: 'cjs',
  external: ['vscode'],
});

const serverBundle = (entry, outfile) => bundle({
  ...common,
  entryPoints: [join(root, entry)],
  outfile: join(dist, outfile),
  format: 'esm',
  // jsonc-parser's "main" is a UMD build whose require('./impl/…') calls esbuild cannot follow; its
  // "module" is plain ESM. Prefer "module" for every package without "exports".
  mainFields: ['module', 'main'],
  // vscode-languageserver and other CommonJS dependencies call require() for Node's built-ins,
  // which an ESM bundle does not have.
  banner: { js: "import { createRequire as __notelintCreateRequire } from 'node:module'; const require = __notelintCreateRequire(import.meta.url);" },
});
const server = await serverBundle('server/main.ts', 'server.mjs');
const worker = await serverBundle('worker/lint-worker.ts', 'lint-worker.mjs');

// The config schema, for contributes.jsonValidation.
const schemaText = readFileSync(join(root, 'schema/notelintrc.schema.json'), 'utf8');
writeFileSync(join(dist, 'notelintrc.schema.json'), schemaText);
const schema = JSON.parse(schemaText);
const { $schema, definitions, title, ...body } = schema;
writeFileSync(
  join(dist, 'package-json.schema.json'),
  JSON.stringify(
    {
      $schema,
      title: 'notelint key of package.json',
      type: 'object',
      properties: { notelint: { ...body, title } },
      // Moved to the root so the schema's "#/definitions/…" references still resolve.
      definitions,
    },
    null,
    2,
  ) + '\n',
);

writeFileSync(join(dist, 'ThirdPartyNotices.txt'), thirdPartyNotices([extension.metafile, server.metafile, worker.metafile]));

for (const file of ['extension.cjs', 'server.mjs', 'lint-worker.mjs']) {
  const size = readFileSync(join(dist, file)).length;
  console.log(`client/dist/${file}  ${(size / 1024).toFixed(0)} KiB`);
}

/** Every npm package with a file in the bundles, with its licence text. */
function thirdPartyNotices(metafiles) {
  const packages = new Map(); // package folder → name
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const parts = relative(root, resolve(root, input)).split(sep);
      const at = parts.lastIndexOf('node_modules');
      if (at < 0) continue;
      const length = parts[at + 1].startsWith('@') ? 2 : 1;
      const folder = join(root, ...parts.slice(0, at + 1 + length));
      packages.set(folder, parts.slice(at + 1, at + 1 + length).join('/'));
    }
  }
  const sections = [];
  for (const [folder, name] of [...packages].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]))) {
    const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const license = pkg.license ?? pkg.licenses?.map((entry) => entry.type).join(' OR ') ?? 'unknown';
    const licenseFile = readdirSync(folder).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
    // A package without a licence file (format@0.2.2) usually states it in its readme's "License" section.
    const text = licenseFile ? readFileSync(join(folder, licenseFile), 'utf8').trim() : readmeLicense(folder) ?? `License: ${license}`;
    sections.push(`${name}@${pkg.version} (${license})\n\n${text}`);
  }
  const line = '-'.repeat(72);
  return (
    'The notelint extension bundles the following npm packages into dist/extension.cjs, dist/server.mjs and dist/lint-worker.mjs.\n\n' +
    sections.map((section) => `${line}\n${section}\n`).join('\n')
  );
}

function readmeLicense(folder) {
  const readme = readdirSync(folder).find((file) => /^readme(\.|$)/i.test(file));
  if (readme === undefined) return undefined;
  const match = /^(?:#+ *licen[cs]e\s*|licen[cs]e\n[=-]+)\n([\s\S]*?)(?=\n#|\n\S[^\n]*\n[=-]{3,}|$(?![\s\S]))/im.exec(readFileSync(join(folder, readme), 'utf8'));
  return match ? match[1].trim() : undefined;
}
