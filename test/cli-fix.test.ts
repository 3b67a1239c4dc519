/**
 * `--fix`, `--fix-dry-run`, `--stdin`/`--stdin-filename`, `--ignore-path`, `--init`, `--staged` and the
 * help for them, through the real CLI run as a process (`node bin/notelint.js`).
 * The fixable rule is prefer-absolute-date (docs/rules/prefer-absolute-date.md): "Friday" in an action
 * item of a note of Tuesday 2026-11-24 gets " (2026-11-27)" appended, "tomorrow" gets " (2026-11-25)".
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allRules,
  binPath,
  type JsonResult,
  makeTree,
  parseJsonOutput,
  removeTree,
  repoRoot,
  runCli,
  cliRuleIds,
  fixableNote,
  fixedNote,
  fixOnlyConfig,
} from './helpers/cli.js';
import { runCliWithInput } from './helpers/cli-stdin.js';

const trees: string[] = [];
function tree(files: Record<string, string | Uint8Array>): string {
  const root = makeTree(files);
  trees.push(root);
  return root;
}
afterAll(() => {
  for (const root of trees) {
    try {
      chmodSync(root, 0o755);
    } catch {
      // already gone
    }
    removeTree(root);
  }
});

let ruleIds: string[] = [];
beforeAll(async () => {
  ruleIds = await cliRuleIds();
});

const fixOnly = (severity: 'error' | 'warn' | 'info' = 'info') => fixOnlyConfig(ruleIds, severity);
const NOTE = fixableNote;
const FIXED = fixedNote;
/** A note dated only by its file name (2026-11-24-…). */
const UNDATED = '## Next steps\n- [ ] Mary: send the numbers Friday\n';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const fixable = (results: JsonResult[]) => results.flatMap((r) => r.messages.filter((m) => m.fix));
const read = (file: string) => readFileSync(file);

describe('--fix', () => {
  it('writes the fixes, reports what is left, and a fixed note has no fixable problem left', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly(), 'a.md': NOTE(), 'clean.md': FIXED() });
    const before = parseJsonOutput(await runCli(['--format', 'json'], { cwd: dir }));
    expect(fixable(before)).toHaveLength(2);

    const result = await runCli(['--fix', '--format', 'json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const results = parseJsonOutput(result);
    expect(results.map((r) => r.messages)).toEqual([[], []]); // the report is of the fixed text
    expect(results.every((r) => !('output' in r))).toBe(true); // written, not printed
    expect(read(path.join(dir, 'a.md')).toString()).toBe(FIXED());
    expect(read(path.join(dir, 'clean.md')).toString()).toBe(FIXED());

    const again = parseJsonOutput(await runCli(['--format', 'json'], { cwd: dir }));
    expect(fixable(again)).toEqual([]);
  });

  it('fixes with every rule at its default, leaving the other problems reported', async () => {
    const dir = tree({ 'a.md': NOTE() });
    const result = await runCli(['--fix', '--format', 'json', '--no-config'], { cwd: dir });
    expect(read(path.join(dir, 'a.md')).toString()).toBe(FIXED());
    const [file] = parseJsonOutput(result);
    expect(file.messages.map((m) => m.ruleId)).not.toContain('prefer-absolute-date');
    expect(fixable([file])).toEqual([]);
  });

  it('replaces the file atomically: a new file renamed over it, no temporary file left, mode kept', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly(), 'notes/a.md': NOTE() });
    const file = path.join(dir, 'notes/a.md');
    chmodSync(file, 0o640);
    const inode = statSync(file).ino;
    const result = await runCli(['--fix'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(read(file).toString()).toBe(FIXED());
    expect(readdirSync(path.join(dir, 'notes'))).toEqual(['a.md']);
    expect(statSync(file).mode & 0o7777).toBe(0o640);
    expect(statSync(file).ino).not.toBe(inode); // replaced by a rename, not rewritten in place
  });

  it('keeps CRLF line endings, a BOM and invalid UTF-8 bytes: only the fix texts are inserted', async () => {
    const crlf = NOTE('\r\n');
    const invalid = Buffer.concat([
      Buffer.from('---\ndate: 2026-11-24\n---\n\n## Next steps\n- [ ] Mary \xff\xfe: send the numbers Friday\n', 'latin1'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(' caf\u00e9\n'),
    ]);
    const dir = tree({
      '.notelintrc.json': fixOnly(),
      'crlf.md': crlf,
      'bom.md': Buffer.concat([BOM, Buffer.from(NOTE())]),
      'bom-crlf.md': Buffer.concat([BOM, Buffer.from(crlf)]),
      'invalid.md': invalid,
    });
    const result = await runCli(['--fix'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(read(path.join(dir, 'crlf.md')).toString()).toBe(FIXED('\r\n'));
    expect(read(path.join(dir, 'bom.md'))).toEqual(Buffer.concat([BOM, Buffer.from(FIXED())]));
    expect(read(path.join(dir, 'bom-crlf.md'))).toEqual(Buffer.concat([BOM, Buffer.from(FIXED('\r\n'))]));
    const at = invalid.indexOf('Friday') + 'Friday'.length;
    expect(read(path.join(dir, 'invalid.md'))).toEqual(
      Buffer.concat([invalid.subarray(0, at), Buffer.from(' (2026-11-27)'), invalid.subarray(at)]),
    );
  });

  it('writes only files whose text changed', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly(), 'clean.md': FIXED(), 'a.md': NOTE() });
    const clean = path.join(dir, 'clean.md');
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(clean, past, past);
    const inode = statSync(clean).ino;
    await runCli(['--fix'], { cwd: dir });
    expect(statSync(clean).mtimeMs).toBe(past.getTime());
    expect(statSync(clean).ino).toBe(inode);
  });

  it('follows a symbolic link: the target is fixed and the link stays a link', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly(), 'real/a.md': NOTE() });
    symlinkSync(path.join(dir, 'real/a.md'), path.join(dir, 'link.md'));
    const result = await runCli(['--fix', 'link.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'link.md'))).toBe(path.join(dir, 'real/a.md'));
    expect(read(path.join(dir, 'real/a.md')).toString()).toBe(FIXED());
  });

  it('a file that cannot be written gets a fatal message, stays as it was, and leaves no temporary file', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly(), 'ro/a.md': NOTE(), 'ok.md': NOTE() });
    const folder = path.join(dir, 'ro');
    const asRoot = process.getuid?.() === 0;
    // root writes anywhere: run as "nobody" then, with a file it may write in a folder it may not.
    if (asRoot) chmodSync(path.join(folder, 'a.md'), 0o666);
    else chmodSync(folder, 0o555);
    if (asRoot) chmodSync(path.join(dir, 'ok.md'), 0o666);
    if (asRoot) chmodSync(dir, 0o777);
    const result = await runCli(['--fix', '--format', 'json'], { cwd: dir, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    chmodSync(folder, 0o755);
    chmodSync(dir, 0o755);
    expect(result.code).toBe(1);
    const results = parseJsonOutput(result);
    const failed = results.find((r) => r.filePath.endsWith(path.join('ro', 'a.md')));
    expect(failed?.messages.some((m) => m.fatal && /Cannot write the fixed file: permission denied/.test(m.message))).toBe(true);
    expect(read(path.join(folder, 'a.md')).toString()).toBe(NOTE());
    expect(readdirSync(folder)).toEqual(['a.md']);
    expect(read(path.join(dir, 'ok.md')).toString()).toBe(FIXED()); // the others are still fixed
  });

  it('--quiet fixes errors only, as ESLint does', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly('info'), 'a.md': NOTE() });
    await runCli(['--fix', '--quiet'], { cwd: dir });
    expect(read(path.join(dir, 'a.md')).toString()).toBe(NOTE());
    await runCli(['--fix', '--quiet', '--rule', 'prefer-absolute-date:error'], { cwd: dir });
    expect(read(path.join(dir, 'a.md')).toString()).toBe(FIXED());
  });
});

describe('--fix-dry-run', () => {
  it('writes nothing and puts the fixed text in the JSON output property (only when it changed)', async () => {
    const bom = Buffer.concat([BOM, Buffer.from(NOTE('\r\n'))]);
    const dir = tree({ '.notelintrc.json': fixOnly(), 'a.md': NOTE(), 'bom.md': bom, 'clean.md': FIXED() });
    const stamp = new Date('2020-01-01T00:00:00Z');
    for (const name of ['a.md', 'bom.md', 'clean.md']) utimesSync(path.join(dir, name), stamp, stamp);
    const result = await runCli(['--fix-dry-run', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const results = parseJsonOutput(result) as (JsonResult & { output?: string })[];
    expect(results.map((r) => path.basename(r.filePath))).toEqual(['a.md', 'bom.md', 'clean.md']);
    expect(results[0].output).toBe(FIXED());
    expect(results[1].output).toBe(`\uFEFF${FIXED('\r\n')}`);
    expect(results[2]).not.toHaveProperty('output');
    for (const r of results) expect(r.messages).toEqual([]); // problems of the fixed text
    expect(read(path.join(dir, 'a.md')).toString()).toBe(NOTE());
    expect(read(path.join(dir, 'bom.md'))).toEqual(bom);
    for (const name of ['a.md', 'bom.md', 'clean.md']) expect(statSync(path.join(dir, name)).mtimeMs).toBe(stamp.getTime());
    expect(readdirSync(dir).sort()).toEqual(['.notelintrc.json', 'a.md', 'bom.md', 'clean.md']);
  });

  it('--fix and --fix-dry-run together are a usage error', async () => {
    const dir = tree({ 'a.md': NOTE() });
    const result = await runCli(['--fix', '--fix-dry-run'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--fix and --fix-dry-run cannot be used together');
  });
});

describe('--stdin', () => {
  it('lints standard input as the --stdin-filename file: its config, its file-name date, its path', async () => {
    const dir = tree({
      'notes/.notelintrc.json': fixOnly('error'),
      '.notelintrc.json': JSON.stringify({ rules: allRules(ruleIds, 'off') }),
    });
    const result = await runCliWithInput(['--stdin', '--stdin-filename', 'notes/2026-11-24-acme.md', '--format', 'json'], UNDATED, {
      cwd: dir,
    });
    expect(result.code).toBe(1); // the notes/ config makes the rule an error
    const [file] = JSON.parse(result.stdout.toString()) as JsonResult[];
    expect(file.filePath).toBe(path.join(dir, 'notes/2026-11-24-acme.md'));
    expect(file.messages.map((m) => m.ruleId)).toEqual(['prefer-absolute-date']);
    expect(file.messages[0].fix?.text).toBe(' (2026-11-27)'); // dated by the file name
    expect(existsSync(path.join(dir, 'notes/2026-11-24-acme.md'))).toBe(false);
  });

  it('without --stdin-filename the file is "<text>" and the config is the working folder\'s', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly('warn') });
    const result = await runCliWithInput(['--stdin', '--format', 'json'], NOTE(), { cwd: dir });
    const [file] = JSON.parse(result.stdout.toString()) as JsonResult[];
    expect(file.filePath).toBe('<text>');
    expect(file.messages.map((m) => m.ruleId)).toEqual(['prefer-absolute-date', 'prefer-absolute-date']);
  });

  it('--fix prints the fixed text (BOM and CRLF kept) to stdout and the report to stderr', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly('error') });
    const input = Buffer.concat([BOM, Buffer.from(NOTE('\r\n'))]);
    const result = await runCliWithInput(['--stdin', '--fix', '--stdin-filename', 'a.md'], input, { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toEqual(Buffer.concat([BOM, Buffer.from(FIXED('\r\n'))]));
    expect(existsSync(path.join(dir, 'a.md'))).toBe(false);

    const unfixable = await runCliWithInput(['--stdin', '--fix', '--rule', 'require-next-steps:error'], '# Call\n', { cwd: dir });
    expect(unfixable.stdout.toString()).toBe('# Call\n'); // unchanged, still printed
    expect(unfixable.code).toBe(1);
    expect(unfixable.stderr).toContain('require-next-steps');
  });

  it('--fix-dry-run prints ESLint JSON with the output property', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly() });
    const result = await runCliWithInput(['--stdin', '--fix-dry-run', '--format', 'json'], NOTE(), { cwd: dir });
    expect(result.code).toBe(0);
    const [file] = JSON.parse(result.stdout.toString()) as (JsonResult & { output?: string })[];
    expect(file.output).toBe(FIXED());
    expect(file.messages).toEqual([]);
  });

  it('an ignored --stdin-filename is reported as ignored, not linted (and --fix echoes the input)', async () => {
    const dir = tree({ '.notelintrc.json': fixOnly('error'), '.notelintignore': 'drafts/\n' });
    const result = await runCliWithInput(['--stdin', '--stdin-filename', 'drafts/a.md', '--format', 'json'], NOTE(), { cwd: dir });
    expect(result.code).toBe(0);
    const [file] = JSON.parse(result.stdout.toString()) as JsonResult[];
    expect(file.messages).toEqual([
      { ruleId: null, severity: 1, message: 'File ignored because of a matching ignore pattern.', line: 1, column: 1 },
    ]);
    const fixed = await runCliWithInput(['--stdin', '--fix', '--stdin-filename', 'drafts/a.md'], NOTE(), { cwd: dir });
    expect(fixed.stdout.toString()).toBe(NOTE());
  });

  it('--stdin-filename without --stdin, and --stdin with paths, are usage errors', async () => {
    const dir = tree({ 'a.md': NOTE() });
    const noStdin = await runCli(['--stdin-filename', 'a.md'], { cwd: dir });
    expect(noStdin.code).toBe(2);
    expect(noStdin.stderr).toContain('--stdin-filename goes with --stdin');
    const withPaths = await runCliWithInput(['--stdin', 'a.md'], '', { cwd: dir });
    expect(withPaths.code).toBe(2);
  });
});

describe('ignore files', () => {
  const files = {
    '.notelintrc.json': fixOnly('error'),
    '.notelintignore': 'archive/\n',
    '.gitignore': 'private/\n',
    'a.md': NOTE(),
    'archive/old.md': NOTE(),
    'drafts/d.md': NOTE(),
    'private/p.md': NOTE(),
    'sub/.notelintignore': 'local.md\n',
    'sub/local.md': NOTE(),
    'config/extra-ignore': "# relative to this file's folder\n../drafts/\nnothing-here.md\n/z.md\n",
  };
  const linted = async (args: string[], cwd: string) =>
    parseJsonOutput(await runCli(['--format', 'json', ...args], { cwd })).map((r) => path.relative(cwd, r.filePath));

  it('.notelintignore files (at the root and below) and .gitignore are honoured', async () => {
    const dir = tree(files);
    expect(await linted([], dir)).toEqual(['a.md', path.join('drafts', 'd.md')]);
  });

  it('--ignore-path replaces the .notelintignore files; its patterns are relative to its folder; .gitignore still applies', async () => {
    const dir = tree({ ...files, 'ignore-drafts': 'drafts/\n' });
    expect(await linted(['--ignore-path', 'ignore-drafts'], dir)).toEqual([
      'a.md',
      path.join('archive', 'old.md'),
      path.join('sub', 'local.md'),
    ]);
    // Patterns outside the ignore file's folder ("../drafts/") match nothing, as in .gitignore.
    expect(await linted(['--ignore-path', 'config/extra-ignore'], dir)).toEqual([
      'a.md',
      path.join('archive', 'old.md'),
      path.join('drafts', 'd.md'),
      path.join('sub', 'local.md'),
    ]);
  });

  it('a file named on the command line and excluded by --ignore-path is reported as ignored', async () => {
    const dir = tree({ ...files, 'ignore-drafts': 'drafts/\n' });
    const [result] = parseJsonOutput(await runCli(['--format', 'json', '--ignore-path', 'ignore-drafts', 'drafts/d.md'], { cwd: dir }));
    expect(result.messages[0].message).toBe('File ignored because of a matching ignore pattern.');
  });

  it('a missing --ignore-path file exits 2 naming it', async () => {
    const dir = tree(files);
    const result = await runCli(['--ignore-path', 'nope'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^notelint: nope: cannot read the ignore file: no such file/);
  });
});

describe('--init', () => {
  const validateWithSchema = (data: unknown) => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/notelintrc.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    return { ok: validate(data), errors: validate.errors };
  };

  it('without a terminal and without flags writes the defaults (empty roster, machine time zone), never waiting on stdin', async () => {
    const dir = tree({});
    const result = await runCliWithInput(['--init'], 'open', { cwd: dir, env: { TZ: 'Asia/Tokyo' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toContain('.notelintrc.json');
    const config = JSON.parse(readFileSync(path.join(dir, '.notelintrc.json'), 'utf8'));
    expect(config).toEqual({
      $schema: './node_modules/notelint/schema/notelintrc.schema.json',
      seller: [],
      timezone: 'Asia/Tokyo',
      rules: {},
    });
    expect(validateWithSchema(config).ok).toBe(true);
  });

  it('takes the roster and time zone from --seller and --timezone; the file validates and lints', async () => {
    const dir = tree({ 'notes/a.md': NOTE() });
    const result = await runCli(['--init', '--seller', 'Dana Lee, @sam,@oursales.com', '--timezone', 'America/New_York'], { cwd: dir });
    expect(result.code).toBe(0);
    const config = JSON.parse(readFileSync(path.join(dir, '.notelintrc.json'), 'utf8'));
    expect(config.$schema).toBe('./node_modules/notelint/schema/notelintrc.schema.json');
    expect(config.seller).toEqual(['Dana Lee', '@sam', '@oursales.com']);
    expect(config.timezone).toBe('America/New_York');
    expect(validateWithSchema(config)).toMatchObject({ ok: true });
    // The CLI reads it (a config it rejects would exit 2).
    const printed = JSON.parse((await runCli(['--print-config', 'notes/a.md'], { cwd: dir })).stdout);
    expect(printed.configFile).toBe('.notelintrc.json');
    expect(printed.seller).toEqual(['Dana Lee', '@sam', '@oursales.com']);
    expect(printed.timezone).toBe('America/New_York');
    const lint = await runCli(['--format', 'json'], { cwd: dir });
    expect(lint.code).not.toBe(2);
    expect(parseJsonOutput(lint)).toHaveLength(1);
  });

  it('refuses to overwrite an existing config (exit 2, the file untouched)', async () => {
    for (const [name, content] of [
      ['.notelintrc.json', '{"locale": "en-GB"}'],
      ['.notelintrc.yaml', 'locale: en-GB\n'],
      ['package.json', '{"name": "x", "notelint": {}}'],
    ] as const) {
      const dir = tree({ [name]: content });
      const result = await runCli(['--init', '--timezone', 'UTC'], { cwd: dir });
      expect(result.code, name).toBe(2);
      expect(result.stderr).toMatch(/already exists/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(path.join(dir, name), 'utf8')).toBe(content);
      if (name !== '.notelintrc.json') expect(existsSync(path.join(dir, '.notelintrc.json'))).toBe(false);
    }
    // A package.json without a "notelint" key is no config.
    const dir = tree({ 'package.json': '{"name": "x"}' });
    expect((await runCli(['--init'], { cwd: dir })).code).toBe(0);
  });

  it('an unknown --timezone is a usage error and writes nothing', async () => {
    const dir = tree({});
    const result = await runCli(['--init', '--timezone', 'Mars/Olympus'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--timezone: unknown time zone "Mars/Olympus"');
    expect(existsSync(path.join(dir, '.notelintrc.json'))).toBe(false);
  });

  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript)('asks for the roster and the time zone on a terminal (a pseudo-terminal from script)', () => {
    const dir = tree({});
    const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
    const command = `${shellQuote(process.execPath)} ${shellQuote(binPath)} --init --seller ${shellQuote('Ann Lee')}; echo EXIT=$?`;
    // Only the time zone is asked (the roster came as a flag); a wrong answer is asked again.
    const asked = spawnSync('script', ['-qfec', command, '/dev/null'], {
      cwd: dir,
      input: 'Mars/Olympus\nEurope/Paris\n',
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, TZ: 'Asia/Tokyo' },
    });
    expect(asked.stdout).toContain('Time zone of notes that name none [Asia/Tokyo]');
    expect(asked.stdout).toContain('"Mars/Olympus" is not an IANA time zone');
    expect(asked.stdout).not.toContain('Team:');
    expect(asked.stdout).toContain('EXIT=0');
    const config = JSON.parse(readFileSync(path.join(dir, '.notelintrc.json'), 'utf8'));
    expect(config).toMatchObject({ seller: ['Ann Lee'], timezone: 'Europe/Paris' });

    const both = tree({});
    const all = spawnSync('script', ['-qfec', `${shellQuote(process.execPath)} ${shellQuote(binPath)} --init`, '/dev/null'], {
      cwd: both,
      input: 'Dana Lee, @sam,@oursales.com\n\n',
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, TZ: 'Asia/Tokyo' },
    });
    expect(all.stdout).toContain('Team:');
    expect(JSON.parse(readFileSync(path.join(both, '.notelintrc.json'), 'utf8'))).toMatchObject({
      seller: ['Dana Lee', '@sam', '@oursales.com'],
      timezone: 'Asia/Tokyo', // an empty answer keeps the default
    });
  });

  it('--seller or --timezone without --init is a usage error', async () => {
    const dir = tree({ 'a.md': NOTE() });
    const result = await runCli(['--seller', 'Dana'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--seller and --timezone go with --init');
  });
});

const hasGit = spawnSync('git', ['--version']).status === 0;

describe.skipIf(!hasGit)('--staged', () => {
  const git = (cwd: string, ...args: string[]) => {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
    expect(result.status, `git ${args.join(' ')}: ${result.stderr}`).toBe(0);
  };

  it('lints the staged content, not the working tree, honouring ignore files and the config', async () => {
    const dir = tree({
      '.notelintrc.json': JSON.stringify({ rules: { ...allRules(ruleIds, 'off'), 'prefer-absolute-date': 'error' }, ignore: ['drafts'] }),
      '.notelintignore': 'archive/\n',
      'a.md': NOTE(),
      'notes/b.md': FIXED(),
      'archive/old.md': NOTE(),
      'drafts/d.md': NOTE(),
      'untracked.md': NOTE(),
    });
    git(dir, 'init', '-q');
    git(dir, 'add', 'a.md', 'notes/b.md', 'archive/old.md', 'drafts/d.md', '.notelintrc.json', '.notelintignore');
    // The working tree differs from what is staged: a.md fixed, b.md broken.
    writeFileSync(path.join(dir, 'a.md'), FIXED());
    writeFileSync(path.join(dir, 'notes/b.md'), NOTE());

    const result = await runCli(['--staged', '--format', 'json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const results = parseJsonOutput(result);
    expect(results.map((r) => path.relative(dir, r.filePath))).toEqual(['a.md', path.join('notes', 'b.md')]);
    expect(results[0].messages.map((m) => m.ruleId)).toEqual(['prefer-absolute-date', 'prefer-absolute-date']);
    expect(results[1].messages).toEqual([]);

    // Paths narrow the staged notes; --fix-dry-run shows the fixed staged text.
    const narrowed = parseJsonOutput(
      await runCli(['--staged', '--format', 'json', '--fix-dry-run', 'a.md'], { cwd: dir }),
    ) as (JsonResult & {
      output?: string;
    })[];
    expect(narrowed.map((r) => path.relative(dir, r.filePath))).toEqual(['a.md']);
    expect(narrowed[0].output).toBe(FIXED());
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(FIXED());

    // Nothing staged below a folder: nothing to lint, exit 0.
    const none = await runCli(['--staged', 'drafts'], { cwd: dir });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
  });

  it('outside a git repository, and with --fix, it is a usage error', async () => {
    const dir = tree({ 'a.md': NOTE() });
    const outside = await runCli(['--staged'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^notelint: .*git/);
    expect(outside.stderr).not.toMatch(/\n\s+at /);
    const fix = await runCli(['--staged', '--fix'], { cwd: dir });
    expect(fix.code).toBe(2);
    expect(fix.stderr).toContain('--fix cannot write into the git index');
  });
});

describe('--help', () => {
  it('documents every flag, with an example of each new one', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    const examples = result.stdout.slice(result.stdout.indexOf('Examples:'));
    for (const flag of [
      '--fix',
      '--fix-dry-run',
      '--stdin',
      '--stdin-filename',
      '--cache',
      '--cache-location',
      '--ignore-path',
      '--init',
      '--seller',
      '--timezone',
      '--suppress-all',
      '--prune-suppressions',
      '--staged',
    ]) {
      expect(result.stdout, flag).toMatch(new RegExp(`^ +(-\\w, )?${flag}\\b`, 'm'));
      expect(examples, flag).toContain(flag);
    }
    expect(result.stdout).toContain('--suppressions-location');
  });

  it('--version is unchanged', async () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const result = await runCli(['--version']);
    expect(result.stdout).toBe(`${pkg.version}\n`);
  });
});
