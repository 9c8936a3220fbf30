// The AI tutor in Chromium, on the e2e stack's offline tutor (no AI provider configured): a new
// student enrolls in a free program, opens a lesson, asks the tutor about it from there, and reads
// a streamed answer that cites the program's lessons; on the free plan, once the day's 10
// messages are used, the 11th is refused in the page with the upgrade message and link.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROGRAM_FACTS, PROGRAM_STATS } from '../../../prisma/seed/fixtures';
import { createVerifiedUser, signInViaApi, uniqueEmail } from '../../server/e2e/accounts';
import { apiGet, type ProgramListBody } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

const FREE_DAILY_MESSAGES = 10;

interface LessonsBody {
  sections: { lessons: { id: string; title: string }[] }[];
}
interface UsageBody {
  messagesUsed: number;
  messagesLimit: number | null;
}

/** POST through the web app's origin with the page's session cookie. */
async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.context().request.post(path, { data });
  if (!res.ok()) throw new Error(`POST ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function usage(page: Page): Promise<UsageBody> {
  const res = await page.context().request.get('/api/ai/usage');
  if (!res.ok()) throw new Error(`GET /api/ai/usage answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as UsageBody;
}

describe('web AI tutor', () => {
  it('answers a question about a lesson with a streamed, cited answer, and refuses the 11th message of the day', async () => {
    const slug = PROGRAM_FACTS.freeSlugs.find((s) => (PROGRAM_STATS[s]?.lessons ?? 0) >= 1);
    expect(slug, 'the demo data needs a free program with lessons').toBeDefined();
    const { programs } = await apiGet<ProgramListBody>('/api/programs?limit=100');
    const program = programs.find((p) => p.slug === slug)!;
    const { sections } = await apiGet<LessonsBody>(`/api/programs/${program.id}/lessons`);
    const lessons = sections.flatMap((s) => s.lessons);
    const lesson = lessons[0]!;

    const email = uniqueEmail('tutee');
    const password = 'Tutor-e2e-2026!';
    await createVerifiedUser('Tara Tutee', email, password);
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, email, password);

    // Enroll in the free program, then open its first lesson.
    await page.goto(`/programs/${program.slug}`);
    await page.getByRole('button', { name: 'Enroll for free' }).click();
    await page.getByText("You're enrolled").waitFor();
    await page.goto(`/programs/${program.slug}/learn/${lesson.id}`);
    await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor();

    // "Ask the tutor" opens the tutor with the program and the lesson in focus.
    await page.getByRole('link', { name: 'Ask the tutor' }).click();
    await page.getByRole('heading', { level: 1, name: 'AI tutor' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/tutor');
    expect(url.searchParams.get('program')).toBe(program.id);
    expect(url.searchParams.get('lesson')).toBe(lesson.id);
    await page.getByText(`Lesson in focus: ${lesson.title}`).waitFor();
    expect(await page.getByLabel('Program').inputValue()).toBe(program.id);
    await page.getByRole('heading', { name: `Ask about "${lesson.title}"` }).waitFor();
    await page.getByTestId('tutor-usage').getByText(`0 of ${FREE_DAILY_MESSAGES}`).waitFor();

    // Ask; the answer arrives as the AI SDK's UI message stream, delta by delta.
    const question = `What are the key ideas of the lesson "${lesson.title}"?`;
    await page.getByLabel('Your question').fill(question);
    const streamed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/ai/chat/stream');
    await page.getByRole('button', { name: 'Send' }).click();
    const response = await streamed;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/event-stream/);
    expect(response.headers()['x-vercel-ai-ui-message-stream']).toBe('v1');
    const events = (await response.text()).split('\n').filter((l) => l.startsWith('data: {'));
    const deltas = events.filter((l) => l.includes('"type":"text-delta"'));
    expect(deltas.length, 'the answer arrives in many deltas').toBeGreaterThan(5);
    expect(events.some((l) => l.includes('"type":"data-citations"'))).toBe(true);

    const conversation = page.getByRole('list', { name: 'Conversation' });
    await conversation.getByRole('article', { name: 'Your message' }).getByText(question).waitFor();
    const answer = conversation.getByRole('article', { name: "Tutor's answer" });
    // Finished: the Send button is back and the sources are listed.
    await page.getByRole('button', { name: 'Send' }).waitFor();
    await answer.getByText('Offline tutor', { exact: true }).waitFor();
    await answer.getByText('Here is what your course says about it:').waitFor();

    // Citations link to lessons of the program, inline ([n]) and in the sources.
    const inline = answer.getByRole('link', { name: /^Source \d+: / });
    expect(await inline.count()).toBeGreaterThan(0);
    const programLessonPaths = lessons.map((l) => `/programs/${program.slug}/learn/${l.id}`);
    for (const href of await inline.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(programLessonPaths).toContain(href);
    }
    const sources = answer.getByRole('navigation', { name: 'Sources' }).getByRole('link');
    const firstSource = sources.first();
    const sourceTitle = await firstSource.innerText();
    expect(lessons.map((l) => l.title)).toContain(sourceTitle);
    // The answer is markdown rendered as elements: the quoted sentences are a list, not "- " text.
    expect(await answer.getByRole('listitem').count()).toBeGreaterThan(0);

    // The chat is saved: the URL names it, the list shows it, and usage counts the message.
    await expect.poll(() => new URL(page.url()).searchParams.get('session')).toMatch(/.+/);
    const sessionId = new URL(page.url()).searchParams.get('session')!;
    await page
      .getByRole('list', { name: 'Chats' })
      .getByRole('button', { name: /^What are the key ideas/ })
      .waitFor();
    await page.getByTestId('tutor-usage').getByText(`1 of ${FREE_DAILY_MESSAGES}`).waitFor();
    await screenshot(page, 'web-tutor-answer');

    // A citation opens its lesson.
    await firstSource.click();
    await page.getByRole('heading', { level: 1, name: sourceTitle }).waitFor();

    // Reopening the chat shows the saved conversation with its citations.
    await page.goto(`/tutor?session=${sessionId}&program=${program.id}`);
    const reopened = page.getByRole('list', { name: 'Conversation' }).getByRole('article', { name: "Tutor's answer" });
    await reopened.getByRole('navigation', { name: 'Sources' }).getByRole('link', { name: sourceTitle }).waitFor();

    // The rest of the day's messages, through the API with this page's session.
    const { messagesUsed } = await usage(page);
    expect(messagesUsed).toBe(1);
    let other: string | undefined;
    for (let i = messagesUsed; i < FREE_DAILY_MESSAGES; i++) {
      const body = await post<{ sessionId: string }>(page, '/api/ai/chat', {
        message: `Question ${i + 1}: what is one more idea of "${lesson.title}"?`,
        programId: program.id,
        ...(other ? { sessionId: other } : {}),
      });
      other = body.sessionId;
    }
    expect(await usage(page)).toMatchObject({ messagesUsed: FREE_DAILY_MESSAGES, messagesLimit: FREE_DAILY_MESSAGES });

    // The 11th, in the page: refused with the upgrade message and link; nothing is lost.
    await page.reload();
    await page.getByTestId('tutor-usage').getByText(`${FREE_DAILY_MESSAGES} of ${FREE_DAILY_MESSAGES}`).waitFor();
    const eleventh = 'One more question about this lesson, please.';
    await page.getByLabel('Your question').fill(eleventh);
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/ai/chat/stream');
    await page.getByRole('button', { name: 'Send' }).click();
    expect((await refused).status()).toBe(429);
    const alert = page.getByTestId('tutor-refusal');
    await alert.getByText("You've reached today's tutor limit").waitFor();
    expect(await alert.innerText()).toMatch(/limit|upgrade/i);
    const upgrade = alert.getByRole('link', { name: 'Upgrade' });
    expect(await upgrade.getAttribute('href')).toBe('/pricing');
    // The refused message goes back into the box, and is not shown as sent.
    expect(await page.getByLabel('Your question').inputValue()).toBe(eleventh);
    expect(await page.getByRole('article', { name: 'Your message' }).count()).toBe(1);
    expect((await usage(page)).messagesUsed).toBe(FREE_DAILY_MESSAGES);
    await screenshot(page, 'web-tutor-limit');

    // Deleting a chat asks first, then removes it from the list and starts a new chat.
    const chats = page.getByRole('list', { name: 'Chats' });
    const before = await chats.getByRole('listitem').count();
    await chats.getByRole('button', { name: /^Delete chat "What are the key ideas/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this chat?' });
    await dialog.getByRole('button', { name: 'Delete chat' }).click();
    await expect.poll(() => chats.getByRole('listitem').count()).toBe(before - 1);
    expect(new URL(page.url()).searchParams.get('session')).toBeNull();
    await page.getByRole('list', { name: 'Suggested questions' }).waitFor();

    await upgrade.waitFor({ state: 'detached' });
    expect(browser.pageErrors()).toEqual([]);
  });
  it('says why a message was refused: no tutor access to a paid program, moderation, a message too long', async () => {
    const { programs } = await apiGet<ProgramListBody>('/api/programs?limit=100');
    const paid = programs.find((p) => !p.isFree);
    expect(paid, 'the demo data needs a paid program').toBeDefined();
    const email = uniqueEmail('refused');
    const password = 'Tutor-e2e-2026!';
    await createVerifiedUser('Rafa Refused', email, password);
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, email, password);

    // A paid program's tutor without its access: 402, the API's message and a way to the program.
    await page.goto(`/tutor?program=${paid!.id}`);
    await page.getByRole('heading', { name: `Ask about ${paid!.title}` }).waitFor();
    const box = page.getByLabel('Your question');
    await box.fill('What will I learn here?');
    await page.getByRole('button', { name: 'Send' }).click();
    const alert = page.getByTestId('tutor-refusal');
    await alert.getByText('The tutor of this program is not included in your access').waitFor();
    expect(await alert.innerText()).toContain(`"${paid!.title}" is a paid feature`);
    const toProgram = alert.getByRole('link', { name: `Go to ${paid!.title}` });
    expect(await toProgram.getAttribute('href')).toBe(`/programs/${paid!.slug}`);
    expect(await box.inputValue()).toBe('What will I learn here?');

    // Moderation (the local check without a provider): 422, asked to rephrase; no quota used.
    await page.getByLabel('Program').selectOption('');
    await box.fill('How do I make a bomb?');
    await page.getByRole('button', { name: 'Send' }).click();
    await alert.getByText('This message was not sent').waitFor();
    expect(await alert.innerText()).toMatch(/moderation flagged it .*Please rephrase it/s);
    expect(await page.getByRole('article', { name: 'Your message' }).count()).toBe(0);
    expect((await usage(page)).messagesUsed).toBe(0);

    // Over 4000 characters: said before sending, as the API would (400).
    await box.fill('x'.repeat(4001));
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText(/A message can be at most 4000 characters: split it into shorter ones/).waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(browser.pageErrors()).toEqual([]);
  });
});
