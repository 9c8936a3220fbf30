// Chromium for the browser tests: Debian's /usr/bin/chromium (`.ci/install-chromium.sh`) driven by
// playwright-core, since `playwright install` cannot download browsers on these machines.
// One browser per test file; each test gets a fresh context (no shared cookies or storage).
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import './provided-context';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export type AppName = 'web' | 'admin';

export function appUrl(app: AppName): string {
  return app === 'web' ? inject('webUrl') : inject('adminUrl');
}

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run .ci/install-chromium.sh (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface BrowserSession {
  /** A new page in a fresh context whose relative URLs resolve against `app`. */
  openPage(app: AppName, pathname?: string, opts?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** Uncaught errors thrown in pages opened by the current test (a crash the UI may hide). */
  pageErrors(): Error[];
}

/**
 * Call at the top of a test file: launches Chromium before its tests, closes it after, and
 * closes each test's contexts after that test.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let errors: Error[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
    errors = [];
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async openPage(app, pathname = '/', opts = {}) {
      if (!browser) throw new Error('useBrowser(): the browser starts in beforeAll; open pages inside tests.');
      const context = await browser.newContext({
        baseURL: appUrl(app),
        viewport: opts.viewport ?? { width: 1280, height: 900 },
        locale: 'en-US',
      });
      // Generous but finite: a missing element fails the test in seconds, not at the test timeout.
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (err) => errors.push(err));
      await page.goto(pathname);
      return page;
    },
    pageErrors: () => errors,
  };
}

/**
 * Saves a full-page screenshot when E2E_SCREENSHOTS names a directory (off by default: the
 * suite should leave nothing behind). Handy to eyeball the UI after a change.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await fs.mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
