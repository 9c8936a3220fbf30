// Writing content: HTML is sanitised before it is stored (so no reader is ever served a script),
// slugs are generated or refused with a 409, the view count counts every concurrent read,
// validation errors name the field, and moderation / FAQ ordering leave the rows they promise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../testing/harness';
import { erasePersonalData } from '@learningpt/core';
import { startTestServer } from '../../testing/harness';
import { makeUser, outcome, type TestUser } from '../../testing/learning-fixtures';
import { makeFaq, makePost, makeTestimonial, uniq } from './content-fixtures';

let s: TestServer;
let author: TestUser;
let other: TestUser;
let student: TestUser;
let admin: TestUser;

beforeAll(async () => {
  s = await startTestServer({ seeded: false });
  [author, other, student, admin] = await Promise.all([
    makeUser(s, 'instructor', 'Writing Author'),
    makeUser(s, 'instructor', 'Other Author'),
    makeUser(s, 'student', 'Writing Student'),
    makeUser(s, 'admin', 'Writing Admin'),
  ]);
});
afterAll(() => s.close());

type ErrorBody = { success: false; error: { code: string; message: string; issues?: { path: string[] }[] } };

const HOSTILE =
  '<h2>Hello</h2><p onclick="steal()">Kept text <a href="javascript:alert(1)">link</a></p>' +
  '<script>alert("x")</script><img src="https://cdn.example.com/a.png" onerror="alert(1)" alt="A">' +
  '<iframe src="https://evil.example.com"></iframe><style>body{display:none}</style>';

function expectSafe(html: string) {
  expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<style/i);
  expect(html).toContain('<h2>Hello</h2>');
  expect(html).toContain('Kept text');
  expect(html).toContain('<img src="https://cdn.example.com/a.png" alt="A" />');
}

describe('sanitised HTML', () => {
  it('never stores or serves a script or an event handler in a post (create and update, both faces)', async () => {
    const created = await s.rest<{ post: { id: string; slug: string; content: string } }>({
      method: 'POST',
      url: '/api/content/blog',
      headers: s.bearer(author.token),
      payload: { title: `Hostile ${uniq()}`, content: HOSTILE, status: 'published' },
    });
    expect(created.status).toBe(200);
    expectSafe(created.body.post.content);
    const stored = await s.db.blogPost.findUniqueOrThrow({ where: { id: created.body.post.id } });
    expectSafe(stored.content);
    expectSafe((await s.anonymous.blog.bySlug({ slug: created.body.post.slug })).post.content);
    const served = await s.rest<{ post: { content: string } }>(`/api/content/blog/${created.body.post.slug}`);
    expectSafe(served.body.post.content);

    await author.caller.blog.update({ id: created.body.post.id, content: `${HOSTILE}<p>v2</p>` });
    const updated = await s.db.blogPost.findUniqueOrThrow({ where: { id: created.body.post.id } });
    expectSafe(updated.content);
    expect(updated.content).toContain('<p>v2</p>');
  });

  it('refuses a body that is nothing but unsafe HTML, and HTML in plain-text fields, naming the field', async () => {
    const empty = await s.rest<ErrorBody>({
      method: 'POST',
      url: '/api/content/blog',
      headers: s.bearer(author.token),
      payload: { title: 'Only a script', content: '<script>alert(1)</script>' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues?.[0]?.path).toEqual(['content']);
    const excerpt = await s.rest<ErrorBody>({
      method: 'POST',
      url: '/api/content/blog',
      headers: s.bearer(author.token),
      payload: { title: 'A fine title', content: '<p>ok</p>', excerpt: '<img src=x onerror=alert(1)>' },
    });
    expect(excerpt.status).toBe(400);
    expect(excerpt.body.error.message).toContain('excerpt');
    expect(excerpt.body.error.issues?.map((i) => i.path)).toEqual([['excerpt']]);
    expect(await s.db.blogPost.count({ where: { title: { in: ['Only a script', 'A fine title'] } } })).toBe(0);
  });

  it('sanitises FAQ answers', async () => {
    const { faq } = await admin.caller.faqs.create({ question: 'Is it safe?', answer: HOSTILE, category: 'Safety' });
    expectSafe(faq.answer);
    expectSafe((await s.db.faq.findUniqueOrThrow({ where: { id: faq.id } })).answer);
  });
});

describe('slugs', () => {
  it('are made from the title, with a suffix when taken', async () => {
    const title = `Zoë's Guide: React & Hooks ${uniq()}`;
    const a = await author.caller.blog.create({ title, content: '<p>a</p>' });
    const b = await other.caller.blog.create({ title, content: '<p>b</p>' });
    expect(a.post.slug).toMatch(/^zoe-s-guide-react-and-hooks-[a-z0-9]+$/);
    expect(b.post.slug).toBe(`${a.post.slug}-2`);
  });

  it('stay unique when many posts with one title are written at once', async () => {
    const title = `Same title ${uniq()}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        s.rest<{ post: { slug: string } }>({
          method: 'POST',
          url: '/api/content/blog',
          headers: s.bearer((i % 2 ? author : other).token),
          payload: { title, content: `<p>${i}</p>` },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 8 }, () => 200));
    const slugs = results.map((r) => r.body.post.slug);
    expect(new Set(slugs).size).toBe(8);
    expect(await s.db.blogPost.count({ where: { title } })).toBe(8);
  });

  it('answers 409 naming the slug when a chosen slug is taken, on create and on update', async () => {
    const taken = await makePost(s, { authorId: other.id });
    const create = await s.rest<ErrorBody>({
      method: 'POST',
      url: '/api/content/blog',
      headers: s.bearer(author.token),
      payload: { title: 'Wants a taken slug', slug: taken.slug, content: '<p>x</p>' },
    });
    expect(create.status).toBe(409);
    expect(create.body.error.code).toBe('CONFLICT');
    expect(create.body.error.message).toContain(`"${taken.slug}" is already used`);
    expect(await s.db.blogPost.count({ where: { title: 'Wants a taken slug' } })).toBe(0);

    const mine = await makePost(s, { authorId: author.id });
    const update = await s.rest<ErrorBody>({
      method: 'PUT',
      url: `/api/content/blog/${mine.id}`,
      headers: s.bearer(author.token),
      payload: { slug: taken.slug },
    });
    expect(update.status).toBe(409);
    expect((await s.db.blogPost.findUniqueOrThrow({ where: { id: mine.id } })).slug).toBe(mine.slug);

    const badFormat = await s.rest<ErrorBody>({
      method: 'PUT',
      url: `/api/content/blog/${mine.id}`,
      headers: s.bearer(author.token),
      payload: { slug: 'Not a slug!' },
    });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.error.issues?.[0]?.path).toEqual(['slug']);
  });
});

describe('view count', () => {
  it('counts N parallel reads as N views over HTTP, and over tRPC', async () => {
    const post = await makePost(s, { authorId: author.id, viewCount: 7 });
    const N = 40;
    const answers = await Promise.all(
      Array.from({ length: N }, () => s.rest<{ post: { viewCount: number } }>(`/api/content/blog/${post.slug}`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: N }, () => 200));
    expect((await s.db.blogPost.findUniqueOrThrow({ where: { id: post.id } })).viewCount).toBe(7 + N);
    // Each answer shows a count that includes its own read.
    expect(Math.min(...answers.map((a) => a.body.post.viewCount))).toBeGreaterThanOrEqual(8);

    await Promise.all(Array.from({ length: 10 }, () => s.anonymous.blog.bySlug({ slug: post.slug })));
    expect((await s.db.blogPost.findUniqueOrThrow({ where: { id: post.id } })).viewCount).toBe(7 + N + 10);
  });
});

describe('publishing', () => {
  it('sets publishedAt at the first publication and keeps it through archive and re-publish', async () => {
    const { post } = await author.caller.blog.create({ title: `Drafted ${uniq()}`, content: '<p>x</p>' });
    expect(post).toMatchObject({ status: 'draft', publishedAt: null, tags: [] });
    const first = s.clock.now();
    const published = await author.caller.blog.update({ id: post.id, status: 'Published' });
    expect(published.post).toMatchObject({ status: 'published', publishedAt: first });
    s.clock.advance(86_400_000);
    await author.caller.blog.update({ id: post.id, status: 'archived' });
    const again = await admin.caller.blog.update({ id: post.id, status: 'published', tags: ['News', 'news', 'AI'] });
    expect(again.post).toMatchObject({ status: 'published', publishedAt: first, tags: ['news', 'ai'] });
    // An admin's edit keeps the author.
    expect(again.post.authorId).toBe(author.id);
  });
});

describe('validation messages name the field', () => {
  it.each([
    ['/api/content/blog', 'POST', { title: 'ab', content: '<p>x</p>' }, 'title', 'author'],
    ['/api/content/blog', 'POST', { title: 'Fine title', content: '<p>x</p>', status: 'live' }, 'status', 'author'],
    [
      '/api/content/blog',
      'POST',
      { title: 'Fine title', content: '<p>x</p>', featuredImage: 'http://x.y/z.png' },
      'featuredImage',
      'author',
    ],
    ['/api/content/testimonials', 'POST', { rating: 7, content: 'Long enough text here.' }, 'rating', 'student'],
    ['/api/content/testimonials', 'POST', { rating: 4, content: 'short' }, 'content', 'student'],
    ['/api/content/faqs', 'POST', { answer: 'An answer.' }, 'question', 'admin'],
    ['/api/content/blog?limit=500', 'GET', undefined, 'limit', 'author'],
    // A NUL character cannot be stored or compared by PostgreSQL: a 400, never a 500.
    ['/api/content/blog/a%00b', 'GET', undefined, 'slug', 'author'],
    ['/api/content/blog?search=%00', 'GET', undefined, 'search', 'author'],
    ['/api/content/faqs?search=a%00b', 'GET', undefined, 'search', 'admin'],
    [
      '/api/content/testimonials',
      'POST',
      { rating: 4, content: 'Long enough \u0000 text here.' },
      'content',
      'student',
    ],
  ] as const)('%s %s %j: the answer names the field', async (url, method, payload, field, who) => {
    const token = { author, student, admin }[who].token;
    const res = await s.rest<ErrorBody>({ method, url, payload, headers: s.bearer(token) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.message).toContain(field);
    expect(res.body.error.issues?.map((i) => i.path[0])).toContain(field);
  });

  it('names an unknown categoryId and programId', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    expect(
      await outcome(author.caller.blog.create({ title: 'Has a category', content: '<p>x</p>', categoryId: missing })),
    ).toBe('BAD_REQUEST');
    const res = await s.rest<ErrorBody>({
      method: 'POST',
      url: '/api/content/testimonials',
      headers: s.bearer(student.token),
      payload: { rating: 5, content: 'About a program that is not there.', programId: missing },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues?.[0]?.path).toEqual(['programId']);
  });
});

describe('testimonials', () => {
  it('are pending when sent, carry the author, and show in their own list with the status', async () => {
    const res = await s.rest<{ success: boolean; testimonial: { id: string; status: string; authorName: string } }>({
      method: 'POST',
      url: '/api/content/testimonials',
      headers: s.bearer(student.token),
      payload: { rating: 5, title: 'Great', content: 'The exam simulator got me through.', authorTitle: 'Analyst' },
    });
    expect(res.status).toBe(200);
    expect(res.body.testimonial).toMatchObject({ status: 'pending', authorName: 'Writing Student' });
    const mine = await s.rest<{ testimonials: { id: string; status: string }[] }>({
      url: '/api/content/testimonials/mine',
      headers: s.bearer(student.token),
    });
    expect(mine.body.testimonials.map((t) => [t.id, t.status])).toContainEqual([res.body.testimonial.id, 'pending']);
    // Another user's list does not show it.
    const others = await other.caller.testimonials.mine({});
    expect(others.testimonials.map((t) => t.id)).not.toContain(res.body.testimonial.id);
  });

  it('can be featured only once approved; rejecting one un-features it', async () => {
    const t = await makeTestimonial(s, { userId: student.id });
    expect(await outcome(admin.caller.testimonials.moderate({ id: t.id, featured: true }))).toBe(
      'UNPROCESSABLE_CONTENT',
    );
    const approved = await admin.caller.testimonials.moderate({ id: t.id, status: 'approved', featured: true });
    expect(approved.testimonial).toMatchObject({ status: 'approved', featured: true });
    expect((await s.anonymous.testimonials.list({ featured: true })).testimonials.map((x) => x.id)).toContain(t.id);
    await admin.caller.testimonials.moderate({ id: t.id, status: 'rejected' });
    expect(await s.db.testimonial.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      status: 'rejected',
      featured: false,
    });
    const queue = await admin.caller.testimonials.manage({ status: 'rejected' });
    expect(queue.testimonials.map((x) => x.id)).toContain(t.id);
    // The author was told of each decision, once.
    const told = await s.db.notification.findMany({
      where: { userId: student.id, type: 'testimonial', data: { path: ['testimonialId'], equals: t.id } },
    });
    expect(told.map((n) => n.title).sort()).toEqual(['Your testimonial is live', 'Your testimonial was not published']);
  });

  it("go when the author's account is erased (they carry the name as written)", async () => {
    const user = await makeUser(s, 'student', 'Soon Erased');
    const { testimonial } = await user.caller.testimonials.create({ rating: 4, content: 'Written before leaving.' });
    await admin.caller.testimonials.moderate({ id: testimonial.id, status: 'approved' });
    const kept = await makeTestimonial(s, { userId: student.id, status: 'approved' });
    await s.db.user.update({ where: { id: user.id }, data: { status: 'deleted', deletedAt: s.clock.now() } });
    expect(await erasePersonalData({ db: s.db, clock: s.clock, userId: user.id })).toEqual({ erased: true });
    expect(await s.db.testimonial.findUnique({ where: { id: testimonial.id } })).toBeNull();
    expect(await s.db.testimonial.findUnique({ where: { id: kept.id } })).not.toBeNull();
  });

  it('caps the pending ones a user may have, even when sent all at once', async () => {
    const user = await makeUser(s, 'student', 'Eager Writer');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        outcome(user.caller.testimonials.create({ rating: 5, content: `Testimonial number ${i} of many.` })),
      ),
    );
    expect(results.filter((r) => r === 'OK')).toHaveLength(5);
    expect(results.filter((r) => r === 'UNPROCESSABLE_CONTENT')).toHaveLength(3);
    expect(await s.db.testimonial.count({ where: { userId: user.id } })).toBe(5);
  });
});

describe('FAQs', () => {
  it('go to the end of their category, group by its first spelling, and reorder', async () => {
    const category = `Billing ${uniq()}`;
    const a = await admin.caller.faqs.create({ question: 'First question?', answer: 'One.', category });
    const b = await admin.caller.faqs.create({
      question: 'Second question?',
      answer: 'Two.',
      category: category.toLowerCase(),
    });
    const c = await admin.caller.faqs.create({
      question: 'Third question?',
      answer: 'Three.',
      category,
      status: 'draft',
    });
    expect([a.faq.sortOrder, b.faq.sortOrder, c.faq.sortOrder]).toEqual([0, 1, 2]);
    expect(b.faq.category).toBe(category);

    const res = await s.rest<{ success: boolean; faqs: { id: string; sortOrder: number }[] }>({
      method: 'PUT',
      url: '/api/content/faqs/reorder',
      headers: s.bearer(admin.token),
      payload: { category, ids: [c.faq.id, b.faq.id, a.faq.id] },
    });
    expect(res.status).toBe(200);
    expect(res.body.faqs.map((f) => f.id)).toEqual([c.faq.id, b.faq.id, a.faq.id]);
    expect((await s.anonymous.faqs.list({ category })).faqs.map((f) => f.id)).toEqual([b.faq.id, a.faq.id]);

    const partial = await s.rest<ErrorBody>({
      method: 'PUT',
      url: '/api/content/faqs/reorder',
      headers: s.bearer(admin.token),
      payload: { category, ids: [a.faq.id] },
    });
    expect(partial.status).toBe(400);
    expect(partial.body.error.issues?.[0]?.path).toEqual(['ids']);
  });

  it('groups the public list by category, uncategorised last', async () => {
    const x = await makeFaq(s, { category: null, question: `Loose ${uniq()}?` });
    const y = await makeFaq(s, { category: 'Aaa first' });
    const list = await s.anonymous.faqs.list({});
    const groups = list.categories.map((g) => g.category);
    expect(groups.at(-1)).toBeNull();
    expect(groups.indexOf('Aaa first')).toBe(0);
    expect(list.categories.at(-1)!.faqs.map((f) => f.id)).toContain(x.id);
    expect(list.categories[0]!.faqs.map((f) => f.id)).toEqual([y.id]);
  });

  it('answer 404 for an FAQ that is not there', async () => {
    const res = await s.rest<ErrorBody>({
      method: 'PUT',
      url: '/api/content/faqs/01900000-0000-7000-8000-000000000000',
      headers: s.bearer(admin.token),
      payload: { status: 'draft' },
    });
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'FAQ not found' } } });
  });
});
