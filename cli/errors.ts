/** A failure the CLI reports as one or more plain lines (never a stack trace) and exits with code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    /** Print "Run 'notelint --help' for usage." after the message. */
    readonly showHelpHint = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad flags or arguments. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, true);
    this.name = 'UsageError';
  }
}
