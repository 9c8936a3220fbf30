// Program moderation in Chromium: an admin finds a program, features it and archives it, and the
// catalog the server serves changes with it; the admin list keeps every status, filtered by tabs
// in the URL. Each change is undone at the end, so other tests see the demo data.
import { describe, expect, it } from 'vitest';
import { ADMIN, signInViaApi } from '../../server/e2e/accounts';
import { apiGet } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

interface Listed {
  programs: { id: string; title: string; slug: string; featured: boolean }[];
}

describe('admin programs', () => {
  it('features a program, archives it with a confirmation, finds it under Archived, and publishes it again', async () => {
    const newest = await apiGet<Listed>('/api/programs?limit=20&sort=newest');
    const target = newest.programs.find((p) => !p.featured);
    expect(target, 'the first page needs a program that is not featured').toBeDefined();
    const { id, title, slug } = target!;
    const featuredTitles = async () =>
      (await apiGet<Listed>('/api/programs/featured?limit=24')).programs.map((p) => p.title);
    const listedSlugs = async () => (await apiGet<Listed>('/api/programs?limit=100')).programs.map((p) => p.slug);

    const page = await browser.openPage('admin', '/sign-in');
    await signInViaApi(page, ADMIN.email, ADMIN.password);
    await page.goto('/programs');
    await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();

    // Search by slug is debounced into the URL; the status tabs keep it.
    await page.getByRole('searchbox', { name: 'Search' }).fill(slug);
    await page.waitForURL((url) => url.searchParams.get('q') === slug);
    const row = page.getByRole('row').filter({ hasText: title });
    await row.getByText('Published', { exact: true }).waitFor();

    // Edit opens the web app's editor of this program in a new tab.
    const edit = row.getByRole('link', { name: `Edit ${title}`, exact: false });
    expect(new URL((await edit.getAttribute('href'))!).pathname).toBe(`/teach/programs/${id}`);
    expect(await edit.getAttribute('target')).toBe('_blank');
    expect(await edit.getAttribute('rel')).toBe('noopener noreferrer');

    // Feature: the row gets its badge and the home page's featured list has it.
    await row.getByRole('button', { name: `Feature ${title}` }).click();
    await page.getByText(`${title} is now featured on the home page.`).waitFor();
    await row.getByText('Featured', { exact: true }).waitFor();
    expect(await featuredTitles()).toContain(title);

    // Archive: asks first, then the program leaves the catalog but stays in the admin list.
    await row.getByRole('button', { name: `Archive ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive program' });
    await dialog.getByRole('button', { name: 'Archive program' }).click();
    await page.getByText(`${title} is archived and has left the catalog.`).waitFor();
    await row.getByText('Archived', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: `Archive ${title}` }).count()).toBe(0);
    await row.getByRole('button', { name: `Publish ${title}` }).waitFor();
    expect(await listedSlugs()).not.toContain(slug);
    await screenshot(page, 'admin-program-archived');

    // The Archived tab lists it; the Published tab does not.
    const tabs = page.getByRole('navigation', { name: 'Program status' });
    await tabs.getByRole('link', { name: 'Archived' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'archived' && url.searchParams.get('q') === slug);
    await row.getByText('Archived', { exact: true }).waitFor();
    await tabs.getByRole('link', { name: 'Published' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'published');
    await expect.poll(() => row.count()).toBe(0);

    // Undo from the notice: published again, back in the Published tab; then stop featuring it.
    await page.getByRole('button', { name: 'Publish it again' }).click();
    await page.getByText(`${title} is published and in the catalog.`).waitFor();
    await row.getByText('Published', { exact: true }).waitFor();
    await row.getByRole('button', { name: `Stop featuring ${title}` }).click();
    await page.getByText(`${title} is no longer featured.`).waitFor();
    expect(await listedSlugs()).toContain(slug);
    expect(await featuredTitles()).not.toContain(title);
    expect(browser.pageErrors()).toEqual([]);
  });
});
