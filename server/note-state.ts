import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { LintResult, ResolvedConfig } from '../core/engine/types.js';
import type { NotePositions } from './positions.js';
import type { Settings } from './settings.js';

/** One lint of one version of an open note, kept for code actions, hovers and the rest. */
export interface LintedNote {
  kind: 'linted';
  uri: string;
  version: number;
  /** The document the lint read (its text is the linted text). */
  document: TextDocument;
  positions: NotePositions;
  settings: Settings;
  config: ResolvedConfig;
  result: LintResult;
  diagnostics: LspDiagnostic[];
}

/** A document notelint says nothing about (a README in a code repository), and why. */
export interface SkippedNote {
  kind: 'skipped';
  uri: string;
  version: number;
  reason: string;
}

/** A lint that could not happen (a broken config file). */
export interface FailedLint {
  kind: 'failed';
  uri: string;
  version: number;
  reason: string;
}

export type LintOutcome = LintedNote | SkippedNote | FailedLint;

/** The `notelint/status` notification's parameters. */
export interface NoteStatus {
  uri: string;
  state: LintOutcome['kind'];
  problems: number;
  reason?: string;
}

export function statusOf(outcome: LintOutcome): NoteStatus {
  return outcome.kind === 'linted'
    ? { uri: outcome.uri, state: 'linted', problems: outcome.diagnostics.length }
    : { uri: outcome.uri, state: outcome.kind, problems: 0, reason: outcome.reason };
}
