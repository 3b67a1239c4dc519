import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * The engine's offsets are into the note's text without a byte-order mark; an editor's document may
 * still hold one. LSP positions are in UTF-16 units, as JavaScript strings are, so offsets convert
 * directly once the mark is accounted for.
 */
export class NotePositions {
  private readonly shift: number;

  constructor(private readonly document: TextDocument) {
    this.shift = document.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  position(offset: number): Position {
    return this.document.positionAt(offset + this.shift);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  offset(position: Position): number {
    return Math.max(0, this.document.offsetAt(position) - this.shift);
  }
}
