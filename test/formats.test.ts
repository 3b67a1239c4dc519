/**
 * The sarif, github and compact formats, from the real CLI (`node bin/notelint.js`) on small note trees.
 * Each format is checked against `--format json` on the same tree (the same messages, mapped as the
 * format says), so that the tests depend on the mapping rather than on what a rule decides; the few
 * notes that must produce a kind of message (an error, a warning, an info with a fix, a message with
 * "%", "," and ":") rely on rules of SPEC 2, as test/cli.test.ts does.
 *
 * SARIF is validated with a real JSON Schema validator (Ajv). No npm package ships the OASIS file
 * `sarif-schema-2.1.0.json`; the schema used is `sarif-2.1.0-rtm.5.json` (the SARIF 2.1.0 schema as
 * published on SchemaStore, JSON Schema draft-04) that `@microsoft/jest-sarif` ships, loaded from
 * node_modules. Its pattern for `language` is not valid with the "u" flag, hence `unicodeRegExp: false`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../cli/formatters/github.js';
import { allRules, type JsonMessage, type JsonResult, parseJsonOutput, repoRoot, runCli, treeMaker } from './helpers/cli.js';

// CommonJS packages whose types declare an ES default export: under NodeNext the default import is the module, its class is `.default`.
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

const tree = treeMaker();

interface ListedRule {
  id: string;
  severity: 'error' | 'warn' | 'info' | 'off';
  description: string;
  docs: string;
  fixable: boolean;
  scope: string;
}
let listed: ListedRule[] = [];
let validateSarif: ReturnType<InstanceType<typeof Ajv>['compile']>;
beforeAll(async () => {
  const result = await runCli(['--list-rules', '--format', 'json']);
  expect(result.code).toBe(0);
  listed = JSON.parse(result.stdout) as ListedRule[];

  const schemaFile = path.join(repoRoot, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { title: string };
  expect(schema.title).toMatch(/SARIF\) Version 2\.1\.0/);
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  validateSarif = ajv.compile(schema);
  // The validator does reject what SARIF forbids: a line 0, a URI with a space, an unknown property.
  const broken = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'x', informationUri: 'not a URI', severity: 'high' } },
        results: [
          { message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.md' }, region: { startLine: 0 } } }] },
        ],
      },
    ],
  };
  expect(validateSarif(broken)).toBe(false);
  expect(validateSarif.errors?.map((e: { instancePath: string }) => e.instancePath).sort()).toEqual([
    '/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri',
    '/runs/0/results/0/locations/0/physicalLocation/region/startLine',
    '/runs/0/tool/driver',
    '/runs/0/tool/driver/informationUri',
  ]);
});

const MEETING = (date: string, buyer: string, step: string) =>
  `---\ndate: ${date}\nseller: [Dana]\nbuyer: [${buyer}]\n---\n\n## Next steps\n- [ ] ${step}\n`;
/** No action items and no meeting date: require-next-steps (error) and require-meeting-date. */
const NO_STEPS = '# Call with Acme\n\nWe talked about pricing.\n';
/** "Friday" without its date: prefer-absolute-date, fixable. */
const FRIDAY = MEETING('2026-11-24', 'Mary', 'Mary: send the numbers Friday');
/** A compliance-only action whose text has "%", "," and ":": no-compliance-only quotes it. */
const PERCENT = MEETING('2026-11-24', 'Olivia', 'Olivia asked for a 10% discount, in writing: a formal proposal');
const BOM = Uint8Array.from([0xef, 0xbb, 0xbf]);

/** Every rule off but a few, one of each severity; "drafts" ignored. */
function configFile(): string {
  return JSON.stringify({
    rules: {
      ...allRules(
        listed.map((r) => r.id),
        'off',
      ),
      'require-next-steps': 'error',
      'require-meeting-date': 'warn',
      'no-compliance-only': 'warn',
      'prefer-absolute-date': 'info',
    },
    ignore: ['drafts'],
  });
}

function notesTree(extra: Record<string, string | Uint8Array> = {}): string {
  return tree({
    '.notelintrc.json': configFile(),
    'notes/no-steps.md': NO_STEPS,
    'notes/friday.md': FRIDAY,
    'notes/bom friday.md': Buffer.concat([BOM, Buffer.from(FRIDAY)]),
    'notes/2026/percent.md': PERCENT,
    'drafts/ignored.md': NO_STEPS,
    ...extra,
  });
}

/** Runs the CLI on the same paths in json and in `format`. */
async function both(format: string, dir: string, args: string[] = ['.', 'drafts/ignored.md']) {
  const json = parseJsonOutput(await runCli(['--format', 'json', ...args], { cwd: dir }));
  const other = await runCli(['--format', format, ...args], { cwd: dir });
  expect(other.stderr).toBe('');
  return { json, other };
}

const relative = (dir: string, file: string) => path.relative(dir, file);
const allMessages = (results: JsonResult[]) => results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath, m })));

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 (checked against the schema) with one run describing every rule', async () => {
    const dir = notesTree();
    const { other } = await both('sarif', dir);
    expect(other.code).toBe(1);
    const log = JSON.parse(other.stdout) as Sarif.Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);

    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/^https:\/\/.*sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('notelint');
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(driver.version).toBe(pkg.version);
    expect(driver.informationUri).toMatch(/^https:\/\//);

    expect(driver.rules?.map((r) => r.id).sort()).toEqual(listed.map((r) => r.id).sort());
    const levels: Record<string, string> = { error: 'error', warn: 'warning', info: 'note' };
    for (const rule of driver.rules ?? []) {
      const meta = listed.find((r) => r.id === rule.id) as ListedRule;
      expect(rule.shortDescription?.text).toBe(meta.description);
      expect(rule.fullDescription?.text.length).toBeGreaterThan(0);
      expect(rule.helpUri).toBe(meta.docs);
      if (meta.severity === 'off') expect(rule.defaultConfiguration?.enabled).toBe(false);
      else expect(rule.defaultConfiguration?.level).toBe(levels[meta.severity]);
      const tags = rule.properties?.tags ?? [];
      expect(tags).toContain('notelint');
      expect(tags.includes('fixable')).toBe(meta.fixable);
    }
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    expect(log.runs[0].originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`file://${dir}/`);
  });

  it('has one result per rule message, as in --format json: rule, level, text, file and region', async () => {
    const dir = notesTree();
    const { json, other } = await both('sarif', dir);
    const run = (JSON.parse(other.stdout) as Sarif.Log).runs[0];
    const rules = run.tool.driver.rules ?? [];
    const expected = allMessages(json).filter(({ m }) => m.ruleId !== null);
    const kinds = new Set(expected.map(({ m }) => (m.severity === 2 ? 'error' : (m.level ?? 'warning'))));
    expect([...kinds].sort()).toEqual(['error', 'info', 'warning']);

    expect(run.results).toHaveLength(expected.length);
    for (const [i, result] of (run.results ?? []).entries()) {
      const { file, m } = expected[i];
      expect(result.ruleId).toBe(m.ruleId);
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(m.ruleId);
      expect(result.level).toBe(m.severity === 2 ? 'error' : m.level === 'info' ? 'note' : 'warning');
      expect(result.message.text).toBe(m.message);
      const location = result.locations?.[0]?.physicalLocation;
      expect(location?.artifactLocation?.uriBaseId).toBe('%SRCROOT%');
      const uri = location?.artifactLocation?.uri ?? '';
      expect(uri.split('/').map(decodeURIComponent).join(path.sep)).toBe(relative(dir, file));
      expect(location?.region).toEqual({
        startLine: m.line,
        startColumn: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
      });
    }
    // A space in a file name is percent-encoded (a URI reference), the folder separator is "/".
    const uris = new Set(run.results?.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri));
    expect(uris).toContain('notes/bom%20friday.md');
    expect(uris).toContain('notes/2026/percent.md');
  });

  it('turns an ESLint fix into a replacement by charOffset/charLength, except in a note with a BOM', async () => {
    const dir = notesTree();
    const { json, other } = await both('sarif', dir);
    const run = (JSON.parse(other.stdout) as Sarif.Log).runs[0];
    const fixed = allMessages(json).filter(({ m }) => m.fix);
    expect(fixed.map(({ file }) => relative(dir, file)).sort()).toEqual(['notes/bom friday.md', 'notes/friday.md']);

    const resultFor = (file: string, m: JsonMessage) =>
      run.results?.find(
        (r) =>
          r.ruleId === m.ruleId &&
          r.locations?.[0]?.physicalLocation?.region?.startLine === m.line &&
          r.locations?.[0]?.physicalLocation?.region?.startColumn === m.column &&
          decodeURIComponent(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '') === relative(dir, file),
      );
    for (const { file, m } of fixed) {
      const result = resultFor(file, m);
      expect(result).toBeDefined();
      if (file.endsWith('bom friday.md')) {
        expect(result?.fixes).toBeUndefined();
        continue;
      }
      expect(result?.fixes).toHaveLength(1);
      const change = result?.fixes?.[0].artifactChanges[0];
      expect(change?.artifactLocation).toEqual({ uri: 'notes/friday.md', uriBaseId: '%SRCROOT%' });
      const replacement = change?.replacements[0];
      const [start, end] = m.fix?.range ?? [0, 0];
      expect(replacement?.deletedRegion).toEqual({ charOffset: start, charLength: end - start });
      expect(replacement?.insertedContent?.text).toBe(m.fix?.text);
      // Applied to the file as it is on disk, the SARIF replacement gives the ESLint fix's result.
      const text = readFileSync(file, 'utf8');
      const offset = replacement?.deletedRegion.charOffset ?? -1;
      const applied =
        text.slice(0, offset) +
        (replacement?.insertedContent?.text ?? '') +
        text.slice(offset + (replacement?.deletedRegion.charLength ?? 0));
      expect(applied).toBe(text.slice(0, start) + (m.fix?.text ?? '') + text.slice(end));
      expect(applied).toContain('Friday (2026-');
    }
  });

  it('reports an ignored file as a warning notification, not as a result', async () => {
    const dir = notesTree();
    const { other } = await both('sarif', dir);
    const run = (JSON.parse(other.stdout) as Sarif.Log).runs[0];
    expect(run.results?.some((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.startsWith('drafts/'))).toBe(false);
    expect(run.invocations).toHaveLength(1);
    const invocation = run.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(true);
    expect(invocation?.toolExecutionNotifications).toEqual([
      {
        level: 'warning',
        message: { text: 'File ignored because of a matching ignore pattern.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'drafts/ignored.md', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
  });

  it('reports an unreadable file as an error notification, and the run as not successful', async () => {
    const dir = tree({ '.notelintrc.json': configFile(), 'a.md': FRIDAY, 'b.md': FRIDAY });
    const { chmodSync } = await import('node:fs');
    chmodSync(path.join(dir, 'b.md'), 0o000);
    const asRoot = process.getuid?.() === 0;
    const result = await runCli(['--format', 'sarif'], { cwd: dir, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    expect(result.stderr).toBe('');
    const log = JSON.parse(result.stdout) as Sarif.Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    const invocation = log.runs[0].invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(false);
    const notifications = invocation?.toolExecutionNotifications ?? [];
    expect(notifications).toHaveLength(1);
    expect(notifications[0].level).toBe('error');
    expect(notifications[0].message.text).toContain('permission denied');
    expect(notifications[0].locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('b.md');
    expect(log.runs[0].results?.every((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === 'a.md')).toBe(true);
  });

  it('percent-encodes odd file names into valid URI references, and is valid SARIF for a clean run', async () => {
    const odd = 'odd 100%, a:b\nc#?.md';
    const dir = tree({
      '.notelintrc.json': configFile(),
      [odd]: PERCENT,
      'clean/c.md': MEETING('2026-11-24', 'Mary', 'Mary: send the numbers by Fri Nov 27'),
    });
    const result = await runCli(['--format', 'sarif', odd], { cwd: dir });
    const log = JSON.parse(result.stdout) as Sarif.Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    const uris = new Set(log.runs[0].results?.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri));
    expect([...uris]).toEqual(['odd%20100%25%2C%20a%3Ab%0Ac%23%3F.md']);
    expect(decodeURIComponent([...uris][0] ?? '')).toBe(odd);

    const clean = await runCli(['--format', 'sarif', 'clean'], { cwd: dir });
    expect(clean.code).toBe(0);
    const cleanLog = JSON.parse(clean.stdout) as Sarif.Log;
    expect(validateSarif(cleanLog), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    expect(cleanLog.runs[0].results).toEqual([]);
  });

  it('gives a file outside the working folder an absolute file: URI', async () => {
    const dir = notesTree();
    const result = await runCli(['--format', 'sarif', path.join(dir, 'notes/friday.md')], { cwd: path.join(dir, 'drafts') });
    const log = JSON.parse(result.stdout) as Sarif.Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    for (const r of log.runs[0].results ?? []) {
      expect(r.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({ uri: `file://${dir}/notes/friday.md` });
    }
  });
});

/** GitHub's escaping, written out again for the test (toolkit's escapeData / escapeProperty). */
const data = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const property = (s: string) => data(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

describe('--format github', () => {
  it('prints one workflow command per message, with the level, position and rule as GitHub reads them', async () => {
    const dir = notesTree();
    const { json, other } = await both('github', dir);
    expect(other.code).toBe(1);
    const lines = other.stdout.split('\n');
    expect(lines.pop()).toBe('');
    const expected = allMessages(json).map(({ file, m }) => {
      const command = m.severity === 2 ? 'error' : m.level === 'info' ? 'notice' : 'warning';
      const props = [`file=${property(relative(dir, file))}`, `line=${m.line}`];
      const sameLine = m.endLine === undefined || m.endLine === m.line;
      if (sameLine) props.push(`col=${m.column}`);
      if (m.endLine !== undefined) props.push(`endLine=${m.endLine}`);
      if (sameLine && m.endColumn !== undefined) props.push(`endColumn=${m.endColumn}`);
      props.push(`title=${property(m.ruleId ? `notelint (${m.ruleId})` : 'notelint')}`);
      return `::${command} ${props.join(',')}::${data(m.message)}`;
    });
    expect(lines).toEqual(expected);
    expect(new Set(lines.map((l) => l.slice(0, l.indexOf(' '))))).toEqual(new Set(['::error', '::warning', '::notice']));
    expect(lines).toContain(
      '::warning file=drafts/ignored.md,line=1,col=1,title=notelint::File ignored because of a matching ignore pattern.',
    );
  });

  it('escapes %, CR and LF in the message, and also : and , in the file name and title', async () => {
    const odd = 'odd 100%, a:b\nc.md';
    const dir = tree({ '.notelintrc.json': configFile(), [odd]: PERCENT });
    const result = await runCli(['--format', 'github', odd], { cwd: dir });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) file=odd 100%25%2C a%3Ab%0Ac\.md,line=\d+,/);
      expect(line).toMatch(/,title=notelint \([a-z-]+\)::/);
    }
    // no-compliance-only quotes the action: "%" escaped, "," and ":" kept in the message.
    const compliance = lines.find((l) => l.includes('title=notelint (no-compliance-only)'));
    expect(compliance).toContain('::"Olivia asked for a 10%25 discount, in writing: a formal');
    // The escaping functions themselves, on all five characters.
    expect(escapeData('50% done, a:b\r\nnext')).toBe('50%25 done, a:b%0D%0Anext');
    expect(escapeProperty('50% done, a:b\r\nnext')).toBe('50%25 done%2C a%3Ab%0D%0Anext');
  });

  it('prints nothing for a clean run', async () => {
    const dir = tree({ '.notelintrc.json': configFile(), 'c.md': MEETING('2026-11-24', 'Mary', 'Mary: send the numbers by Fri Nov 27') });
    const result = await runCli(['--format', 'github'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });
});

describe('--format compact', () => {
  it("prints ESLint's compact lines and a final count", async () => {
    const dir = notesTree();
    const { json, other } = await both('compact', dir);
    expect(other.code).toBe(1);
    const messages = allMessages(json);
    const expected = messages.map(({ file, m }) => {
      const kind = m.severity === 2 ? 'Error' : m.level === 'info' ? 'Info' : 'Warning';
      return `${relative(dir, file)}: line ${m.line}, col ${m.column}, ${kind} - ${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}`;
    });
    expect(other.stdout).toBe(`${expected.join('\n')}\n\n${messages.length} problems\n`);
    expect(other.stdout).toContain('notes/no-steps.md: line 1, col 1, Error - ');
    expect(other.stdout).toMatch(/\(require-next-steps\)\n/);
    expect(other.stdout).toContain('drafts/ignored.md: line 1, col 1, Warning - File ignored because of a matching ignore pattern.\n');
  });

  it('says "1 problem" for one, and prints nothing for a clean run', async () => {
    const dir = tree({
      '.notelintrc.json': configFile(),
      'one/a.md': NO_STEPS.replace('# Call', '---\ndate: 2026-11-24\n---\n# Call'),
      'clean/c.md': MEETING('2026-11-24', 'Mary', 'Mary: send the numbers by Fri Nov 27'),
    });
    const one = await runCli(['--format', 'compact', 'one'], { cwd: dir });
    expect(one.stdout).toMatch(/^one\/a\.md: line \d+, col \d+, Error - .+ \(require-next-steps\)\n\n1 problem\n$/);
    const clean = await runCli(['--format', 'compact', 'clean'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');
  });
});

describe('--help', () => {
  it('lists the new formats', async () => {
    const result = await runCli(['--help']);
    for (const name of ['sarif', 'github', 'compact']) expect(result.stdout).toContain(name);
  });
});
