/**
 * SARIF 2.1.0 (OASIS) for GitHub code scanning and other SARIF viewers: one run whose driver lists every
 * rule (id, descriptions, docs URL, default level, tags) and whose results point at the notes by a URI
 * relative to the working folder (`uriBaseId` `%SRCROOT%`). Problems with a file as a whole (ruleId
 * null: unreadable, crashed, ignored on purpose) are tool notifications, not results.
 *
 * Fixes: ESLint's fix range counts UTF-16 code units of the text without its BOM, which is what SARIF's
 * `charOffset`/`charLength` mean (`columnKind` utf16CodeUnits) for a file that has no BOM. Whether a
 * SARIF consumer counts a leading BOM is not settled, so a note that starts with one (or that cannot be
 * read back to check) gets no `fixes`: a fix that may land one character off is worse than none.
 *
 * Written by hand against `@types/sarif`: the mapping is small, and it needs control over notifications,
 * `uriBaseId` and fixes that builder libraries do not give.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { RuleMeta, Severity } from '../../core/engine/types.js';
import { DOCS_BASE } from '../../rules/meta.js';
import { isInside, toPosix } from '../../workspace/paths.js';
import type { LintMessage, LintResult } from '../results.js';
import type { Formatter } from './types.js';

const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/** The project's home: the docs URL without `/blob/<branch>/docs/rules/`. */
const INFORMATION_URI = DOCS_BASE.replace(/\/blob\/.*$/u, '');

export const sarif: Formatter = (results, context) => {
  const metas = [...context.rulesMeta.values()];
  const ruleIndex = new Map(metas.map((meta, i) => [meta.id, i]));
  const bom = new BomCheck();

  const sarifResults: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const result of results) {
    const artifact = artifactLocation(result.filePath, context.cwd);
    for (const m of result.messages) {
      if (m.ruleId === null) {
        notifications.push(notification(m, artifact));
        continue;
      }
      const index = ruleIndex.get(m.ruleId);
      const entry: Sarif.Result = {
        ruleId: m.ruleId,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: resultLevel(m),
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: artifact, region: region(m) } }],
      };
      if (m.fix && bom.hasNoBom(path.resolve(context.cwd, result.filePath))) {
        entry.fixes = [
          {
            artifactChanges: [
              {
                artifactLocation: artifact,
                replacements: [
                  {
                    deletedRegion: { charOffset: m.fix.range[0], charLength: m.fix.range[1] - m.fix.range[0] },
                    insertedContent: { text: m.fix.text },
                  },
                ],
              },
            ],
          },
        ];
      }
      sarifResults.push(entry);
    }
  }

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'notelint',
        version: toolVersion(),
        informationUri: INFORMATION_URI,
        rules: metas.map(ruleDescriptor),
      },
    },
    invocations: [
      {
        executionSuccessful: !notifications.some((n) => n.level === 'error'),
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
    columnKind: 'utf16CodeUnits',
    results: sarifResults,
  };
  const log: Sarif.Log = { $schema: SCHEMA_URI, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function ruleDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const why = whyParagraph(meta.id);
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: why ? { text: plainText(why), markdown: why } : { text: meta.description },
    helpUri: meta.docs,
    defaultConfiguration: meta.severity === 'off' ? { enabled: false } : { level: configurationLevel(meta.severity) },
    properties: {
      tags: ['notelint', meta.scope, ...(meta.fixable ? ['fixable'] : [])],
    },
  };
}

function configurationLevel(severity: Exclude<Severity, 'off'>): Sarif.ReportingConfiguration.level {
  return severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'note';
}

function resultLevel(m: LintMessage): Sarif.Result.level {
  if (m.severity === 2) return 'error';
  return m.level === 'info' ? 'note' : 'warning';
}

/** SARIF regions are 1-based with an exclusive end column, like ESLint's. */
function region(m: LintMessage): Sarif.Region {
  const r: Sarif.Region = { startLine: Math.max(1, m.line || 1), startColumn: Math.max(1, m.column || 1) };
  if (m.endLine !== undefined && m.endLine >= 1) {
    r.endLine = m.endLine;
    if (m.endColumn !== undefined && m.endColumn >= 1) r.endColumn = m.endColumn;
  }
  return r;
}

function notification(m: LintMessage, artifact: Sarif.ArtifactLocation): Sarif.Notification {
  return {
    level: m.fatal || m.severity === 2 ? 'error' : 'warning',
    message: { text: m.message },
    locations: [{ physicalLocation: { artifactLocation: artifact } }],
  };
}

/** Relative to the working folder (percent-encoded, "/" separated) when below it, else a file: URI. */
function artifactLocation(filePath: string, cwd: string): Sarif.ArtifactLocation {
  const absolute = path.resolve(cwd, filePath);
  if (absolute !== cwd && isInside(absolute, cwd)) {
    const uri = toPosix(path.relative(cwd, absolute)).split('/').map(encodeURIComponent).join('/');
    return { uri, uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Reads the first bytes of each file (once) to tell whether it starts with a UTF-8 BOM. */
class BomCheck {
  private readonly known = new Map<string, boolean>();

  /** True only when the file could be read and does not start with a BOM. */
  hasNoBom(file: string): boolean {
    let answer = this.known.get(file);
    if (answer === undefined) {
      answer = readsWithoutBom(file);
      this.known.set(file, answer);
    }
    return answer;
  }
}

function readsWithoutBom(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(3);
    const n = readSync(fd, head, 0, 3, 0);
    return !(n === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Files shipped with the package, from src (`cli/formatters`) or from the build (`dist/cli/formatters`). */
function readShipped(relative: string): string | undefined {
  for (const up of ['../../', '../../../']) {
    try {
      return readFileSync(new URL(`${up}${relative}`, import.meta.url), 'utf8');
    } catch {
      // try the next location
    }
  }
  return undefined;
}

let cachedVersion: string | undefined;
function toolVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  cachedVersion = 'unknown';
  for (const up of ['../../', '../../../']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(`${up}package.json`, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'notelint' && pkg.version) {
        cachedVersion = pkg.version;
        break;
      }
    } catch {
      // try the next location
    }
  }
  return cachedVersion;
}

/** The first paragraph under "## Why" of the rule's documentation page, if it is there. */
function whyParagraph(ruleId: string): string | undefined {
  const doc = readShipped(`docs/rules/${ruleId}.md`);
  if (!doc) return undefined;
  const lines = doc.split(/\r?\n/u);
  const start = lines.findIndex((line) => /^##\s+Why\s*$/iu.test(line));
  if (start < 0) return undefined;
  const paragraph: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    if (/^#/u.test(line)) break;
    paragraph.push(line.trim());
  }
  return paragraph.length > 0 ? paragraph.join(' ') : undefined;
}

/** Markdown links, code spans and `*` emphasis reduced to their text (`_` is left: snake_case names). */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/`([^`]*)`/gu, '$1')
    .replace(/(\*\*|\*)(\S(?:.*?\S)?)\1/gu, '$2');
}
