/**
 * The notelint command line, run as a real process (`node bin/notelint.js`, built by the global setup).
 * Inputs are written to temporary folders. Most tests set every rule to one severity through a config,
 * so that they depend on flags, files and configs rather than on what a rule decides; the few that
 * name a rule rely on SPEC 2 (e.g. an empty note has no next steps).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { allRules, type JsonResult, parseJsonOutput, repoRoot, runCli, runNode, treeMaker, cliRuleIds } from './helpers/cli.js';

const tree = treeMaker();

/** Rule ids, from the CLI itself. */
let ruleIds: string[] = [];
beforeAll(async () => {
  ruleIds = await cliRuleIds();
});

const config = (severity: 'error' | 'warn' | 'info' | 'off', extra: Record<string, unknown> = {}) =>
  JSON.stringify({ rules: allRules(ruleIds, severity), ...extra });

/** A note no sensible rule set can fault much, and one that breaks SPEC rules (no next steps at all). */
const EMPTY_NOTE = '';
const GOOD_NOTE = `---
date: 2026-11-20 10:00
timezone: America/New_York
account: Acme Corp
seller: [Dana Lee]
buyer: [Mary Chen]
---

# Discovery call — Acme Corp

## Next steps
- [ ] Mary: bring Jim from operations to the next call by Tue Nov 24
- [ ] Follow-up call Tue Dec 1, 2026 at 2:00 PM — walk through the proposal together
`;

const ESLINT_RESULT_KEYS = [
  'errorCount',
  'fatalErrorCount',
  'filePath',
  'fixableErrorCount',
  'fixableWarningCount',
  'messages',
  'usedDeprecatedRules',
  'warningCount',
];
const MESSAGE_KEYS = new Set(['ruleId', 'severity', 'level', 'fatal', 'message', 'line', 'column', 'endLine', 'endColumn', 'fix']);

const paths = (results: JsonResult[]) => results.map((r) => r.filePath);

describe('flags', () => {
  it('--help prints usage with examples and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: notelint \[options\] \[paths\.\.\.\]/);
    expect(result.stdout).toContain('Examples:');
    for (const flag of [
      '--format',
      '--rule',
      '--config',
      '--no-config',
      '--max-warnings',
      '--quiet',
      '--list-rules',
      '--print-config',
      '--version',
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });

  it('--version prints the package version and exits 0', async () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('an unknown flag exits 2 with one line naming it and pointing to --help', async () => {
    const result = await runCli(['--bogus']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain("'--bogus'");
    expect(result.stderr).toContain('--help');
  });

  it('an unknown format, a missing flag value and a bad --max-warnings are usage errors (exit 2)', async () => {
    const dir = tree({ 'a.md': EMPTY_NOTE });
    for (const args of [['--format', 'xml'], ['--format'], ['--max-warnings', 'many'], ['--config', 'x.json', '--no-config']]) {
      const result = await runCli([...args, '.'], { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--rule with an unknown rule id or severity is a usage error (exit 2)', async () => {
    const dir = tree({ 'a.md': EMPTY_NOTE });
    const unknownRule = await runCli(['--rule', 'no-such-rule:error'], { cwd: dir });
    expect(unknownRule.code).toBe(2);
    expect(unknownRule.stderr).toContain("unknown rule 'no-such-rule'");
    const unknownSeverity = await runCli(['--rule', 'require-next-steps:warning'], { cwd: dir });
    expect(unknownSeverity.code).toBe(2);
    expect(unknownSeverity.stderr).toContain("unknown severity 'warning'");
    const noColon = await runCli(['--rule', 'require-next-steps'], { cwd: dir });
    expect(noColon.code).toBe(2);
  });

  it('--list-rules prints every rule with its default severity, fixability and description', async () => {
    const result = await runCli(['--list-rules']);
    expect(result.code).toBe(0);
    const json = JSON.parse((await runCli(['--list-rules', '--format', 'json'])).stdout) as {
      id: string;
      severity: string;
      fixable: boolean;
      description: string;
    }[];
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(json.length);
    for (const meta of json) {
      const line = lines.find((l) => l.startsWith(`${meta.id} `));
      expect(line, meta.id).toBeDefined();
      expect(line).toMatch(new RegExp(`^${meta.id}\\s+${meta.severity}\\s+${meta.fixable ? 'fixable' : ''}\\s*`));
      expect(line).toContain(meta.description);
    }
  });

  it('--list-rules includes the rules of the SPEC', async () => {
    const ids = JSON.parse((await runCli(['--list-rules', '--format', 'json'])).stdout).map((m: { id: string }) => m.id);
    for (const id of [
      'require-next-steps',
      'require-client-action',
      'require-dated-next-event',
      'no-vague-follow-up',
      'no-compliance-only',
      'no-hedged-commitment',
      'require-action-owner',
      'require-action-due-date',
      'require-event-time',
      'no-past-date',
      'no-weekday-mismatch',
      'prefer-absolute-date',
      'require-meeting-date',
    ]) {
      expect(ids).toContain(id);
    }
  });
});

describe('exit codes', () => {
  it('exits 0 and prints nothing when no rule reports anything', async () => {
    const dir = tree({ '.notelintrc.json': config('off'), 'a.md': EMPTY_NOTE, 'b.md': GOOD_NOTE });
    const result = await runCli([], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('exits 1 when a rule reports an error', async () => {
    const dir = tree({ '.notelintrc.json': config('error'), 'a.md': EMPTY_NOTE });
    const result = await runCli(['--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(parseJsonOutput(result)[0].errorCount).toBeGreaterThan(0);
  });

  it('exits 0 with warnings only, and 1 when they exceed --max-warnings', async () => {
    const dir = tree({ '.notelintrc.json': config('warn'), 'a.md': EMPTY_NOTE });
    const plain = await runCli(['--format', 'json'], { cwd: dir });
    expect(plain.code).toBe(0);
    const warnings = parseJsonOutput(plain)[0].warningCount;
    expect(warnings).toBeGreaterThan(0);

    const within = await runCli(['--max-warnings', String(warnings)], { cwd: dir });
    expect(within.code).toBe(0);
    const over = await runCli(['--max-warnings', String(warnings - 1)], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain(`too many warnings (maximum: ${warnings - 1})`);
    const unlimited = await runCli(['--max-warnings', '-1'], { cwd: dir });
    expect(unlimited.code).toBe(0);
  });

  it('infos never fail a run and are not warnings', async () => {
    const dir = tree({ '.notelintrc.json': config('info'), 'a.md': EMPTY_NOTE });
    const result = await runCli(['--format', 'json', '--max-warnings', '0'], { cwd: dir });
    expect(result.code).toBe(0);
    const [file] = parseJsonOutput(result);
    expect(file.messages.length).toBeGreaterThan(0);
    expect(file.warningCount).toBe(0);
    expect(file.errorCount).toBe(0);
    for (const m of file.messages) {
      expect(m.severity).toBe(1);
      expect(m.level).toBe('info');
    }
  });

  it('a path that does not exist exits 2 naming it', async () => {
    const dir = tree({ 'a.md': EMPTY_NOTE });
    const result = await runCli(['a.md', 'missing-notes'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe("notelint: No files matching 'missing-notes' were found.");
    expect(result.stdout).toBe('');
  });

  it('a glob or folder that matches no Markdown file exits 2 naming it', async () => {
    const dir = tree({ 'a.md': EMPTY_NOTE, 'empty/readme.txt': 'x' });
    const glob = await runCli(['*.markdown'], { cwd: dir });
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain("No files matching '*.markdown' were found.");
    const folder = await runCli(['empty'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("No files matching 'empty' were found.");
  });
});

describe('--format json', () => {
  it("has exactly ESLint's result shape, lists every linted file (even clean ones), sorted", async () => {
    const dir = tree({
      '.notelintrc.json': config('error', { ignore: [] }),
      'b.md': EMPTY_NOTE,
      'a.md': EMPTY_NOTE,
      'sub/c.markdown': EMPTY_NOTE,
      'clean/.notelintrc.json': config('off'),
      'clean/d.md': EMPTY_NOTE,
    });
    const result = await runCli(['--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const results = parseJsonOutput(result);
    expect(paths(results)).toEqual(['a.md', 'b.md', 'clean/d.md', 'sub/c.markdown'].map((p) => path.join(dir, p)));
    for (const file of results) {
      expect(Object.keys(file).sort()).toEqual(ESLINT_RESULT_KEYS);
      expect(path.isAbsolute(file.filePath)).toBe(true);
      for (const m of file.messages) {
        for (const key of Object.keys(m)) expect(MESSAGE_KEYS.has(key), key).toBe(true);
        expect(typeof m.ruleId).toBe('string');
        expect([1, 2]).toContain(m.severity);
        expect(typeof m.message).toBe('string');
        for (const n of [m.line, m.column, m.endLine, m.endColumn]) expect(Number.isInteger(n)).toBe(true);
      }
      expect(file.errorCount).toBe(file.messages.filter((m) => m.severity === 2).length);
      expect(file.warningCount).toBe(file.messages.filter((m) => m.severity === 1 && m.level !== 'info').length);
    }
    const clean = results.find((r) => r.filePath.endsWith('d.md'));
    expect(clean?.messages).toEqual([]);
    expect(clean?.errorCount).toBe(0);
  });

  it('a note with no action items and no next event gets require-next-steps (SPEC 2)', async () => {
    const dir = tree({ 'no-steps.md': '# Call with Acme\n\nWe talked about pricing.\n' });
    const results = parseJsonOutput(await runCli(['--format', 'json', '--no-config'], { cwd: dir }));
    const rules = results[0].messages.map((m) => m.ruleId);
    expect(rules).toContain('require-next-steps');
    const message = results[0].messages.find((m) => m.ruleId === 'require-next-steps');
    expect(message?.severity).toBe(2);
  });

  it('reports a fixable rule with an ESLint fix and counts it as fixable', async () => {
    const note = `---\ndate: 2026-11-24\nseller: [Dana]\nbuyer: [Mary]\n---\n\n## Next steps\n- [ ] Mary: send the numbers Friday\n`;
    const dir = tree({ 'n.md': note });
    const results = parseJsonOutput(await runCli(['--format', 'json', '--no-config', '--rule', 'prefer-absolute-date:warn'], { cwd: dir }));
    const fixable = results[0].messages.filter((m) => m.ruleId === 'prefer-absolute-date');
    expect(fixable.length).toBeGreaterThan(0);
    for (const m of fixable) {
      expect(m.fix?.range).toHaveLength(2);
      expect(typeof m.fix?.text).toBe('string');
    }
    expect(results[0].fixableWarningCount).toBeGreaterThanOrEqual(fixable.length);
  });
});

describe('stylish (the default format)', () => {
  it('prints path, aligned rows and a summary; no colour when piped', async () => {
    const dir = tree({ '.notelintrc.json': config('error'), 'notes/a.md': EMPTY_NOTE, 'notes/b.md': EMPTY_NOTE });
    const result = await runCli([], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('\u001b[');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('');
    expect(lines).toContain(path.join('notes', 'a.md'));
    expect(lines).toContain(path.join('notes', 'b.md'));
    const rows = lines.filter((l) => /^\s+\d+:\d+\s/.test(l));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row).toMatch(/^ {2,}\d+:\d+ +error {2}.+ {2}[a-z][a-z-]*$/);
    // Columns line up: the severity starts at the same place in every row of a file.
    const severityAt = new Set(rows.map((row) => row.indexOf('error')));
    expect(severityAt.size).toBe(1);
    expect(result.stdout).toMatch(/\n✖ \d+ problems? \(\d+ errors?, 0 warnings\)\n/);
  });

  it('shows the ignored-file warning exactly like ESLint', async () => {
    const dir = tree({ '.notelintrc.json': config('off', { ignore: ['drafts'] }), 'drafts/x.md': EMPTY_NOTE });
    const result = await runCli([path.join('drafts', 'x.md')], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `\n${path.join('drafts', 'x.md')}\n  1:1  warning  File ignored because of a matching ignore pattern\n\n✖ 1 problem (0 errors, 1 warning)\n\n`,
    );
  });

  it('counts infos and fixable problems in the summary', async () => {
    const note = `---\ndate: 2026-11-24\n---\n\n## Next steps\n- [ ] Mary: send the numbers Friday\n`;
    const dir = tree({ 'n.md': note });
    const result = await runCli(['--no-config', '--rule', 'prefer-absolute-date:info'], { cwd: dir });
    expect(result.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?, \d+ infos?\)/);
    expect(result.stdout).toMatch(/\d+ problems? fixable with --fix/);
  });

  it('uses colour with FORCE_COLOR, and never with NO_COLOR', async () => {
    const dir = tree({ '.notelintrc.json': config('error'), 'a.md': EMPTY_NOTE });
    const forced = await runCli([], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    const noColor = await runCli([], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(noColor.stdout).toContain('✖');
  });
});

describe('--rule, --quiet', () => {
  it('--rule id:severity overrides the config', async () => {
    const dir = tree({ '.notelintrc.json': config('off'), 'a.md': EMPTY_NOTE });
    const off = parseJsonOutput(await runCli(['--format', 'json'], { cwd: dir }));
    expect(off[0].messages).toEqual([]);
    const result = await runCli(['--format', 'json', '--rule', 'require-next-steps:warn'], { cwd: dir });
    expect(result.code).toBe(0);
    const messages = parseJsonOutput(result)[0].messages;
    expect(messages.map((m) => m.ruleId)).toEqual(['require-next-steps']);
    expect(messages[0].severity).toBe(1);
  });

  it('several --rule flags and comma lists combine', async () => {
    const dir = tree({ '.notelintrc.json': config('off'), 'a.md': EMPTY_NOTE });
    const result = await runCli(
      ['--format', 'json', '--rule', 'require-next-steps:error', '--rule', 'require-meeting-date:warn,require-next-steps:info'],
      { cwd: dir },
    );
    const rules = parseJsonOutput(result)[0].messages.map((m) => `${m.ruleId}:${m.level ?? m.severity}`);
    expect(rules).toContain('require-next-steps:info');
    expect(rules).toContain('require-meeting-date:1');
  });

  it('--quiet drops warnings and infos from the output and from --max-warnings', async () => {
    const dir = tree({
      '.notelintrc.json': JSON.stringify({
        rules: { ...allRules(ruleIds, 'warn'), 'require-next-steps': 'error', 'require-meeting-date': 'info' },
      }),
      'a.md': EMPTY_NOTE,
    });
    const loud = parseJsonOutput(await runCli(['--format', 'json'], { cwd: dir }));
    expect(loud[0].messages.some((m) => m.severity === 1)).toBe(true);
    const quiet = await runCli(['--format', 'json', '--quiet', '--max-warnings', '0'], { cwd: dir });
    expect(quiet.code).toBe(1); // the error
    const [file] = parseJsonOutput(quiet);
    expect(file.messages.length).toBeGreaterThan(0);
    expect(file.messages.every((m) => m.severity === 2)).toBe(true);
    expect(file.warningCount).toBe(0);

    const warnOnly = tree({ '.notelintrc.json': config('warn'), 'a.md': EMPTY_NOTE });
    const quietWarnings = await runCli(['--quiet', '--max-warnings', '0'], { cwd: warnOnly });
    expect(quietWarnings.code).toBe(0);
    expect(quietWarnings.stdout).toBe('');
  });
});

describe('config files', () => {
  const formats: [string, Record<string, string>][] = [
    ['.notelintrc.json', { '.notelintrc.json': '{"seller": ["Dana Lee"], "timezone": "Europe/Paris"}' }],
    [
      '.notelintrc.jsonc',
      { '.notelintrc.jsonc': '{\n  // our team\n  "seller": ["Dana Lee"],\n  "timezone": "Europe/Paris", /* trailing comma: */\n}\n' },
    ],
    ['.notelintrc.yaml', { '.notelintrc.yaml': '# our team\nseller:\n  - Dana Lee\ntimezone: Europe/Paris\n' }],
    ['.notelintrc.yml', { '.notelintrc.yml': 'seller: [Dana Lee]\ntimezone: Europe/Paris\n' }],
    ['package.json', { 'package.json': '{"name": "notes", "notelint": {"seller": ["Dana Lee"], "timezone": "Europe/Paris"}}' }],
  ];
  for (const [name, files] of formats) {
    it(`reads ${name}`, async () => {
      const dir = tree({ ...files, 'notes/a.md': EMPTY_NOTE });
      const result = await runCli(['--print-config', 'notes/a.md'], { cwd: dir });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const printed = JSON.parse(result.stdout) as { configFile: string; seller: string[]; timezone: string };
      expect(printed.configFile).toBe(name);
      expect(printed.seller).toEqual(['Dana Lee']);
      expect(printed.timezone).toBe('Europe/Paris');
    });
  }

  it('a package.json without a "notelint" key is skipped and the search goes on upwards', async () => {
    const dir = tree({
      '.notelintrc.yaml': 'timezone: Asia/Tokyo\n',
      'pkg/package.json': '{"name": "x"}',
      'pkg/a.md': EMPTY_NOTE,
    });
    const printed = JSON.parse((await runCli(['--print-config', 'pkg/a.md'], { cwd: dir })).stdout);
    expect(printed.configFile).toBe('.notelintrc.yaml');
  });

  it('the nearest config wins, without merging with configs further up', async () => {
    const dir = tree({
      '.notelintrc.json': config('off', { ignore: ['skip.md'] }),
      'a.md': EMPTY_NOTE,
      'sub/.notelintrc.yaml': 'locale: en-GB\n',
      'sub/b.md': EMPTY_NOTE,
      'sub/skip.md': EMPTY_NOTE,
    });
    const results = parseJsonOutput(await runCli(['--format', 'json'], { cwd: dir }));
    expect(paths(results)).toEqual([path.join(dir, 'a.md'), path.join(dir, 'sub/b.md'), path.join(dir, 'sub/skip.md')]);
    expect(results[0].messages).toEqual([]); // root config: every rule off
    expect(results[1].messages.map((m) => m.ruleId)).toContain('require-next-steps'); // defaults: not merged
    const printed = JSON.parse((await runCli(['--print-config', 'sub/b.md'], { cwd: dir })).stdout);
    expect(printed.configFile).toBe(path.join('sub', '.notelintrc.yaml'));
    expect(printed.locale).toBe('en-GB');
  });

  it('picks .notelintrc.json over .notelintrc.yaml in the same folder', async () => {
    const dir = tree({
      '.notelintrc.yaml': 'locale: en-GB\n',
      '.notelintrc.json': '{"locale": "en-US"}',
      'a.md': EMPTY_NOTE,
    });
    const printed = JSON.parse((await runCli(['--print-config', 'a.md'], { cwd: dir })).stdout);
    expect(printed.configFile).toBe('.notelintrc.json');
  });

  it('--config uses the named file for every note, ignoring the ones found', async () => {
    const dir = tree({
      'elsewhere/quiet.yaml': `rules:\n${ruleIds.map((id) => `  ${id}: "off"`).join('\n')}\n`,
      'notes/.notelintrc.json': config('error'),
      'notes/a.md': EMPTY_NOTE,
    });
    const result = await runCli(['--config', 'elsewhere/quiet.yaml', 'notes'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const printed = JSON.parse((await runCli(['--config', 'elsewhere/quiet.yaml', '--print-config', 'notes/a.md'], { cwd: dir })).stdout);
    expect(printed.configFile).toBe(path.join('elsewhere', 'quiet.yaml'));
  });

  it('--config with a missing file exits 2 naming it', async () => {
    const dir = tree({ 'a.md': EMPTY_NOTE });
    const result = await runCli(['--config', 'nope.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nope.json');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('--no-config ignores config files, even broken ones', async () => {
    const dir = tree({ '.notelintrc.json': '{ broken', 'a.md': EMPTY_NOTE });
    const broken = await runCli([], { cwd: dir });
    expect(broken.code).toBe(2);
    const result = await runCli(['--no-config', '--format', 'json'], { cwd: dir });
    expect(result.code).not.toBe(2);
    expect(parseJsonOutput(result)).toHaveLength(1);
    const printed = JSON.parse((await runCli(['--no-config', '--print-config', 'a.md'], { cwd: dir })).stdout);
    expect(printed.configFile).toBeNull();
  });

  describe('invalid configs exit 2 with the file, the key path and what was expected (no stack trace)', () => {
    const cases: [string, Record<string, string>, RegExp[]][] = [
      [
        'a JSON syntax error, with line:column',
        { '.notelintrc.json': '{\n  "rules": {\n    "require-next-steps": "off",\n  }\n}\n' },
        [/^notelint: \.notelintrc\.json:4:3: /],
      ],
      ['comments in .json', { '.notelintrc.json': '{\n  // no\n}\n' }, [/\.notelintrc\.json:2:3: comments are not allowed/]],
      ['a JSONC syntax error', { '.notelintrc.jsonc': '{"rules": {"x": }}' }, [/\.notelintrc\.jsonc:1:17: expected a value/]],
      ['a YAML syntax error', { '.notelintrc.yaml': 'rules:\n  a: 1\n  a: 2\n' }, [/\.notelintrc\.yaml:3:3: Map keys must be unique/]],
      [
        'a YAML tag (configs are data only)',
        { '.notelintrc.yml': 'seller: !!js/function "() => 1"\n' },
        [/\.notelintrc\.yml:1:9: YAML tags are not allowed/],
      ],
      [
        'YAML nested 100,000 deep',
        { '.notelintrc.yml': `rules: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` },
        [/\.notelintrc\.yml:1:\d+: nested too deeply to read/],
      ],
      [
        'JSON nested 100,000 deep',
        { '.notelintrc.json': `{"rules": ${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
        [/\.notelintrc\.json: rules: expected an object/],
      ],
      [
        'a wrong severity',
        { '.notelintrc.json': '{"rules": {"no-vague-follow-up": "warning"}}' },
        [/^notelint: \.notelintrc\.json: rules\.no-vague-follow-up: expected one of "error", "warn", "info", "off"/],
      ],
      [
        'a wrong severity in [severity, options]',
        { '.notelintrc.json': '{"rules": {"no-vague-follow-up": ["loud"]}}' },
        [/rules\.no-vague-follow-up\[0\]: expected one of "error", "warn", "info", "off"/],
      ],
      ['a wrong type', { '.notelintrc.json': '{"seller": "Dana"}' }, [/\.notelintrc\.json: seller: expected an array, got "Dana"/]],
      ['an unknown rule', { '.notelintrc.json': '{"rules": {"foo": "off"}}' }, [/\.notelintrc\.json: rules: unknown rule "foo"/]],
      [
        'a misspelt rule, with a suggestion',
        { '.notelintrc.json': '{"rules": {"require-next-step": "off"}}' },
        [/unknown rule "require-next-step" \(did you mean "require-next-steps"\?\)/],
      ],
      ['an unknown key', { '.notelintrc.json': '{"colour": true}' }, [/\.notelintrc\.json: unknown key "colour"/]],
      ['an unknown time zone', { '.notelintrc.json': '{"timezone": "Mars/Olympus"}' }, [/timezone: unknown time zone "Mars\/Olympus"/]],
      [
        'a bad package.json key',
        { 'package.json': '{"name": "x", "notelint": {"rules": {"require-next-steps": 2}}}' },
        [/^notelint: package\.json: notelint\.rules\.require-next-steps: expected a severity/],
      ],
      [
        'several problems at once',
        { '.notelintrc.json': '{"seller": "Dana", "rules": {"foo": "off"}}' },
        [/rules: unknown rule "foo"/, /seller: expected an array/],
      ],
    ];
    for (const [what, files, patterns] of cases) {
      it(what, async () => {
        const dir = tree({ ...files, 'a.md': EMPTY_NOTE });
        const result = await runCli(['--format', 'json'], { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        for (const pattern of patterns) expect(result.stderr).toMatch(new RegExp(pattern.source, 'm'));
        expect(result.stderr).not.toMatch(/\n\s+at /);
        for (const line of result.stderr.trimEnd().split('\n')) expect(line).toMatch(/^notelint: /);
      });
    }
  });

  it('--print-config prints the resolved config: every rule with its severity, and the machine time zone by default', async () => {
    const dir = tree({ '.notelintrc.json': '{"rules": {"require-event-time": "off"}, "seller": ["@oursales.com"]}', 'a.md': EMPTY_NOTE });
    const result = await runCli(['--print-config', 'a.md'], { cwd: dir, env: { TZ: 'Asia/Tokyo' } });
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { rules: Record<string, unknown>; seller: string[]; timezone: string; locale: string };
    expect(Object.keys(printed.rules).sort()).toEqual([...ruleIds].sort());
    expect(printed.rules['require-event-time']).toBe('off');
    expect(printed.seller).toEqual(['@oursales.com']);
    expect(printed.timezone).toBe('Asia/Tokyo');
    expect(typeof printed.locale).toBe('string');
  });
});

describe('which files are linted', () => {
  it('a folder means every *.md and *.markdown below it; other files are left alone', async () => {
    const dir = tree({
      '.notelintrc.json': config('off'),
      'notes/a.md': EMPTY_NOTE,
      'notes/deep/er/b.markdown': EMPTY_NOTE,
      'notes/c.txt': EMPTY_NOTE,
      'notes/d.md.bak': EMPTY_NOTE,
    });
    const results = parseJsonOutput(await runCli(['--format', 'json', 'notes'], { cwd: dir }));
    expect(paths(results)).toEqual([path.join(dir, 'notes/a.md'), path.join(dir, 'notes/deep/er/b.markdown')]);
  });

  it('the default path is the current folder', async () => {
    const dir = tree({ '.notelintrc.json': config('off'), 'a.md': EMPTY_NOTE, 'x/b.md': EMPTY_NOTE });
    const results = parseJsonOutput(await runCli(['--format', 'json'], { cwd: path.join(dir, 'x') }));
    expect(paths(results)).toEqual([path.join(dir, 'x/b.md')]);
  });

  it('skips node_modules and .git, and honours .gitignore and .notelintignore', async () => {
    const dir = tree({
      '.notelintrc.json': config('off'),
      '.gitignore': 'private/\n*.draft.md\n',
      '.notelintignore': 'archive/**\n',
      'a.md': EMPTY_NOTE,
      'b.draft.md': EMPTY_NOTE,
      'private/p.md': EMPTY_NOTE,
      'archive/old.md': EMPTY_NOTE,
      'sub/.notelintignore': 'local.md\n',
      'sub/local.md': EMPTY_NOTE,
      'sub/kept.md': EMPTY_NOTE,
      'node_modules/pkg/readme.md': EMPTY_NOTE,
      '.git/x.md': EMPTY_NOTE,
    });
    const results = parseJsonOutput(await runCli(['--format', 'json'], { cwd: dir }));
    expect(paths(results)).toEqual([path.join(dir, 'a.md'), path.join(dir, 'sub/kept.md')]);
  });

  it.skipIf(spawnSync('git', ['--version']).status !== 0)('honours a .gitignore above the linted folder, up to the git root', async () => {
    const dir = tree({
      '.gitignore': 'secret.md\n',
      'notes/secret.md': EMPTY_NOTE,
      'notes/open.md': EMPTY_NOTE,
      '.notelintrc.json': config('off'),
    });
    expect(spawnSync('git', ['init', '-q'], { cwd: dir }).status).toBe(0);
    const results = parseJsonOutput(await runCli(['--format', 'json', '.'], { cwd: path.join(dir, 'notes') }));
    expect(paths(results)).toEqual([path.join(dir, 'notes/open.md')]);
  });

  it("honours the config's ignore and include globs (relative to the config's folder)", async () => {
    const dir = tree({
      '.notelintrc.json': config('off', { include: ['meetings/**', 'top.md'], ignore: ['meetings/2019', '*.tmp.md'] }),
      'top.md': EMPTY_NOTE,
      'other.md': EMPTY_NOTE,
      'meetings/a.md': EMPTY_NOTE,
      'meetings/b.tmp.md': EMPTY_NOTE,
      'meetings/2019/old.md': EMPTY_NOTE,
      'meetings/2020/new.markdown': EMPTY_NOTE,
    });
    const results = parseJsonOutput(await runCli(['--format', 'json'], { cwd: dir }));
    expect(paths(results)).toEqual(['meetings/2020/new.markdown', 'meetings/a.md', 'top.md'].map((p) => path.join(dir, p)));
  });

  it('a file named on the command line is linted even outside include, and reported when ignored', async () => {
    const dir = tree({
      '.notelintrc.json': config('off', { include: ['meetings/**'], ignore: ['drafts'] }),
      'other.md': EMPTY_NOTE,
      'drafts/d.md': EMPTY_NOTE,
    });
    const result = await runCli(['--format', 'json', 'other.md', 'drafts/d.md'], { cwd: dir });
    const results = parseJsonOutput(result);
    expect(paths(results)).toEqual([path.join(dir, 'drafts/d.md'), path.join(dir, 'other.md')]);
    expect(results[0].messages).toEqual([
      { ruleId: null, severity: 1, message: 'File ignored because of a matching ignore pattern.', line: 1, column: 1 },
    ]);
    expect(results[1].messages).toEqual([]);
  });

  it('handles folder and file names with spaces, &, parentheses and glob characters', async () => {
    const odd = 'Q3 (EMEA) & more';
    const dir = tree({
      '.notelintrc.json': config('off'),
      [`${odd}/a.md`]: EMPTY_NOTE,
      [`${odd}/[draft] {x}/b.md`]: EMPTY_NOTE,
      [`${odd}/c d*.md`]: EMPTY_NOTE,
      'other/e.md': EMPTY_NOTE,
    });
    const expected = [`${odd}/[draft] {x}/b.md`, `${odd}/a.md`, `${odd}/c d*.md`].map((p) => path.join(dir, p));
    const folder = parseJsonOutput(await runCli(['--format', 'json', odd], { cwd: dir }));
    expect(paths(folder)).toEqual(expected);
    const absolute = parseJsonOutput(await runCli(['--format', 'json', path.join(dir, odd)], { cwd: path.join(dir, 'other') }));
    expect(paths(absolute)).toEqual(expected);
    const nested = parseJsonOutput(await runCli(['--format', 'json', `${odd}/[draft] {x}`], { cwd: dir }));
    expect(paths(nested)).toEqual([expected[0]]);
    const file = parseJsonOutput(await runCli(['--format', 'json', `${odd}/c d*.md`], { cwd: dir }));
    expect(paths(file)).toEqual([expected[2]]);
    const glob = parseJsonOutput(await runCli(['--format', 'json', `${odd}/*.md`], { cwd: dir }));
    expect(paths(glob)).toEqual([expected[1], expected[2]]);
  });

  it('a glob expands to the Markdown files it matches, sorted, without duplicates', async () => {
    const dir = tree({
      '.notelintrc.json': config('off'),
      'n/2026-01-acme.md': EMPTY_NOTE,
      'n/2026-02-acme.md': EMPTY_NOTE,
      'n/2026-02-globex.md': EMPTY_NOTE,
      'n/2026-02-acme.txt': EMPTY_NOTE,
    });
    const results = parseJsonOutput(await runCli(['--format', 'json', 'n/*acme*', 'n/2026-02-*.md'], { cwd: dir }));
    expect(paths(results)).toEqual(['n/2026-01-acme.md', 'n/2026-02-acme.md', 'n/2026-02-globex.md'].map((p) => path.join(dir, p)));
  });

  it('an unreadable file gets one fatal message and the other files are still linted', async () => {
    const dir = tree({ '.notelintrc.json': config('off'), 'a.md': EMPTY_NOTE, 'b.md': EMPTY_NOTE, 'c.md': EMPTY_NOTE });
    const { chmodSync } = await import('node:fs');
    chmodSync(path.join(dir, 'b.md'), 0o000);
    // root reads anything: run as "nobody" there.
    const asRoot = process.getuid?.() === 0;
    const result = await runCli(['--format', 'json'], { cwd: dir, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const results = parseJsonOutput(result);
    expect(paths(results)).toEqual(['a.md', 'b.md', 'c.md'].map((p) => path.join(dir, p)));
    expect(results[0].messages).toEqual([]);
    expect(results[2].messages).toEqual([]);
    expect(results[1].messages).toHaveLength(1);
    expect(results[1].messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2, line: 1, column: 1 });
    expect(results[1].messages[0].message).toContain('permission denied');
    expect(results[1].errorCount).toBe(1);
    expect(results[1].fatalErrorCount).toBe(1);
  });

  it('reads files as UTF-8 leniently and removes a BOM before linting', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Call\n\n')]);
    const invalid = Buffer.concat([Buffer.from('# Call \xff\xfe with Acme\r\n', 'latin1'), Buffer.from([0xc3, 0x28, 0x0a])]);
    const dir = tree({ 'bom.md': bom, 'invalid.md': invalid });
    const result = await runCli(['--format', 'json', '--no-config'], { cwd: dir });
    expect(result.code).not.toBe(2);
    const results = parseJsonOutput(result);
    expect(results).toHaveLength(2);
    for (const file of results) {
      expect(file.fatalErrorCount).toBe(0);
      for (const m of file.messages) expect(m.line).toBeLessThanOrEqual(3);
    }
    // A BOM is not text: the first line's first column is column 1 of the heading.
    const headingMessages = results[0].messages.filter((m) => m.line === 1);
    for (const m of headingMessages) expect(m.column).toBeLessThanOrEqual('# Call'.length + 1);
  });
});

describe('failures', () => {
  it('never prints a stack trace unless NOTELINT_DEBUG=1', async () => {
    const dir = tree({ '.notelintrc.json': '{"rules": 1}', 'a.md': EMPTY_NOTE });
    const result = await runCli([], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^notelint: \.notelintrc\.json: rules: expected an object/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the published config schema', () => {
  it('schema/notelintrc.schema.json is the one generated from the rules (npm run schema)', async () => {
    const result = await runNode([path.join(repoRoot, 'scripts/write-schema.mjs'), '--check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('names every rule, and only the rules', async () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/notelintrc.schema.json'), 'utf8'));
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...ruleIds].sort());
    expect(schema.properties.rules.additionalProperties).toBe(false);
    for (const key of ['$schema', 'rules', 'seller', 'locale', 'timezone', 'include', 'ignore', 'vocabulary', 'nextStepsHeadings']) {
      expect(schema.properties).toHaveProperty(key);
    }
  });
});

describe('the bundled example notes', () => {
  it('every good-* note comes out clean (an info at most), every bad-* note has a warning or an error', async () => {
    const result = await runCli(['--format', 'json', 'examples'], { cwd: repoRoot });
    const byFile = parseJsonOutput(result).map(
      (r) =>
        [
          path.basename(r.filePath),
          r.messages.filter((m) => m.severity === 2 || m.severity === 1).map((m) => `${m.line}:${m.column} ${m.ruleId}`),
        ] as const,
    );
    const good = byFile.filter(([name]) => name.startsWith('good-'));
    const bad = byFile.filter(([name]) => name.startsWith('bad-'));
    expect(good.length).toBeGreaterThan(5);
    expect(bad.length).toBeGreaterThan(5);
    expect(good.filter(([, found]) => found.length > 0)).toEqual([]);
    expect(bad.filter(([, found]) => found.length === 0).map(([name]) => name)).toEqual([]);
  });
});
