// Headless Chromium for the report's browser test: Debian's chromium driven by playwright-core,
// a fresh profile, every background network feature off. Never downloads a browser.

import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
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
