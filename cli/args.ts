/** Command-line flags: parsing (Node's util.parseArgs), checking, and the help text. */
import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity } from '../core/engine/types.js';
import { UsageError } from './errors.js';

export interface CliOptions {
  /** Files, folders or globs; `["."]` when none is given. */
  paths: string[];
  format: string;
  /** From `--rule id:severity`, in order (a later flag for the same rule wins). */
  ruleOverrides: Record<string, Severity>;
  /** `--config path`. */
  config?: string;
  /** `--no-config`. */
  noConfig: boolean;
  /** `--max-warnings N`; undefined = no limit. */
  maxWarnings?: number;
  quiet: boolean;
  listRules: boolean;
  printConfig?: string;
  version: boolean;
  help: boolean;
}

export interface ArgsContext {
  /** Known rule ids, to reject `--rule` with an unknown one. */
  ruleIds: readonly string[];
  /** Known output formats. */
  formats: readonly string[];
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  'print-config': { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses argv (without `node` and the script). Throws UsageError with a one-line message. */
export function parseCliArgs(argv: readonly string[], context: ArgsContext): CliOptions {
  const { values, positionals } = tokenize(argv);

  const options: CliOptions = {
    paths: positionals.length > 0 ? positionals : ['.'],
    format: values.format ?? 'stylish',
    ruleOverrides: {},
    config: values.config,
    noConfig: values['no-config'] ?? false,
    quiet: values.quiet ?? false,
    listRules: values['list-rules'] ?? false,
    printConfig: values['print-config'],
    version: values.version ?? false,
    help: values.help ?? false,
  };
  if (options.help || options.version) return options;

  if (!context.formats.includes(options.format)) {
    throw new UsageError(
      `unknown format ${quote(options.format)}: expected ${context.formats.map(quote).join(' or ')}`,
    );
  }
  for (const spec of values.rule ?? []) Object.assign(options.ruleOverrides, parseRuleFlag(spec, context.ruleIds));
  if (options.config !== undefined && options.noConfig) {
    throw new UsageError('--config and --no-config cannot be used together');
  }
  if (options.config === '') throw new UsageError('--config needs a file path');
  if (options.printConfig === '') throw new UsageError('--print-config needs a file path');
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined) {
    if (!/^\s*-?\d+\s*$/.test(maxWarnings) || Number(maxWarnings) < -1) {
      throw new UsageError(`--max-warnings expects a whole number (0 or more; -1 for no limit), got ${quote(maxWarnings)}`);
    }
    const n = Number(maxWarnings);
    options.maxWarnings = n < 0 ? undefined : n;
  }
  return options;
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
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
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

function describeParseError(error: unknown): string {
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

export function helpText(formats: readonly string[]): string {
  return `Usage: notelint [options] [paths...]

Lints sales meeting notes written in Markdown: seller-only next steps, undated
follow-ups, vague promises, and compliance posing as commitment.

Paths are files, folders (every *.md and *.markdown below them) or globs; the
default is the current folder. .gitignore, .notelintignore and the config's
"ignore" globs are honoured; node_modules and .git are always skipped.

Options:
  -f, --format <name>        Output format: ${formats.join(', ')} (default: stylish)
      --rule <id:severity>   Set a rule's severity: error, warn, info or off
                             (repeatable)
  -c, --config <path>        Use this config file instead of the nearest one
      --no-config            Use no config file: defaults and --rule only
      --max-warnings <n>     Exit with 1 when there are more than n warnings
      --quiet                Report errors only (no warnings or infos)
      --list-rules           List the rules and exit
      --print-config <file>  Print the configuration used for a file and exit
  -v, --version              Print the version and exit
  -h, --help                 Print this help and exit

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
`;
}
