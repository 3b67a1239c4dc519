#!/usr/bin/env node
// notelint language server (LSP): the code lives in dist/ (built with `npm run build`).
try {
  await import('../dist/server/main.js');
} catch (error) {
  const missing = error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist');
  process.stderr.write(
    missing
      ? 'notelint-language-server: not built yet: run `npm run build` first\n'
      : `notelint-language-server: cannot start: ${error && error.message ? String(error.message).split('\n')[0] : String(error)}\n`,
  );
  process.exit(2);
}
