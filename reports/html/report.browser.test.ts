// report.html in a real browser: headless Chromium with every request outside the file itself
// refused, hostile strings planted in the document. Every chart must draw marks, nothing may log
// an error, no planted element or dialog may appear. STATEBENCH_SCREENSHOTS=DIR keeps the
// screenshots in DIR for a human look; without it they go with the test's temporary directory.

import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, hostileDocument, mixedDocument, sweepDocument } from '../test-support/fixtures.js';
import { runMicro } from '../test-support/micro-document.js';
import { threadsDocument } from '../test-support/threads-document.js';
import { remoteDocument } from '../test-support/remote-document.js';
import { ttlDocument } from '../test-support/ttl-document.js';
import { launchChromium, visitPage, type Browser, type Visit } from '../test-support/browser.js';
import { writeReports } from '../writer.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const outRoot = tempDir('statebench-report-browser-');
const keepScreenshots = process.env.STATEBENCH_SCREENSHOTS || undefined;
const screenshotPath = (name: string): string => (keepScreenshots ? resolve(keepScreenshots, name) : join(outRoot, name));
let browser: Browser;

async function open(name: string, doc: Parameters<typeof writeReports>[0]): Promise<Visit> {
  const dir = join(outRoot, name);
  const [html] = await writeReports(doc, dir, ['html']);
  return visitPage(browser, pathToFileURL(html!).href);
}

/** Per chart: whether embed succeeded and how many mark items its SVG holds. */
async function chartMarks(page: Page): Promise<{ id: string; rendered: boolean; marks: number }[]> {
  return page.$$eval('.vis', (els) =>
    els.map((el) => ({
      id: el.id,
      rendered: el.getAttribute('data-rendered') === 'true',
      marks: el.querySelectorAll('svg g[class*="mark-"] path, svg g[class*="mark-"] line, svg g[class*="mark-"] text').length,
    })),
  );
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('report.html in headless Chromium', () => {
  it('draws every chart of a 100-cell sweep with no network and no errors, and saves a screenshot', async () => {
    const visit = await open('sweep', sweepDocument());
    const charts = await chartMarks(visit.page);
    expect(charts.map((c) => c.id)).toEqual([
      'vis-throughput',
      'vis-latency-spectrum',
      'vis-timeline',
      'vis-knob-sweep-lsm-write-buffer-size',
      'vis-knob-sweep-lsm-level0-slowdown-writes-trigger',
      'vis-tradeoff',
      'vis-amplification',
    ]);
    for (const c of charts) {
      expect(c.rendered, c.id).toBe(true);
      expect(c.marks, c.id).toBeGreaterThan(10);
    }
    expect(visit.requests).toEqual([]);
    expect(visit.problems).toEqual([]);
    const screenshot = screenshotPath('sweep.png');
    await visit.page.screenshot({ path: screenshot });
    if (keepScreenshots) process.stderr.write(`report screenshot: ${screenshot}\n`);
    await visit.page.close();
  });

  it('lets the timeline switch cells from its drop-down and redraws', async () => {
    const visit = await open('sweep-select', sweepDocument(20));
    const select = visit.page.locator('#vis-timeline select');
    const options = await select.locator('option').allTextContents();
    expect(options.length).toBe(100);
    const before = await visit.page.locator('#vis-timeline svg').innerHTML();
    await select.selectOption({ index: 0 });
    await expect.poll(() => visit.page.locator('#vis-timeline svg').innerHTML(), { timeout: 10_000 }).not.toBe(before);
    expect(visit.problems).toEqual([]);
    await visit.page.close();
  });

  it('charts LSM cells and heap/LMDB cells apart: signal panels only where the engine reports them, no warning on any pick', async () => {
    const visit = await open('signals', mixedDocument());
    const page = visit.page;
    const ids = (await chartMarks(page)).map((c) => c.id).filter((id) => id.startsWith('vis-timeline'));
    expect(ids).toEqual(['vis-timeline', 'vis-timeline-heap-lmdb']);
    // Whether an "L0 files" panel title is drawn in a chart, and whether it lies within the SVG's height.
    const l0Panel = (id: string): Promise<{ drawn: boolean; inside: boolean }> =>
      page.$eval(`#${id} svg`, (svg) => {
        const title = [...svg.querySelectorAll('text')].find((t) => t.textContent === 'L0 files');
        if (!title) return { drawn: false, inside: false };
        return { drawn: true, inside: title.getBoundingClientRect().bottom <= svg.getBoundingClientRect().bottom };
      });
    for (const [id, drawn] of [['vis-timeline', true], ['vis-timeline-heap-lmdb', false]] as const) {
      const select = page.locator(`#${id} select`);
      const count = await select.locator('option').count();
      for (let i = 0; i < count; i++) {
        await select.selectOption({ index: i });
        await expect.poll(async () => (await l0Panel(id)).drawn, { timeout: 10_000 }).toBe(drawn);
        if (drawn) expect((await l0Panel(id)).inside).toBe(true);
      }
    }
    expect(visit.problems).toEqual([]);
    await page.close();
  });

  it('draws the micro chart of a real micro document and shows its table', async () => {
    const { doc } = await runMicro();
    const visit = await open('micro', doc);
    const charts = await chartMarks(visit.page);
    expect(charts.map((c) => c.id)).toEqual(['vis-micro']);
    expect(charts[0]!.rendered).toBe(true);
    // A dot and a p50-p99 line per task, and the axis labels.
    expect(charts[0]!.marks).toBeGreaterThan(Object.keys(doc.cells[0]!.status === 'skipped' ? {} : (doc.cells[0]!.micro ?? {})).length * 2);
    await expect(visit.page.locator('#micro').innerText()).resolves.toContain('per key (/100)');
    expect(visit.requests).toEqual([]);
    expect(visit.problems).toEqual([]);
    await visit.page.screenshot({ path: screenshotPath('micro.png'), fullPage: true });
    await visit.page.close();
  });

  it('draws the scaling-with-threads chart of a thread sweep (1, 2 and 4 threads) and shows the Threads section', async () => {
    const visit = await open('threads', threadsDocument());
    const charts = await chartMarks(visit.page);
    const threads = charts.find((c) => c.id === 'vis-thread-scaling');
    expect(threads, charts.map((c) => c.id).join(', ')).toBeDefined();
    expect(threads!.rendered).toBe(true);
    // Three configurations at three thread counts in three panels, the threads' points, the axes.
    expect(threads!.marks).toBeGreaterThan(3 * 3 * 3);
    // Each thread of a threaded cell is a point of its own: 2 + 4 per configuration.
    const diamonds = await visit.page.$$eval('#vis-thread-scaling svg g[class*="mark-symbol"] path', (els) => els.length);
    expect(diamonds).toBeGreaterThanOrEqual(3 * 3 * 3 + 3 * 6);
    for (const c of charts) expect(c.rendered, c.id).toBe(true);
    const section = visit.page.locator('#threads');
    await expect(section.innerText()).resolves.toContain('lsm writeBufferSize=4MiB');
    await expect(visit.page.locator('nav a[href="#threads"]').count()).resolves.toBe(1);
    expect(visit.requests).toEqual([]);
    expect(visit.problems).toEqual([]);
    await visit.page.locator('#chart-thread-scaling').screenshot({ path: screenshotPath('threads.png') });
    if (keepScreenshots) process.stderr.write(`threads chart screenshot: ${screenshotPath('threads.png')}\n`);
    await visit.page.close();
  });

  it('draws the remote-state chart of a remote sweep and shows the Remote state section with its finding', async () => {
    const visit = await open('remote', remoteDocument());
    const charts = await chartMarks(visit.page);
    const remote = charts.find((c) => c.id === 'vis-remote-sweep');
    expect(remote, charts.map((c) => c.id).join(', ')).toBeDefined();
    expect(remote!.rendered).toBe(true);
    // Two lines of two points, the two rules, the axes' labels.
    expect(remote!.marks).toBeGreaterThan(2 * 2 + 2);
    const points = await visit.page.$$eval('#vis-remote-sweep svg g[class*="mark-symbol"][class*="role-mark"] path', (els) => els.length);
    expect(points).toBe(4);
    for (const c of charts) expect(c.rendered, c.id).toBe(true);
    await expect(visit.page.locator('#remote').innerText()).resolves.toContain('with a 1GiB file cache and 16 reads in flight, remote reaches 0.9 of local');
    await expect(visit.page.locator('nav a[href="#remote"]').count()).resolves.toBe(1);
    expect(visit.requests).toEqual([]);
    expect(visit.problems).toEqual([]);
    await visit.page.locator('#chart-remote-sweep').screenshot({ path: screenshotPath('remote.png') });
    await visit.page.close();
  });

  it('draws the TTL chart: each cell\'s stored, expired, SST bytes and removed entries over time', async () => {
    const visit = await open('ttl', ttlDocument());
    const charts = await chartMarks(visit.page);
    const ttl = charts.find((c) => c.id === 'vis-ttl-cleanup');
    expect(ttl, charts.map((c) => c.id).join(', ')).toBeDefined();
    expect(ttl!.rendered).toBe(true);
    // Five panels; each has a line per cell that reports the figure.
    const lines = await visit.page.$$eval('#vis-ttl-cleanup svg g[class*="mark-line"] path', (els) => els.length);
    expect(lines).toBe(3 + 3 + 2 + 1 + 1);
    for (const c of charts) expect(c.rendered, c.id).toBe(true);
    // The per-element section: one row per configuration (backend, knobs and workload settings) of the Flink workload.
    await expect(visit.page.locator('#elements tbody tr').count()).resolves.toBe(3);
    await expect(visit.page.locator('nav a[href="#elements"]').count()).resolves.toBe(1);
    expect(visit.requests).toEqual([]);
    expect(visit.problems).toEqual([]);
    await visit.page.locator('#chart-ttl-cleanup').screenshot({ path: screenshotPath('ttl.png') });
    await visit.page.close();
  });

  it('does not run markup planted in workload names, errors and recommendations', async () => {
    const visit = await open('hostile', hostileDocument());
    const page = visit.page;
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(visit.dialogs).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    // Our five scripts (three libraries, the data block, the boot script) and nothing else.
    expect(await page.locator('script').count()).toBe(5);
    // The planted strings are shown as text.
    await expect(page.locator('#cells').innerText()).resolves.toContain(HOSTILE.breakout);
    await expect(page.locator('#summary').innerText()).resolves.toContain('ycsb <script>');
    for (const c of await chartMarks(page)) expect(c.rendered, c.id).toBe(true);
    expect(visit.requests).toEqual([]);
    expect(visit.problems).toEqual([]);
    await page.close();
  });
});
