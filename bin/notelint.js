#!/usr/bin/env node
// notelint command line: the code lives in dist/ (built with `npm run build`).
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (error) {
  const missing = error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist');
  process.stderr.write(
    missing
      ? 'notelint: not built yet: run `npm run build` first\n'
      : `notelint: cannot start: ${error && error.message ? String(error.message).split('\n')[0] : String(error)}\n`,
  );
  if (process.env.NOTELINT_DEBUG) process.stderr.write(`${error && error.stack ? error.stack : ''}\n`);
  process.exit(2);
}
await cli.run();
