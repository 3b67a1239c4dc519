import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings.js';

/** How long a lint waits for the client to answer `workspace/configuration` before using what it has. */
const ANSWER_WAIT_MS = 2000;

/**
 * The `notelint` settings of each document: pulled with `workspace/configuration` when the client
 * can answer it, else the last settings it pushed with `didChangeConfiguration`, else the defaults.
 */
export class EditorSettings {
  private readonly byUri = new Map<string, Promise<Settings>>();
  private pushed: Settings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
  ) {}

  forUri(uri: string): Promise<Settings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.pull(uri);
      this.byUri.set(uri, settings);
    }
    return settings;
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

  private async pull(uri: string): Promise<Settings> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ANSWER_WAIT_MS);
    });
    try {
      const answer: unknown = await Promise.race([this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'notelint' }), late]);
      return answer === undefined ? this.pushed : readSettings(answer);
    } catch {
      return this.pushed;
    } finally {
      clearTimeout(timer);
    }
  }
}
