import { readFileSync } from 'node:fs';
import { format } from 'node:util';
import {
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { startServer } from './server.js';
import { lintTimeLimitMs } from '../worker/lint-runner.js';
import { FrameGuard, ShutdownGate } from './wire.js';

/** `notelint-language-server --stdio` (or `--node-ipc`, `--socket=N`, as vscode-languageserver reads them). */
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${version()}\n`);
} else if (
  args.includes('--help') ||
  args.includes('-h') ||
  !args.some((a) => /^--(?:stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))
) {
  process.stdout.write(
    'Usage: notelint-language-server --stdio\n\nThe notelint language server for editors (LSP). Editor setups: docs/editors.md\n',
  );
  if (!args.includes('--help') && !args.includes('-h')) process.exitCode = 2;
} else {
  // The transport as vscode-languageserver picks it (the first such argument); --socket and --pipe are left to it.
  const transport = args.find((a) => /^--(?:stdio|node-ipc|socket|pipe)(?:=|$)/.test(a));
  const connection =
    transport === '--stdio' ? stdioConnection() : transport === '--node-ipc' ? ipcConnection() : createConnection(ProposedFeatures.all);
  // A bug must not end the editor's session: log it and go on serving the other documents.
  process.on('uncaughtException', (error) => connection.console.error(`notelint: unexpected error: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`notelint: unexpected error: ${String(reason)}`));
  startServer(connection, {
    machineTimezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    version: version(),
    lintTimeLimitMs: lintTimeLimitMs(),
    now: clock(process.env.NOTELINT_TODAY),
  });
}

/**
 * The connection over stdin/stdout, through server/wire.ts: bad framing is logged and skipped, and
 * requests after shutdown get InvalidRequest. vscode-languageserver's own `--stdio` set-up also exits
 * when stdin ends and sends console output to the editor's log (stdout is the protocol): done here too.
 */
function stdioConnection() {
  /** Wire faults go to stderr (always seen) and to the editor's log (window/logMessage). */
  const log = (message: string): void => {
    process.stderr.write(`notelint: ${message}\n`);
    connection.console.warn(`notelint: ${message}`);
  };
  const guard = new FrameGuard(log);
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new StreamMessageReader(guard);
  reader.onError((error) => log(`cannot read a message: ${error.message}`));
  const gate = new ShutdownGate(reader, writer);
  const connection = createConnection(ProposedFeatures.all, gate, writer);

  // Stop once the input has ended and every message read before its end has reached the gate (a
  // `shutdown` among them makes it exit code 0), as vscode-languageserver does: 0 after shutdown, else 1.
  const stop = (): void => {
    const unfinished = guard.unfinished();
    if (!gate.shutdownReceived || unfinished) {
      const why = unfinished ? `${unfinished}; ` : '';
      process.stderr.write(
        `notelint: ${why}the client closed the connection (stdin) ${gate.shutdownReceived ? 'after' : 'without'} shutdown: stopping\n`,
      );
    }
    process.exit(gate.shutdownReceived ? 0 : 1);
  };
  guard.on('end', () => setImmediate(stop));
  process.stdin.on('error', (error) => process.stderr.write(`notelint: cannot read stdin: ${error.message}\n`));
  // After an error stdin closes without the 'end' that pipe() passes on.
  process.stdin.on('close', () => {
    if (!guard.writableEnded) guard.end();
  });
  process.stdin.pipe(guard);

  // console.log would write into the protocol: to the editor's log with it (console.error and warn
  // write to stderr, harmless, and stay there: vscode-jsonrpc reports a failed log send with console.error).
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  return connection;
}

/** The connection over Node IPC (VS Code's): messages come whole, so only the shutdown gate is needed. */
function ipcConnection() {
  const writer = new IPCMessageWriter(process);
  return createConnection(ProposedFeatures.all, new ShutdownGate(new IPCMessageReader(process), writer), writer);
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

/** The clock for "today" in the account status: NOTELINT_TODAY (YYYY-MM-DD, noon UTC) fixes it, for demos and tests. */
function clock(today: string | undefined): () => Date {
  const fixed = today && /^\d{4}-\d{2}-\d{2}$/.test(today) ? new Date(`${today}T12:00:00Z`) : undefined;
  return fixed && !Number.isNaN(fixed.getTime()) ? () => fixed : () => new Date();
}
