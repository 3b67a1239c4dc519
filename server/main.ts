import { readFileSync } from 'node:fs';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

/** `notelint-language-server --stdio` (or `--node-ipc`, `--socket=N`, as vscode-languageserver reads them). */
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${version()}\n`);
} else if (args.includes('--help') || args.includes('-h') || !args.some((a) => /^--(?:stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) {
  process.stdout.write(
    'Usage: notelint-language-server --stdio\n\nThe notelint language server for editors (LSP). Editor setups: docs/editors.md\n',
  );
  if (!args.includes('--help') && !args.includes('-h')) process.exitCode = 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  // A bug must not end the editor's session: log it and go on serving the other documents.
  process.on('uncaughtException', (error) => connection.console.error(`notelint: unexpected error: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`notelint: unexpected error: ${String(reason)}`));
  startServer(connection, {
    machineTimezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    version: version(),
    lintTimeLimitMs: timeLimit(),
  });
}

/** The package's version: from the notelint package, or from the VS Code extension that bundles the server. */
function version(): string {
  for (const candidate of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if ((pkg.name === 'notelint' || pkg.name === 'notelint-vscode') && pkg.version) return pkg.version;
    } catch {
      // try the next place
    }
  }
  return 'unknown';
}

/** 10 s per note, or NOTELINT_LINT_TIME_LIMIT_MS (the tests use a short one). */
function timeLimit(): number {
  const value = Number(process.env.NOTELINT_LINT_TIME_LIMIT_MS);
  return Number.isFinite(value) && value > 0 ? value : 10_000;
}
