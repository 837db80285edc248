// history.html in a real browser: headless Chromium with every request outside the file itself
// refused, a hostile document label planted. Every trend chart must draw its points, the change
// point's rule must be drawn, and nothing may log an error or a warning.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseThresholds } from '../../analysis/compare/thresholds.js';
import { analyseHistory, DEFAULT_HISTORY_OPTIONS } from '../../analysis/history/history.js';
import { orderDocuments } from '../../analysis/history/order.js';
import { noisyHistory } from '../../analysis/history/test-support/series-documents.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { launchChromium, type Browser } from '../test-support/browser.js';
import { renderHistory } from './render.js';

const dir = tempDir('statebench-history-browser-');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('history.html in headless Chromium', () => {
  it('draws one trend chart per series with the change point marked, with no network, no console error and no planted markup', async () => {
    const docs = noisyHistory(40, { stepAt: 25, factor: 0.9 });
    docs[3] = { ...docs[3]!, label: '<img src=x onerror=alert(1)>.json' };
    const history = analyseHistory(orderDocuments(docs, null), { ...DEFAULT_HISTORY_OPTIONS, thresholds: parseThresholds([]) });
    const file = join(dir, 'history.html');
    writeFileSync(file, renderHistory('html', history));
    const url = pathToFileURL(file).href;
    const page = await browser.context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    const dialogs: string[] = [];
    await page.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      requests.push(route.request().url());
      return route.abort();
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url);
    await page.waitForSelector('body[data-charts-done]', { timeout: 60_000 });
    const charts = await page.$$eval('.vis', (els) =>
      els.map((el) => ({
        id: el.id,
        rendered: el.getAttribute('data-rendered') === 'true',
        points: el.querySelectorAll('svg g.mark-symbol.role-mark path').length,
        rules: el.querySelectorAll('svg g.mark-rule.role-mark line').length,
      })),
    );
    expect(charts.map((c) => c.id)).toEqual(['vis-history-delay-ycsb-a-throughput', 'vis-history-delay-ycsb-a-read-p50', 'vis-history-delay-ycsb-a-read-p99', 'vis-history-delay-ycsb-a-read-p999']);
    for (const c of charts) {
      expect(c.rendered, c.id).toBe(true);
      expect(c.points, c.id).toBe(40);
    }
    // Two segment medians and one change point in each regressed series; one median elsewhere.
    expect(charts.map((c) => c.rules)).toEqual([3, 3, 1, 1]);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#documents').textContent()).toContain('<img src=x onerror=alert(1)>.json');
    await page.screenshot({ path: join(dir, 'history.png'), fullPage: true });
    await page.close();
  });
});
