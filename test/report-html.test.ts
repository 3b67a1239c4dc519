/**
 * The HTML report opened in headless Chromium (Debian's `chromium`, driven by playwright-core): the page
 * shows the accounts and the timeline chart with JavaScript off, asks for nothing over the network, and
 * shows a note's <script> as text. A screenshot is written to test-artifacts/report.png.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from './e2e/vscode/harness.js';
import { repoRoot, runCli } from './helpers/cli.js';

let browser: Browser;
let dir: string;
let pageFile: string;

beforeAll(async () => {
  const run = await runCli(['report', 'test/fixtures/pipeline', '--today', '2026-12-03', '--format', 'html']);
  expect(run.code).toBe(0);
  dir = mkdtempSync(path.join(os.tmpdir(), 'notelint-report-'));
  pageFile = path.join(dir, 'pipeline.html');
  writeFileSync(pageFile, run.stdout);
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`file://${pageFile}`);
  return { context, page, requests };
}

describe('the HTML report in a browser', () => {
  it('shows one row per account, worst first, and the chart’s meetings, next events and today, without JavaScript', async () => {
    const { context, page, requests } = await open(false);
    try {
      const rows = page.locator('table.accounts tbody tr');
      const read = await rows.evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-account'), tr.getAttribute('data-status'), tr.children[4]?.textContent?.trim()]),
      );
      expect(read).toEqual([
        ['Globex', 'stalled', 'Mon Nov 23 10:00 (Sam)'],
        ['Soylent Foods', 'no-next-step', '—'],
        ['initech', 'at-risk', 'Tue Mar 16, 2027 10:00 (both sides)'],
        ['Acme Corp', 'on-track', 'Tue Dec 8 14:00 (both sides)'],
        ['hooli', 'on-track', 'Thu Dec 10 (both sides)'],
      ]);
      const marks = async (selector: string) =>
        page
          .locator(`svg.timeline ${selector}`)
          .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-account') ?? ''}@${el.getAttribute('data-date')}`));
      expect((await marks('circle.meeting')).sort()).toEqual(
        [
          'Acme Corp@2026-11-03',
          'Acme Corp@2026-11-17',
          'Acme Corp@2026-12-01',
          'Globex@2026-11-02',
          'Globex@2026-11-16',
          'Soylent Foods@2026-11-30',
          'hooli@2026-12-02',
          'initech@2026-11-10',
          'initech@2026-11-24',
        ].sort(),
      );
      expect((await marks('path.next-event')).sort()).toEqual([
        'Acme Corp@2026-12-08',
        'Globex@2026-11-23',
        'hooli@2026-12-10',
        'initech@2027-03-16',
      ]);
      expect(await marks('line.today')).toEqual(['@2026-12-03']);
      // Today lies between the Globex meeting and the Acme next event on the chart.
      const x = async (selector: string) =>
        Number(
          await page
            .locator(`svg.timeline ${selector}`)
            .first()
            .evaluate((el) => el.getBoundingClientRect().x),
        );
      expect(await x('line.today')).toBeGreaterThan(await x('circle.meeting[data-account="Globex"][data-date="2026-11-16"]'));
      expect(await x('line.today')).toBeLessThan(await x('path.next-event[data-account="Acme Corp"]'));
      expect(
        await page
          .locator('section[data-account="Globex"] li.signal')
          .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-signal'))),
      ).toEqual(['stalled', 'slipped', 'carried-over', 'compliance-streak', 'vague-streak']);
      mkdirSync(path.join(repoRoot, 'test-artifacts'), { recursive: true });
      await page.screenshot({ path: path.join(repoRoot, 'test-artifacts', 'report.png'), fullPage: true });
      expect(requests).toEqual([`file://${pageFile}`]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('shows a note’s <script> as text and never runs it, and loads nothing, with JavaScript on', async () => {
    const { context, page, requests } = await open(true);
    try {
      expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
      expect(await page.locator('body').innerText()).toContain('<script>window.pwned = 1</script>');
      expect(await page.locator('script').count()).toBe(0);
      expect(requests).toEqual([`file://${pageFile}`]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
