/** The engine takes its rules as a registry: a rule that throws becomes one diagnostic naming it, and the other rules still run. */
import { describe, expect, it } from 'vitest';
import { resolveConfigWith } from '../core/engine/config.js';
import { lintWith } from '../core/engine/lint.js';
import type { Rule } from '../core/engine/types.js';
import { rules } from '../engine/index.js';

const broken: Rule = {
  meta: { id: 'broken-rule', severity: 'warn', description: 'Throws.', docs: 'https://example.com', fixable: false, scope: 'any-note' },
  check({ report }) {
    report({ start: 0, end: 1, message: 'half a finding' });
    throw new TypeError("Cannot read properties of undefined (reading 'start')\n    at check (rules/broken-rule.ts:9:1)");
  },
};
const vague = rules.find((r) => r.meta.id === 'no-vague-follow-up')!;
const NOTE = '---\ndate: 2026-11-20\nseller: [Dana]\n---\n\n# Acme\n\nWe will follow up next week.\n';

describe('the engine and its rule registry', () => {
  it('reports a rule that throws as one error naming it, drops what it reported, and runs the others', () => {
    const registry = [broken, vague];
    const config = resolveConfigWith(registry, undefined, { machineTimezone: 'UTC' });
    const { diagnostics } = lintWith(registry, { text: NOTE }, config);
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      [
        'broken-rule',
        'error',
        "The rule broken-rule failed on this note (a bug in notelint: please report it): Cannot read properties of undefined (reading 'start'). The other rules still ran.",
      ],
      ['no-vague-follow-up', 'warn', expect.stringContaining('"follow up next week" names no day')],
    ]);
    expect(diagnostics[0]).toMatchObject({ line: 1, column: 1, start: 0, end: 0 });
  });

  it('runs only the rules it is given, with their own default severities', () => {
    const config = resolveConfigWith([vague], undefined, { machineTimezone: 'UTC' });
    expect([...config.rules.keys()]).toEqual(['no-vague-follow-up']);
    expect(lintWith([vague], { text: NOTE }, config).diagnostics.map((d) => d.ruleId)).toEqual(['no-vague-follow-up']);
  });
});
