import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../core/engine/lint.js';
import { toLspDiagnostic } from './diagnostics.js';
import type { EditorSettings } from './editor-settings.js';
import type { IgnoreFiles } from './ignore-files.js';
import type { NoteConfigs } from './note-configs.js';
import type { LintOutcome } from './note-state.js';
import { NotePositions } from './positions.js';
import { whyNotLinted } from './selection.js';

const MARKDOWN_FILE = /\.(?:md|markdown|mdown|mkd|mkdn|mdx)$/i;
const FRONT_MATTER_START = /^\uFEFF?---[ \t]*\r?\n/;

/**
 * Lints open documents, at most once per version: diagnostics, code actions, hovers and the rest
 * share the lint of the version they are asked about.
 */
export class NoteLinter {
  private readonly cache = new Map<string, { version: number; done: Promise<LintOutcome> }>();

  constructor(
    private readonly configs: NoteConfigs,
    private readonly settings: EditorSettings,
    private readonly ignoreFiles: IgnoreFiles,
  ) {}

  lintOf(document: TextDocument): Promise<LintOutcome> {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached.done;
    const done = this.lint(document);
    this.cache.set(document.uri, { version: document.version, done });
    return done;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  forgetAll(): void {
    this.cache.clear();
  }

  private async lint(document: TextDocument): Promise<LintOutcome> {
    const { uri, version } = document;
    const settings = await this.settings.forUri(uri);
    const file = filePath(uri);
    const found = await this.configs.forNote(file, settings.rules);
    if (!found.ok) return { kind: 'failed', uri, version, reason: found.message };
    const text = document.getText();
    const skip = (reason: string): LintOutcome => ({ kind: 'skipped', uri, version, reason });
    if (!settings.enable) return skip('notelint is turned off (setting notelint.enable)');
    if (document.languageId !== 'markdown' && !MARKDOWN_FILE.test(file ?? uri)) return skip('not a Markdown document');
    const ignoredBy = file ? await this.ignoreFiles.ignoring(file) : undefined;
    if (ignoredBy) return skip(`left out by ${ignoredBy}`);
    if (!found.applies && !settings.lintAllMarkdown && !FRONT_MATTER_START.test(text)) {
      // Not even parsed: a long README costs nothing.
      return skip('not a meeting note: no notelint config applies and it has no front matter');
    }
    const result = lint({ text, path: file }, found.config);
    const why = whyNotLinted(result.note, found.applies, settings, found.config.vocabulary);
    if (why) return skip(why);
    const positions = new NotePositions(document);
    const diagnostics = result.diagnostics.map((d, i) => toLspDiagnostic(d, i, positions));
    return { kind: 'linted', uri, version, document, positions, settings, config: found.config, result, diagnostics };
  }
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
