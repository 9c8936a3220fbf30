// The interactive API reference renders in a real browser from the server's own assets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('/docs', () => {
  it('shows the REST operations of the OpenAPI document and can try one', async () => {
    const page = await browser.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (e) => errors.push(e));
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(`${inject('apiUrl')}/docs`);
    await page.getByText('LearninGPT API').first().waitFor({ timeout: 15_000 });
    const operation = page.locator('.opblock-summary-path', { hasText: /^\/programs$/ }).first();
    await operation.waitFor();
    await operation.click();
    // tryItOutEnabled: the form is live at once, no "Try it out" step.
    await page.getByRole('button', { name: 'Execute' }).first().click();
    const body = page.locator('.response-col_description .microlight').first();
    await body.waitFor();
    expect(await body.innerText()).toContain('"success": true');
    expect(errors).toEqual([]);
    expect(failed).toEqual([]); // everything it loads comes from this server, nothing from a CDN
  });
});
