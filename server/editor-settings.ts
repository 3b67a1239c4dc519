import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings.js';

/** How long a lint waits for the client to answer `workspace/configuration` before using what it has. */
const ANSWER_WAIT_MS = 2000;

/**
 * The `notelint` settings of each document: pulled with `workspace/configuration` when the client
 * can answer it, else the last settings it pushed with `didChangeConfiguration`, else the defaults.
 * An answer that comes too late is kept all the same, and `onLateAnswer` asks for the document to be
 * linted again with it.
 */
export class EditorSettings {
  private readonly byUri = new Map<string, Promise<Settings>>();
  private pushed: Settings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    private readonly onLateAnswer: (uri: string) => void,
  ) {}

  forUri(uri: string): Promise<Settings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let answer = this.byUri.get(uri);
    if (!answer) {
      answer = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'notelint' }).then(
        (value: unknown) => readSettings(value),
        () => this.pushed,
      );
      this.byUri.set(uri, answer);
    }
    return this.waitFor(uri, answer);
  }

  /** After `workspace/didChangeConfiguration`: keeps what was pushed, forgets what was pulled. */
  changed(pushed: unknown): void {
    const section = typeof pushed === 'object' && pushed !== null ? (pushed as Record<string, unknown>).notelint : undefined;
    if (section !== undefined) this.pushed = readSettings(section);
    this.byUri.clear();
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  private async waitFor(uri: string, answer: Promise<Settings>): Promise<Settings> {
    let timer: NodeJS.Timeout | undefined;
    let late = false;
    const fallback = new Promise<Settings>((resolve) => {
      timer = setTimeout(() => {
        late = true;
        resolve(this.pushed);
      }, ANSWER_WAIT_MS);
    });
    const settings = await Promise.race([answer, fallback]);
    clearTimeout(timer);
    if (late) {
      void answer.then(() => {
        if (this.byUri.get(uri) === answer) this.onLateAnswer(uri);
      });
    }
    return settings;
  }
}
