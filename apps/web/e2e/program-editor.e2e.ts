// The program editor in Chromium: a demo instructor creates a draft, fixes a field error, writes
// the overview in the rich-text editor, sets prices, uploads a thumbnail (and sees a non-image
// refused), builds the curriculum, publishes, finds the program in the public catalog with its
// overview, sees another instructor turned away, and finally deletes it.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_EMAILS, DEMO_PASSWORDS } from '../../../prisma/seed/fixtures';
import { signInViaApi } from '../../server/e2e/accounts';
import { apiGet, type CategoryListBody, type ProgramListBody } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

interface LessonsBody {
  sections: { title: string; lessons: { title: string; durationMinutes: number; isPreview: boolean }[] }[];
}

describe('web program editor', () => {
  it('creates, edits, publishes and deletes a program', async () => {
    // A title no other test (or earlier run against the same stack) uses.
    const title = `Editor Journey ${randomBytes(4).toString('hex')}`;
    const { categories } = await apiGet<CategoryListBody>('/api/categories');
    const category = categories[0]!;

    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, DEMO_EMAILS.instructor, DEMO_PASSWORDS.instructor);
    await page.goto('/teach/programs/new');
    await page.getByRole('heading', { level: 1, name: 'New program' }).waitFor();

    // The draft: a missing category is refused next to the field, then it is created.
    const create = page.getByRole('form', { name: 'New program' });
    await create.getByLabel('Title').fill(title);
    await create.getByLabel('Short description').fill('A program written end to end by the browser test.');
    await create.getByRole('button', { name: 'Create draft' }).click();
    await create.getByText('category is required').waitFor();
    await create.getByLabel('Category').selectOption(category.slug);
    await create.getByLabel('Level').selectOption('intermediate');
    await create.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL((url) => /^\/teach\/programs\/[0-9a-f-]{36}$/.test(url.pathname));
    const programId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByTestId('program-status').getByText('Draft').waitFor();

    // Details: a too-short description is shown under its field; nothing is saved until it is fixed.
    const details = page.getByRole('form', { name: 'Program details' });
    expect(await details.getByLabel('Category').inputValue()).toBe(category.slug);
    expect(await details.getByLabel('Level').inputValue()).toBe('intermediate');
    const description = details.getByLabel('Short description');
    await description.fill('Too short');
    await page.getByText('Unsaved changes').first().waitFor();
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.getByText('description needs at least 10 characters').waitFor();
    expect(await description.getAttribute('aria-invalid')).toBe('true');
    await description.fill('Build a program from scratch: details, overview, prices and lessons.');
    await details.getByLabel('Duration').fill('3 weeks');
    await details.getByRole('button', { name: '+ Add learning outcome' }).click();
    await details.getByLabel('Learning outcome 1', { exact: true }).fill('Publish a program');
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.getByText('The details have been saved.').waitFor();

    // Overview: bold text and a bulleted list through the toolbar; the stored (sanitised) HTML is shown.
    const overview = page.getByRole('form', { name: 'Overview' });
    const toolbar = overview.getByRole('toolbar', { name: 'Overview text formatting' });
    await overview.getByRole('textbox', { name: 'Overview text' }).click();
    await toolbar.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type('Learn by building');
    await toolbar.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type(' a real program.');
    await page.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: 'Bulleted list' }).click();
    await page.keyboard.type('Write the overview');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Publish it');
    expect(await toolbar.getByRole('button', { name: 'Bulleted list' }).getAttribute('aria-pressed')).toBe('true');
    await overview.getByRole('button', { name: 'Save overview' }).click();
    await overview.getByText('The overview has been saved.').waitFor();
    const stored = page.getByTestId('stored-overview');
    await stored.locator('strong', { hasText: 'Learn by building' }).waitFor();
    expect(await stored.locator('ul > li').allInnerTexts()).toEqual(['Write the overview', 'Publish it']);

    // Pricing: free until prices are set.
    const pricing = page.getByRole('form', { name: 'Pricing' });
    await page.getByTestId('pricing-summary').getByText('the program is free', { exact: false }).waitFor();
    await pricing.getByLabel('AI tutor chat price').fill('4.50');
    await pricing.getByLabel('Bundle (everything) price').fill('19.99');
    await pricing.getByRole('button', { name: 'Save prices' }).click();
    await pricing.getByText('The prices have been saved.').waitFor();
    expect(await pricing.getByLabel('Bundle (everything) price').inputValue()).toBe('19.99');

    // Thumbnail: a PNG is stored and shown; a text file is refused with the server's message.
    const thumbnail = page.locator('#thumbnail');
    await thumbnail
      .getByLabel('Upload a thumbnail')
      .setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: tinyPng() });
    await thumbnail.getByText('The thumbnail has been updated.').waitFor();
    const image = thumbnail.locator('figure img');
    await expect.poll(() => image.getAttribute('src')).toMatch(/\/uploads\/.+\.png$/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await thumbnail
      .getByLabel('Change thumbnail')
      .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
    await thumbnail.getByText(/not an image we accept/).waitFor();

    // Curriculum: a section and two lessons, the second moved up.
    const curriculum = page.locator('#curriculum');
    await curriculum.getByText('No sections yet').waitFor();
    // Publishing needs a lesson first.
    expect(await page.getByRole('button', { name: 'Publish program' }).isDisabled()).toBe(true);
    await curriculum.getByLabel('New section title').fill('Getting started');
    await curriculum.getByRole('button', { name: 'Add section' }).click();
    const section = curriculum.getByRole('region', { name: 'Section 1: Getting started' });
    await section.waitFor();
    expect(await curriculum.getByLabel('New section title').inputValue()).toBe('');

    await section.getByRole('button', { name: 'Add lesson' }).click();
    const first = section.getByRole('form', { name: 'New lesson' });
    await first.getByLabel('Lesson title').fill('Welcome');
    await first.getByLabel('Duration (minutes)').fill('5');
    await first.getByLabel(/Free preview/).check();
    await first.getByRole('textbox', { name: 'Lesson content' }).click();
    await page.keyboard.type('Hello and welcome.');
    await first.getByRole('button', { name: 'Add lesson' }).click();
    await section.getByText('1. Welcome').waitFor();

    await section.getByRole('button', { name: 'Add lesson' }).click();
    const second = section.getByRole('form', { name: 'New lesson' });
    await second.getByLabel('Lesson title').fill('Core ideas');
    await second.getByLabel('Duration (minutes)').fill('20');
    await second.getByRole('textbox', { name: 'Lesson content' }).click();
    await page.keyboard.type('The ideas that matter.');
    await second.getByRole('button', { name: 'Add lesson' }).click();
    await section.getByText('2. Core ideas').waitFor();
    await section.getByRole('button', { name: 'Move lesson “Core ideas” up' }).click();
    await section.getByText('1. Core ideas').waitFor();
    await screenshot(page, 'web-program-editor');

    // Publish: the checklist is satisfied, the program goes live.
    await page.getByRole('button', { name: 'Publish program' }).click();
    await page.getByTestId('program-status').getByText('Published').waitFor();
    await page.getByText('The program is published and listed in the catalog.').waitFor();

    // The public catalog lists it, with the prices and the curriculum just written.
    const { programs } = await apiGet<ProgramListBody>(`/api/programs?search=${encodeURIComponent(title)}`);
    const listed = programs.find((p) => p.id === programId);
    expect(listed).toMatchObject({ title, categorySlug: category.slug, isFree: false });
    expect(listed!.pricing.bundle).toBe(19.99);
    const lessons = await apiGet<LessonsBody>(`/api/programs/${programId}/lessons`);
    expect(lessons.sections.map((s) => s.title)).toEqual(['Getting started']);
    expect(lessons.sections[0]!.lessons.map((l) => [l.title, l.durationMinutes, l.isPreview])).toEqual([
      ['Core ideas', 20, false],
      ['Welcome', 5, true],
    ]);

    // Its public page shows the overview as written.
    await page.getByRole('link', { name: 'View in catalog' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('.rich-text strong', { hasText: 'Learn by building' }).waitFor();
    await page.locator('.rich-text li', { hasText: 'Write the overview' }).waitFor();

    // Another instructor cannot edit it.
    const other = DEMO_ACCOUNTS.find((a) => a.role === 'instructor' && a.email !== DEMO_EMAILS.instructor)!;
    const intruder = await browser.openPage('web', '/sign-in');
    await signInViaApi(intruder, other.email, other.password);
    await intruder.goto(`/teach/programs/${programId}`);
    await intruder.getByRole('heading', { level: 1, name: "You can't edit this program" }).waitFor();
    expect(await intruder.getByRole('form', { name: 'Program details' }).count()).toBe(0);

    // Deleting it (after confirming) takes it out of the catalog.
    await page.goto(`/teach/programs/${programId}`);
    await page.getByRole('button', { name: 'Delete program' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this program?' });
    await dialog.getByRole('button', { name: 'Delete program' }).click();
    await page.waitForURL((url) => url.pathname === '/teach/programs');
    const after = await apiGet<ProgramListBody>(`/api/programs?search=${encodeURIComponent(title)}`);
    expect(after.programs.find((p) => p.id === programId)).toBeUndefined();
    expect(browser.pageErrors()).toEqual([]);
  });
});

/** A valid 1×1 PNG, built here so the test carries no binary fixture. */
function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
}
