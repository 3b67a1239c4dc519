import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../core/engine/types.js';
import { rules } from '../rules/index.js';
import type { NotePositions } from './positions.js';

const DOCS = new Map(rules.map((rule) => [rule.meta.id, rule.meta.docs]));

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warn: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** An engine diagnostic as LSP shows it. */
export function toLspDiagnostic(diagnostic: Diagnostic, positions: NotePositions): LspDiagnostic {
  const href = DOCS.get(diagnostic.ruleId);
  return {
    range: positions.range(diagnostic.start, diagnostic.end),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'notelint',
    message: diagnostic.message,
  };
}
