// The admin shell in Chromium: navigation, the sign-in screen, and programs from the server.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, signInViaApi } from '../../server/e2e/accounts';
import { apiGet, type ProgramListBody } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

/** An admin app page with an admin signed in (through the API: these tests are not about sign-in). */
async function openAsAdmin(pathname: string): Promise<Page> {
  const page = await browser.openPage('admin', '/sign-in');
  await signInViaApi(page, ADMIN.email, ADMIN.password);
  await page.goto(pathname);
  return page;
}
const SECTIONS = [
  'Dashboard',
  'Analytics',
  'Users',
  'Programs',
  'Categories',
  'Applications',
  'Orders',
  'Events',
  'Blog',
  'Testimonials',
  'FAQs',
];

/** The titles in the programs table, in order (first line of the first cell of each row). */
async function tableTitles(page: Page): Promise<string[]> {
  const cells = await page.getByRole('row').locator('td:first-child').allInnerTexts();
  return cells.map((c) => c.split('\n')[0]!.trim());
}

describe('admin shell', () => {
  it('shows the navigation and a dashboard with figures from the server', async () => {
    const { pagination } = await apiGet<ProgramListBody>('/api/programs?limit=1');

    const page = await openAsAdmin('/');
    const nav = page.getByRole('navigation', { name: 'Admin' });
    await nav.getByRole('link').first().waitFor();
    // Labels only: Applications and Testimonials carry a count of what waits ("3 waiting") when there is any.
    const labels = (await nav.getByRole('link').allInnerTexts()).map((t) => t.replace(/\s*\d+\s+waiting$/, '').trim());
    expect(labels).toEqual(SECTIONS);

    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const card = page.getByRole('link', { name: /Published programs/ });
    await expect.poll(() => card.innerText()).toContain(pagination.total.toLocaleString('en-US'));

    await screenshot(page, 'admin-dashboard');
    expect(browser.pageErrors()).toEqual([]);
  });

  it("sends visitors to sign in, validates the form with the server's rules, then lets an admin in", async () => {
    const page = await browser.openPage('admin', '/programs');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const submit = page.getByRole('button', { name: 'Sign in' });

    await submit.click();
    await page.getByText('email must be a valid email address').waitFor();
    await page.getByText('password is required').waitFor();

    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await submit.click();
    await page.getByRole('alert').getByText('Invalid email or password.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'admin-sign-in');

    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await submit.click();
    // Back where they were going.
    await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/programs');

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/sign-in');
  });

  it('lists every program from the admin API, last changed first, page by page', async () => {
    const page = await openAsAdmin('/');
    // The admin list needs the admin's session: asked through the app's origin with its cookie.
    const adminList = async (pageNo: number) => {
      const res = await page.context().request.get(`/api/admin/programs?limit=20&page=${pageNo}`);
      expect(res.status()).toBe(200);
      return (await res.json()) as ProgramListBody;
    };
    const first = await adminList(1);
    expect(first.programs.length).toBeGreaterThan(0);

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
    await expect.poll(() => tableTitles(page), { timeout: 10_000 }).toEqual(first.programs.map((p) => p.title));
    await screenshot(page, 'admin-programs');

    if (first.pagination.totalPages > 1) {
      const second = await adminList(2);
      await page.getByRole('link', { name: 'Next' }).click();
      await page.waitForURL((url) => url.searchParams.get('page') === '2');
      await expect.poll(() => tableTitles(page), { timeout: 10_000 }).toEqual(second.programs.map((p) => p.title));
    }
  });
});
