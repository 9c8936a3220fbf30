// Program moderation in Chromium: an admin features a program and archives it, and the catalog
// the server serves changes with it. Each change is undone at the end, so other tests see the demo data.
import { describe, expect, it } from 'vitest';
import { ADMIN, signInViaApi } from '../../server/e2e/accounts';
import { apiGet } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

interface Listed {
  programs: { id: string; title: string; slug: string; featured: boolean }[];
}

describe('admin programs', () => {
  it('features a program, archives it with a confirmation, and publishes it again', async () => {
    const newest = await apiGet<Listed>('/api/programs?limit=20&sort=newest');
    const target = newest.programs.find((p) => !p.featured);
    expect(target, 'the first page needs a program that is not featured').toBeDefined();
    const { title } = target!;
    const featuredTitles = async () =>
      (await apiGet<Listed>('/api/programs/featured?limit=24')).programs.map((p) => p.title);
    const listedSlugs = async () => (await apiGet<Listed>('/api/programs?limit=100')).programs.map((p) => p.slug);

    const page = await browser.openPage('admin', '/sign-in');
    await signInViaApi(page, ADMIN.email, ADMIN.password);
    await page.goto('/programs');
    const row = page.getByRole('row').filter({ hasText: title });

    // Feature: the row gets its badge and the home page's featured list has it.
    await row.getByRole('button', { name: `Feature ${title}` }).click();
    await page.getByText(`${title} is now featured on the home page.`).waitFor();
    await row.getByText('Featured', { exact: true }).waitFor();
    expect(await featuredTitles()).toContain(title);

    // Archive: asks first, then the program leaves the catalog.
    await row.getByRole('button', { name: `Archive ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive program' });
    await dialog.getByRole('button', { name: 'Archive program' }).click();
    await page.getByText(`${title} is archived and has left the catalog.`).waitFor();
    await expect.poll(() => row.count()).toBe(0);
    expect(await listedSlugs()).not.toContain(target!.slug);
    await screenshot(page, 'admin-program-archived');

    // Undo: published again, back in the table; then stop featuring it.
    await page.getByRole('button', { name: 'Publish it again' }).click();
    await page.getByText(`${title} is published again.`).waitFor();
    await row.getByRole('button', { name: `Stop featuring ${title}` }).click();
    await page.getByText(`${title} is no longer featured.`).waitFor();
    expect(await listedSlugs()).toContain(target!.slug);
    expect(await featuredTitles()).not.toContain(title);
    expect(browser.pageErrors()).toEqual([]);
  });
});
