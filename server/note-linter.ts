import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../engine/index.js';
import type { LintResult } from '../core/engine/types.js';
import { toLspDiagnostic } from './diagnostics.js';
import type { EditorSettings } from './editor-settings.js';
import type { IgnoreFiles } from './ignore-files.js';
import type { LintLanes } from '../worker/lint-lanes.js';
import { isMarkdownPath } from '../workspace/note-files.js';
import { tooLarge } from '../workspace/note-size.js';
import type { NoteConfigs } from './note-configs.js';
import type { LintOutcome } from './note-state.js';
import { NotePositions } from './positions.js';
import { whyNotLinted } from './selection.js';
import type { Settings } from './settings.js';

const FRONT_MATTER_START = /^\uFEFF?---[ \t]*\r?\n/;
const NOT_A_NOTE = 'not a meeting note: no notelint config applies and it has no front matter';

/**
 * Lints open documents, at most once per version: diagnostics, code actions, hovers and the rest
 * share the lint of the version they are asked about. A lint started before a settings or config
 * change (`forgetAll`) or before the document was closed (`forget`) is no longer current: its
 * outcome is never handed out by `current`.
 */
export class NoteLinter {
  private readonly cache = new Map<string, { document: TextDocument; version: number; done: Promise<LintOutcome> }>();

  constructor(
    private readonly configs: NoteConfigs,
    private readonly settings: EditorSettings,
    private readonly ignoreFiles: IgnoreFiles,
    private readonly runner: LintLanes,
    private readonly machineTimezone: string,
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
    // A file is a note by its name, as for the CLI (.md, .markdown); an unsaved buffer by its language.
    if (file ? !isMarkdownPath(file) : document.languageId !== 'markdown') return skip('not a Markdown note (.md or .markdown)');
    const ignoredBy = file ? await this.ignoreFiles.ignoring(file) : undefined;
    if (ignoredBy) return skip(`left out by ${ignoredBy}`);
    const found = await this.configs.forNote(file, settings.rules);
    if (!found.ok) return this.withoutConfig(document, settings, found.message);
    if (found.excluded) return skip("left out by the config's include/ignore globs");
    // Not even parsed: a long README costs nothing.
    if (!found.applies && !settings.lintAllMarkdown && !FRONT_MATTER_START.test(text)) return skip(NOT_A_NOTE);
    const large = tooLarge(Buffer.byteLength(text), found.config.maxNoteBytes, 'it');
    if (large) return { kind: 'failed', uri, version, reason: large };
    let result: LintResult;
    try {
      result = await this.runner.run({ text, path: file, ...found.source, machineTimezone: this.machineTimezone }, uri);
    } catch (error) {
      return { kind: 'failed', uri, version, reason: describe(error) };
    }
    const why = whyNotLinted(result.note, found.applies, settings, found.config.vocabulary);
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
      if (!FRONT_MATTER_START.test(text)) return { kind: 'skipped', uri, version, reason: NOT_A_NOTE };
      try {
        const { note } = await this.runner.run({ text, machineTimezone: this.machineTimezone, ruleOverrides: {} }, uri);
        const why = whyNotLinted(note, false, settings, resolveConfig(undefined, { machineTimezone: this.machineTimezone }).vocabulary);
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
