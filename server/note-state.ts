import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { LintResult } from '../core/engine/types.js';
import type { Vocabulary } from '../core/vocabulary/types.js';
import type { NotePositions } from './positions.js';
import type { Settings } from './settings.js';

/** One lint of one version of an open note, kept for code actions, hovers and the rest. */
export interface LintedNote {
  kind: 'linted';
  uri: string;
  version: number;
  /** Positions in the text of that version. */
  positions: NotePositions;
  settings: Settings;
  /** The note's vocabulary (its config's additions and removals included). */
  vocabulary: Vocabulary;
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

/** A lint that could not happen (a broken config file, an engine bug). */
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

/**
 * What the editor shows for an outcome: a note's problems; nothing for a skipped document; for a
 * failed lint, one error on the first line saying why, so that silence is never mistaken for a clean note.
 */
export function shownDiagnostics(outcome: LintOutcome): LspDiagnostic[] {
  if (outcome.kind === 'linted') return outcome.diagnostics;
  if (outcome.kind === 'skipped') return [];
  const start = { line: 0, character: 0 };
  return [
    {
      range: { start, end: start },
      severity: DiagnosticSeverity.Error,
      source: 'notelint',
      message: `notelint cannot check this note: ${outcome.reason}`,
    },
  ];
}
