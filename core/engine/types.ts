import type { NoteMemo } from '../model/note-memo.js';
import type { Note } from '../model/types.js';
import type { Vocabulary } from '../vocabulary/types.js';

export type Severity = 'error' | 'warn' | 'info' | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warn', 'info', 'off'];

/** Replace text[range[0], range[1]) with text (ESLint's fix shape; offsets into the note's text without BOM). */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Exclude<Severity, 'off'>;
  message: string;
  /** Offsets into the note's text (BOM removed). */
  start: number;
  end: number;
  /** 1-based line and column (UTF-16 units), end exclusive as in ESLint. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: string;
  docs: string;
  fixable: boolean;
  /** customer-meeting rules are skipped for notes whose `type` is not a customer meeting. */
  scope: 'customer-meeting' | 'any-note';
  /** JSON Schema of the rule's options object (the second element of `[severity, options]`). */
  options?: Record<string, unknown>;
}

export interface Report {
  start: number;
  end: number;
  message: string;
  fix?: Fix;
}

export interface RuleContext {
  note: Note;
  options: Record<string, unknown>;
  vocabulary: Vocabulary;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** A roster entry from config: a name, an @handle, or an email domain such as "@oursales.com". */
export type RosterEntry = string;

/** What a config file may hold (docs/design.md, "Configuration"), after validation. */
export interface ConfigData {
  rules?: Record<string, Severity | [Severity] | [Severity, Record<string, unknown>]>;
  seller?: RosterEntry[];
  locale?: string;
  timezone?: string;
  include?: string[];
  ignore?: string[];
  vocabulary?: {
    add?: Record<string, string[]>;
    remove?: Record<string, string[]>;
  };
  nextStepsHeadings?: string[];
  /** Which meetings of a running log the rules judge. */
  logs?: 'latest' | 'all';
  /** The pipeline report and calendar (`notelint report`, `notelint calendar`). */
  report?: { accountFrom?: AccountFrom; horizonDays?: number };
  /** Notes larger than this many bytes are reported and not linted. */
  maxNoteBytes?: number;
}

/** Where a note's account comes from when its front matter names none: its folder's name, or its file's name without dates. */
export type AccountFrom = 'folder' | 'file-name';

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

/** Everything the engine needs to lint one note; built once per config and reused. */
export interface ResolvedConfig {
  rules: Map<string, RuleSetting>;
  seller: RosterEntry[];
  locale: string;
  /** The config's time zone, else the machine's (passed in by the adapter: the engine reads no environment). */
  timezone: string;
  vocabulary: Vocabulary;
  logs: 'latest' | 'all';
  report: { accountFrom: AccountFrom; horizonDays: number };
  maxNoteBytes: number;
}

export interface LintInput {
  /** The note's text; one leading BOM is removed unless `bomRemoved`. */
  text: string;
  /** Used for the meeting date in a file name and in messages; never read. */
  path?: string;
  /** The same document's earlier lints (an editor's open note): see NoteMemo. */
  memo?: NoteMemo;
  /** The caller removed the BOM already (the CLI's --fix keeps it aside): the text is linted as it is. */
  bomRemoved?: boolean;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  note: Note;
}
