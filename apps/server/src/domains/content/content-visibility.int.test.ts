// Drafts and archived posts, testimonials that are not approved, and draft FAQs are never public:
// not in any list, not readable by slug or id, on the tRPC face and the REST face alike. Rows are
// made straight in the database; the demo data's own draft post is checked too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../testing/harness';
import { startTestServer } from '../../testing/harness';
import { makeProgram, makeUser, outcome, type TestUser } from '../../testing/learning-fixtures';
import { makeFaq, makePost, makeTestimonial, uniq, type TestPost } from './content-fixtures';

let s: TestServer;
let author: TestUser;
let student: TestUser;
let admin: TestUser;
const tag = `vis-${uniq()}`;
let published: TestPost;
let draft: TestPost;
let archived: TestPost;

beforeAll(async () => {
  s = await startTestServer();
  [author, student, admin] = await Promise.all([
    makeUser(s, 'instructor', 'Visibility Author'),
    makeUser(s, 'student', 'Visibility Student'),
    makeUser(s, 'admin', 'Visibility Admin'),
  ]);
  published = await makePost(s, { authorId: author.id, status: 'published', tags: [tag] });
  draft = await makePost(s, { authorId: author.id, status: 'draft', tags: [tag] });
  archived = await makePost(s, { authorId: author.id, status: 'archived', tags: [tag] });
});
afterAll(() => s.close());

/** Every public post id, through every page of the REST list. */
async function allPublicPostIds(): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const res = await s.rest<{ posts: { id: string; status: string }[]; pagination: { hasNext: boolean } }>(
      `/api/content/blog?limit=100&page=${page}`,
    );
    expect(res.status).toBe(200);
    for (const p of res.body.posts) {
      expect(p.status).toBe('published');
      ids.push(p.id);
    }
    if (!res.body.pagination.hasNext) return ids;
  }
}

describe('blog posts', () => {
  it('lists only published posts, on both faces', async () => {
    const trpc = await student.caller.blog.list({ tag });
    expect(trpc.posts.map((p) => p.id)).toEqual([published.id]);
    expect(trpc.pagination).toMatchObject({ total: 1, totalPosts: 1, currentPage: 1, hasNext: false });

    const rest = await s.rest<{ success: boolean; posts: { id: string }[] }>(`/api/content/blog?tag=${tag}`);
    expect(rest.status).toBe(200);
    expect(rest.body.success).toBe(true);
    expect(rest.body.posts.map((p) => p.id)).toEqual([published.id]);

    // Searching for a draft's own title finds nothing either.
    expect((await s.anonymous.blog.list({ search: draft.title })).posts).toEqual([]);

    const everyPublic = await allPublicPostIds();
    const publishedInDb = await s.db.blogPost.findMany({ where: { status: 'published' }, select: { id: true } });
    expect(everyPublic.sort()).toEqual(publishedInDb.map((p) => p.id).sort());
    expect(everyPublic).not.toContain(draft.id);
    expect(everyPublic).not.toContain(archived.id);
    // The demo data holds a draft too, and it is not among them.
    const seededDraft = await s.db.blogPost.findFirstOrThrow({ where: { status: 'draft', NOT: { id: draft.id } } });
    expect(everyPublic).not.toContain(seededDraft.id);
  });

  it('does not serve a draft or an archived post by slug or id to anyone but its author and admins', async () => {
    for (const post of [draft, archived]) {
      for (const ref of [post.slug, post.id]) {
        expect(await outcome(s.anonymous.blog.bySlug({ slug: ref }))).toBe('NOT_FOUND');
        expect(await outcome(student.caller.blog.bySlug({ slug: ref }))).toBe('NOT_FOUND');
        const res = await s.rest<{ success: boolean; error: { code: string; message: string } }>(
          `/api/content/blog/${ref}`,
        );
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ success: false, error: { code: 'NOT_FOUND', message: 'Blog post not found' } });
        const asStudent = await s.rest({ url: `/api/content/blog/${ref}`, headers: s.bearer(student.token) });
        expect(asStudent.status).toBe(404);
      }
      // Its author and admins can preview it (and that is not a view).
      expect((await author.caller.blog.bySlug({ slug: post.slug })).post.id).toBe(post.id);
      expect((await admin.caller.blog.bySlug({ slug: post.slug })).post.status).not.toBe('published');
      expect((await s.db.blogPost.findUniqueOrThrow({ where: { id: post.id } })).viewCount).toBe(0);
    }
    // The demo data's draft and archived posts too.
    const seeded = await s.db.blogPost.findMany({
      where: { status: { not: 'published' }, id: { notIn: [draft.id, archived.id] }, authorId: { not: author.id } },
    });
    expect(new Set(seeded.map((p) => p.status))).toEqual(new Set(['draft', 'archived']));
    for (const p of seeded) expect((await s.rest(`/api/content/blog/${p.slug}`)).status).toBe(404);
  });

  it('serves a published post by slug on both faces', async () => {
    const rest = await s.rest<{ success: boolean; post: { id: string; content: string; author: { id: string } } }>(
      `/api/content/blog/${published.slug}`,
    );
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ success: true, post: { id: published.id, author: { id: author.id } } });
    expect((await s.anonymous.blog.bySlug({ slug: published.slug })).post.content).toBe(
      `<p>Body of ${published.slug}</p>`,
    );
  });

  it('takes a post out of the public lists once it is archived', async () => {
    const post = await makePost(s, { authorId: author.id, status: 'published', tags: [tag] });
    expect((await s.anonymous.blog.list({ tag })).posts.map((p) => p.id)).toContain(post.id);
    await author.caller.blog.update({ id: post.id, status: 'archived' });
    expect((await s.anonymous.blog.list({ tag })).posts.map((p) => p.id)).not.toContain(post.id);
    expect((await s.rest(`/api/content/blog/${post.slug}`)).status).toBe(404);
  });
});

describe('testimonials', () => {
  it('lists only approved testimonials, on both faces, until an admin approves a pending one', async () => {
    const program = await makeProgram(s, { ownerId: author.id });
    const approved = await makeTestimonial(s, { userId: student.id, status: 'approved', programId: program.id });
    const pending = await makeTestimonial(s, { userId: student.id, status: 'pending', programId: program.id });
    const rejected = await makeTestimonial(s, { userId: student.id, status: 'rejected', programId: program.id });

    const ids = async () => ({
      trpc: (await s.anonymous.testimonials.list({ programId: program.id })).testimonials.map((t) => t.id),
      rest: (
        await s.rest<{ testimonials: { id: string }[] }>(`/api/content/testimonials?programId=${program.id}`)
      ).body.testimonials.map((t) => t.id),
    });
    expect(await ids()).toEqual({ trpc: [approved.id], rest: [approved.id] });

    // Without a filter, through every page: only approved ones, and none of the others.
    const all: { id: string; status: string }[] = [];
    for (let page = 1; ; page++) {
      const res = await s.anonymous.testimonials.list({ page, limit: 100 });
      all.push(...res.testimonials);
      if (!res.pagination.hasNext) break;
    }
    expect(all.every((t) => t.status === 'approved')).toBe(true);
    expect(all.length).toBe(await s.db.testimonial.count({ where: { status: 'approved' } }));
    expect(all.map((t) => t.id)).not.toContain(pending.id);
    expect(all.map((t) => t.id)).not.toContain(rejected.id);

    // The author still sees their own, with the status.
    const mine = await student.caller.testimonials.mine({});
    expect(mine.testimonials.find((t) => t.id === pending.id)?.status).toBe('pending');
    expect(mine.testimonials.find((t) => t.id === rejected.id)?.status).toBe('rejected');

    const moderated = await s.rest<{ success: boolean; testimonial: { status: string } }>({
      method: 'PUT',
      url: `/api/content/testimonials/${pending.id}`,
      payload: { status: 'Approved' },
      headers: s.bearer(admin.token),
    });
    expect(moderated).toMatchObject({ status: 200, body: { success: true, testimonial: { status: 'approved' } } });
    expect((await ids()).rest.sort()).toEqual([approved.id, pending.id].sort());

    // Query-string booleans over REST: featured=false lists the approved, non-featured ones.
    await admin.caller.testimonials.moderate({ id: approved.id, featured: true });
    const featured = await s.rest<{ testimonials: { id: string }[] }>(
      `/api/content/testimonials?programId=${program.id}&featured=true`,
    );
    expect(featured.body.testimonials.map((t) => t.id)).toEqual([approved.id]);
    const notFeatured = await s.rest<{ testimonials: { id: string }[] }>(
      `/api/content/testimonials?programId=${program.id}&featured=false`,
    );
    expect(notFeatured.body.testimonials.map((t) => t.id)).toEqual([pending.id]);

    // Sent back to pending (or rejected), it disappears again.
    await admin.caller.testimonials.moderate({ id: approved.id, status: 'rejected' });
    expect(await ids()).toEqual({ trpc: [pending.id], rest: [pending.id] });
  });
});

describe('FAQs', () => {
  it('lists only published FAQs, in and out of their category groups, on both faces', async () => {
    const category = `Visibility ${uniq()}`;
    const shown = await makeFaq(s, { category, status: 'published', sortOrder: 1 });
    const hidden = await makeFaq(s, { category, status: 'draft', sortOrder: 0, question: `Draft question ${uniq()}?` });

    const trpc = await s.anonymous.faqs.list({ category });
    expect(trpc.faqs.map((f) => f.id)).toEqual([shown.id]);
    expect(trpc.categories).toEqual([{ category, faqs: [expect.objectContaining({ id: shown.id })] }]);

    const rest = await s.rest<{ success: boolean; faqs: { id: string }[] }>(
      `/api/content/faqs?category=${encodeURIComponent(category.toUpperCase())}`,
    );
    expect(rest.status).toBe(200);
    expect(rest.body.faqs.map((f) => f.id)).toEqual([shown.id]);

    const everything = await s.anonymous.faqs.list({});
    expect(everything.faqs.every((f) => f.status === 'published')).toBe(true);
    expect(everything.faqs.map((f) => f.id)).not.toContain(hidden.id);
    expect(everything.categories.flatMap((g) => g.faqs).map((f) => f.id)).toEqual(everything.faqs.map((f) => f.id));
    expect(everything.faqs.length).toBe(await s.db.faq.count({ where: { status: 'published' } }));
    expect((await s.anonymous.faqs.list({ search: hidden.question })).faqs).toEqual([]);

    // Admins see drafts where they manage them.
    expect((await admin.caller.faqs.manage({ category })).faqs.map((f) => f.id)).toEqual([hidden.id, shown.id]);
  });
});
