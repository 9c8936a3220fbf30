// The authorization matrix of every blog / testimonials / faqs procedure: anonymous, a student,
// an instructor who does not own the post, the post's author (an instructor), an admin, and a
// banned admin whose session is still held. Every cell runs on fresh rows, so a mutation in one
// cell cannot decide another. The list of procedures is read from the router, so one added later
// without a row here fails the last test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@learningpt/api';
import type { Caller, TestServer } from '../../testing/harness';
import { startTestServer } from '../../testing/harness';
import { makeUser, outcome, type TestUser } from '../../testing/learning-fixtures';
import { makeFaq, makePost, makeTestimonial, uniq, type TestPost } from './content-fixtures';

let s: TestServer;
let owner: TestUser;
let other: TestUser;
let student: TestUser;
let admin: TestUser;
let banned: TestUser;

beforeAll(async () => {
  s = await startTestServer({ seeded: false });
  [owner, other, student, admin, banned] = await Promise.all([
    makeUser(s, 'instructor', 'Author Instructor'),
    makeUser(s, 'instructor', 'Other Instructor'),
    makeUser(s, 'student', 'Matrix Student'),
    makeUser(s, 'admin', 'Matrix Admin'),
    makeUser(s, 'admin', 'Banned Admin'),
  ]);
  // Straight in the table, its session left in place: the status alone must end it.
  await s.db.user.update({ where: { id: banned.id }, data: { status: 'banned' } });
});
afterAll(() => s.close());

type Who = 'anonymous' | 'student' | 'otherInstructor' | 'owner' | 'admin' | 'banned';
const WHO: Who[] = ['anonymous', 'student', 'otherInstructor', 'owner', 'admin', 'banned'];
const callerOf = (who: Who): Caller =>
  ({
    anonymous: s.anonymous,
    student: student.caller,
    otherInstructor: other.caller,
    owner: owner.caller,
    admin: admin.caller,
    banned: banned.caller,
  })[who];

interface Fixture {
  /** A post by `owner`, in the case's status. */
  post: TestPost;
  who: Who;
}
interface Case {
  /** The procedure's path, then what differs in this case. */
  procedure: string;
  name?: string;
  postStatus?: 'draft' | 'published' | 'archived';
  setup?: () => Promise<Record<string, string>>;
  run: (c: Caller, f: Fixture, x: Record<string, string>) => Promise<unknown>;
  expect: [string, string, string, string, string, string];
}

const U = 'UNAUTHORIZED';
const F = 'FORBIDDEN';
const N = 'NOT_FOUND';
const OK = 'OK';
//                   anonymous student otherInstr owner admin banned
const EVERYONE: Case['expect'] = [OK, OK, OK, OK, OK, OK];
const SIGNED_IN: Case['expect'] = [U, OK, OK, OK, OK, U];
const INSTRUCTORS: Case['expect'] = [U, F, OK, OK, OK, U];
const OWNER_OR_ADMIN: Case['expect'] = [U, F, F, OK, OK, U];
const ADMIN_ONLY: Case['expect'] = [U, F, F, F, OK, U];

const testimonialId = async () => ({ id: (await makeTestimonial(s, { userId: student.id })).id });
const faqId = async () => ({ id: (await makeFaq(s)).id });

const CASES: Case[] = [
  // blog
  { procedure: 'blog.list', run: (c) => c.blog.list({}), expect: EVERYONE },
  { procedure: 'blog.bySlug', run: (c, f) => c.blog.bySlug({ slug: f.post.slug }), expect: EVERYONE },
  {
    procedure: 'blog.bySlug',
    name: 'of a draft',
    postStatus: 'draft',
    run: (c, f) => c.blog.bySlug({ slug: f.post.slug }),
    expect: [N, N, N, OK, OK, N],
  },
  {
    procedure: 'blog.bySlug',
    name: 'of an archived post, by id',
    postStatus: 'archived',
    run: (c, f) => c.blog.bySlug({ slug: f.post.id }),
    expect: [N, N, N, OK, OK, N],
  },
  {
    procedure: 'blog.create',
    run: (c) => c.blog.create({ title: `Matrix post ${uniq()}`, content: '<p>Written by the matrix.</p>' }),
    expect: INSTRUCTORS,
  },
  {
    procedure: 'blog.update',
    name: "of the author's published post",
    run: (c, f) => c.blog.update({ id: f.post.id, title: 'Edited by the matrix' }),
    expect: OWNER_OR_ADMIN,
  },
  {
    procedure: 'blog.update',
    name: "of the author's draft (others do not see it)",
    postStatus: 'draft',
    run: (c, f) => c.blog.update({ id: f.post.id, status: 'published' }),
    expect: [U, F, N, OK, OK, U],
  },
  { procedure: 'blog.delete', run: (c, f) => c.blog.delete({ id: f.post.id }), expect: ADMIN_ONLY },
  { procedure: 'blog.manage', run: (c) => c.blog.manage({}), expect: INSTRUCTORS },
  {
    procedure: 'blog.byId',
    name: "of the author's draft",
    postStatus: 'draft',
    run: (c, f) => c.blog.byId({ id: f.post.id }),
    expect: [U, F, N, OK, OK, U],
  },
  {
    procedure: 'blog.byId',
    name: "of the author's published post",
    run: (c, f) => c.blog.byId({ id: f.post.id }),
    expect: OWNER_OR_ADMIN,
  },
  // testimonials
  { procedure: 'testimonials.list', run: (c) => c.testimonials.list({}), expect: EVERYONE },
  { procedure: 'testimonials.mine', run: (c) => c.testimonials.mine({}), expect: SIGNED_IN },
  {
    procedure: 'testimonials.create',
    run: (c) => c.testimonials.create({ rating: 5, content: 'Written by the authorization matrix.' }),
    expect: SIGNED_IN,
  },
  {
    procedure: 'testimonials.moderate',
    setup: testimonialId,
    run: (c, _f, x) => c.testimonials.moderate({ id: x.id!, status: 'approved' }),
    expect: ADMIN_ONLY,
  },
  {
    procedure: 'testimonials.delete',
    setup: testimonialId,
    run: (c, _f, x) => c.testimonials.delete({ id: x.id! }),
    expect: ADMIN_ONLY,
  },
  { procedure: 'testimonials.manage', run: (c) => c.testimonials.manage({}), expect: ADMIN_ONLY },
  // faqs
  { procedure: 'faqs.list', run: (c) => c.faqs.list({}), expect: EVERYONE },
  { procedure: 'faqs.manage', run: (c) => c.faqs.manage({}), expect: ADMIN_ONLY },
  {
    procedure: 'faqs.create',
    run: (c) => c.faqs.create({ question: 'Asked by the matrix?', answer: '<p>Answered.</p>' }),
    expect: ADMIN_ONLY,
  },
  {
    procedure: 'faqs.update',
    setup: faqId,
    run: (c, _f, x) => c.faqs.update({ id: x.id!, status: 'draft' }),
    expect: ADMIN_ONLY,
  },
  { procedure: 'faqs.delete', setup: faqId, run: (c, _f, x) => c.faqs.delete({ id: x.id! }), expect: ADMIN_ONLY },
  {
    procedure: 'faqs.reorder',
    setup: async () => {
      const category = `Reorder ${uniq()}`;
      const a = await makeFaq(s, { category, sortOrder: 0 });
      const b = await makeFaq(s, { category, sortOrder: 1 });
      return { category, a: a.id, b: b.id };
    },
    run: (c, _f, x) => c.faqs.reorder({ category: x.category!, ids: [x.b!, x.a!] }),
    expect: ADMIN_ONLY,
  },
];

describe('content authorization matrix', () => {
  it.each(CASES.map((c) => ({ ...c, title: `${c.procedure}${c.name ? ` ${c.name}` : ''}` })))('$title', async (tc) => {
    const got: Record<string, string> = {};
    for (const who of WHO) {
      const post = await makePost(s, { authorId: owner.id, status: tc.postStatus ?? 'published' });
      const extra = tc.setup ? await tc.setup() : {};
      got[who] = await outcome(tc.run(callerOf(who), { post, who }, extra));
    }
    expect(got).toEqual(Object.fromEntries(WHO.map((w, i) => [w, tc.expect[i]])));
  });

  it('has a row for every blog, testimonials and faqs procedure of the router', () => {
    const content = Object.keys(appRouter._def.procedures).filter((p) => /^(blog|testimonials|faqs)\./.test(p));
    expect(content.length).toBeGreaterThanOrEqual(19);
    expect([...new Set(CASES.map((c) => c.procedure))].sort()).toEqual(content.sort());
  });

  it('answers the same on the REST face: 401, 403 for another instructor, 200 for the author', async () => {
    const post = await makePost(s, { authorId: owner.id });
    const put = (headers: Record<string, string>) =>
      s.rest({ method: 'PUT', url: `/api/content/blog/${post.id}`, payload: { title: 'Renamed over REST' }, headers });
    expect((await put({})).status).toBe(401);
    expect((await put(s.bearer(banned.token))).status).toBe(401);
    expect((await put(s.bearer(student.token))).status).toBe(403);
    const refused = await put(s.bearer(other.token));
    expect(refused).toMatchObject({ status: 403, body: { success: false, error: { code: 'FORBIDDEN' } } });
    // Nothing changed for the refused calls.
    expect((await s.db.blogPost.findUniqueOrThrow({ where: { id: post.id } })).title).toBe(post.title);
    const ok = await put(s.bearer(owner.token));
    expect(ok).toMatchObject({
      status: 200,
      body: { success: true, post: { id: post.id, title: 'Renamed over REST' } },
    });

    const del = (headers: Record<string, string>) =>
      s.rest({ method: 'DELETE', url: `/api/content/blog/${post.id}`, headers });
    expect((await del(s.bearer(owner.token))).status).toBe(403);
    expect((await del(s.bearer(admin.token))).status).toBe(200);
    expect(await s.db.blogPost.findUnique({ where: { id: post.id } })).toBeNull();
  });

  it('refuses moderation and FAQ writes over REST to everyone but an admin, and nothing happens', async () => {
    const t = await makeTestimonial(s, { userId: student.id });
    for (const token of [undefined, student.token, owner.token, banned.token]) {
      const res = await s.rest({
        method: 'PUT',
        url: `/api/content/testimonials/${t.id}`,
        payload: { status: 'approved', featured: true },
        headers: token ? s.bearer(token) : {},
      });
      expect(res.status).toBe(token && token !== banned.token ? 403 : 401);
      const faq = await s.rest({
        method: 'POST',
        url: '/api/content/faqs',
        payload: { question: 'Not allowed here?', answer: 'No.' },
        headers: token ? s.bearer(token) : {},
      });
      expect(faq.status).toBe(token && token !== banned.token ? 403 : 401);
    }
    expect(await s.db.testimonial.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      status: 'pending',
      featured: false,
    });
    expect(await s.db.faq.count({ where: { question: 'Not allowed here?' } })).toBe(0);
  });
});
