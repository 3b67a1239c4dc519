/**
 * The JSON Schema (draft-07) of a notelint config file, generated from the rules' metadata so that the
 * rule ids, default severities, descriptions and option schemas have one source of truth. Used to
 * validate configs (CLI, language server) and published as `schema/notelintrc.schema.json` for editors.
 */
import { SEVERITIES, type RuleMeta } from '../engine/types.js';

export type JsonSchema = Record<string, unknown>;

export interface ConfigSchemaOptions {
  /** Vocabulary category names (`vocabulary.add` / `vocabulary.remove` keys); any name when absent. */
  vocabularyCategories?: readonly string[];
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

const GLOBS_HELP =
  'Globs relative to the config file\'s folder, read like .gitignore lines: "*" within a folder, "**" across folders, ' +
  'a pattern without "/" matches at any depth, a folder matches everything below it, "!" re-admits.';

const stringArray = (description: string): JsonSchema => ({
  description,
  type: 'array',
  items: { type: 'string' },
});

/** The schema of a config file for the given rules (ordered by rule id, so the output is stable). */
export function configSchema(rules: readonly { readonly meta: RuleMeta }[], options: ConfigSchemaOptions = {}): JsonSchema {
  const metas = rules.map((rule) => rule.meta).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ruleProperties: Record<string, JsonSchema> = {};
  for (const meta of metas) ruleProperties[meta.id] = ruleEntrySchema(meta);

  const categoryMap = (description: string): JsonSchema => ({
    description,
    type: 'object',
    ...(options.vocabularyCategories ? { propertyNames: { enum: [...options.vocabularyCategories].sort() } } : {}),
    additionalProperties: { type: 'array', items: { type: 'string' } },
  });

  return {
    $schema: DRAFT_07,
    title: 'notelint configuration',
    description:
      'Configuration of notelint, the linter for sales meeting notes (.notelintrc.json, .notelintrc.jsonc, ' +
      '.notelintrc.yaml, .notelintrc.yml, or the "notelint" key of package.json). The nearest config file wins.',
    type: 'object',
    properties: {
      $schema: { description: 'The JSON Schema of this file, for editors.', type: 'string' },
      rules: {
        description: 'Rule severities: "error", "warn", "info" or "off", or [severity, options]. Unlisted rules keep their default.',
        type: 'object',
        properties: ruleProperties,
        additionalProperties: false,
      },
      seller: stringArray(
        'Our side\'s roster, shared by every note: names ("Dana Lee"), @handles ("@dana") and email domains ("@oursales.com").',
      ),
      locale: {
        description:
          'Locale of the notes: decides ambiguous numeric dates such as 01/12 ("en-US" month/day, the default; "en-GB" and others day/month) and the vocabulary language.',
        type: 'string',
      },
      timezone: {
        description: 'IANA time zone of meetings whose note names none, e.g. "America/New_York". Default: the machine\'s time zone.',
        type: 'string',
      },
      include: stringArray(`Only Markdown files matching one of these are linted when a folder is linted. ${GLOBS_HELP}`),
      ignore: stringArray(`Files never linted. ${GLOBS_HELP}`),
      vocabulary: {
        description: 'Additions to and removals from the word lists the rules use, by category.',
        type: 'object',
        properties: {
          add: categoryMap('Phrases to add, by category.'),
          remove: categoryMap('Phrases to remove, by category.'),
        },
        additionalProperties: false,
      },
      nextStepsHeadings: stringArray(
        'Words of a heading or label line whose list items are action items (default: next steps, action items, actions, follow-ups, to-do, commitments, takeaways, agreed…).',
      ),
      logs: {
        description:
          'In a running log (a note with two or more dated headings, one per meeting): "latest" (the default) judges only the latest meeting, the earlier ones being history; "all" judges every meeting.',
        type: 'string',
        enum: ['latest', 'all'],
      },
      maxNoteBytes: {
        description:
          'Notes larger than this many bytes are reported and not linted (default 4194304, 4 MiB): one huge file cannot hold up a CI run or an editor.',
        type: 'integer',
        minimum: 1024,
      },
      report: {
        description: 'The pipeline report and calendar (`notelint report`, `notelint calendar`).',
        type: 'object',
        properties: {
          accountFrom: {
            description:
              'Where a note\'s account comes from when its front matter names none (`account:`): "folder" (the default) takes the name of the folder it is in (its file name, without dates, when it lies directly in the folder reported on); "file-name" takes its file name without dates ("2026-11-20-acme.md" → "acme").',
            type: 'string',
            enum: ['folder', 'file-name'],
          },
          horizonDays: {
            description: 'A next event more than this many days ahead puts the account at risk (default 14).',
            type: 'integer',
            minimum: 1,
            maximum: 365,
          },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
    definitions: {
      severity: {
        description: '"error" and "warn" fail or warn as in ESLint; "info" reports without failing; "off" disables the rule.',
        type: 'string',
        enum: [...SEVERITIES],
      },
    },
  };
}

function ruleEntrySchema(meta: RuleMeta): JsonSchema {
  const optionsSchema: JsonSchema = meta.options
    ? structuredClone(meta.options)
    : { description: 'This rule has no options.', type: 'object', properties: {}, additionalProperties: false };
  const facts = [`Default: "${meta.severity}".`, meta.fixable ? 'Fixable.' : '', meta.docs].filter(Boolean).join(' ');
  return {
    description: `${meta.description} ${facts}`,
    default: meta.severity,
    anyOf: [
      { $ref: '#/definitions/severity' },
      {
        type: 'array',
        items: [{ $ref: '#/definitions/severity' }, optionsSchema],
        minItems: 1,
        maxItems: 2,
        additionalItems: false,
      },
    ],
  };
}
