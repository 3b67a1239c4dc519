import type { Connection } from 'vscode-languageserver';

/** Turns any failure inside one request or one document into a log line: the server lives on. */
export class Guard {
  constructor(private readonly connection: Connection) {}

  async run<T>(what: string, work: () => T | Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.log(what, error);
      return fallback;
    }
  }

  log(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`notelint: failed ${what}: ${detail}`);
  }
}
