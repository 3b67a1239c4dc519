/**
 * The LSP wire over stdio, made to survive a faulty client. vscode-jsonrpc's StreamMessageReader trusts
 * the framing: on a bad header it fires `onError`, which nobody listens to, and then reads the next
 * bodies as headers, so every later message is lost without a word; and it buffers whatever
 * Content-Length announces, without a limit. Here a FrameGuard stands between stdin and that reader:
 * it passes well-formed frames through unchanged and, on a malformed or oversized one, logs why and
 * discards bytes up to the next `Content-Length:` header. The ShutdownGate then answers what the LSP
 * spec says must not be served after `shutdown`.
 */
import { Transform, type TransformCallback } from 'node:stream';
import {
  ErrorCodes,
  ExitNotification,
  Message,
  ShutdownRequest,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/**
 * The largest message accepted: 64 MiB, room for the biggest note anyone would open (a document goes
 * over the wire as JSON, so escaping may double its size) and far below what would exhaust memory.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** A header is a line or two ("Content-Length: 123", maybe "Content-Type: …"): 8 KiB is plenty. */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
/** Where a frame may start again after bad bytes (header names are case-insensitive). */
const RESYNC_AT = /content-length:/i;
const RESYNC_LENGTH = 'content-length:'.length;
const EMPTY = Buffer.alloc(0);

/**
 * Between the raw input and vscode-jsonrpc's reader: well-formed frames pass (header normalised to
 * `Content-Length: N`, body streamed through as it comes); a bad header or a frame over
 * MAX_MESSAGE_BYTES is logged once and its bytes dropped as they arrive (never buffered: at most a
 * header, or the few bytes a `Content-Length:` could start in, are held) until the next header.
 */
export class FrameGuard extends Transform {
  /** Reading a header, passing a body through, or skipping to the next header. */
  private mode: 'header' | 'body' | 'skip' = 'header';
  /** An incomplete header, or (skipping) the last bytes, which may hold the start of `Content-Length:`. */
  private pending = EMPTY;
  private bodyLeft = 0;
  /** Bytes dropped since the stream got out of step, and the further faults met meanwhile (not logged each). */
  private skipped = 0;
  private moreFaults = 0;

  constructor(private readonly log: (message: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.parse(this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk);
    } catch (error) {
      // A bug here must not end the session: drop what was held and look for the next header.
      this.fault(`cannot read the input (${error instanceof Error ? error.message : String(error)})`);
      this.pending = EMPTY;
      this.mode = 'skip';
    }
    done();
  }

  /** What is left half-read when the input ends, for the message saying why the server stops. */
  unfinished(): string | undefined {
    if (this.mode === 'body') return `the input ended ${this.bodyLeft} bytes short of the end of a message`;
    if (this.mode === 'skip') return `the input ended while skipping bad bytes (${this.skipped + this.pending.length} so far)`;
    if (this.pending.length > 0) return `the input ended inside a message header: ${excerpt(this.pending)}`;
    return undefined;
  }

  private parse(data: Buffer): void {
    this.pending = EMPTY;
    while (data.length > 0) {
      if (this.mode === 'body') {
        const part = data.subarray(0, Math.min(this.bodyLeft, data.length));
        this.push(part);
        this.bodyLeft -= part.length;
        data = data.subarray(part.length);
        if (this.bodyLeft === 0) this.mode = 'header';
      } else if (this.mode === 'skip') {
        const at = data.toString('latin1').search(RESYNC_AT);
        if (at < 0) {
          const keep = Math.min(data.length, RESYNC_LENGTH - 1);
          this.skipped += data.length - keep;
          this.pending = Buffer.from(data.subarray(data.length - keep)); // a copy: not the whole chunk
          return;
        }
        this.skipped += at;
        data = data.subarray(at);
        this.mode = 'header';
      } else {
        const end = data.indexOf(HEADER_END);
        if (end < 0 && data.length <= MAX_HEADER_BYTES) {
          this.pending = Buffer.from(data);
          return;
        }
        const length =
          end < 0 || end > MAX_HEADER_BYTES
            ? `no end of the header (a blank line) within ${MAX_HEADER_BYTES} bytes`
            : contentLength(data.subarray(0, end));
        if (typeof length === 'string') {
          this.fault(`bad LSP message header (${length}): ${excerpt(data.subarray(0, end < 0 ? data.length : end))}`);
          // One byte on, not past the header's end: the blank line found may be the next frame's.
          this.skipped += 1;
          data = data.subarray(1);
          this.mode = 'skip';
        } else if (length > MAX_MESSAGE_BYTES) {
          this.fault(
            `an LSP message of ${length} bytes is over the limit of ${MAX_MESSAGE_BYTES} bytes (${MAX_MESSAGE_BYTES / 2 ** 20} MiB)`,
          );
          data = data.subarray(end + HEADER_END.length);
          this.mode = 'skip';
        } else {
          this.backInStep();
          this.push(`Content-Length: ${length}\r\n\r\n`);
          data = data.subarray(end + HEADER_END.length);
          this.bodyLeft = length;
          this.mode = length > 0 ? 'body' : 'header';
        }
      }
    }
  }

  /** Logs the first fault while in step; later ones, until a good header, go into the summary. */
  private fault(what: string): void {
    if (this.mode === 'skip' || this.skipped > 0) {
      this.moreFaults++;
      return;
    }
    this.log(`${what}; skipping to the next Content-Length header`);
  }

  private backInStep(): void {
    if (this.skipped === 0 && this.moreFaults === 0) return;
    const more = this.moreFaults > 0 ? `, ${this.moreFaults} more bad header${this.moreFaults === 1 ? '' : 's'} among them` : '';
    this.log(`skipped ${this.skipped} bytes to the next message header${more}`);
    this.skipped = 0;
    this.moreFaults = 0;
  }
}

/** The Content-Length of a header block (the bytes before the blank line), or what is wrong with it. */
function contentLength(header: Buffer): number | string {
  const bad = header.findIndex((b) => (b < 0x20 || b > 0x7e) && b !== 0x09 && b !== 0x0d && b !== 0x0a);
  if (bad >= 0) return `a byte that is not printable ASCII (0x${header[bad].toString(16).padStart(2, '0')})`;
  let length: string | undefined;
  for (const line of header.toString('latin1').split('\r\n')) {
    const field = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!field) return `a header line is not "name: value": ${JSON.stringify(line.slice(0, 80))}`;
    if (field[1].toLowerCase() !== 'content-length') continue; // Content-Type: UTF-8 JSON is all there is
    if (length !== undefined) return 'two Content-Length headers';
    length = field[2];
  }
  if (length === undefined) return 'no Content-Length header';
  if (!/^\d+$/.test(length)) return `Content-Length is not a byte count: ${JSON.stringify(length.slice(0, 80))}`;
  return Number(length);
}

/** The start of some bad bytes, quoted (escapes show control characters; non-ASCII shows as Latin-1). */
function excerpt(bytes: Buffer): string {
  const text = bytes.subarray(0, 100).toString('latin1');
  return JSON.stringify(text) + (bytes.length > 100 ? ` (and ${bytes.length - 100} more bytes)` : '');
}

/**
 * Wraps the reader so that, once a `shutdown` request has been read, every further request is answered
 * with InvalidRequest and every notification but `exit` is dropped (LSP: "If a server receives requests
 * after a shutdown request those requests should error with InvalidRequest"). Responses still pass.
 */
export class ShutdownGate implements MessageReader {
  shutdownReceived = false;

  constructor(
    private readonly reader: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  get onError() {
    return this.reader.onError;
  }
  get onClose() {
    return this.reader.onClose;
  }
  get onPartialMessage() {
    return this.reader.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.reader.listen((message) => {
      if (!this.shutdownReceived) {
        if (Message.isRequest(message) && message.method === ShutdownRequest.method) this.shutdownReceived = true;
        callback(message);
      } else if (Message.isRequest(message)) {
        const error = {
          code: ErrorCodes.InvalidRequest,
          message: `notelint: ${message.method} after shutdown: the server is shutting down`,
        };
        this.writer.write({ jsonrpc: '2.0', id: message.id, error } as Message).catch(() => undefined);
      } else if (!Message.isNotification(message) || message.method === ExitNotification.method) {
        callback(message);
      }
    });
  }

  dispose(): void {
    this.reader.dispose();
  }
}
