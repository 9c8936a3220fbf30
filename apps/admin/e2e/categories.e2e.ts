// Categories in Chromium: the whole tree from the admin API, the server's refusals, create,
// deactivate and activate again (the public list follows), delete.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ADMIN, signInViaApi } from '../../server/e2e/accounts';
import { apiGet, type CategoryListBody } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

describe('admin categories', () => {
  it('lists every category, shows a taken slug as the server says, creates, deactivates, activates and deletes one', async () => {
    const { categories } = await apiGet<CategoryListBody>('/api/categories');
    const taken = categories[0]!;
    const name = `E2E ${randomBytes(3).toString('hex')}`;

    const page = await browser.openPage('admin', '/sign-in');
    await signInViaApi(page, ADMIN.email, ADMIN.password);
    await page.goto('/categories');
    await page.getByRole('heading', { level: 1, name: 'Categories' }).waitFor();
    // The admin list needs the admin's session: asked through the app's origin with its cookie.
    const adminList = async () => {
      const res = await page.context().request.get('/api/admin/categories');
      expect(res.status()).toBe(200);
      return (await res.json()) as { categories: { id: string; name: string; isActive: boolean }[] };
    };
    const all = (await adminList()).categories;
    // Every category the catalog shows is among them, and the page has a row for each (plus the header).
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining(categories.map((c) => c.id)));
    await expect.poll(() => page.getByRole('row').count()).toBe(all.length + 1);
    await expect
      .poll(() => page.locator('tbody').getByText('Inactive', { exact: true }).count())
      .toBe(all.filter((c) => !c.isActive).length);

    // A slug in use: the 409's message, and the dialog stays open with what was typed.
    await page.getByRole('button', { name: 'New category' }).click();
    const dialog = page.getByRole('dialog', { name: 'New category' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Slug').fill(taken.slug);
    await dialog.getByRole('button', { name: 'Create category' }).click();
    await dialog.getByRole('alert').getByText(`A category with the slug "${taken.slug}" already exists`).waitFor();
    await screenshot(page, 'admin-category-conflict');

    await dialog.getByLabel('Slug').fill('');
    await dialog.getByLabel('Parent category').selectOption(taken.id);
    await dialog.getByRole('button', { name: 'Create category' }).click();
    await page.getByText(`${name} created.`).waitFor();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    const badge = row.getByText('Inactive', { exact: true });
    const publicNames = async () => (await apiGet<CategoryListBody>('/api/categories')).categories.map((c) => c.name);
    expect(await badge.count()).toBe(0);
    expect(await publicNames()).toContain(name);

    // Deactivated: still listed here, with its badge; gone from the public catalog.
    await row.getByRole('button', { name: `Deactivate ${name}` }).click();
    await page.getByText(`${name} deactivated.`).waitFor();
    await badge.waitFor();
    expect(await publicNames()).not.toContain(name);
    await page.getByRole('button', { name: 'New category' }).click();
    const parentOptions = page.getByRole('dialog', { name: 'New category' }).getByLabel('Parent category');
    await expect.poll(() => parentOptions.locator('option', { hasText: name }).textContent()).toMatch(/\(inactive\)$/);
    await page.getByRole('dialog', { name: 'New category' }).getByRole('button', { name: 'Cancel' }).click();
    await screenshot(page, 'admin-category-inactive');

    // Activated again: the badge goes, the catalog lists it once more.
    await row.getByRole('button', { name: `Activate ${name}` }).click();
    await page.getByText(`${name} activated.`).waitFor();
    await expect.poll(() => badge.count()).toBe(0);
    expect(await publicNames()).toContain(name);

    await row.getByRole('button', { name: `Delete ${name}` }).click();
    await page
      .getByRole('dialog', { name: 'Delete category' })
      .getByRole('button', { name: 'Delete category' })
      .click();
    await page.getByText(`${name} deleted.`).waitFor();
    await expect.poll(() => row.count()).toBe(0);
    expect(browser.pageErrors()).toEqual([]);
  });
});
