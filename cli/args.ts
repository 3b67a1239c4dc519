/**
 * Command-line flags, declared once: the FLAGS table gives Node's util.parseArgs its options, the
 * options' types (CliOptions is made from it) and the help text (grouped and wrapped from it).
 */
import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity } from '../core/engine/types.js';
import { UsageError } from './errors.js';

type Group = 'Options' | 'Fixing' | 'Input' | 'Speed' | 'Caching' | 'Suppressions (adopting notelint on existing notes)' | 'Setup';

interface Flag {
  type: 'boolean' | 'string';
  short?: string;
  multiple?: boolean;
  /** The value's name in the help ("<path>"). */
  value?: string;
  group: Group;
  /** One line of help; `{formats}` is replaced with the output formats. */
  help: string;
}

const FLAGS = {
  format: { type: 'string', short: 'f', value: '<name>', group: 'Options', help: 'Output format: {formats} (default: stylish)' },
  rule: {
    type: 'string',
    multiple: true,
    value: '<id:severity>',
    group: 'Options',
    help: "Set a rule's severity: error, warn, info or off (repeatable)",
  },
  config: { type: 'string', short: 'c', value: '<path>', group: 'Options', help: 'Use this config file instead of the nearest one' },
  'no-config': { type: 'boolean', group: 'Options', help: 'Use no config file: defaults and --rule only' },
  'max-warnings': { type: 'string', value: '<n>', group: 'Options', help: 'Exit with 1 when there are more than n warnings' },
  quiet: { type: 'boolean', group: 'Options', help: 'Report errors only (no warnings or infos); with --fix, fix errors only' },
  'list-rules': { type: 'boolean', group: 'Options', help: 'List the rules and exit' },
  'print-config': { type: 'string', value: '<file>', group: 'Options', help: 'Print the configuration used for a file and exit' },
  version: { type: 'boolean', short: 'v', group: 'Options', help: 'Print the version and exit' },
  help: { type: 'boolean', short: 'h', group: 'Options', help: 'Print this help and exit' },
  fix: {
    type: 'boolean',
    group: 'Fixing',
    help: "Apply the fixable rules' fixes to the files (in place, atomically), then report what is left; with --stdin, print the fixed text instead",
  },
  'fix-dry-run': {
    type: 'boolean',
    group: 'Fixing',
    help: 'Fix without writing anything: the fixed text is the "output" of each result in --format json',
  },
  stdin: { type: 'boolean', group: 'Input', help: 'Lint standard input instead of files' },
  'stdin-filename': {
    type: 'string',
    value: '<path>',
    group: 'Input',
    help: 'The path standard input stands for: finds its config, dates it from its name, names it in reports',
  },
  staged: {
    type: 'boolean',
    group: 'Input',
    help: 'Lint the notes staged in git, as staged (read from the index, not the working tree); paths narrow them',
  },
  'ignore-path': {
    type: 'string',
    value: '<file>',
    group: 'Input',
    help: 'Use this ignore file (.gitignore syntax, relative to its folder) instead of the .notelintignore files',
  },
  concurrency: {
    type: 'string',
    value: '<n>',
    group: 'Speed',
    help: 'off (default), auto (a worker thread per CPU) or a number of workers; workers start only when there are enough notes to pay for them; same results',
  },
  cache: {
    type: 'boolean',
    group: 'Caching',
    help: 'Only lint files that changed since the last run (same content, config and notelint version: the stored result is reused)',
  },
  'cache-location': {
    type: 'string',
    value: '<path>',
    group: 'Caching',
    help: 'Cache file, or folder to hold it (default: .notelintcache in the current folder)',
  },
  'suppress-all': {
    type: 'boolean',
    group: 'Suppressions (adopting notelint on existing notes)',
    help: 'Record every current problem in the suppressions file; later runs report only problems beyond it',
  },
  'prune-suppressions': {
    type: 'boolean',
    group: 'Suppressions (adopting notelint on existing notes)',
    help: 'Remove recorded problems that no longer occur',
  },
  'suppressions-location': {
    type: 'string',
    value: '<path>',
    group: 'Suppressions (adopting notelint on existing notes)',
    help: 'Suppressions file (default: notelint-suppressions.json in the current folder)',
  },
  init: { type: 'boolean', group: 'Setup', help: 'Write a starter .notelintrc.json here (asks for the team and time zone on a terminal)' },
  seller: {
    type: 'string',
    multiple: true,
    value: '<list>',
    group: 'Setup',
    help: 'With --init: your team, comma-separated names, @handles and @email-domains',
  },
  timezone: { type: 'string', value: '<zone>', group: 'Setup', help: "With --init: an IANA time zone (default: this machine's)" },
} as const satisfies Record<string, Flag>;

type Flags = typeof FLAGS;
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type ValueOf<F> = F extends { type: 'boolean' } ? boolean : F extends { multiple: true } ? string[] | undefined : string | undefined;
/** Every flag's value as parsed, under its camelCase name; booleans default to false. */
type FlagValues = { [K in keyof Flags as Camel<K & string>]: ValueOf<Flags[K]> };

/** The flags as the CLI uses them: the table's values, and those read further (paths, rules, numbers). */
export type CliOptions = Omit<FlagValues, 'format' | 'rule' | 'maxWarnings' | 'concurrency'> & {
  /** Files, folders or globs; `["."]` when none is given. */
  paths: string[];
  /** Whether paths were given on the command line (`paths` is `["."]` otherwise). */
  pathsGiven: boolean;
  format: string;
  /** From `--rule id:severity`, in order (a later flag for the same rule wins). */
  ruleOverrides: Record<string, Severity>;
  /** `--max-warnings N`; undefined = no limit. */
  maxWarnings?: number;
  /** `--concurrency off|auto|N`. */
  concurrency: 'off' | 'auto' | number;
};

export interface ArgsContext {
  /** Known rule ids, to reject `--rule` with an unknown one. */
  ruleIds: readonly string[];
  /** Known output formats. */
  formats: readonly string[];
}

const PARSE_OPTIONS = Object.fromEntries(
  Object.entries(FLAGS).map(([name, f]) => [
    name,
    { type: f.type, ...('short' in f ? { short: f.short } : {}), ...('multiple' in f ? { multiple: f.multiple } : {}) },
  ]),
) as { [K in keyof Flags]: { type: Flags[K]['type'] } & ('multiple' extends keyof Flags[K] ? { multiple: true } : object) };

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Parses argv (without `node` and the script). Throws UsageError with a one-line message. */
export function parseCliArgs(argv: readonly string[], context: ArgsContext): CliOptions {
  const { values, positionals } = tokenize(argv);
  const read = values as Record<string, string | boolean | string[] | undefined>;
  const flags = Object.fromEntries(
    Object.entries(FLAGS).map(([name, f]) => [camel(name), read[name] ?? (f.type === 'boolean' ? false : undefined)]),
  ) as unknown as FlagValues;
  const { rule, maxWarnings, concurrency, format, ...rest } = flags;
  const options: CliOptions = {
    ...rest,
    paths: positionals.length > 0 ? positionals : ['.'],
    pathsGiven: positionals.length > 0,
    format: format ?? 'stylish',
    ruleOverrides: {},
    concurrency: parseConcurrency(concurrency),
  };
  if (options.help || options.version) return options;
  checkCombinations(options);

  if (!context.formats.includes(options.format)) {
    throw new UsageError(`unknown format ${quote(options.format)}: expected ${context.formats.map(quote).join(' or ')}`);
  }
  for (const spec of rule ?? []) Object.assign(options.ruleOverrides, parseRuleFlag(spec, context.ruleIds));
  if (options.config !== undefined && options.noConfig) {
    throw new UsageError('--config and --no-config cannot be used together');
  }
  if (options.config === '') throw new UsageError('--config needs a file path');
  if (options.printConfig === '') throw new UsageError('--print-config needs a file path');
  if (maxWarnings !== undefined) {
    if (!/^\s*-?\d+\s*$/.test(maxWarnings) || Number(maxWarnings) < -1) {
      throw new UsageError(`--max-warnings expects a whole number (0 or more; -1 for no limit), got ${quote(maxWarnings)}`);
    }
    const n = Number(maxWarnings);
    options.maxWarnings = n < 0 ? undefined : n;
  }
  return options;
}

/** `--concurrency`: off (the default), auto (one worker per CPU), or a number of workers. */
function parseConcurrency(value: string | undefined): CliOptions['concurrency'] {
  if (value === undefined || value === 'off') return 'off';
  if (value === 'auto') return 'auto';
  if (/^\s*\d+\s*$/.test(value) && Number(value) >= 1 && Number(value) <= 64) return Number(value);
  throw new UsageError(`--concurrency expects off, auto or a number of workers from 1 to 64, got ${quote(value)}`);
}

/** Flags that make no sense together, or without another one. */
function checkCombinations(o: CliOptions): void {
  const needsValue: [string, string | undefined][] = [
    ['--stdin-filename', o.stdinFilename],
    ['--cache-location', o.cacheLocation],
    ['--ignore-path', o.ignorePath],
    ['--suppressions-location', o.suppressionsLocation],
    ['--timezone', o.timezone],
  ];
  for (const [flag, value] of needsValue) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`${flag} needs a value`);
  }
  if (o.init) {
    if (o.pathsGiven) throw new UsageError('--init takes no paths: it writes .notelintrc.json in the current folder');
    return;
  }
  if (o.seller !== undefined || o.timezone !== undefined) {
    throw new UsageError('--seller and --timezone go with --init (a config file holds them otherwise)');
  }
  if (o.fix && o.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (o.stdinFilename !== undefined && !o.stdin) throw new UsageError('--stdin-filename goes with --stdin');
  if (o.stdin && o.pathsGiven) throw new UsageError('--stdin lints standard input: give no paths');
  if (o.stdin && o.staged) throw new UsageError('--stdin and --staged cannot be used together');
  if (o.staged && o.fix) {
    throw new UsageError('--fix cannot write into the git index: fix the files (notelint --fix), then stage them again');
  }
  if (o.suppressAll && o.pruneSuppressions) {
    throw new UsageError('--suppress-all and --prune-suppressions cannot be used together');
  }
  if (o.printConfig !== undefined && (o.stdin || o.staged)) {
    throw new UsageError('--print-config cannot be used with --stdin or --staged');
  }
}

function tokenize(argv: readonly string[]) {
  // `--max-warnings -1` (ESLint's spelling of "no limit"): parseArgs would read "-1" as a flag.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (argv[i] === '--max-warnings' && /^-\d+$/.test(argv[i + 1] ?? '')) {
      args.push(`--max-warnings=${argv[i + 1]}`);
      i++;
    } else args.push(argv[i]);
  }
  try {
    return parseArgs({ args, options: PARSE_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

/** `id:severity`, or several separated by commas (`a:off,b:warn`). */
function parseRuleFlag(spec: string, ruleIds: readonly string[]): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const part of spec.split(',')) {
    const item = part.trim();
    const colon = item.indexOf(':');
    if (colon < 0) {
      throw new UsageError(`--rule expects id:severity (e.g. require-event-time:off), got ${quote(spec)}`);
    }
    const id = item.slice(0, colon).trim();
    const severity = item.slice(colon + 1).trim();
    if (!ruleIds.includes(id)) {
      throw new UsageError(`--rule ${item}: unknown rule ${quote(id)} (notelint --list-rules shows them)`);
    }
    if (!(SEVERITIES as readonly string[]).includes(severity)) {
      throw new UsageError(`--rule ${item}: unknown severity ${quote(severity)}: expected ${SEVERITIES.join(', ')}`);
    }
    out[id] = severity as Severity;
  }
  return out;
}

export function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1];
    return flag ? `unknown option ${quote(flag)}` : 'unknown option';
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(-[^' ]+)/.exec(message)?.[1];
    if (/argument missing/.test(message) && flag) return `${flag} needs a value`;
    if (flag) return `${flag} takes no value`;
  }
  return message.split('\n')[0].replace(/\.$/, '');
}

function quote(text: string): string {
  return `'${text}'`;
}

/** Help lines are wrapped at this width; flag descriptions start at HELP_INDENT. */
const HELP_WIDTH = 80;
const HELP_INDENT = 29;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** The flags' part of the help, group by group, from the FLAGS table. */
function flagHelp(formats: readonly string[]): string {
  const groups = new Map<Group, string[]>();
  for (const [name, f] of Object.entries(FLAGS) as [string, Flag][]) {
    const left = `  ${f.short ? `-${f.short}, ` : '    '}--${name}${f.value ? ` ${f.value}` : ''}`;
    const text = wrap(f.help.replace('{formats}', formats.join(', ')), HELP_WIDTH - HELP_INDENT);
    const indent = ' '.repeat(HELP_INDENT);
    const lines =
      left.length <= HELP_INDENT - 2
        ? [`${left.padEnd(HELP_INDENT)}${text[0]}`, ...text.slice(1).map((t) => indent + t)]
        : [left, ...text.map((t) => indent + t)];
    groups.set(f.group, [...(groups.get(f.group) ?? []), ...lines]);
  }
  return [...groups].map(([group, lines]) => `${group}:\n${lines.join('\n')}`).join('\n\n');
}

export function helpText(formats: readonly string[]): string {
  return `Usage: notelint [options] [paths...]
       notelint --stdin [--stdin-filename <path>] [options]
       notelint --staged [options] [paths...]
       notelint --init [--seller <list>] [--timezone <zone>]
       notelint report [paths...]     The pipeline per account (notelint report --help)
       notelint calendar [paths...]   The agreed next meetings as .ics (notelint calendar --help)

Lints sales meeting notes written in Markdown: seller-only next steps, undated
follow-ups, vague promises, and compliance posing as commitment.

Paths are files, folders (every *.md and *.markdown below them) or globs; the
default is the current folder. .gitignore, .notelintignore and the config's
"ignore" globs are honoured; node_modules and .git are always skipped.

${flagHelp(formats)}

Config: the nearest .notelintrc.json, .notelintrc.jsonc, .notelintrc.yaml,
.notelintrc.yml, or "notelint" key in package.json, from each note's folder up.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 lint errors or
too many warnings, 2 bad usage, a bad config, or a crash.

Examples:
  notelint                                   lint the notes under this folder
  notelint notes "meetings/Q3 (EMEA)"        lint two folders
  notelint "notes/**/*acme*.md"              lint the notes a glob matches
  notelint --format json notes > results.json
  notelint --rule require-event-time:off --max-warnings 0 notes
  notelint --print-config notes/2026-11-20-acme.md
  notelint --fix notes                       add the calendar date beside
                                             "Friday", "tomorrow"...
  notelint --fix-dry-run --format json notes show the fixes, change nothing
  notelint --stdin --stdin-filename notes/2026-11-20-acme.md < draft.md
  notelint --stdin --fix --stdin-filename notes/x.md < x.md > fixed.md
  notelint --staged                          in a pre-commit hook
  notelint --cache notes                     a quick re-run
  notelint --cache --cache-location .cache/ notes
  notelint --ignore-path .gitignore-notes notes
  notelint --init --seller "Dana Lee,@sam,@oursales.com" --timezone America/New_York
  notelint --suppress-all notes              accept today's problems...
  notelint notes                             ...and report only new ones
  notelint --prune-suppressions notes        forget the ones fixed since
  notelint --suppressions-location ci/suppressions.json notes
`;
}
