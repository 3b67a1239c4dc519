/**
 * A path, ignore file or config file the workspace cannot use: the message names it. The CLI prints
 * it as plain lines (never a stack trace) and exits with code 2; the editor shows it on the note.
 */
export class WorkspaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceError';
  }
}
