// Categories in Chromium: the tree from the server, the server's refusals, create and delete.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ADMIN, signInViaApi } from '../../server/e2e/accounts';
import { apiGet, type CategoryListBody } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

describe('admin categories', () => {
  it('lists the tree, shows a taken slug as the server says, creates and deletes a category', async () => {
    const { categories } = await apiGet<CategoryListBody>('/api/categories');
    const taken = categories[0]!;
    const name = `E2E ${randomBytes(3).toString('hex')}`;

    const page = await browser.openPage('admin', '/sign-in');
    await signInViaApi(page, ADMIN.email, ADMIN.password);
    await page.goto('/categories');
    await page.getByRole('heading', { level: 1, name: 'Categories' }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(categories.length + 1);

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
