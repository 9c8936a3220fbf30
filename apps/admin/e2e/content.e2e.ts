// Blog posts and FAQs in the admin panel, in Chromium: a post written with the form is published
// (its HTML sanitised by the server, its tags kept), archived (off the site), then deleted; FAQs
// added to a new category are reordered with the up/down buttons, one is unpublished, and the
// public FAQ list follows each change.
import { describe, expect, inject, it } from 'vitest';
import { ADMIN, signInViaApi } from '../../server/e2e/accounts';
import { apiGet } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

interface PostBody {
  post: { slug: string; title: string; content: string; tags: string[]; status: string; metaTitle: string | null };
}

describe('admin content', () => {
  it('writes, publishes, archives and deletes a blog post', async () => {
    const title = `E2E admin post ${Date.now()}`;
    const admin = await browser.openPage('admin', '/sign-in');
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    await admin.goto('/');
    await admin.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Blog' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Blog' }).waitFor();
    // Every status: the demo's draft is in the Draft tab.
    const tabs = admin.getByRole('navigation', { name: 'Post status' });
    await tabs.getByRole('link', { name: /^Draft/ }).click();
    await admin.waitForURL((url) => url.searchParams.get('status') === 'draft');
    // The list shows the previous tab's rows until the drafts arrive: wait for them.
    await expect.poll(() => admin.getByRole('row').nth(1).innerText()).toContain('Draft');

    await admin.getByRole('link', { name: 'New post' }).click();
    const form = admin.getByRole('form', { name: 'New post' });
    await form.getByLabel('Title', { exact: true }).fill(title);
    await form.getByLabel('Excerpt').fill('Written in the admin panel by the browser tests.');
    await form
      .getByLabel('Content (HTML)')
      .fill('<h2>Hello</h2><p>Safe <strong>text</strong><script>alert(1)</script></p>');
    await form.getByLabel('Tags').fill('E2E, admin panel');
    await form.getByLabel('SEO title').fill('An e2e post');
    await form.getByLabel('Status').selectOption('published');
    await form.getByRole('button', { name: 'Create post' }).click();
    await admin.getByRole('status').getByText(`“${title}” saved as published.`).waitFor();

    await admin.getByRole('searchbox', { name: 'Search' }).fill(title);
    await admin.waitForURL((url) => url.searchParams.get('q') === title);
    await expect.poll(() => admin.getByRole('row').count()).toBe(2);
    const row = admin.getByRole('row').filter({ hasText: title });
    expect(await row.innerText()).toContain('Published');
    const slug = (await row.innerText()).match(/\/([a-z0-9-]+)/)![1]!;

    // Public, sanitised, with its tags.
    const { post } = await apiGet<PostBody>(`/api/content/blog/${slug}`);
    expect(post).toMatchObject({ title, tags: ['e2e', 'admin panel'], status: 'published', metaTitle: 'An e2e post' });
    expect(post.content).toContain('<strong>text</strong>');
    expect(post.content).not.toContain('script');

    // Archived: off the site.
    await row.getByRole('link', { name: `Edit ${title}` }).click();
    const edit = admin.getByRole('form', { name: `Edit ${title}` });
    await expect.poll(() => edit.getByLabel('Tags').inputValue()).toBe('e2e, admin panel');
    await edit.getByLabel('Status').selectOption('archived');
    await edit.getByRole('button', { name: 'Save post' }).click();
    await admin.getByRole('status').getByText(`“${title}” saved (archived).`).waitFor();
    expect((await fetch(`${inject('apiUrl')}/api/content/blog/${slug}`)).status).toBe(404);

    // Deleted, after a confirmation.
    await admin.getByRole('searchbox', { name: 'Search' }).fill(title);
    await expect.poll(() => row.innerText()).toContain('Archived');
    await row.getByRole('button', { name: `Delete ${title}` }).click();
    const dialog = admin.getByRole('dialog', { name: 'Delete post' });
    await dialog.getByRole('button', { name: 'Delete post' }).click();
    await row.waitFor({ state: 'detached' });
    await admin.getByText(`No posts match “${title}”`).waitFor();
    expect(browser.pageErrors()).toEqual([]);
  });

  it('adds FAQs to a category, reorders them, unpublishes one and deletes them', async () => {
    const category = `E2E ${Date.now()}`;
    const questions = ['How do e2e tests work?', 'Can an admin reorder FAQs?'];
    const publicOrder = async () => {
      const { faqs } = await apiGet<{ faqs: { question: string }[] }>(
        `/api/content/faqs?category=${encodeURIComponent(category)}`,
      );
      return faqs.map((f) => f.question);
    };
    const admin = await browser.openPage('admin', '/sign-in');
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    await admin.goto('/faqs');
    await admin.getByRole('heading', { level: 1, name: 'FAQs' }).waitFor();

    for (const question of questions) {
      await admin.getByRole('button', { name: 'New FAQ' }).click();
      const dialog = admin.getByRole('dialog', { name: 'New FAQ' });
      await dialog.getByLabel('Question').fill(question);
      await dialog.getByLabel('Answer (HTML allowed)').fill(`<p>The answer to “${question}”.</p>`);
      await dialog.getByLabel('Category').fill(category);
      await dialog.getByRole('button', { name: 'Add FAQ' }).click();
      await admin.getByRole('status').getByText('FAQ added.').waitFor();
    }
    const group = admin.getByRole('region', { name: category });
    const shown = () => group.locator('li').allInnerTexts();
    await expect.poll(async () => (await shown()).map((t) => t.split('\n')[0])).toEqual(questions);
    expect(await publicOrder()).toEqual(questions);

    // The second moves up (faqs.reorder), on the page and on the site.
    await group.getByRole('button', { name: `Move “${questions[1]}” up` }).click();
    await admin.getByRole('status').getByText('Order saved.').waitFor();
    const reordered = [questions[1], questions[0]];
    await expect.poll(async () => (await shown()).map((t) => t.split('\n')[0])).toEqual(reordered);
    expect(await publicOrder()).toEqual(reordered);
    expect(await group.getByRole('button', { name: `Move “${questions[1]}” up` }).isDisabled()).toBe(true);
    await screenshot(admin, 'admin-faqs');

    // A draft is not public.
    await group.getByRole('button', { name: `Unpublish “${questions[0]}”` }).click();
    await admin.getByRole('status').getByText('FAQ moved to drafts.').waitFor();
    await group.getByRole('button', { name: `Publish “${questions[0]}”` }).waitFor();
    expect(await publicOrder()).toEqual([questions[1]]);

    for (const question of questions) {
      await group.getByRole('button', { name: `Delete “${question}”` }).click();
      await admin.getByRole('dialog', { name: 'Delete FAQ' }).getByRole('button', { name: 'Delete FAQ' }).click();
      await admin.getByRole('status').getByText('FAQ deleted.').waitFor();
    }
    await group.waitFor({ state: 'detached' });
    expect(await publicOrder()).toEqual([]);
    expect(browser.pageErrors()).toEqual([]);
  });
});
