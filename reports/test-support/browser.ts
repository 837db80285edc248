// Headless Chromium for the report's browser test: Debian's chromium driven by playwright-core,
// a fresh profile, every background network feature off. Never downloads a browser.

import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tempDir } from '../../core/test-support/temp-dir.js';

export const CHROMIUM_PATH = process.env.STATEBENCH_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (or set STATEBENCH_CHROMIUM)`);
  }
  const profile = tempDir('statebench-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    // The profile directory goes with the test file's other temporary directories.
    close: () => context.close(),
  };
}

/** A page opened by visitPage, with what it did that it should not have. */
export interface Visit {
  readonly page: Page;
  /** Requests for anything but the file itself (each aborted). */
  readonly requests: string[];
  /** Console errors and warnings, page errors, failed requests. */
  readonly problems: string[];
  readonly dialogs: string[];
}

/** Opens a self-contained page (a file: URL) with the network off, and waits until its charts are done. */
export async function visitPage(browser: Browser, url: string): Promise<Visit> {
  const page = await browser.context.newPage();
  const visit: Visit = { page, requests: [], problems: [], dialogs: [] };
  // The network is off: anything but the file itself is recorded and aborted.
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested === url) return route.continue();
    visit.requests.push(requested);
    return route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') visit.problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => visit.problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (r.url() !== url) visit.problems.push(`request failed: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    visit.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('body[data-charts-done]', { timeout: 60_000 });
  return visit;
}
