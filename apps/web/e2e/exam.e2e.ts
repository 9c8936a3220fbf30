// The exam simulator in Chromium: a student with exam access (enrolled in a free program) takes a
// timed practice exam, answers some questions, reloads mid-way without losing answers or time,
// submits, sees the graded result, and finds the certificate the pass earned.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_EMAILS, DEMO_PASSWORDS, PROGRAM_FACTS } from '../../../prisma/seed/fixtures';
import { createVerifiedUser, signInViaApi, uniqueEmail } from '../../server/e2e/accounts';
import { apiGet, type ProgramListBody } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.context().request.post(path, { data });
  if (!res.ok()) throw new Error(`POST ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function get<T>(page: Page, path: string): Promise<T> {
  const res = await page.context().request.get(path);
  if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** "9:58" -> 598 */
function clockSeconds(text: string): number {
  const parts = text.trim().split(':').map(Number);
  return parts.reduce((acc, n) => acc * 60 + n, 0);
}

describe('web exam simulator', () => {
  it('takes a timed exam, keeps answers across a reload, submits, and sees the result and certificate', async () => {
    // A free program of the demo instructor: enrolling gives a new student its exam simulator.
    const instructor = DEMO_ACCOUNTS.find((a) => a.email === DEMO_EMAILS.instructor)!;
    const { programs } = await apiGet<ProgramListBody>('/api/programs?limit=100');
    const program = programs.find(
      (p) => PROGRAM_FACTS.freeSlugs.includes(p.slug) && p.instructor.name === instructor.name,
    );
    expect(program, 'the demo data needs a free program of the demo instructor').toBeDefined();

    // The instructor publishes a timed exam with one question of each type.
    const title = `Layout check ${randomBytes(3).toString('hex')}`;
    const owner = await browser.openPage('web', '/sign-in');
    await signInViaApi(owner, DEMO_EMAILS.instructor, DEMO_PASSWORDS.instructor);
    const { quiz } = await post<{ quiz: { id: string } }>(owner, '/api/quizzes', {
      programId: program!.id,
      title,
      difficulty: 'easy',
      duration: 10,
      passingScore: 75,
      isTimed: true,
      showAnswersAfterSubmit: true,
      status: 'published',
      questions: [
        {
          questionText: 'Which declaration makes an element a flex container?',
          questionType: 'multiple-choice',
          options: ['display: flex', 'position: flex', 'float: flex'],
          correctAnswer: 'display: flex',
          explanation: 'display: flex turns the element into a flex container.',
        },
        {
          questionText: 'Which of these are CSS layout modules?',
          questionType: 'multi-select',
          options: ['Flexbox', 'Grid', 'Tables of contents'],
          correctAnswers: ['Flexbox', 'Grid'],
        },
        {
          questionText: 'CSS Grid lays out items in two dimensions.',
          questionType: 'true-false',
          correctAnswer: true,
        },
        {
          questionText: 'Which property sets the space between grid tracks?',
          questionType: 'short-answer',
          correctAnswers: ['gap', 'grid-gap'],
        },
      ],
    });

    // A new student enrolls (free) and opens the program's practice exams.
    const email = uniqueEmail('examinee');
    const password = 'Exam-e2e-2026!';
    await createVerifiedUser('Erin Examinee', email, password);
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, email, password);
    await post(page, `/api/programs/${program!.id}/enroll`, {});
    await page.goto(`/programs/${program!.slug}/exams`);
    await page.getByRole('heading', { level: 1, name: 'Practice exams' }).waitFor();
    const card = page.getByRole('article').filter({ hasText: title });
    await card.getByText('4 questions · 10 minutes · pass at 75%').waitFor();
    await card.getByRole('link', { name: `Open ${title}` }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/exams/${quiz.id}`);
    await page.getByText('You have not taken this exam yet.').waitFor();
    await page.getByRole('button', { name: 'Start exam' }).click();

    // Question 1 (single choice); the countdown comes from the server: at most 10 minutes.
    await page.getByText('Question 1 of 4').waitFor();
    const timer = page.getByRole('timer', { name: 'Time left' });
    const before = clockSeconds(await timer.innerText());
    expect(before).toBeLessThanOrEqual(600);
    expect(before).toBeGreaterThan(540);
    await page.getByRole('radio', { name: 'display: flex' }).check();

    // Question 2 (multi-select), then wait for the autosave.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Question 2 of 4').waitFor();
    await page.getByRole('checkbox', { name: 'Flexbox' }).check();
    await page.getByRole('checkbox', { name: 'Grid' }).check();
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();
    await screenshot(page, 'web-exam-question');

    // A reload resumes the same attempt with its answers and without more time.
    await page.reload();
    await page.getByText('Question 1 of 4').waitFor();
    expect(await page.getByRole('radio', { name: 'display: flex' }).isChecked()).toBe(true);
    const nav = page.getByRole('navigation', { name: 'Questions' });
    await nav.getByText('2 of 4 answered').waitFor();
    expect(clockSeconds(await timer.innerText())).toBeLessThanOrEqual(before);
    await nav.getByRole('button', { name: 'Question 2 (answered)' }).click();
    expect(await page.getByRole('checkbox', { name: 'Flexbox' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Grid' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Tables of contents' }).isChecked()).toBe(false);

    // Question 3 (true/false) from the navigator; question 4 (short answer) left out for now.
    await nav.getByRole('button', { name: 'Question 3', exact: true }).click();
    await page.getByRole('radio', { name: 'True' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Your answer').fill('gap');

    // Submit, confirming in the dialog.
    await page.getByRole('button', { name: 'Submit exam' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Submit your answers?' });
    await dialog.getByText('Every question is answered.').waitFor();
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click();

    // The result: all four correct, passed, with feedback and the certificate.
    await page.getByRole('heading', { level: 1, name: 'Passed' }).waitFor();
    expect(await page.getByTestId('result-percentage').innerText()).toBe('100%');
    const feedback = page.getByRole('list').filter({ has: page.getByRole('listitem', { name: /^Question 1:/ }) });
    expect(await feedback.getByRole('listitem', { name: /: correct$/ }).count()).toBe(4);
    await screenshot(page, 'web-exam-result');

    // The attempt is in the quiz's history.
    await page.getByRole('link', { name: 'Back to the exam' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const history = page.getByRole('region', { name: 'Your attempts' });
    await history.getByText('100% (4/4)').waitFor();
    await history.getByText('Passed').waitFor();

    // My certificates lists the program's certificate, valid, with its share link.
    await page.goto('/certificates');
    await page.getByRole('heading', { level: 1, name: 'My certificates' }).waitFor();
    const certificate = page.getByRole('article').filter({ hasText: program!.title });
    await certificate.getByText('Valid').waitFor();
    await certificate.getByText('score 100%').waitFor();
    const share = await certificate.getByRole('link', { name: 'Open share link' }).getAttribute('href');
    expect(new URL(share!).pathname).toMatch(/^\/verify\/[A-Z0-9-]{6,64}$/);

    // The worker renders the PDF off the request path: once it is ready the page offers it.
    const download = certificate.getByRole('link', { name: 'Download PDF' });
    for (let i = 0; i < 30 && (await download.count()) === 0; i++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'My certificates' }).waitFor();
    }
    const pdfHref = await download.getAttribute('href');
    const pdf = await page.request.get(new URL(pdfHref!, page.url()).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(page, 'web-my-certificates');

    // Anyone can check it on the public verify page.
    await page.goto(new URL(share!).pathname);
    await page.getByText('Valid certificate').waitFor();
    await page.getByText(program!.title).first().waitFor();
    expect(browser.pageErrors()).toEqual([]);
  });

  it('offers a student without exam access the free preview, or says what to buy', async () => {
    // A paid program's published quiz, opened by a new student who bought nothing.
    const email = uniqueEmail('previewer');
    const password = 'Exam-e2e-2026!';
    await createVerifiedUser('Pat Previewer', email, password);
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, email, password);
    const { programs } = await apiGet<ProgramListBody>('/api/programs?limit=100');
    const paid = programs.filter((p) => !p.isFree);
    let found: { id: string; title: string } | undefined;
    for (const p of paid) {
      const { quizzes } = await get<{ quizzes: { id: string; title: string }[] }>(
        page,
        `/api/quizzes?programId=${p.id}&limit=1`,
      );
      found = quizzes[0];
      if (found) break;
    }
    expect(found, 'the demo data needs a published quiz in a paid program').toBeDefined();
    // What the page should say follows from what the API tells this viewer.
    const { quiz } = await get<{
      quiz: { programTitle: string; viewer: { hasExamAccess: boolean; previewQuestionCount: number } };
    }>(page, `/api/quizzes/${found!.id}`);
    expect(quiz.viewer.hasExamAccess).toBe(false);

    await page.goto(`/exams/${found!.id}`);
    await page.getByRole('heading', { level: 1, name: found!.title }).waitFor();
    if (quiz.viewer.previewQuestionCount > 0) {
      const n = quiz.viewer.previewQuestionCount;
      await page.getByText(`Free preview: you can try ${n} free question${n === 1 ? '' : 's'}`).waitFor();
      await page.getByRole('button', { name: 'Start free preview' }).click();
      await page.getByText(`Question 1 of ${n}`).waitFor();
      await page.getByText("Free preview: only the program's free questions are included").waitFor();
    } else {
      await page.getByRole('heading', { name: 'This exam needs exam simulator access' }).waitFor();
      await page.getByRole('link', { name: 'See pricing' }).waitFor();
    }
    await screenshot(page, 'web-exam-preview');
    expect(browser.pageErrors()).toEqual([]);
  });
});
