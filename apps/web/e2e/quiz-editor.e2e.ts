// The quiz editor in Chromium: the demo instructor writes a quiz with two questions on one of her
// programs (the first refused by the server for a correct answer that is not an option, shown
// under its field), publishes it and previews it as a student would see it (no answers). A new
// student then passes it through the API, and the public verify page shows the certificate valid.
// Then the question bank: a bank question (refused first), edited, drawn by a blueprint quiz, archived.
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

describe('web quiz editor', () => {
  it('writes a quiz (with a field error first), publishes and previews it; its certificate verifies', async () => {
    // A free program of the demo instructor, so a new student can enroll and earn a certificate.
    const instructor = DEMO_ACCOUNTS.find((a) => a.email === DEMO_EMAILS.instructor)!;
    const { programs } = await apiGet<ProgramListBody>('/api/programs?limit=100');
    const program = programs.find(
      (p) => PROGRAM_FACTS.freeSlugs.includes(p.slug) && p.instructor.name === instructor.name,
    );
    expect(program, 'the demo data needs a free program of the demo instructor').toBeDefined();
    const title = `Editor quiz ${randomBytes(3).toString('hex')}`;

    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, DEMO_EMAILS.instructor, DEMO_PASSWORDS.instructor);
    await page.goto(`/teach/programs/${program!.id}`);
    await page.getByRole('link', { name: 'Quizzes →' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quizzes' }).waitFor();
    await page.getByRole('link', { name: 'New quiz' }).click();
    await page.getByRole('heading', { level: 1, name: 'New quiz' }).waitFor();

    const form = page.getByRole('form', { name: 'Quiz' });
    await form.getByLabel('Title', { exact: true }).fill(title);
    await form.getByLabel('Difficulty', { exact: true }).selectOption('easy');
    await form.getByLabel('Passing score (%)').fill('50');
    await form.getByLabel('Show answers after submit').check();
    expect(await form.getByLabel('Status', { exact: true }).inputValue()).toBe('draft');

    // Question 1: single choice whose correct answer is not among its options.
    const q1 = form.getByRole('region', { name: 'Question 1' });
    await q1.getByLabel('Question 1 text').fill('Which unit is relative to the root font size?');
    await q1.getByLabel('Question 1 options').fill('rem\nem\npx');
    const correct = q1.getByLabel('Question 1 correct answer');
    await correct.fill('vh');
    await q1.getByLabel('Question 1 topic').fill('Units');
    await q1.getByLabel('Question 1 explanation').fill('rem is relative to the root element.');

    // Question 2: true / false.
    await form.getByRole('button', { name: '+ Add question' }).click();
    const q2 = form.getByRole('region', { name: 'Question 2' });
    await q2.getByLabel('Question 2 text').fill('The em unit is relative to the root element.');
    await q2.getByLabel('Question 2 type').selectOption('true-false');
    await q2.getByLabel('Question 2 correct answer').selectOption('False');
    await q2.getByLabel('Question 2 points').fill('2');

    // The server refuses it, naming questions.0.correctAnswer: the message is under that field.
    await form.getByRole('button', { name: 'Create quiz' }).click();
    await q1.getByText('correctAnswer "vh" is not one of the options').waitFor();
    expect(await correct.getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Some fields need your attention.').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/teach/programs/${program!.id}/quizzes/new`);

    // Fixed, it is created as a draft.
    await correct.fill('rem');
    await form.getByRole('button', { name: 'Create quiz' }).click();
    await page.waitForURL((url) =>
      new RegExp(`^/teach/programs/${program!.id}/quizzes/[0-9a-f-]{36}$`).test(url.pathname),
    );
    const quizId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('The quiz has been created.').waitFor();
    await page.getByTestId('quiz-status').getByText('Draft').waitFor();
    const stored = page.getByRole('form', { name: 'Quiz' });
    expect(await stored.getByLabel('Question 1 correct answer').inputValue()).toBe('rem');
    expect(await stored.getByLabel('Question 2 correct answer').inputValue()).toBe('False');

    // Published.
    await stored.getByLabel('Status', { exact: true }).selectOption('published');
    await stored.getByRole('button', { name: 'Save quiz' }).click();
    await stored.getByText('The quiz has been saved.').waitFor();
    await page.getByTestId('quiz-status').getByText('Published').waitFor();

    // Preview as a student: the questions and choices, no answers or explanations.
    await page.getByRole('tab', { name: 'Preview as a student' }).click();
    const preview = page.getByRole('list', { name: 'Student preview' });
    await preview.getByText('Question 1 of 2 · 1 point').waitFor();
    await preview.getByText('Question 2 of 2 · 2 points').waitFor();
    expect(await preview.getByRole('radio').count()).toBe(5);
    await preview.getByRole('radio', { name: 'rem' }).check();
    expect(await preview.getByText('rem is relative to the root element.').count()).toBe(0);
    expect(await preview.getByText(/correct/i).count()).toBe(0);
    await screenshot(page, 'web-quiz-preview');

    // The program's quiz list shows it published with its questions and pass mark.
    await page.goto(`/teach/programs/${program!.id}/quizzes`);
    const row = page.getByRole('row').filter({ hasText: title });
    await row.getByText('Published').waitFor();
    await row.getByText('50%').waitFor();
    await screenshot(page, 'web-quiz-list');

    // A new student enrolls and passes it through the API; the certificate's verify page (public) says valid.
    const email = uniqueEmail('quiz-editor');
    const password = 'Quiz-e2e-2026!';
    await createVerifiedUser('Quentin Quizzer', email, password);
    const student = await browser.openPage('web', '/sign-in');
    await signInViaApi(student, email, password);
    await post(student, `/api/programs/${program!.id}/enroll`, {});
    const attempt = await post<{ attemptId: string; questions: { id: string; questionText: string }[] }>(
      student,
      `/api/quizzes/${quizId}/start`,
      {},
    );
    const answers = attempt.questions.map((q) => ({
      questionId: q.id,
      selectedAnswer: q.questionText.startsWith('Which unit') ? 'rem' : 'False',
    }));
    const { result } = await post<{ result: { passed: boolean; certificateId: string | null } }>(
      student,
      `/api/quizzes/${quizId}/submit`,
      { attemptId: attempt.attemptId, answers },
    );
    expect(result.passed).toBe(true);
    expect(result.certificateId).not.toBeNull();
    const { certificate } = await get<{ certificate: { verificationCode: string } }>(
      student,
      `/api/certificates/${result.certificateId}`,
    );

    const visitor = await browser.openPage('web', `/verify/${certificate.verificationCode}`);
    await visitor.getByRole('heading', { level: 1, name: 'Valid certificate' }).waitFor();
    const details = visitor.getByRole('region', { name: 'Verification result' });
    await details.getByText('Quentin Quizzer').waitFor();
    await details.getByText(program!.title).waitFor();
    await details.getByText(certificate.verificationCode).waitFor();
    await details.getByText('100%').waitFor();
    await screenshot(visitor, 'web-verify-certificate');

    await visitor.goto('/verify/CERT-2026-NOSUCHCODE0000');
    await visitor.getByRole('heading', { level: 1, name: 'No such certificate' }).waitFor();
    expect(browser.pageErrors()).toEqual([]);
  });

  it('adds, edits and archives a bank question (a field error first) and writes a blueprint quiz over it', async () => {
    const instructor = DEMO_ACCOUNTS.find((a) => a.email === DEMO_EMAILS.instructor)!;
    const { programs } = await apiGet<ProgramListBody>('/api/programs?limit=100');
    const program = programs.find((p) => p.instructor.name === instructor.name)!;
    expect(program, 'the demo data needs a program of the demo instructor').toBeDefined();
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, DEMO_EMAILS.instructor, DEMO_PASSWORDS.instructor);
    await page.goto(`/teach/programs/${program.id}/question-bank`);
    await page.getByRole('heading', { level: 1, name: 'Question bank' }).waitFor();
    await page.getByRole('button', { name: 'Add bank question' }).click();
    const f = page.getByRole('form', { name: 'New bank question' });
    await f.getByLabel('Question text').fill('Pick the typed superset of JavaScript');
    await f.getByLabel('Question type').selectOption('multi-select');
    await f.getByLabel('Question options').fill('TypeScript\nCoffee\nTea');
    await f.getByLabel('Question correct answers').fill('TypeScript\nMilk');
    await f.getByLabel('Question topic').fill('Basics');
    await f.getByLabel('Question difficulty').selectOption('easy');
    await f.getByRole('button', { name: 'Add to bank' }).click();
    await f.getByText('correctAnswers "Milk" is not one of the options').waitFor();
    await f.getByLabel('Question correct answers').fill('TypeScript');
    await f.getByRole('button', { name: 'Add to bank' }).click();
    await page.getByText('The question has been added to the bank.').waitFor();
    const item = page.getByRole('article', { name: 'Pick the typed superset of JavaScript' });
    await item.waitFor();
    await item.getByRole('button', { name: 'Edit' }).click();
    const e = page.getByRole('form', { name: 'Edit bank question' });
    await e.getByLabel('Question points').fill('3');
    await e.getByRole('button', { name: 'Save question' }).click();
    await page.getByText('The bank question has been saved.').waitFor();
    await item.getByText('3 points').waitFor();
    await screenshot(page, 'web-question-bank');

    await page.goto(`/teach/programs/${program.id}/quizzes/new`);
    const form = page.getByRole('form', { name: 'Quiz' });
    await form.getByLabel('Title', { exact: true }).fill(`Blueprint ${randomBytes(3).toString('hex')}`);
    await form.getByLabel('Drawn from the question bank (blueprint)').check();
    await form.getByLabel('Entry 1 topic').fill('Basics');
    await form.getByLabel('Entry 1 count').fill('0');
    await form.getByRole('button', { name: 'Create quiz' }).click();
    await form.getByText('count must be at least 1').waitFor();
    await form.getByLabel('Entry 1 count').fill('1');
    await form.getByRole('button', { name: 'Create quiz' }).click();
    await page.waitForURL((url) => /quizzes\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByText('The quiz has been created.').waitFor();
    expect(await page.getByLabel('Entry 1 topic').inputValue()).toBe('Basics');
    await page.getByLabel('Passing score (%)').fill('80');
    await page.getByRole('button', { name: 'Save quiz' }).click();
    await page.getByText('The quiz has been saved.').waitFor();
    await screenshot(page, 'web-quiz-blueprint');
    await page.goto(`/teach/programs/${program.id}/question-bank`);
    await page
      .getByRole('article', { name: 'Pick the typed superset of JavaScript' })
      .getByRole('button', { name: 'Archive' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Archive question' }).click();
    await page.getByRole('article', { name: 'Pick the typed superset of JavaScript' }).waitFor({ state: 'detached' });
    await page.goto(`/teach/programs/${program.id}/quizzes`);
    await page.getByRole('button', { name: /^Delete Blueprint/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete quiz' }).click();
    await page.getByRole('button', { name: /^Delete Blueprint/ }).waitFor({ state: 'detached' });
    expect(browser.pageErrors()).toEqual([]);
  });
});
