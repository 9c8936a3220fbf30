// The instructor path in Chromium: a student applies to teach (a field error first, then the
// "under review" page that survives a reload), a rejected applicant sees why and may apply again,
// and a demo instructor finds the numbers the API reports on their dashboard and filters their programs.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_EMAILS, DEMO_PASSWORDS } from '../../../prisma/seed/fixtures';
import { createVerifiedUser, signInViaApi, uniqueEmail } from '../../server/e2e/accounts';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

interface ApplicationBody {
  application: {
    status: string;
    bio: string;
    expertise: string[];
    sampleWork: string | null;
    socialLinks: Record<string, string>;
    rejectionReason: string | null;
  } | null;
}

interface DashboardBody {
  stats: {
    totalStudents: number;
    totalRevenue: number;
    currency: string;
    totalPrograms: number;
    publishedPrograms: number;
    averageRating: number;
    totalReviews: number;
    newEnrollmentsThisMonth: number;
    topPrograms: { id: string; title: string; enrollments: number }[];
  };
}

interface MyProgramsBody {
  programs: { id: string; title: string; status: string }[];
  pagination: { total: number };
}

/** GET a REST path as the page's signed-in user (through the web app's proxy, with its cookie). */
async function apiAs<T>(page: Page, path: string): Promise<T> {
  const res = await page.context().request.get(path);
  if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

// The web app formats numbers in the reader's locale; the test browser runs in en-US.
const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
const money = (n: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(n);

const BIO = 'Backend engineer for eight years; I mentor juniors every week and give talks about TypeScript at meetups.';

describe('web instructor path', () => {
  it('lets a student apply to teach, with field errors first, then shows the application under review', async () => {
    const email = uniqueEmail('applicant');
    const password = 'Teaching-e2e-2026!';
    await createVerifiedUser('Tariq Teacher', email, password);
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, email, password);

    // A student is not let into the instructor area; it points to the application.
    await page.goto('/teach');
    await page.getByRole('heading', { level: 1, name: 'Teach on LearninGPT' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Instructor area' }).count()).toBe(0);

    // The account menu leads to the form.
    const account = page.getByRole('group', { name: 'Account' });
    await account.getByRole('button', { name: /account menu/ }).click();
    await account.getByRole('link', { name: 'Become an instructor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Become an instructor' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/teach/apply');

    const form = page.getByRole('form', { name: 'Apply to teach' });
    const bio = form.getByLabel('Bio');
    const topicInput = form.getByRole('textbox', { name: 'Areas of expertise', exact: true });
    await bio.fill('I like teaching.');
    await form.getByText('16/5000 characters · 34 more to reach the minimum of 50').waitFor();
    await topicInput.fill('TypeScript');
    await topicInput.press('Enter');
    const chips = form.getByRole('list', { name: 'Your areas of expertise' }).getByRole('listitem');
    expect(await chips.allInnerTexts()).toEqual([expect.stringContaining('TypeScript')]);
    expect(await topicInput.inputValue()).toBe('');
    await form.getByRole('button', { name: 'Send application' }).click();
    await form.getByText('Tell us a bit more about yourself: the bio needs at least 50 characters').waitFor();
    expect(await bio.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'web-teach-apply-errors');

    // Fixing the bio clears its message; the second topic is typed but not added with Enter.
    await bio.fill(BIO);
    await form.getByText(`${BIO.length}/5000 characters`, { exact: true }).waitFor();
    expect(await form.getByText(/the bio needs at least 50 characters/).count()).toBe(0);
    await topicInput.fill('Node.js');
    await form.getByLabel('Sample of your work (optional)').fill('https://example.com/talks/typescript');
    await form.getByLabel('LinkedIn').fill('https://linkedin.com/in/tariq-teacher');
    await form.getByRole('button', { name: 'Send application' }).click();

    await page.getByRole('heading', { name: 'Your application is under review' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Application submitted' }).waitFor();
    await screenshot(page, 'web-teach-apply-pending');

    // What the server kept, and what the page shows after a reload.
    const { application } = await apiAs<ApplicationBody>(page, '/api/instructors/applications/mine');
    expect(application).toMatchObject({
      status: 'pending',
      bio: BIO,
      expertise: ['TypeScript', 'Node.js'],
      sampleWork: 'https://example.com/talks/typescript',
      socialLinks: { linkedin: 'https://linkedin.com/in/tariq-teacher' },
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Your application is under review' }).waitFor();
    await page.getByText(BIO).waitFor();
    const topics = page.getByRole('list', { name: 'Areas of expertise' }).getByRole('listitem');
    expect(await topics.allInnerTexts()).toEqual(['TypeScript', 'Node.js']);
    expect(await page.getByRole('form', { name: 'Apply to teach' }).count()).toBe(0);
    expect(browser.pageErrors()).toEqual([]);
  });

  it('shows a rejected applicant the reason and lets them apply again from what they sent', async () => {
    const omar = DEMO_ACCOUNTS.find((a) => a.name === 'Omar Haddad')!;
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, omar.email, omar.password);
    const { application } = await apiAs<ApplicationBody>(page, '/api/instructors/applications/mine');
    expect(application?.status).toBe('rejected');

    await page.goto('/teach/apply');
    await page.getByRole('alert').getByText(application!.rejectionReason!).waitFor();
    const form = page.getByRole('form', { name: 'Apply to teach' });
    expect(await form.getByLabel('Bio').inputValue()).toBe(application!.bio);
    expect(await form.getByRole('list', { name: 'Your areas of expertise' }).getByRole('listitem').count()).toBe(
      application!.expertise.length,
    );
    expect(browser.pageErrors()).toEqual([]);
  });

  it('shows a demo instructor their dashboard numbers and filters their programs', async () => {
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, DEMO_EMAILS.instructor, DEMO_PASSWORDS.instructor);
    const { stats } = await apiAs<DashboardBody>(page, '/api/instructors/dashboard');
    expect(stats.totalPrograms).toBeGreaterThan(0);

    await page.goto('/programs');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teach' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instructor dashboard' }).waitFor();
    const stat = (id: string) => page.getByTestId(`stat-${id}`).innerText();
    expect(await stat('students')).toBe(count(stats.totalStudents));
    expect(await stat('programs')).toBe(count(stats.totalPrograms));
    expect(await stat('programs-detail')).toBe(`${stats.publishedPrograms} published`);
    expect(await stat('rating')).toBe(stats.totalReviews > 0 ? stats.averageRating.toFixed(1) : '–');
    expect(await stat('enrollments')).toBe(count(stats.newEnrollmentsThisMonth));
    expect(await stat('revenue')).toBe(
      stats.totalRevenue > 0 ? money(stats.totalRevenue, stats.currency) : 'No sales yet',
    );
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(stats.topPrograms.length + 1);
    const first = stats.topPrograms[0]!;
    const firstRow = rows.nth(1);
    expect(await firstRow.getByRole('rowheader').innerText()).toBe(first.title);
    expect(await firstRow.getByRole('cell').first().innerText()).toBe(count(first.enrollments));
    await screenshot(page, 'web-teach-dashboard');

    // My programs: every status, then only the drafts, then a search.
    const all = await apiAs<MyProgramsBody>(page, '/api/instructors/me/programs?limit=100');
    const drafts = await apiAs<MyProgramsBody>(page, '/api/instructors/me/programs?status=draft&limit=100');
    expect(drafts.pagination.total).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Instructor area' }).getByRole('link', { name: 'My programs' }).click();
    await page.getByRole('heading', { level: 1, name: 'My programs' }).waitFor();
    await page.getByText(`${count(all.pagination.total)} programs`, { exact: true }).waitFor();
    const list = page.getByRole('list', { name: 'Programs' });
    const tabs = page.getByRole('navigation', { name: 'Filter by status' });

    await tabs.getByRole('link', { name: 'Drafts' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('draft');
    await page
      .getByText(drafts.pagination.total === 1 ? '1 program' : `${count(drafts.pagination.total)} programs`, {
        exact: true,
      })
      .waitFor();
    await expect.poll(() => list.getByRole('article').count()).toBe(Math.min(drafts.pagination.total, 10));
    expect(await tabs.getByRole('link', { name: 'Drafts' }).getAttribute('aria-current')).toBe('page');
    expect(await list.getByText('Draft', { exact: true }).count()).toBe(await list.getByRole('article').count());
    // Drafts are not public: Edit, but no View.
    const draft = drafts.programs[0]!;
    const draftCard = list.getByRole('article', { name: draft.title });
    await draftCard.getByRole('link', { name: `Edit ${draft.title}` }).waitFor();
    expect(await draftCard.getByRole('link', { name: `View ${draft.title}` }).count()).toBe(0);
    await screenshot(page, 'web-teach-programs-drafts');

    // A published program, found by searching all statuses, links to its public page.
    const published = all.programs.find((p) => p.status === 'published')!;
    await tabs.getByRole('link', { name: 'All' }).click();
    await page.getByRole('searchbox', { name: 'Search my programs' }).fill(published.title);
    const card = list.getByRole('article', { name: published.title });
    await card.getByText('Published', { exact: true }).waitFor();
    await card.getByRole('link', { name: `View ${published.title}` }).click();
    await page.getByRole('heading', { level: 1, name: published.title }).waitFor();

    await page.goBack();
    await list
      .getByRole('article', { name: published.title })
      .getByRole('link', { name: `Edit ${published.title}` })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/teach/programs/${published.id}`);
    expect(browser.pageErrors()).toEqual([]);
  });
});
