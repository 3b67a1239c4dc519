/** Flags of `notelint report` and `notelint calendar`: one table gives parsing and help. */
import { parseArgs } from 'node:util';
import { parseIsoDate, type PlainDate } from '../core/dates/calendar.js';
import { describeParseError } from './args.js';
import { UsageError } from './errors.js';

export type AcrossCommand = 'report' | 'calendar';

export const REPORT_FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

interface Flag {
  type: 'string' | 'boolean';
  short?: string;
  value?: string;
  help: string;
  commands: readonly AcrossCommand[];
}

const FLAGS = {
  format: {
    type: 'string',
    short: 'f',
    value: '<format>',
    help: `Output: ${REPORT_FORMATS.join(', ')} (default: table)`,
    commands: ['report'],
  },
  today: {
    type: 'string',
    value: '<YYYY-MM-DD>',
    help: "The day the report is for (default: today, in the config's time zone)",
    commands: ['report'],
  },
  output: {
    type: 'string',
    short: 'o',
    value: '<file>',
    help: 'Write to this file instead of standard output',
    commands: ['report', 'calendar'],
  },
  config: { type: 'string', short: 'c', value: '<path>', help: 'Use this config file for every note', commands: ['report', 'calendar'] },
  'no-config': { type: 'boolean', help: 'Use no config file', commands: ['report', 'calendar'] },
  help: { type: 'boolean', short: 'h', help: 'Show this help', commands: ['report', 'calendar'] },
} as const satisfies Record<string, Flag>;

export interface AcrossOptions {
  command: AcrossCommand;
  paths: string[];
  format: ReportFormat;
  today?: PlainDate;
  output?: string;
  config?: string;
  noConfig: boolean;
  help: boolean;
}

const SUMMARY: Record<AcrossCommand, string> = {
  report:
    'The pipeline: per account, the last meeting, the next event, open actions, a status (stalled, no next step, at risk, on track) and the signals behind it, each with its file and line.',
  calendar: 'The agreed next events as an iCalendar (.ics) file, one per account, to import into a calendar (a re-import updates them).',
};

export function parseAcrossArgs(command: AcrossCommand, argv: readonly string[]): AcrossOptions {
  const options = Object.fromEntries(
    Object.entries(FLAGS)
      .filter(([, f]) => (f.commands as readonly AcrossCommand[]).includes(command))
      .map(([name, f]) => [name, { type: f.type, ...('short' in f ? { short: f.short } : {}) }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const format = (values.format as string | undefined) ?? 'table';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not ${JSON.stringify(format)}`);
  }
  let today: PlainDate | undefined;
  if (typeof values.today === 'string') {
    today = parseIsoDate(values.today);
    if (!today) throw new UsageError(`--today takes a day as YYYY-MM-DD, not ${JSON.stringify(values.today)}`);
  }
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  return {
    command,
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
    format: format as ReportFormat,
    ...(today ? { today } : {}),
    ...(typeof values.output === 'string' ? { output: values.output } : {}),
    ...(typeof values.config === 'string' ? { config: values.config } : {}),
    noConfig: values['no-config'] === true,
    help: values.help === true,
  };
}

export function acrossHelp(command: AcrossCommand): string {
  const flags = Object.entries(FLAGS).filter(([, f]) => (f.commands as readonly AcrossCommand[]).includes(command));
  const left = flags.map(([name, f]) => `${'short' in f ? `-${f.short}, ` : '    '}--${name}${'value' in f ? ` ${f.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return `notelint ${command} [paths...]

${SUMMARY[command]}
Paths are files, folders and globs (default: .), chosen as \`notelint\` chooses notes to lint.
To lint a folder named "${command}", write ./${command}.

Options:
${flags.map(([, f], i) => `  ${left[i].padEnd(width)}${f.help}`).join('\n')}
`;
}
