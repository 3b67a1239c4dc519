import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../core/engine/types.js';
import { toLspDiagnostic } from './diagnostics.js';
import type { EditorSettings } from './editor-settings.js';
import type { LintLanes } from '../worker/lint-lanes.js';
import { NO_FRONT_MATTER, opensFrontMatter, whyNotANote } from '../workspace/note-files.js';
import type { Workspace } from '../workspace/workspace.js';
import type { LintOutcome } from './note-state.js';
import { NotePositions } from './positions.js';
import type { Settings } from './settings.js';

/**
 * Lints open documents, at most once per version: diagnostics, code actions, hovers and the rest
 * share the lint of the version they are asked about. A lint started before a settings or config
 * change (`forgetAll`) or before the document was closed (`forget`) is no longer current: its
 * outcome is never handed out by `current`.
 */
export class NoteLinter {
  private readonly cache = new Map<string, { document: TextDocument; version: number; done: Promise<LintOutcome> }>();

  constructor(
    private readonly workspace: Workspace,
    private readonly settings: EditorSettings,
    private readonly runner: LintLanes,
    /** Whether this document object is still open in the editor (a reopened note is a new object). */
    private readonly isOpen: (document: TextDocument) => boolean,
  ) {}

  /** The outcome of the current lint of this document's current version, linting again if a change made it stale. */
  async current(document: TextDocument): Promise<LintOutcome | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const version = document.version;
      const done = this.lintOf(document);
      const outcome = await done;
      if (!this.isOpen(document)) return undefined;
      if (this.cache.get(document.uri)?.done === done && document.version === version) return outcome;
    }
    return undefined; // changing faster than it can be linted: the next change lints again
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  forgetAll(): void {
    this.cache.clear();
  }

  private lintOf(document: TextDocument): Promise<LintOutcome> {
    const cached = this.cache.get(document.uri);
    if (cached && cached.document === document && cached.version === document.version) return cached.done;
    // The editor's document changes in place: the lint reads a copy of this version.
    const snapshot = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
    const done = this.lint(snapshot);
    this.cache.set(document.uri, { document, version: document.version, done });
    return done;
  }

  private async lint(document: TextDocument): Promise<LintOutcome> {
    const { uri, version } = document;
    const text = document.getText();
    const skip = (reason: string): LintOutcome => ({ kind: 'skipped', uri, version, reason });
    const settings = await this.settings.forUri(uri);
    if (!settings.enable) return skip('notelint is turned off (setting notelint.enable)');
    const file = filePath(uri);
    const found = await this.workspace.openNote(file, { text, languageId: document.languageId }, settings);
    if (found.kind === 'skip') return skip(found.reason);
    if (found.kind === 'config-error') return this.withoutConfig(document, settings, found.message);
    if (found.kind === 'too-large') return { kind: 'failed', uri, version, reason: found.reason };
    let result: LintResult;
    try {
      result = await this.runner.run({ text, path: file, ...found.inputs }, uri);
    } catch (error) {
      return { kind: 'failed', uri, version, reason: describe(error) };
    }
    const why = whyNotANote(result.note, found.applies, settings.lintAllMarkdown, found.config.vocabulary);
    if (why) return skip(why);
    const positions = new NotePositions(document);
    const diagnostics = result.diagnostics.map((d) => toLspDiagnostic(d, positions));
    return { kind: 'linted', uri, version, positions, settings, vocabulary: found.config.vocabulary, result, diagnostics };
  }

  /** A broken config file fails only the notes it would have applied to: a README stays quiet. */
  private async withoutConfig(document: TextDocument, settings: Settings, reason: string): Promise<LintOutcome> {
    const { uri, version } = document;
    const text = document.getText();
    if (!settings.lintAllMarkdown) {
      if (!opensFrontMatter(text)) return { kind: 'skipped', uri, version, reason: NO_FRONT_MATTER };
      try {
        const { note } = await this.runner.run({ text, machineTimezone: this.workspace.machineTimezone, ruleOverrides: {} }, uri);
        const why = whyNotANote(note, false, settings.lintAllMarkdown, this.workspace.resolve(undefined).vocabulary);
        if (why) return { kind: 'skipped', uri, version, reason: why };
      } catch {
        // a note the engine cannot read: report the config problem
      }
    }
    return { kind: 'failed', uri, version, reason };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The file behind a `file:` URI; undefined for unsaved (`untitled:`) and virtual documents. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
