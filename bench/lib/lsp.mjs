// An editor's side of the language server, for the benchmarks: the real server process
// (bin/notelint-language-server.js --stdio) spoken to with vscode-languageserver-protocol, answering
// `workspace/configuration` with the given notelint settings, and waiting for the diagnostics the
// server publishes for a given document version.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { LANGUAGE_SERVER } from './linters.mjs';

/** Starts the server with `root` as its workspace folder and initializes it (push diagnostics). */
export async function startLanguageServer({ root, settings = {} }) {
  const child = spawn(process.execPath, [LANGUAGE_SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', ({ uri, version, diagnostics }) => {
    const wait = waiting.get(uri);
    if (wait && version === wait.version) {
      waiting.delete(uri);
      wait.resolve(diagnostics);
    }
  });
  connection.onRequest('workspace/configuration', ({ items }) => items.map(() => settings));
  connection.listen();
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: { workspace: { configuration: true } },
  });
  await connection.sendNotification('initialized', {});

  return {
    connection,
    /**
     * The diagnostics published for this version of the document (register before sending the
     * change); rejects when none come within `timeoutMs`.
     */
    published: (uri, version, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(uri);
          reject(new Error(`no diagnostics for version ${version} of ${uri} within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        waiting.set(uri, {
          version,
          resolve: (diagnostics) => {
            clearTimeout(timer);
            resolve(diagnostics);
          },
        });
      }),
    open: (uri, text, version = 1) =>
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } }),
    change: (uri, version, contentChanges) =>
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges }),
    close: (uri) => connection.sendNotification('textDocument/didClose', { textDocument: { uri } }),
    /** The server's peak resident memory so far (VmHWM), in bytes; undefined off Linux. */
    peakRssBytes: () => {
      try {
        return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) * 1024 || undefined;
      } catch {
        return undefined;
      }
    },
    /** Shuts the server down as an editor does (shutdown, exit) and waits for the process to end. */
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await exited;
      connection.dispose();
    },
  };
}

/** Whether published diagnostics are the server's "notelint cannot check this note" (a failed lint, e.g. the time limit). */
export function failedLint(diagnostics) {
  return diagnostics.length === 1 && diagnostics[0].message.startsWith('notelint cannot check this note');
}
