import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { applyFixes } from '../core/engine/fix.js';
import type { Diagnostic } from '../core/engine/types.js';
import { lineEndAt } from '../core/text/lines.js';
import type { LintedNote } from './note-state.js';
import { clientActionTemplate, nextEventTemplate, type Insertion } from './templates.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.notelint`;

const CLIENT_ACTION = { title: 'Insert a client action', make: clientActionTemplate };
const NEXT_EVENT = { title: 'Insert a dated next event', make: nextEventTemplate };
/** Templates offered for the rules that ask for a missing next step. */
const TEMPLATES: Record<string, (typeof CLIENT_ACTION)[]> = {
  'require-client-action': [CLIENT_ACTION],
  'require-dated-next-event': [NEXT_EVENT],
  'require-next-steps': [NEXT_EVENT, CLIENT_ACTION],
};

/** Builds versioned edits when the client accepts them, plain ones otherwise. */
export type EditMaker = (linted: LintedNote, edits: TextEdit[]) => WorkspaceEdit;

export function codeActions(linted: LintedNote, params: CodeActionParams, makeEdit: EditMaker): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const index of diagnosticsAt(linted, params)) {
      // Two rules may offer the same template: one "Insert a dated next event" is enough.
      for (const action of quickFixes(linted, index, makeEdit)) if (!actions.some((a) => a.title === action.title)) actions.push(action);
    }
  }
  if (wants(FIX_ALL_KIND) && (only || actions.some((a) => a.isPreferred))) {
    const edits = fixAllEdits(linted);
    if (edits.length > 0) actions.push({ title: 'Fix all notelint problems', kind: FIX_ALL_KIND, edit: makeEdit(linted, edits) });
  }
  return actions;
}

/** Every fix that does not overlap an earlier one, chosen as `notelint --fix` chooses them (ESLint's single pass). */
export function fixAllEdits(linted: LintedNote): TextEdit[] {
  const { applied } = applyFixes(linted.result.note.text, linted.result.diagnostics);
  return applied.map((fix) => ({ range: linted.positions.range(fix.range[0], fix.range[1]), newText: fix.text }));
}

/** Indexes of the lint's diagnostics the request is about: those it names, else those under its range. */
function diagnosticsAt(linted: LintedNote, params: CodeActionParams): number[] {
  const named = params.context.diagnostics.filter((d) => d.source === 'notelint');
  const same = (a: LspDiagnostic, b: LspDiagnostic) =>
    a.code === b.code &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character;
  const matched = linted.diagnostics.flatMap((d, i) => (named.some((n) => same(n, d)) ? [i] : []));
  if (matched.length > 0) return matched;
  const from = linted.positions.offset(params.range.start);
  const to = linted.positions.offset(params.range.end);
  return linted.result.diagnostics.flatMap((d, i) => (d.start <= to && from <= d.end ? [i] : []));
}

function quickFixes(linted: LintedNote, index: number, makeEdit: EditMaker): CodeAction[] {
  const diagnostic = linted.result.diagnostics[index];
  const shown = [linted.diagnostics[index]];
  const action = (title: string, insertion: Insertion | TextEdit, isPreferred = false): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: shown,
    ...(isPreferred ? { isPreferred } : {}),
    edit: makeEdit(linted, ['offset' in insertion ? insert(linted, insertion) : insertion]),
  });
  const out: CodeAction[] = [];
  if (diagnostic.fix) {
    const { range, text } = diagnostic.fix;
    out.push(action(`Fix this ${diagnostic.ruleId} problem`, { range: linted.positions.range(range[0], range[1]), newText: text }, true));
  }
  for (const template of TEMPLATES[diagnostic.ruleId] ?? [])
    out.push(action(template.title, template.make(linted.result.note, linted.vocabulary)));
  const line = disableLine(linted, diagnostic);
  if (line) out.push(action(`Disable ${diagnostic.ruleId} for this line`, line));
  const file = disableFile(linted, diagnostic);
  if (file) out.push(action(`Disable ${diagnostic.ruleId} for this file`, file));
  return out;
}

function insert(linted: LintedNote, insertion: Insertion): TextEdit {
  const at = linted.positions.position(insertion.offset);
  return { range: { start: at, end: at }, newText: insertion.text };
}

/**
 * `<!-- notelint-disable-line rule -->` at the end of the diagnostic's first line, before a hard line
 * break's trailing spaces or backslash; none inside front matter (a comment cannot go there).
 */
function disableLine(linted: LintedNote, diagnostic: Diagnostic): Insertion | undefined {
  const { note } = linted.result;
  if (note.frontMatter && diagnostic.start < note.frontMatter.end) return undefined;
  const { text } = note;
  let end = lineEndAt(text, diagnostic.start);
  if (end > 0 && text[end - 1] === '\r') end--;
  const lineStart = text.lastIndexOf('\n', diagnostic.start - 1) + 1;
  while (end > lineStart && /[ \t\\]/.test(text[end - 1])) end--;
  return { offset: end, text: ` <!-- notelint-disable-line ${diagnostic.ruleId} -->` };
}

/**
 * For a problem in the body: `<!-- notelint-disable rule -->` on its own line after the front matter
 * (or at the top), which turns the rule off for everything below it. For a problem inside the front
 * matter: `notelint: [rule]` added to it (docs/design.md, "Configuration"), when it has no `notelint` key yet.
 */
function disableFile(linted: LintedNote, diagnostic: Diagnostic): Insertion | undefined {
  const { note } = linted.result;
  const { text } = note;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const comment = `<!-- notelint-disable ${diagnostic.ruleId} -->`;
  const frontMatter = note.frontMatter;
  if (!frontMatter) return { offset: 0, text: `${comment}${eol}` };
  if (diagnostic.start < frontMatter.end) {
    if (frontMatter.error || frontMatter.keyRanges.has('notelint')) return undefined;
    const closing = text.lastIndexOf('\n', frontMatter.end - 1) + 1;
    return { offset: closing, text: `notelint: [${diagnostic.ruleId}]${eol}` };
  }
  const lineEnd = text.indexOf('\n', frontMatter.end);
  if (lineEnd < 0) return { offset: text.length, text: `${eol}${comment}${eol}` };
  return { offset: lineEnd + 1, text: `${comment}${eol}` };
}
