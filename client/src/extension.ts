/**
 * The notelint VS Code extension: starts the bundled language server (`dist/server.mjs`, built from
 * `server/main.ts`) over IPC, and adds three commands and a status-bar item on top of it. Everything
 * about linting (which files, settings, fixes, hovers…) is the server's; see server/README.md.
 */
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** The `notelint/status` notification the server sends after each lint (server/README.md). */
interface LintStatus {
  uri: string;
  state: 'linted' | 'skipped' | 'failed';
  problems: number;
  reason?: string;
}

const SERVER_APPLY_ALL_FIXES = 'notelint.applyAllFixes';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('notelint', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'notelint' },
    outputChannel: output,
  };
  // The id 'notelint' makes the client read the `notelint.trace.server` setting.
  const languageClient = new LanguageClient('notelint', 'notelint', serverOptions, clientOptions);
  client = languageClient;

  const status = new StatusBar();
  context.subscriptions.push(status);

  languageClient.onNotification('notelint/status', (params: LintStatus) => status.set(params));
  context.subscriptions.push(
    languageClient.onDidChangeState((event) => status.setServerState(event.newState)),
    vscode.window.onDidChangeActiveTextEditor(() => status.render()),
    vscode.workspace.onDidCloseTextDocument((document) => status.forget(document.uri)),
    vscode.commands.registerCommand('notelint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('notelint.restartServer', () => restart(languageClient, output)),
    vscode.commands.registerCommand('notelint.fixAllInNote', () => fixAllInNote(languageClient)),
  );

  try {
    await languageClient.start();
  } catch (error) {
    output.error(`The language server did not start: ${describe(error)}`);
    status.setServerState(State.Stopped);
  }
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined) await running.dispose();
}

async function restart(languageClient: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  output.info('Restarting the language server');
  try {
    if (languageClient.state === State.Stopped) await languageClient.start();
    else await languageClient.restart();
  } catch (error) {
    output.error(`The language server did not restart: ${describe(error)}`);
    void vscode.window.showErrorMessage('notelint: the language server did not restart. See "notelint: Show output".');
  }
}

async function fixAllInNote(languageClient: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('notelint: open a Markdown note to fix it.');
    return;
  }
  if (!languageClient.isRunning()) {
    void vscode.window.showErrorMessage('notelint: the language server is not running. Try "notelint: Restart server".');
    return;
  }
  const uri = languageClient.code2ProtocolConverter.asUri(editor.document.uri);
  try {
    // sendRequest first flushes pending document changes, so the server fixes what is on screen.
    await languageClient.sendRequest(ExecuteCommandRequest.type, {
      command: SERVER_APPLY_ALL_FIXES,
      arguments: [{ uri }],
    });
  } catch (error) {
    languageClient.error('notelint: fixing the note failed', error);
    void vscode.window.showErrorMessage(`notelint: fixing the note failed: ${describe(error)}`);
  }
}

/** The status-bar item: the last `notelint/status` of the active editor's document. */
class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('notelint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly statuses = new Map<string, LintStatus>();
  private serverState: State = State.Starting;

  constructor() {
    this.item.name = 'notelint';
    this.item.command = 'notelint.showOutput';
    this.render();
  }

  set(status: LintStatus): void {
    this.statuses.set(status.uri, status);
    this.render();
  }

  forget(uri: vscode.Uri): void {
    this.statuses.delete(uri.toString());
    this.render();
  }

  setServerState(state: State): void {
    this.serverState = state;
    if (state !== State.Running) this.statuses.clear();
    this.render();
  }

  render(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (document === undefined || document.languageId !== 'markdown') {
      this.item.hide();
      return;
    }
    const item = this.item;
    item.backgroundColor = undefined;
    if (this.serverState === State.Stopped) {
      item.text = '$(error) notelint';
      item.tooltip = 'The notelint language server is not running. Click to see its output.';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else if (this.serverState === State.Starting) {
      item.text = '$(sync~spin) notelint';
      item.tooltip = 'The notelint language server is starting.';
    } else {
      const status = this.statuses.get(document.uri.toString());
      if (status === undefined) {
        item.text = 'notelint';
        item.tooltip = 'notelint has not reported on this file yet.';
      } else if (status.state === 'skipped') {
        item.text = 'notelint: off';
        item.tooltip = `notelint does not lint this file${status.reason ? `: ${status.reason}` : '.'}`;
      } else if (status.state === 'failed') {
        item.text = '$(error) notelint';
        item.tooltip = `notelint could not lint this file${status.reason ? `: ${status.reason}` : '.'} Click to see the output.`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      } else if (status.problems === 0) {
        item.text = '$(check) notelint';
        item.tooltip = 'notelint: no problems in this note.';
      } else {
        item.text = `$(warning) notelint ${status.problems}`;
        item.tooltip = `notelint: ${status.problems} ${status.problems === 1 ? 'problem' : 'problems'} in this note.`;
      }
    }
    item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
