// A student's journey in Chromium: find a free program by searching, sign in from its page,
// enroll, read the first lesson, mark it complete, and see the progress everywhere it shows.
import { describe, expect, it } from 'vitest';
import { DEMO_EMAILS, DEMO_PASSWORDS, PROGRAM_FACTS, PROGRAM_STATS } from '../../../prisma/seed/fixtures';
import { createVerifiedUser, signInViaApi, signInWithForm, uniqueEmail } from '../../server/e2e/accounts';
import { apiGet, type ProgramListBody } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

interface LessonsBody {
  sections: { title: string; lessons: { id: string; title: string }[] }[];
}

describe('web learning', () => {
  it('finds a free program, enrolls after signing in, completes a lesson and sees the progress', async () => {
    // A free program with at least two lessons, as the server lists it.
    const slug = PROGRAM_FACTS.freeSlugs.find((s) => (PROGRAM_STATS[s]?.lessons ?? 0) >= 2);
    expect(slug, 'the demo data needs a free program with lessons').toBeDefined();
    const { programs } = await apiGet<ProgramListBody>('/api/programs?limit=100');
    const program = programs.find((p) => p.slug === slug)!;
    const { sections } = await apiGet<LessonsBody>(`/api/programs/${program.id}/lessons`);
    const lessons = sections.flatMap((s) => s.lessons);

    const email = uniqueEmail('learner');
    const password = 'Learning-e2e-2026!';
    await createVerifiedUser('Lena Learner', email, password);

    // Search the catalog and open the program.
    const page = await browser.openPage('web', '/programs');
    await page.getByRole('searchbox', { name: 'Search programs' }).fill(program.title);
    await page.getByRole('article').filter({ hasText: program.title }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: program.title }).waitFor();

    // Signed out: enrolling goes through sign-in and comes back here.
    await page.getByRole('link', { name: 'Sign in to enroll' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInWithForm(page, email, password);
    await page.getByRole('heading', { level: 1, name: program.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/programs/${program.slug}`);

    await page.getByRole('button', { name: 'Enroll for free' }).click();
    await page.getByText("You're enrolled").waitFor();
    await screenshot(page, 'web-program-enrolled');

    // Enrolled students can review the program; the review is listed as theirs.
    const form = page.getByRole('form', { name: 'Write a review' });
    await form.getByRole('button', { name: 'Publish review' }).click();
    await form.getByText('rating is a whole number from 1 to 5').waitFor();
    await form.locator('label').filter({ hasText: '4 stars' }).click();
    expect(await form.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
    await form.getByLabel('Comment (optional)').fill('Clear and to the point.');
    await form.getByRole('button', { name: 'Publish review' }).click();
    const mine = page.getByRole('listitem', { name: 'Review by Lena Learner' });
    await mine.getByText('Clear and to the point.').waitFor();
    await mine.getByRole('button', { name: 'Edit your review' }).waitFor();

    // Another student's review can be marked helpful once; after a reload the page still knows
    // (votedHelpful), and the student's own review stays pinned with its edit button (myReview).
    const other = page
      .getByRole('listitem', { name: /^Review by / })
      .filter({ hasNotText: 'Lena Learner' })
      .first();
    const otherName = (await other.getAttribute('aria-label'))!;
    await other.getByRole('button', { name: 'Helpful', exact: true }).click();
    const marked = page.getByRole('listitem', { name: otherName }).getByRole('button', { name: 'Marked helpful' });
    await marked.waitFor();
    expect(await marked.isDisabled()).toBe(true);
    await page.reload();
    await marked.waitFor();
    expect(await marked.isDisabled()).toBe(true);
    await mine.getByRole('button', { name: 'Edit your review' }).waitFor();

    // The reader opens on the first lesson; completing it moves on to the next.
    await page.getByRole('link', { name: 'Start learning' }).click();
    await page.getByRole('heading', { level: 1, name: lessons[0]!.title }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Curriculum' });
    expect(await nav.getByRole('link').count()).toBe(lessons.length);
    await page.getByRole('button', { name: 'Mark complete and continue' }).click();
    await page.getByRole('heading', { level: 1, name: lessons[1]!.title }).waitFor();
    const percent = Math.round((1 / lessons.length) * 100);
    await expect
      .poll(() => page.getByTestId('progress-summary').innerText())
      .toBe(`1 of ${lessons.length} lessons completed · ${percent}%`);
    await nav.getByRole('link', { name: `${lessons[0]!.title} (completed)` }).waitFor();
    await screenshot(page, 'web-lesson-reader');

    // My learning lists it with the same progress.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My learning' }).click();
    await page.getByRole('heading', { level: 1, name: 'My learning' }).waitFor();
    const card = page.getByRole('article').filter({ hasText: program.title });
    await card.getByText(`${percent}% complete`).waitFor();
    await card.getByRole('link', { name: `Continue ${program.title}` }).waitFor();
    await screenshot(page, 'web-my-learning');
    expect(browser.pageErrors()).toEqual([]);
  });

  it('shows unread notifications in the header and marks them all read', async () => {
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, DEMO_EMAILS.certified, DEMO_PASSWORDS.student);
    await page.goto('/programs');
    const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await bell.click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    await panel.getByRole('listitem').first().waitFor();
    await screenshot(page, 'web-notifications');
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    expect(await panel.getByRole('button', { name: /^Mark read/ }).count()).toBe(0);
    expect(browser.pageErrors()).toEqual([]);
  });
});
