/**
 * `notelint --init`: writes a starter `.notelintrc.json` in the working folder — the `$schema` of the
 * installed package (completion and validation in editors), the team's `seller` roster and `timezone`,
 * and an empty `rules` object to fill in. The roster and time zone come from `--seller` / `--timezone`;
 * what they do not give is asked for when standard input is a terminal, and otherwise (CI, a pipe) left at
 * its default: an empty roster and the machine's time zone. A prompt never waits on a non-terminal.
 * An existing config in the folder is never overwritten. The data is validated before it is written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { CONFIG_FILE_NAMES, PACKAGE_JSON_KEY } from '../core/config/parse.js';
import type { ConfigValidator } from '../core/config/validate.js';
import { CliError, UsageError } from './errors.js';

export const INIT_FILE_NAME = '.notelintrc.json';
export const SCHEMA_REFERENCE = './node_modules/notelint/schema/notelintrc.schema.json';

export interface InitOptions {
  cwd: string;
  /** `--seller` values (each may hold several comma-separated entries). */
  seller?: readonly string[];
  timezone?: string;
  machineTimezone: string;
  validator: () => Promise<ConfigValidator>;
  stdin: NodeJS.ReadableStream;
  /** Prompts only when this is true. */
  stdinIsTTY: boolean;
  /** Where prompts and the closing message go. */
  output: NodeJS.WritableStream | { write(text: string): unknown };
}

/** Splits `--seller "Dana Lee,@sam,@oursales.com"` into roster entries. */
export function parseRoster(values: readonly string[]): string[] {
  return values
    .flatMap((value) => value.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** Runs --init; returns the path written. Throws CliError when a config exists or the answers are invalid. */
export async function runInit(options: InitOptions): Promise<string> {
  const { cwd } = options;
  const existing = await existingConfig(cwd);
  if (existing) {
    throw new CliError(`${existing} already exists in ${cwd}: not overwritten (edit it, or remove it and run --init again)`);
  }
  const validate = await options.validator();

  let seller = options.seller ? parseRoster(options.seller) : undefined;
  let timezone = options.timezone;
  if ((seller === undefined || timezone === undefined) && options.stdinIsTTY) {
    const answers = await ask(options, seller === undefined, timezone === undefined, validate);
    seller ??= answers.seller;
    timezone ??= answers.timezone;
  }
  const data = {
    $schema: SCHEMA_REFERENCE,
    seller: seller ?? [],
    timezone: timezone ?? options.machineTimezone,
    rules: {},
  };
  const result = validate(data);
  if (!result.ok) {
    const flagOf = (key: string) => (key.startsWith('timezone') ? '--timezone' : key.startsWith('seller') ? '--seller' : key);
    throw new UsageError(result.problems.map((p) => `${flagOf(p.path)}: ${p.message}`).join('\n'));
  }

  const file = path.join(cwd, INIT_FILE_NAME);
  try {
    await writeFile(file, `${JSON.stringify(data, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${INIT_FILE_NAME} already exists in ${cwd}: not overwritten`);
    throw new CliError(`cannot write ${file}: ${(error as Error).message}`);
  }
  return file;
}

/** The config file already in the folder (a package.json counts when it has a "notelint" key). */
async function existingConfig(cwd: string): Promise<string | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    let text: string;
    try {
      text = await readFile(path.join(cwd, name), 'utf8');
    } catch {
      continue;
    }
    if (name !== 'package.json') return name;
    try {
      const pkg = JSON.parse(text) as unknown;
      if (typeof pkg === 'object' && pkg !== null && PACKAGE_JSON_KEY in pkg) return `package.json ("${PACKAGE_JSON_KEY}" key)`;
    } catch {
      // not our config
    }
  }
  return undefined;
}

async function ask(
  options: InitOptions,
  askSeller: boolean,
  askTimezone: boolean,
  validate: ConfigValidator,
): Promise<{ seller?: string[]; timezone?: string }> {
  const rl = createInterface({ input: options.stdin, output: options.output as NodeJS.WritableStream, terminal: true });
  let closed = false;
  let cancelled = false;
  rl.on('close', () => {
    closed = true;
  });
  rl.on('SIGINT', () => {
    cancelled = true;
    rl.close();
  });
  // Lines are read through the iterator, which keeps those typed (or pasted) ahead of their question.
  // Ctrl-D ends the questions: the defaults are used for what was not answered. Ctrl-C cancels.
  const lines = rl[Symbol.asyncIterator]();
  const question = async (prompt: string): Promise<string | undefined> => {
    if (closed) return undefined;
    rl.setPrompt(prompt);
    rl.prompt();
    const next = await lines.next();
    return next.done ? undefined : String(next.value);
  };
  const answers: { seller?: string[]; timezone?: string } = {};
  try {
    if (askSeller) {
      options.output.write(
        'Your team (the seller side): names, @handles and @email-domains, comma-separated,\ne.g. "Dana Lee, @sam, @oursales.com" (empty for none).\n',
      );
      answers.seller = parseRoster([(await question('Team: ')) ?? '']);
    }
    if (askTimezone) {
      for (let attempt = 0; attempt < 3 && !closed; attempt++) {
        const line = (await question(`Time zone of notes that name none [${options.machineTimezone}]: `))?.trim();
        if (!line) break;
        if (validate({ timezone: line }).ok) {
          answers.timezone = line;
          break;
        }
        options.output.write(`"${line}" is not an IANA time zone (e.g. America/New_York, Europe/Paris).\n`);
      }
    }
  } finally {
    if (closed) options.output.write('\n'); // after ^D or ^C, end the prompt's line
    rl.close();
  }
  if (cancelled) throw new CliError('--init cancelled: nothing written');
  return answers;
}
