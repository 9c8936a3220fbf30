// The whole instructor path across both apps, in Chromium: a new student applies to teach in the
// web app, an admin approves the application in the admin app, the new instructor (same browser
// session, no sign-out) creates a program, gives it a lesson and publishes it, and a visitor
// finds it by searching the public catalog.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ADMIN, createVerifiedUser, signInViaApi, uniqueEmail, waitForEmail } from '../../server/e2e/accounts';
import { apiGet, type CategoryListBody, type ProgramListBody } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

describe('instructor journey', () => {
  it('applies, is approved in the admin app, creates and publishes a program that the catalog then lists', async () => {
    const run = randomBytes(3).toString('hex');
    const name = `Iris Instructor ${run}`;
    const email = uniqueEmail('journey');
    const password = 'Journey-e2e-2026!';
    const title = `Journey Program ${run}`;
    await createVerifiedUser(name, email, password);
    const { categories } = await apiGet<CategoryListBody>('/api/categories');
    const category = categories[0]!;

    // 1. The student applies in the web app.
    const web = await browser.openPage('web', '/sign-in');
    await signInViaApi(web, email, password);
    await web.goto('/teach/apply');
    const form = web.getByRole('form', { name: 'Apply to teach' });
    await form
      .getByLabel('Bio')
      .fill('I have run a data-visualisation study group for six years and taught it at two universities.');
    const topic = form.getByRole('textbox', { name: 'Areas of expertise', exact: true });
    await topic.fill('Data visualisation');
    await topic.press('Enter');
    await form.getByRole('button', { name: 'Send application' }).click();
    await web.getByRole('heading', { name: 'Your application is under review' }).waitFor();
    // Not an instructor yet: the instructor area stays closed.
    await web.goto('/teach');
    await web.getByRole('heading', { level: 1, name: 'Teach on LearninGPT' }).waitFor();

    // 2. An admin approves it in the admin app.
    const admin = await browser.openPage('admin', '/sign-in');
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    await admin.goto('/applications');
    const card = admin.getByRole('article', { name: `Application of ${name}` });
    await card.getByText(email).waitFor();
    await card.getByRole('button', { name: `Approve ${name}` }).click();
    await admin
      .getByRole('dialog', { name: 'Approve application' })
      .getByRole('button', { name: 'Approve', exact: true })
      .click();
    await admin.getByRole('status').getByText(`${name} is now an instructor.`, { exact: false }).waitFor();
    await waitForEmail(email, /You are now an instructor/);

    // 3. The same web session is now an instructor's: dashboard, then a new program.
    await web.goto('/teach');
    await web.getByRole('heading', { level: 1, name: 'Instructor dashboard' }).waitFor();
    await web.getByRole('link', { name: 'Create your first program' }).click();
    const create = web.getByRole('form', { name: 'New program' });
    await create.getByLabel('Title').fill(title);
    await create.getByLabel('Short description').fill('Charts that tell the truth, from first sketch to dashboard.');
    await create.getByLabel('Category').selectOption(category.slug);
    await create.getByRole('button', { name: 'Create draft' }).click();
    await web.waitForURL((url) => /^\/teach\/programs\/[0-9a-f-]{36}$/.test(url.pathname));
    const programId = new URL(web.url()).pathname.split('/').pop()!;
    await web.getByTestId('program-status').getByText('Draft').waitFor();

    // A draft is nobody else's business: not in the catalog yet.
    const before = await apiGet<ProgramListBody>(`/api/programs?search=${encodeURIComponent(title)}`);
    expect(before.programs.map((p) => p.id)).not.toContain(programId);

    // One section with one lesson, then publish.
    const curriculum = web.locator('#curriculum');
    await curriculum.getByLabel('New section title').fill('First steps');
    await curriculum.getByRole('button', { name: 'Add section' }).click();
    const section = curriculum.getByRole('region', { name: 'Section 1: First steps' });
    await section.getByRole('button', { name: 'Add lesson' }).click();
    const lesson = section.getByRole('form', { name: 'New lesson' });
    await lesson.getByLabel('Lesson title').fill('Why charts lie');
    await lesson.getByLabel('Duration (minutes)').fill('12');
    await lesson.getByRole('textbox', { name: 'Lesson content' }).click();
    await web.keyboard.type('Truncated axes, cherry-picked ranges and what to do instead.');
    await lesson.getByRole('button', { name: 'Add lesson' }).click();
    await section.getByText('1. Why charts lie').waitFor();
    await web.getByRole('button', { name: 'Publish program' }).click();
    await web.getByTestId('program-status').getByText('Published').waitFor();
    await screenshot(web, 'web-journey-published');

    // 4. A visitor finds it in the catalog by searching, and opens it.
    const visitor = await browser.openPage('web', '/programs');
    await visitor.getByRole('searchbox', { name: 'Search programs' }).fill(title);
    const result = visitor.getByRole('article').filter({ hasText: title });
    await result.getByText(name).waitFor();
    await result.getByRole('link').first().click();
    await visitor.getByRole('heading', { level: 1, name: title }).waitFor();
    await visitor.getByText('First steps').first().waitFor();
    await screenshot(visitor, 'web-journey-catalog');

    // Clean up for other tests that read the catalog: the program goes (soft delete).
    await web.getByRole('button', { name: 'Delete program' }).click();
    await web
      .getByRole('dialog', { name: 'Delete this program?' })
      .getByRole('button', { name: 'Delete program' })
      .click();
    await web.waitForURL((url) => url.pathname === '/teach/programs');
    expect(browser.pageErrors()).toEqual([]);
  });
});
