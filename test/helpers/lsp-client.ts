/**
 * A real LSP client for the protocol tests: starts `node bin/notelint-language-server.js --stdio` in a
 * workspace folder, speaks JSON-RPC to it with vscode-jsonrpc, and plays the editor's part — answers
 * `workspace/configuration` from a settable settings object, records `client/registerCapability`,
 * applies `workspace/applyEdit` to its own copy of each document (and tells the server, as an editor
 * does), and keeps every notification the server sends in one ordered event log.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type ConfigurationParams,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type MessageConnection,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type RegistrationParams,
  type ApplyWorkspaceEditParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot, writeTree } from './cli.js';

/** The server under test; NOTELINT_LSP_BIN points the tests at another build of it. */
export const serverBin = process.env.NOTELINT_LSP_BIN ?? path.join(repoRoot, 'bin', 'notelint-language-server.js');

/** The `notelint/status` notification's parameters (server/README.md). */
export interface StatusParams {
  uri: string;
  state: 'linted' | 'skipped' | 'failed';
  problems: number;
  reason?: string;
}

/** The `notelint` settings section (server/README.md); anything else a test wants to send is allowed. */
export interface NotelintSettings {
  enable?: boolean;
  lintAllMarkdown?: boolean;
  rules?: Record<string, string>;
  inlayHints?: { relativeDates?: boolean };
  codeLens?: { nextEvent?: boolean; accountStatus?: boolean };
  [key: string]: unknown;
}

/** Everything that crossed the wire, in order: what the client sent and what the server sent. */
export type LspEvent =
  | { seq: number; kind: 'sent'; method: string; uri?: string; version?: number }
  | { seq: number; kind: 'diagnostics'; params: PublishDiagnosticsParams }
  | { seq: number; kind: 'status'; params: StatusParams }
  | { seq: number; kind: 'request'; method: string; params: unknown }
  | { seq: number; kind: 'notification'; method: string; params: unknown }
  | { seq: number; kind: 'exit'; code: number | null; signal: NodeJS.Signals | null };

/** Capabilities the tests switch on and off; everything else is what a capable editor declares. */
export interface ClientOptions {
  /** Declares `textDocument.diagnostic` (LSP 3.17 pull diagnostics). Default false. */
  pullDiagnostics?: boolean;
  /** Declares `workspace.configuration` (the server may ask for settings). Default true. */
  configuration?: boolean;
  /** Declares `workspace.didChangeWatchedFiles.dynamicRegistration`. Default true. */
  watchedFilesDynamicRegistration?: boolean;
  /** The `notelint` section answered to `workspace/configuration`. Default {} (the server's defaults). */
  settings?: NotelintSettings;
  /** Per scopeUri overrides of the notelint section (a document's own settings). */
  scopedSettings?: Record<string, NotelintSettings>;
  /**
   * Holds back the answers to the first `holdConfiguration` workspace/configuration requests (a slow
   * editor) until `releaseConfiguration`. Default 0: every request is answered at once.
   */
  holdConfiguration?: number;
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
}

/** A workspace/configuration request the client has not answered yet. */
interface HeldConfiguration {
  params: ConfigurationParams;
  answer: (settings: NotelintSettings | undefined) => void;
}

export interface WaitOptions {
  /** Look only at events with a sequence number above this (default: all events so far). */
  after?: number;
  /** Milliseconds (default 10 s). */
  timeout?: number;
}

/** An event as recorded, before it gets its sequence number. */
type NewEvent = LspEvent extends infer E ? (E extends LspEvent ? Omit<E, 'seq'> : never) : never;

const DEFAULT_TIMEOUT = 10_000;

const running = new Set<LspClient>();

/** Kills every server still running (a test that failed halfway); for afterEach. */
export async function stopAllServers(): Promise<void> {
  const all = [...running];
  running.clear();
  await Promise.all(all.map((client) => client.kill()));
}

const tempRoots: string[] = [];

/** A temporary workspace folder holding `files` (relative path → content); its real path. */
export function makeWorkspace(files: Record<string, string | Uint8Array> = {}): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'notelint-lsp-')));
  tempRoots.push(root);
  writeTree(root, files);
  return root;
}

/** Removes the workspaces made so far; for afterAll. */
export function removeWorkspaces(): void {
  for (const root of tempRoots.splice(0)) rmSync(root, { recursive: true, force: true });
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** The workspace `openNote` makes around a note, and the client's options. */
export interface NoteOptions extends ClientOptions {
  /** The note's path in the workspace. Default note.md. */
  file?: string;
  /** The workspace's other files (relative path → content). */
  files?: Record<string, string | Uint8Array>;
  /** The version the note is opened with. Default 1. */
  version?: number;
}

/** A new workspace holding the note `text` (and `options.files`), the server started in it, and the note opened. */
export async function openNote(text: string, options: NoteOptions = {}): Promise<{ root: string; uri: string; client: LspClient }> {
  const { file = 'note.md', files = {}, version = 1, ...clientOptions } = options;
  const root = makeWorkspace({ ...files, [file]: text });
  const uri = fileUri(path.join(root, file));
  const client = await LspClient.start(root, clientOptions);
  await client.open(uri, text, version);
  return { root, uri, client };
}

/** `openNote`, then the note's first publishDiagnostics (for the version it was opened with). */
export async function openLinted(
  text: string,
  options: NoteOptions = {},
): Promise<{ root: string; uri: string; client: LspClient; published: PublishDiagnosticsParams }> {
  const opened = await openNote(text, options);
  const published = await opened.client.waitForDiagnostics(opened.uri, options.version ?? 1);
  return { ...opened, published };
}

function capabilities(options: ClientOptions): ClientCapabilities {
  const pull = options.pullDiagnostics ?? false;
  return {
    general: { positionEncodings: ['utf-16'] },
    workspace: {
      applyEdit: true,
      workspaceEdit: { documentChanges: true },
      configuration: options.configuration ?? true,
      didChangeConfiguration: { dynamicRegistration: false },
      didChangeWatchedFiles: {
        dynamicRegistration: options.watchedFilesDynamicRegistration ?? true,
        relativePatternSupport: true,
      },
      executeCommand: { dynamicRegistration: false },
      workspaceFolders: true,
      inlayHint: { refreshSupport: true },
      codeLens: { refreshSupport: true },
      ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true, willSave: false },
      publishDiagnostics: {
        relatedInformation: true,
        versionSupport: true,
        codeDescriptionSupport: true,
        dataSupport: true,
        tagSupport: { valueSet: [1, 2] },
      },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      codeAction: {
        dynamicRegistration: false,
        isPreferredSupport: true,
        dataSupport: true,
        codeActionLiteralSupport: {
          codeActionKind: {
            valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll', 'source.organizeImports'],
          },
        },
      },
      hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
      completion: {
        dynamicRegistration: false,
        contextSupport: true,
        completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] },
      },
      inlayHint: { dynamicRegistration: false },
      codeLens: { dynamicRegistration: false },
    },
    window: { showMessage: {}, workDoneProgress: false },
  };
}

/** Looks `section` ("notelint", "notelint.rules"…) up in the settings tree; null when absent. */
function lookup(tree: Record<string, unknown>, section: string | undefined): unknown {
  if (!section) return tree;
  let value: unknown = tree;
  for (const key of section.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Turns LSP text edits (all against the same text) into changes applied one after the other. */
export function editsToChanges(edits: readonly TextEdit[], doc: TextDocument): TextDocumentContentChangeEvent[] {
  const indexed = edits.map((edit, index) => ({ edit, index, start: doc.offsetAt(edit.range.start) }));
  // Last first, so that each change's positions are still those of the original text; of two edits
  // at one place the later one goes in first, so the earlier one ends up before it.
  indexed.sort((a, b) => b.start - a.start || b.index - a.index);
  return indexed.map(({ edit }) => ({ range: edit.range, text: edit.newText }));
}

/** The text edits of `edit` for each document uri (from `changes` or `documentChanges`). */
export function editsByUri(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.set(uri, [...(out.get(uri) ?? []), ...edits]);
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change)) throw new Error(`unexpected resource operation in a workspace edit: ${JSON.stringify(change)}`);
    const edits = change.edits.map((e) => {
      if (!('newText' in e)) throw new Error(`unexpected snippet edit (not declared by this client): ${JSON.stringify(e)}`);
      return { range: e.range, newText: e.newText };
    });
    out.set(change.textDocument.uri, [...(out.get(change.textDocument.uri) ?? []), ...edits]);
  }
  return out;
}

export class LspClient {
  readonly events: LspEvent[] = [];
  readonly registrations: Registration[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly documents = new Map<string, TextDocument>();
  /** Every text each document had, by uri and version (to check what was published for that version). */
  readonly history = new Map<string, Map<number, string>>();
  settings: NotelintSettings;
  scopedSettings: Record<string, NotelintSettings>;
  initializeResult!: InitializeResult;
  stderr = '';
  private seq = 0;
  private waiters = new Set<() => void>();
  /** How many of the next configuration requests to hold back, and those held so far. */
  private holdCount: number;
  private held: HeldConfiguration[] = [];
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly workspace: string,
    readonly options: ClientOptions,
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
  ) {
    this.settings = options.settings ?? {};
    this.scopedSettings = options.scopedSettings ?? {};
    this.holdCount = options.holdConfiguration ?? 0;
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.record({ kind: 'exit', code, signal });
        resolve({ code, signal });
      });
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    // A test that kills the server must not turn the client's broken pipe into an uncaught error.
    child.stdin.on('error', () => {});
  }

  /** Starts the server in `workspace` and runs initialize/initialized. */
  static async start(workspace: string, options: ClientOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [serverBin, '--stdio'], {
      cwd: workspace,
      env: { ...process.env, NOTELINT_DEBUG: undefined, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(workspace, options, child, connection);
    running.add(client);
    client.listen();
    const spawned = new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    await spawned;
    const rootUri = fileUri(workspace);
    const init = connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'notelint-protocol-tests', version: '1' },
      rootUri,
      rootPath: workspace,
      workspaceFolders: [{ uri: rootUri, name: path.basename(workspace) }],
      capabilities: capabilities(options),
      trace: 'off',
      locale: 'en',
    });
    client.initializeResult = await client.orExit(init, 'initialize');
    await connection.sendNotification('initialized', {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.record({ kind: 'diagnostics', params });
    });
    c.onNotification('notelint/status', (params: StatusParams) => {
      this.record({ kind: 'status', params });
    });
    c.onNotification((method: string, params: unknown) => {
      this.record({ kind: 'notification', method, params });
    });
    c.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.configurationRequests.push(params);
      this.record({ kind: 'request', method: 'workspace/configuration', params });
      if (this.holdCount > 0) {
        this.holdCount--;
        return new Promise<unknown[]>((resolve) => {
          this.held.push({ params, answer: (settings) => resolve(this.configurationAnswer(params, settings)) });
        });
      }
      return this.configurationAnswer(params);
    });
    c.onRequest('client/registerCapability', (params: RegistrationParams) => {
      this.registrations.push(...params.registrations);
      this.record({ kind: 'request', method: 'client/registerCapability', params });
      return null;
    });
    c.onRequest('client/unregisterCapability', (params: unknown) => {
      this.record({ kind: 'request', method: 'client/unregisterCapability', params });
      return null;
    });
    c.onRequest('workspace/applyEdit', async (params: ApplyWorkspaceEditParams) => {
      this.appliedEdits.push(params);
      this.record({ kind: 'request', method: 'workspace/applyEdit', params });
      try {
        await this.applyWorkspaceEdit(params.edit);
        return { applied: true };
      } catch (error) {
        return { applied: false, failureReason: String(error) };
      }
    });
    c.onRequest('workspace/workspaceFolders', () => [{ uri: fileUri(this.workspace), name: path.basename(this.workspace) }]);
    // Refresh requests, window/showMessageRequest, window/workDoneProgress/create…: noted and answered.
    c.onRequest((method: string, params: unknown) => {
      this.record({ kind: 'request', method, params });
      return null;
    });
    c.listen();
  }

  /** The answer to a configuration request: `settings` for every item, else the current (scoped) settings. */
  private configurationAnswer(params: ConfigurationParams, settings?: NotelintSettings): unknown[] {
    return params.items.map((item) => {
      const scoped = item.scopeUri ? this.scopedSettings[item.scopeUri] : undefined;
      return lookup({ notelint: settings ?? { ...this.settings, ...(scoped ?? {}) } }, item.section);
    });
  }

  /** Holds back the answers to the next `count` workspace/configuration requests, until `releaseConfiguration`. */
  holdConfiguration(count = 1): void {
    this.holdCount = count;
  }

  /** How many configuration requests are held back, unanswered. */
  heldConfigurations(): number {
    return this.held.length;
  }

  /**
   * Answers the held configuration requests, oldest first: with `settings` when given (what the
   * settings were when the editor was asked), else with the current ones; stops holding. Returns how
   * many were answered.
   */
  releaseConfiguration(settings?: NotelintSettings): number {
    this.holdCount = 0;
    const held = this.held.splice(0);
    for (const { answer } of held) answer(settings);
    this.record({ kind: 'sent', method: 'workspace/configuration (held answers)' });
    return held.length;
  }

  private record(event: NewEvent): void {
    this.events.push({ ...event, seq: ++this.seq } as LspEvent);
    for (const wake of [...this.waiters]) wake();
  }

  /** The sequence number of the latest event: pass it as `after` to wait only for what comes next. */
  mark(): number {
    return this.seq;
  }

  /** Resolves with `pick`'s first defined answer over the events (after `options.after`), now or later. */
  waitFor<T>(pick: (event: LspEvent) => T | undefined, what: string, options: WaitOptions = {}): Promise<T> {
    const after = options.after ?? 0;
    const timeout = options.timeout ?? DEFAULT_TIMEOUT;
    let scanned = 0;
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        for (; scanned < this.events.length; scanned++) {
          const event = this.events[scanned];
          if (event.seq <= after) continue;
          const found = pick(event);
          if (found !== undefined) {
            done();
            resolve(found);
            return true;
          }
          if (event.kind === 'exit') {
            done();
            reject(
              new Error(
                `server exited (code ${String(event.code)}, signal ${String(event.signal)}) while waiting for ${what}\n${this.stderr}`,
              ),
            );
            return true;
          }
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeout} ms waiting for ${what}\n${this.describe()}`));
      }, timeout);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      const wake = (): void => {
        check();
      };
      if (!check()) this.waiters.add(wake);
    });
  }

  /** The next `publishDiagnostics` for `uri` (with that `version` when given). */
  waitForDiagnostics(uri: string, version?: number, options: WaitOptions = {}): Promise<PublishDiagnosticsParams> {
    return this.waitForPublish(
      uri,
      (params) => version === undefined || params.version === version,
      `publishDiagnostics for ${uri}${version === undefined ? '' : ` version ${version}`}`,
      options,
    );
  }

  /** The next `publishDiagnostics` for `uri` that `ok` accepts (pass `after: mark` for one still to come). */
  waitForPublish(
    uri: string,
    ok: (params: PublishDiagnosticsParams) => boolean,
    what: string,
    options: WaitOptions = {},
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor((e) => (e.kind === 'diagnostics' && e.params.uri === uri && ok(e.params) ? e.params : undefined), what, options);
  }

  /** The next `notelint/status` for `uri` (in `state` when given). */
  waitForStatus(uri: string, state?: StatusParams['state'], options: WaitOptions = {}): Promise<StatusParams> {
    return this.waitFor(
      (e) => (e.kind === 'status' && e.params.uri === uri && (state === undefined || e.params.state === state) ? e.params : undefined),
      `notelint/status${state ? ` ${state}` : ''} for ${uri}`,
      options,
    );
  }

  /** The next server → client request of `method`. */
  waitForRequest(method: string, options: WaitOptions = {}): Promise<unknown> {
    return this.waitFor((e) => (e.kind === 'request' && e.method === method ? e.params : undefined), `request ${method}`, options);
  }

  /** All `publishDiagnostics` for `uri` (after `after`). */
  published(uri: string, after = 0): PublishDiagnosticsParams[] {
    return this.events.flatMap((e) => (e.kind === 'diagnostics' && e.params.uri === uri && e.seq > after ? [e.params] : []));
  }

  statuses(uri: string, after = 0): StatusParams[] {
    return this.events.flatMap((e) => (e.kind === 'status' && e.params.uri === uri && e.seq > after ? [e.params] : []));
  }

  /** Notifications of `method` (window/logMessage, window/showMessage…) after `after`. */
  notifications(method: string, after = 0): unknown[] {
    return this.events.flatMap((e) => (e.kind === 'notification' && e.method === method && e.seq > after ? [e.params] : []));
  }

  // ---- documents -------------------------------------------------------------------------------

  private remember(doc: TextDocument): void {
    let versions = this.history.get(doc.uri);
    if (!versions) this.history.set(doc.uri, (versions = new Map()));
    versions.set(doc.version, doc.getText());
  }

  /** The client's copy of an open document. */
  doc(uri: string): TextDocument {
    const doc = this.documents.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc;
  }

  text(uri: string): string {
    return this.doc(uri).getText();
  }

  version(uri: string): number {
    return this.doc(uri).version;
  }

  async open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<number> {
    const doc = TextDocument.create(uri, languageId, version, text);
    this.documents.set(uri, doc);
    this.history.delete(uri);
    this.remember(doc);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    this.record({ kind: 'sent', method: 'textDocument/didOpen', uri, version });
    return this.mark();
  }

  /** Sends `changes` (ranged, applied in order) as the next version; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[], version?: number): Promise<number> {
    const doc = this.doc(uri);
    const next = version ?? doc.version + 1;
    TextDocument.update(doc, changes, next);
    this.remember(doc);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: next },
      contentChanges: changes,
    });
    this.record({ kind: 'sent', method: 'textDocument/didChange', uri, version: next });
    return next;
  }

  /** The range of the `occurrence`-th (0-based) `needle` in the client's copy of the document. */
  rangeOf(uri: string, needle: string, occurrence = 0): Range {
    const doc = this.doc(uri);
    const text = doc.getText();
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`${JSON.stringify(needle)} (#${occurrence}) not in ${uri}:\n${text}`);
    }
    return { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) };
  }

  /** Types `text` at the end of the document, as one ranged change; returns the new version. */
  append(uri: string, text: string): Promise<number> {
    const end = this.doc(uri).positionAt(this.text(uri).length);
    return this.change(uri, [{ range: { start: end, end }, text }]);
  }

  /** Replaces the first `needle` with `replacement` as one ranged change. */
  replace(uri: string, needle: string, replacement: string): Promise<number> {
    return this.change(uri, [{ range: this.rangeOf(uri, needle), text: replacement }]);
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    this.record({ kind: 'sent', method: 'textDocument/didClose', uri });
  }

  /** Applies text edits to an open document as an editor would: one didChange. */
  applyEdits(uri: string, edits: readonly TextEdit[]): Promise<number> {
    return this.change(uri, editsToChanges(edits, this.doc(uri)));
  }

  /** Applies a workspace edit to the open documents (each edited document gets one didChange). */
  async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<void> {
    for (const [uri, edits] of editsByUri(edit)) await this.applyEdits(uri, edits);
  }

  /** What `edit` would make of the document's text, without sending anything. */
  preview(uri: string, edit: WorkspaceEdit): string {
    const doc = this.doc(uri);
    const edits = editsByUri(edit).get(uri) ?? [];
    return TextDocument.applyEdits(doc, edits);
  }

  /** A code action with its edit (resolved with codeAction/resolve when the server left it out). */
  async resolveAction(action: CodeAction | Command): Promise<CodeAction | Command> {
    if ('edit' in action && action.edit) return action;
    if ('kind' in action || 'diagnostics' in action || 'data' in action) {
      if ((action as CodeAction).data !== undefined && !(action as CodeAction).edit) {
        return this.request<CodeAction>('codeAction/resolve', action);
      }
    }
    return action;
  }

  // ---- workspace -------------------------------------------------------------------------------

  /**
   * Replaces the notelint settings and tells the server (workspace/didChangeConfiguration): with the
   * settings in it, or with `settings: null` (VS Code's way: the server must ask) when `push` is false.
   */
  async setSettings(settings: NotelintSettings, { push = true }: { push?: boolean } = {}): Promise<number> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: push ? { notelint: settings } : null });
    this.record({ kind: 'sent', method: 'workspace/didChangeConfiguration' });
    return this.mark();
  }

  /** Writes files in the workspace and sends workspace/didChangeWatchedFiles for them. */
  async changeFiles(files: Record<string, string>, type: FileEvent['type'] = 2): Promise<number> {
    writeTree(this.workspace, files);
    const changes = Object.keys(files).map((relative) => ({ uri: fileUri(path.join(this.workspace, relative)), type }));
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    this.record({ kind: 'sent', method: 'workspace/didChangeWatchedFiles' });
    return this.mark();
  }

  request<R>(method: string, params: unknown, timeout = DEFAULT_TIMEOUT): Promise<R> {
    return this.orExit(this.withTimeout(this.connection.sendRequest<R>(method, params), timeout, method), method);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  async notify(method: string, params: unknown): Promise<void> {
    await this.connection.sendNotification(method, params);
    this.record({ kind: 'sent', method });
  }

  /** Writes bytes straight to the server's stdin (after everything sent so far). */
  writeRaw(bytes: string | Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.child.stdin.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  }

  private withTimeout<T>(promise: Promise<T>, timeout: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${timeout} ms waiting for the answer to ${what}\n${this.describe()}`)),
        timeout,
      );
    });
    return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
  }

  /** `promise`, or a clear error if the server exits first. */
  private orExit<T>(promise: Promise<T>, what: string): Promise<T> {
    const died = this.exited.then(({ code, signal }) => {
      throw new Error(`server exited (code ${String(code)}, signal ${String(signal)}) before answering ${what}\n${this.stderr}`);
    });
    return Promise.race([promise, died]);
  }

  isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** shutdown + exit; resolves with the exit code (throws if the server does not stop in time). */
  async shutdown(timeout = 5_000): Promise<number | null> {
    await this.request('shutdown', undefined, timeout);
    await this.connection.sendNotification('exit');
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      this.exited,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`server still running ${timeout} ms after exit\n${this.stderr}`)), timeout);
      }),
    ]).finally(() => clearTimeout(timer));
    running.delete(this);
    this.connection.dispose();
    return result.code;
  }

  /** Kills the server if it still runs (cleanup after a failed test). */
  async kill(): Promise<void> {
    running.delete(this);
    if (this.isRunning()) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    this.connection.dispose();
  }

  /** The recent traffic, for failure messages. */
  describe(): string {
    const tail = this.events.slice(-30).map((e) => {
      switch (e.kind) {
        case 'sent':
          return `#${e.seq} sent ${e.method} ${e.uri ?? ''} ${e.version ?? ''}`;
        case 'diagnostics':
          return `#${e.seq} publishDiagnostics ${e.params.uri} v${String(e.params.version)}: ${e.params.diagnostics.map((d) => String(d.code)).join(', ')}`;
        case 'status':
          return `#${e.seq} status ${JSON.stringify(e.params)}`;
        case 'request':
          return `#${e.seq} request ${e.method} ${String(JSON.stringify(e.params)).slice(0, 300)}`;
        case 'notification':
          return `#${e.seq} notification ${e.method} ${String(JSON.stringify(e.params)).slice(0, 300)}`;
        default:
          return `#${e.seq} exit ${String(e.code)} ${String(e.signal)}`;
      }
    });
    return `recent events:\n${tail.join('\n')}\nserver stderr:\n${this.stderr.slice(-3000)}`;
  }
}

/** The rule ids of `diagnostics`, sorted. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

/** The first diagnostic of rule `code`; throws, naming the rules there are, when there is none. */
export function byCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === code);
  if (!found) throw new Error(`no ${code} among ${codes(diagnostics).join(', ')}`);
  return found;
}

/**
 * A checker of ranges against `text`: undefined when a range lies inside it (UTF-16 positions, not past
 * a line's end, not inside a surrogate pair, start before end), else what is wrong.
 */
export function rangeChecker(text: string): (range: Range) => string | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  const order = (a: Range['start'], b: Range['start']) => a.line - b.line || a.character - b.character;
  return (range) => {
    for (const [name, pos] of [
      ['start', range.start],
      ['end', range.end],
    ] as const) {
      if (!Number.isInteger(pos.line) || !Number.isInteger(pos.character) || pos.line < 0 || pos.character < 0) {
        return `${name} ${JSON.stringify(pos)} is not a position`;
      }
      if (pos.line >= lines.length) return `${name} line ${pos.line} is past the last line (${lines.length - 1})`;
      const line = lines[pos.line];
      if (pos.character > line.length) return `${name} ${JSON.stringify(pos)} is past the end of line ${pos.line} (${line.length})`;
      const code = line.charCodeAt(pos.character);
      const before = line.charCodeAt(pos.character - 1);
      if (code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff) {
        return `${name} ${JSON.stringify(pos)} splits a surrogate pair`;
      }
    }
    if (order(range.start, range.end) > 0) return `range ${JSON.stringify(range)} ends before it starts`;
    return undefined;
  };
}

/** Calls `probe` until `ok` holds (what the server reads or refreshes asynchronously), or fails saying what it last saw. */
export async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
