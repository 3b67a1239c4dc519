import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../core/engine/fix.js';
import { lint, resolveConfig } from '../engine/index.js';
import { rules } from '../rules/index.js';
// @ts-expect-error a plain ES module of scripts/, without types
import { withHeader, withTable } from '../scripts/rule-docs.mjs';

// Each rule's doc page is also its test: every "wrong" example must raise the rule, every "right"
// example must not, and a "fixed" example is exactly what the fix makes of the "wrong" one before it.
const config = resolveConfig(undefined, { machineTimezone: 'America/New_York' });
const docPath = (id: string) => fileURLToPath(new URL(`../docs/rules/${id}.md`, import.meta.url));

interface Example {
  kind: 'wrong' | 'right' | 'fixed';
  count?: number;
  text: string;
}

function examplesOf(doc: string): Example[] {
  const out: Example[] = [];
  for (const m of doc.matchAll(/^(`{3,})markdown (wrong|right|fixed)([^\n]*)\n([\s\S]*?)^\1\s*$/gm)) {
    const count = /count=(\d+)/.exec(m[3])?.[1];
    out.push({ kind: m[2] as Example['kind'], count: count ? Number(count) : undefined, text: m[4] });
  }
  return out;
}

const ofRule = (id: string, text: string) => lint({ text, path: 'example.md' }, config).diagnostics.filter((d) => d.ruleId === id);

describe.each(rules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  it('has a documentation page with why, wrong and right examples', () => {
    expect(existsSync(docPath(id))).toBe(true);
    const doc = readFileSync(docPath(id), 'utf8');
    expect(doc).toMatch(new RegExp(`^# ${id}\\b`, 'm'));
    expect(doc).toMatch(/^## Why/m);
    const examples = examplesOf(doc);
    expect(examples.some((e) => e.kind === 'wrong')).toBe(true);
    expect(examples.some((e) => e.kind === 'right')).toBe(true);
    if (rule.meta.fixable) expect(examples.some((e) => e.kind === 'fixed')).toBe(true);
    expect(rule.meta.docs.endsWith(`docs/rules/${id}.md`)).toBe(true);
  });

  it('has the header its metadata makes (npm run docs writes it)', () => {
    const page = readFileSync(docPath(id), 'utf8');
    expect(page).toBe(withHeader(page, rule.meta));
  });

  const doc = existsSync(docPath(id)) ? readFileSync(docPath(id), 'utf8') : '';
  const examples = examplesOf(doc);
  examples.forEach((example, i) => {
    if (example.kind === 'wrong') {
      it(`flags wrong example ${i + 1} at the pinned positions, with the pinned messages and fixes`, () => {
        const found = ofRule(id, example.text);
        if (example.count !== undefined) expect(found).toHaveLength(example.count);
        else expect(found.length).toBeGreaterThan(0);
        for (const d of found) expect(d.message.length).toBeGreaterThan(20);
        // Pinned as ESLint's RuleTester pins them: each finding's position, message and fix.
        expect(
          found.map(({ line, column, endLine, endColumn, message, fix }) => ({
            at: `${line}:${column}-${endLine}:${endColumn}`,
            message,
            ...(fix ? { fix } : {}),
          })),
        ).toMatchSnapshot();
      });
    } else if (example.kind === 'right') {
      it(`accepts right example ${i + 1}`, () => {
        expect(ofRule(id, example.text)).toEqual([]);
      });
    } else {
      it(`fixes the wrong example before fixed example ${i + 1} completely, touching nothing else`, () => {
        const wrong = examples
          .slice(0, i)
          .reverse()
          .find((e) => e.kind === 'wrong');
        expect(wrong).toBeDefined();
        const fixed = applyFixes(wrong!.text, ofRule(id, wrong!.text)).text;
        expect(fixed).toBe(example.text);
        expect(ofRule(id, fixed).filter((d) => d.fix)).toEqual([]);
      });
    }
  });
});

describe('the rules table of docs/README.md', () => {
  it("is the one the rules' metadata makes (npm run docs writes it)", () => {
    const readme = readFileSync(fileURLToPath(new URL('../docs/README.md', import.meta.url)), 'utf8');
    expect(readme).toBe(
      withTable(
        readme,
        rules.map((r) => r.meta),
      ),
    );
  });
});
