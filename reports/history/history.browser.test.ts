// history.html in a real browser: headless Chromium with every request outside the file itself
// refused, a hostile document label planted. Every trend chart must draw its points, the change
// point's rule must be drawn, and nothing may log an error or a warning.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseThresholds } from '../../analysis/compare/thresholds.js';
import { analyseHistory, DEFAULT_HISTORY_OPTIONS } from '../../analysis/history/history.js';
import { orderDocuments, type LabelledDocument } from '../../analysis/history/order.js';
import { noisyHistory } from '../../analysis/history/test-support/series-documents.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { launchChromium, visitPage, type Browser, type Visit } from '../test-support/browser.js';
import { renderHistory } from './render.js';

const dir = tempDir('statebench-history-browser-');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The page of these documents' history, opened with the network off and every complaint recorded. */
async function open(name: string, docs: readonly LabelledDocument[]): Promise<Visit> {
  const history = analyseHistory(orderDocuments(docs, null), { ...DEFAULT_HISTORY_OPTIONS, thresholds: parseThresholds([]) });
  const file = join(dir, `${name}.html`);
  writeFileSync(file, renderHistory('html', history));
  return visitPage(browser, pathToFileURL(file).href);
}

/** Per chart: whether it was drawn, its points (symbols of the marks, not of the legend) and its rules. */
function charts(page: Page): Promise<{ id: string; rendered: boolean; points: number; rules: number }[]> {
  return page.$$eval('.vis', (els) =>
    els.map((el) => ({
      id: el.id,
      rendered: el.getAttribute('data-rendered') === 'true',
      points: el.querySelectorAll('svg g.mark-symbol.role-mark path').length,
      rules: el.querySelectorAll('svg g.mark-rule.role-mark line').length,
    })),
  );
}

describe('history.html in headless Chromium', () => {
  it('draws one trend chart per series with the change point marked, with no network, no console error and no planted markup', async () => {
    const docs = noisyHistory(40, { stepAt: 25, factor: 0.9 });
    docs[3] = { ...docs[3]!, label: '<img src=x onerror=alert(1)>.json' };
    const { page, requests, problems, dialogs } = await open('step', docs);
    const drawn = await charts(page);
    expect(drawn.map((c) => c.id)).toEqual(['vis-history-delay-ycsb-a-throughput', 'vis-history-delay-ycsb-a-read-p50', 'vis-history-delay-ycsb-a-read-p99', 'vis-history-delay-ycsb-a-read-p999']);
    for (const c of drawn) {
      expect(c.rendered, c.id).toBe(true);
      expect(c.points, c.id).toBe(40);
    }
    // Two segment medians and one change point in each regressed series; one median elsewhere.
    expect(drawn.map((c) => c.rules)).toEqual([3, 3, 1, 1]);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#documents').textContent()).toContain('<img src=x onerror=alert(1)>.json');
    await page.screenshot({ path: join(dir, 'history.png'), fullPage: true });
    await page.close();
  });

  it('draws the series of a history too short to judge, and says so, with no console error', async () => {
    const { page, problems } = await open('short', noisyHistory(5));
    const drawn = await charts(page);
    expect(drawn.map((c) => [c.rendered, c.points])).toEqual([
      [true, 5],
      [true, 5],
      [true, 5],
      [true, 5],
    ]);
    expect(await page.locator('#summary').textContent()).toContain('not judged: 5 point(s); a change point needs 4 on each side, so at least 8');
    expect(problems).toEqual([]);
    await page.close();
  });
});
