import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  InlayHintRefreshRequest,
  NotificationType,
  TextDocumentEdit,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type TextDocumentIdentifier,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, FIX_ALL_KIND, fixAllEdits } from './code-actions.js';
import { codeLenses } from './code-lens.js';
import { completeOwners, wantsOwner } from './completion.js';
import { EditorSettings } from './editor-settings.js';
import { hoverAt } from './hover.js';
import { inlayHints } from './inlay-hints.js';
import { NoteLinter, filePath } from './note-linter.js';
import { shownDiagnostics, statusOf, type LintedNote, type LintOutcome, type NoteStatus } from './note-state.js';
import { Guard } from './guard.js';
import { AccountStatuses } from './account-status.js';
import { LintLanes } from '../worker/lint-lanes.js';
import { isMarkdownPath, MARKDOWN_GLOB } from '../workspace/note-files.js';
import { Workspace } from '../workspace/workspace.js';

export const APPLY_ALL_FIXES = 'notelint.applyAllFixes';
export const STATUS = new NotificationType<NoteStatus>('notelint/status');
/** Typing pauses shorter than this do not lint; the last version is linted once typing stops. */
const DEBOUNCE_MS = 200;
const CONFIG_GLOBS = ['**/.notelintrc.{json,jsonc,yaml,yml}', '**/package.json', '**/.notelintignore', '**/.gitignore'];
/** Notes changed on disk change the account status of the open notes of their account. */
const NOTE_GLOBS = [MARKDOWN_GLOB];

export interface ServerOptions {
  /** The machine's IANA time zone, used for notes whose config names none. */
  machineTimezone: string;
  version: string;
  /** How long the engine may take over one note before it is stopped and the note fails. */
  lintTimeLimitMs: number;
  /** The clock, for "today" in the account status. */
  now?: () => Date;
}

/** Wires the notelint engine to an LSP connection. */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const guard = new Guard(connection);
  let client: ClientCapabilities = {};
  let pull = false;
  let settings!: EditorSettings;
  let workspace!: Workspace;
  let linter!: NoteLinter;
  let statuses!: AccountStatuses;
  /** Each open note's meetings as last read, to tell when its account's status may have changed. */
  const accountPrints = new Map<string, string>();
  const accountRead = new WeakSet<LintedNote>();
  const timers = new Map<string, NodeJS.Timeout>();
  const runner = new LintLanes(options.lintTimeLimitMs);
  connection.onShutdown(() => runner.dispose());
  const reported = new Set<string>();

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities;
    pull = client.textDocument?.diagnostic !== undefined;
    const root = filePath(params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? '') ?? process.cwd();
    settings = new EditorSettings(connection, client.workspace?.configuration === true, (uri) => relint(uri));
    workspace = Workspace.of({
      root,
      machineTimezone: options.machineTimezone,
      onRefused: (p) =>
        connection.console.warn(`notelint: ${p.file}:${p.line}: the pattern ${JSON.stringify(p.pattern)} is not used: ${p.why}.`),
    });
    linter = new NoteLinter(workspace, settings, runner, (d) => documents.get(d.uri) === d);
    statuses = new AccountStatuses(workspace, runner, options.now, () => refreshLenses());
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        completionProvider: { triggerCharacters: ['@', ' '] },
        executeCommandProvider: { commands: [APPLY_ALL_FIXES] },
        ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'notelint', version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      const watchers = [...CONFIG_GLOBS, ...NOTE_GLOBS].map((globPattern) => ({ globPattern }));
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers })
        .catch((error: unknown) => guard.log('registering the config file watcher', error));
    }
  });

  /** The current lint of a document; a config problem is logged and shown once per message. */
  const outcomeOf = async (document: TextDocument): Promise<LintOutcome | undefined> => {
    const outcome = await linter.current(document);
    if (outcome?.kind === 'failed' && !reported.has(outcome.reason)) {
      reported.add(outcome.reason);
      connection.console.error(`notelint: ${document.uri}: ${outcome.reason}`);
      void connection.window.showErrorMessage(`notelint cannot check ${fileName(document.uri)}: ${outcome.reason}`);
    }
    // Once per lint (not per request that reads it): did the note's meetings change?
    if (outcome?.kind === 'linted' && !accountRead.has(outcome)) {
      accountRead.add(outcome);
      void guard.run(`account of ${document.uri}`, () => accountChanged(outcome), undefined);
    }
    return outcome;
  };

  const refreshLenses = (): void => {
    if (client.workspace?.codeLens?.refreshSupport)
      connection.sendRequest(CodeLensRefreshRequest.type).catch((e: unknown) => guard.log('refreshing code lenses', e));
  };

  /** A note's meetings changed (or its account did): the titles of its account's open notes show a new status. */
  const accountChanged = async (note: LintedNote): Promise<void> => {
    const read = await statuses.recordsOf(note);
    const print = read ? JSON.stringify(read) : '';
    const before = accountPrints.get(note.uri);
    accountPrints.set(note.uri, print);
    if (before !== undefined && before !== print) refreshLenses();
  };

  /** The open notes already linted (their current versions). */
  const openLinted = async (): Promise<LintedNote[]> => {
    const all = await Promise.all(documents.all().map((d) => linter.current(d)));
    return all.filter((o): o is LintedNote => o?.kind === 'linted');
  };

  /** The status of the note's account, from the workspace's notes of that account. */
  const accountOf = async (note: LintedNote) => statuses.summaryFor(note, await openLinted());

  const linted = async (uri: string): Promise<LintedNote | undefined> => {
    const document = documents.get(uri);
    const outcome = document ? await outcomeOf(document) : undefined;
    return outcome?.kind === 'linted' ? outcome : undefined;
  };

  const publish = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const outcome = await outcomeOf(document);
    // Stale (a newer version, a settings change, a close): the newer lint publishes instead.
    if (!outcome || documents.get(uri) !== document || document.version !== outcome.version) return;
    await connection.sendDiagnostics({ uri, version: outcome.version, diagnostics: shownDiagnostics(outcome) });
    await connection.sendNotification(STATUS, statusOf(outcome));
  };

  const schedule = (uri: string, delay: number): void => {
    clearTimeout(timers.get(uri));
    if (pull) return;
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void guard.run(`linting ${uri}`, () => publish(uri), undefined);
      }, delay),
    );
  };

  const refreshPulled = (): void => {
    if (client.workspace?.diagnostics?.refreshSupport)
      connection.languages.diagnostics.refresh().catch((e: unknown) => guard.log('refreshing diagnostics', e));
  };

  /** One document again, e.g. once its settings arrive. */
  const relint = (uri: string): void => {
    linter.forget(uri);
    if (pull) refreshPulled();
    else schedule(uri, 0);
  };

  /** After a settings or config file change: every open note again. */
  const relintAll = (): void => {
    linter.forgetAll();
    if (pull) refreshPulled();
    else for (const document of documents.all()) schedule(document.uri, 0);
    if (client.workspace?.inlayHint?.refreshSupport)
      connection.sendRequest(InlayHintRefreshRequest.type).catch((e: unknown) => guard.log('refreshing inlay hints', e));
    refreshLenses();
  };

  // TextDocuments fires a content change right after each open: the open itself lints at once.
  const opening = new Set<string>();
  documents.onDidOpen(({ document }) => {
    opening.add(document.uri);
    schedule(document.uri, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (!opening.delete(document.uri)) schedule(document.uri, DEBOUNCE_MS);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    linter.forget(document.uri);
    settings.forget(document.uri);
    // Closed: its text on disk counts again for the other notes of its account.
    accountPrints.delete(document.uri);
    refreshLenses();
    if (!pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    relintAll();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const files = changes.map((c) => filePath(c.uri)).filter((f): f is string => f !== undefined);
    if (files.length === changes.length && files.every(isMarkdownPath)) {
      // Notes only: the account status of the open notes may change; their own lints do not.
      statuses.forget(files);
      refreshLenses();
      return;
    }
    statuses.forget();
    workspace.reset();
    reported.clear(); // a config file still broken after an edit is worth saying again
    relintAll();
  });

  connection.languages.diagnostics.on((params) =>
    guard.run(
      `linting ${params.textDocument.uri}`,
      async () => {
        const document = documents.get(params.textDocument.uri);
        const outcome = document ? await outcomeOf(document) : undefined;
        if (outcome) void connection.sendNotification(STATUS, statusOf(outcome));
        return { kind: 'full' as const, items: outcome ? shownDiagnostics(outcome) : [] };
      },
      { kind: 'full' as const, items: [] },
    ),
  );

  const makeEdit = (note: LintedNote, edits: TextEdit[]): WorkspaceEdit =>
    client.workspace?.workspaceEdit?.documentChanges
      ? { documentChanges: [TextDocumentEdit.create({ uri: note.uri, version: note.version }, edits)] }
      : { changes: { [note.uri]: edits } };

  connection.onCodeAction((params) =>
    guard.run(`code actions in ${params.textDocument.uri}`, async () => {
      const note = await linted(params.textDocument.uri);
      return note ? codeActions(note, params, makeEdit) : [];
    }, []),
  );
  connection.onHover((params) =>
    guard.run(
      `hover in ${params.textDocument.uri}`,
      async () => {
        const note = await linted(params.textDocument.uri);
        if (!note) return null;
        const offset = note.positions.offset(params.position);
        const title = note.result.note.title;
        const onTitle = title !== undefined && title.start <= offset && offset <= title.end;
        return hoverAt(note, offset, onTitle ? (await accountOf(note)).summary : undefined);
      },
      null,
    ),
  );
  connection.onCodeLens((params) =>
    guard.run(`code lenses in ${params.textDocument.uri}`, async () => {
      const note = await linted(params.textDocument.uri);
      if (!note) return [];
      return codeLenses(note, note.settings.codeLens.accountStatus ? await accountOf(note) : undefined);
    }, []),
  );
  connection.languages.inlayHint.on((params) =>
    guard.run(`inlay hints in ${params.textDocument.uri}`, async () => {
      const note = await linted(params.textDocument.uri);
      return note ? inlayHints(note, params.range) : [];
    }, []),
  );
  connection.onCompletion((params) =>
    guard.run(`completion in ${params.textDocument.uri}`, async () => {
      const document = documents.get(params.textDocument.uri);
      const line = document?.getText({ start: { line: params.position.line, character: 0 }, end: params.position }) ?? '';
      if (!wantsOwner(line)) return []; // a space typed in prose: no lint for it
      const note = await linted(params.textDocument.uri);
      return note ? completeOwners(note, note.positions.offset(params.position)) : [];
    }, []),
  );
  connection.onExecuteCommand((params) =>
    guard.run(
      `command ${params.command}`,
      async () => {
        if (params.command !== APPLY_ALL_FIXES) return null;
        const note = await linted(documentUri(params.arguments?.[0]) ?? '');
        const edits = note ? fixAllEdits(note) : [];
        if (note && edits.length > 0)
          await connection.workspace.applyEdit({ label: 'Fix all notelint problems', edit: makeEdit(note, edits) });
        return null;
      },
      null,
    ),
  );

  documents.listen(connection);
  connection.listen();
}

/** The command's argument: `{ uri }`, a text document identifier, or the URI itself. */
function documentUri(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  const uri = (argument as Partial<TextDocumentIdentifier> | undefined)?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/** The last segment of a URI, for a message: "2026-11-18-acme.md". */
function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
