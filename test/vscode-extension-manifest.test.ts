/**
 * The VS Code extension's manifest says what the server offers: every server setting, every rule,
 * the commands, the config schema; and the extension's TypeScript typechecks against the VS Code API.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { DEFAULT_SETTINGS } from '../server/settings.js';
import { repoRoot } from './helpers/cli.js';

interface Manifest {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | string } };
  contributes: {
    commands: { command: string; title: string }[];
    configuration: {
      properties: Record<string, { default?: unknown; properties?: Record<string, { enum: string[]; markdownDescription: string }> }>;
    };
    jsonValidation: { fileMatch: string | string[]; url: string }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'client', 'package.json'), 'utf8')) as Manifest;
const settings = manifest.contributes.configuration.properties;

/** "inlayHints.relativeDates" for nested defaults, as VS Code names settings. */
function settingKeys(value: object, prefix = 'notelint'): [string, unknown][] {
  return Object.entries(value).flatMap(([key, v]): [string, unknown][] =>
    v && typeof v === 'object' && key !== 'rules' ? settingKeys(v as object, `${prefix}.${key}`) : [[`${prefix}.${key}`, v]],
  );
}

describe('the VS Code extension manifest', () => {
  it('contributes every server setting with the server default', () => {
    for (const [key, value] of settingKeys(DEFAULT_SETTINGS)) {
      expect(settings[key], key).toBeDefined();
      expect(settings[key].default, key).toEqual(value);
    }
    expect(settings['notelint.trace.server']).toBeDefined();
  });

  it('lists every rule under notelint.rules with the four severities and its docs link', () => {
    const listed = settings['notelint.rules'].properties ?? {};
    expect(Object.keys(listed).sort()).toEqual(rules.map((r) => r.meta.id).sort());
    for (const rule of rules) {
      expect(listed[rule.meta.id].enum).toEqual(['error', 'warn', 'info', 'off']);
      expect(listed[rule.meta.id].markdownDescription).toContain(rule.meta.docs);
    }
  });

  it('offers the fix-all, restart and output commands', () => {
    expect(manifest.contributes.commands.map((c) => c.title)).toEqual(
      expect.arrayContaining(['notelint: Fix all in this note', 'notelint: Restart server', 'notelint: Show output']),
    );
  });

  it('validates .notelintrc.json files with the config schema and declares workspace trust', () => {
    const rc = manifest.contributes.jsonValidation.find((v) => [v.fileMatch].flat().includes('.notelintrc.json'));
    expect(rc?.url).toBe('./dist/notelintrc.schema.json');
    expect(readFileSync(path.join(repoRoot, 'client', 'scripts', 'bundle.mjs'), 'utf8')).toContain('notelintrc.schema.json');
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
    expect(manifest.activationEvents).toContain('onLanguage:markdown');
  });

  it('packs every bundle the bundle script writes (the server and its lint worker included) into the .vsix', () => {
    const script = readFileSync(path.join(repoRoot, 'client', 'scripts', 'bundle.mjs'), 'utf8');
    const bundles = new Set([...script.matchAll(/'([\w-]+\.(?:cjs|mjs))'/g)].map((m) => m[1]));
    expect([...bundles].sort()).toEqual(['extension.cjs', 'lint-worker.mjs', 'server.mjs']);
    const kept = readFileSync(path.join(repoRoot, 'client', '.vscodeignore'), 'utf8').split('\n');
    for (const file of bundles) expect(kept, file).toContain(`!dist/${file}`);
  });

  it('typechecks the extension against the VS Code API it declares', () => {
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(existsSync(tsc)).toBe(true);
    const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', path.join(repoRoot, 'client', 'tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
