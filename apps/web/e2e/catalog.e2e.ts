// The catalog journey in Chromium: browse what the server holds, filter, search, page, open one.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, type CategoryListBody, type ProgramDetailBody, type ProgramListBody } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const PAGE_SIZE = 12;
const browser = useBrowser();

/** The program titles on screen, in order. */
function cardTitles(page: Page): Promise<string[]> {
  return page.getByRole('article').getByRole('heading', { level: 3 }).allInnerTexts();
}

async function expectTitles(page: Page, titles: string[]) {
  await expect.poll(() => cardTitles(page), { timeout: 10_000 }).toEqual(titles);
}

const list = (query: string) => apiGet<ProgramListBody>(`/api/programs?limit=${PAGE_SIZE}&${query}`);
const titlesOf = (body: ProgramListBody) => body.programs.map((p) => p.title);
const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'program' : 'programs'}`;

describe('web catalog', () => {
  it('lists the programs the server holds, most popular first', async () => {
    const expected = await list('sort=popular');
    expect(expected.programs.length).toBeGreaterThan(0);

    const page = await browser.openPage('web', '/');
    await page.getByRole('heading', { name: 'Explore programs' }).waitFor();
    await expectTitles(page, titlesOf(expected));
    await page.getByRole('heading', { name: count(expected.pagination.total) }).waitFor();

    // A card shows who teaches it and what it costs.
    const first = expected.programs[0]!;
    const card = page.getByRole('article').filter({ hasText: first.title });
    const cardText = await card.innerText();
    expect(cardText).toContain(first.instructor.name);
    // innerText follows CSS: the category label is shown in capitals once the styles apply.
    expect(cardText.toLowerCase()).toContain(first.category.toLowerCase());
    const price = first.isFree
      ? 'Free'
      : new Intl.NumberFormat('en-US', { style: 'currency', currency: first.pricing.currency }).format(
          first.pricing.bundle,
        );
    expect(cardText).toContain(price);

    await screenshot(page, 'web-catalog');
    expect(browser.pageErrors()).toEqual([]);
  });

  it('filters by category, with sub-categories indented in the list', async () => {
    const all = await list('');
    const { categories } = await apiGet<CategoryListBody>('/api/categories');
    // A category that narrows the list without emptying it.
    const category = categories.find((c) => c.programCount > 0 && c.programCount < all.pagination.total);
    expect(category, 'the demo data needs a category holding some but not all programs').toBeDefined();
    const expected = await list(`category=${category!.slug}`);

    const page = await browser.openPage('web', '/programs');
    await expectTitles(page, titlesOf(all));

    const child = categories.find((c) => c.parentId !== null);
    if (child) {
      const label = await page.getByRole('option', { name: child.name }).first().innerText();
      expect(label).toMatch(/^\u00a0+/);
    }

    await page.getByLabel('Category').selectOption(category!.slug);
    await expectTitles(page, titlesOf(expected));
    await page.getByRole('heading', { name: count(expected.pagination.total) }).waitFor();
    expect(new URL(page.url()).searchParams.get('category')).toBe(category!.slug);

    // The filter lives in the URL: a reload shows the same list.
    await page.reload();
    await expectTitles(page, titlesOf(expected));
  });

  it('searches as you type, says when nothing matches, and clears', async () => {
    const all = await list('');
    // A word from the last program's title: a search that finds it but not everything.
    const target = all.programs.at(-1)!;
    const word = target.title.split(/\s+/).find((w) => /^[A-Za-z]{4,}$/.test(w)) ?? target.title;
    const expected = await list(`search=${encodeURIComponent(word)}`);
    expect(titlesOf(expected)).toContain(target.title);

    const page = await browser.openPage('web', '/programs');
    await expectTitles(page, titlesOf(all));
    const search = page.getByRole('searchbox', { name: 'Search programs' });

    await search.fill(word);
    await expectTitles(page, titlesOf(expected));
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);

    await search.fill('zzqx no such program');
    await page.getByRole('heading', { name: 'No programs match “zzqx no such program”' }).waitFor();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectTitles(page, titlesOf(all));
    expect(await search.inputValue()).toBe('');
    expect(new URL(page.url()).search).toBe('');
  });

  it('pages through the catalog, and the back button returns to the previous page', async () => {
    const first = await list('page=1');
    expect(first.pagination.totalPages, 'the demo data needs more than one page of programs').toBeGreaterThan(1);
    const second = await list('page=2');

    const page = await browser.openPage('web', '/programs');
    await expectTitles(page, titlesOf(first));

    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Next' }).click();
    await expectTitles(page, titlesOf(second));
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    expect(await page.getByRole('link', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page');

    await page.goBack();
    await expectTitles(page, titlesOf(first));

    await page.getByRole('link', { name: 'Page 2' }).click();
    await expectTitles(page, titlesOf(second));
  });

  it("opens a program's page from its card", async () => {
    const { programs } = await list('');
    const summary = programs[0]!;
    const { program } = await apiGet<ProgramDetailBody>(`/api/programs/${summary.slug}`);

    const page = await browser.openPage('web', '/programs');
    await page.getByRole('link', { name: summary.title }).click();

    await page.getByRole('heading', { level: 1, name: program.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/programs/${summary.slug}`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 2, name: 'Curriculum', exact: true }).waitFor();
    await main.getByRole('heading', { level: 2, name: 'Pricing', exact: true }).waitFor();
    const text = await main.innerText();
    expect(text).toContain(program.description);
    expect(text).toContain(program.instructor.name);
    for (const section of program.curriculum) expect(text).toContain(section.title);
    for (const prerequisite of program.prerequisites) expect(text).toContain(prerequisite);
    if (!program.isFree) {
      const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: program.pricing.currency });
      expect(text).toContain(money.format(program.pricing.bundle));
    }

    await screenshot(page, 'web-program');
    expect(browser.pageErrors()).toEqual([]);
  });

  it('shows an error with a retry when the API cannot be reached', async () => {
    const expected = await list('');
    const page = await browser.openPage('web', '/sign-in');
    // The API "goes down" for this page only; the app retries twice on its own, then says so.
    await page.route('**/trpc/**', (route) => route.fulfill({ status: 503, body: 'Service Unavailable' }));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programs' }).click();
    await page.getByRole('alert').getByText("We couldn't load programs").waitFor();

    await page.unroute('**/trpc/**');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expectTitles(page, titlesOf(expected));
  });

  it('says when a program does not exist', async () => {
    const page = await browser.openPage('web', '/programs/no-such-program-anywhere');
    await page.getByRole('heading', { name: 'Program not found' }).waitFor();
    await page.getByRole('link', { name: 'Browse programs' }).click();
    await page.getByRole('heading', { name: 'Explore programs' }).waitFor();
  });
});
