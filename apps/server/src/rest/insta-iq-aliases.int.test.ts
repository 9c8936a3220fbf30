// A client written from the Insta iQ spec, unchanged: its course paths (/api/courses/…), its user
// management (/api/users…, admins) and its sign-up / sign-in answers, with its query names, body
// fields and answer keys. Each path is an alias of one procedure: same rows, same authorization.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, REST_ALIASES } from '@learningpt/api';
import { startTestServer, type TestServer } from '../testing/harness';
import { makeProgram, makeUser, type TestUser } from '../testing/learning-fixtures';
import { lastEmail, linkToken } from '../testing/outbox';

let s: TestServer;
let student: TestUser;
let instructor: TestUser;
let otherInstructor: TestUser;
let admin: TestUser;
let banned: TestUser;
beforeAll(async () => {
  s = await startTestServer();
  [student, instructor, otherInstructor, admin, banned] = await Promise.all([
    makeUser(s, 'student', 'Sam Student'),
    makeUser(s, 'instructor', 'Ivy Instructor'),
    makeUser(s, 'instructor', 'Olly Other'),
    makeUser(s, 'admin', 'Ada Admin'),
    makeUser(s, 'student', 'Bob Banned'),
  ]);
  await s.db.user.update({ where: { id: banned.id }, data: { status: 'banned' } });
});
afterAll(() => s.close());

type Body = { success: boolean; [k: string]: unknown };
type Course = {
  id: string;
  slug: string;
  title: string;
  level: string;
  featured: boolean;
  status?: string;
  price: number;
  imageUrl: string | null;
  instructorId: string;
  enrollments: number;
  totalRatings: number;
  pricing: { bundle: number };
  thumbnail: string | null;
  instructor: { id: string };
  enrolledCount: number;
  totalReviews: number;
};
type ListBody = Body & {
  courses: Course[];
  programs: Course[];
  totalPages: number;
  currentPage: number;
  total: number;
  pagination: { totalPages: number; currentPage: number; total: number };
};
type CourseBody = Body & { course: Course; program: Course };
type UserView = { id: string; name: string; email: string; role: string; status: string; bio: string | null };

const STRONG = 'a long and unusual passphrase 4 tests';
let seq = 0;
const freshEmail = () => `insta.${Date.now()}.${++seq}@example.org`;

const as = (u: TestUser | null) => (u ? s.bearer(u.token) : {});
const get = <T = Body>(url: string, who: TestUser | null = null) => s.rest<T>({ method: 'GET', url, headers: as(who) });
const send = <T = Body>(method: 'POST' | 'PUT' | 'DELETE', url: string, who: TestUser | null, payload?: object) =>
  s.rest<T>({ method, url, headers: as(who), ...(payload ? { payload } : {}) });

/** What Insta iQ calls a course shows our program's values under its names. */
function expectCourseNames(course: Course) {
  expect(course.price).toBe(course.pricing.bundle);
  expect(course.imageUrl).toBe(course.thumbnail);
  expect(course.instructorId).toBe(course.instructor.id);
  expect(course.enrollments).toBe(course.enrolledCount);
  expect(course.totalRatings).toBe(course.totalReviews);
}

describe('Insta iQ courses: /api/courses', () => {
  it('GET /courses takes its page, limit, level, search and sort=price_asc, answers courses, totalPages, currentPage, total', async () => {
    const res = await get<ListBody>('/api/courses?page=1&limit=3&level=Beginner&sort=price_asc');
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    const { courses } = res.body;
    expect(courses.length).toBeGreaterThan(0);
    expect(courses.length).toBeLessThanOrEqual(3);
    expect(courses.every((c) => c.level === 'beginner')).toBe(true);
    const prices = courses.map((c) => c.price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    courses.forEach(expectCourseNames);
    expect(res.body.currentPage).toBe(1);
    expect(res.body.total).toBe(res.body.pagination.total);
    expect(res.body.totalPages).toBe(Math.ceil(res.body.total / 3));
    // The same procedure: its own path, our names, gives the same programs.
    const own = await get<ListBody>('/api/programs?page=1&limit=3&level=beginner&sort=price-low');
    expect(courses.map((c) => c.id)).toEqual(own.body.programs.map((p) => p.id));
    expect(res.body.programs.map((p) => p.id)).toEqual(own.body.programs.map((p) => p.id));
    // ...and the procedure's own path does not grow Insta iQ's keys.
    expect(Object.keys(own.body).sort()).toEqual(['pagination', 'programs', 'success']);
    expect(own.body.programs[0]).not.toHaveProperty('price');

    const desc = await get<ListBody>('/api/courses?limit=100&sort=price_desc');
    const descending = desc.body.courses.map((c) => c.price);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(new Set(descending).size).toBeGreaterThan(1);
  });

  it('GET /courses filters by its category (an id) and search', async () => {
    const row = await s.db.program.findFirstOrThrow({ where: { status: 'published', deletedAt: null } });
    const res = await get<ListBody>(`/api/courses?category=${row.categoryId}&limit=100`);
    expect(res.status).toBe(200);
    expect(res.body.courses.map((c) => c.id)).toContain(row.id);
    const word = row.title.split(' ')[0]!;
    const found = await get<ListBody>(`/api/courses?search=${encodeURIComponent(word)}&limit=100`);
    expect(found.body.courses.map((c) => c.id)).toContain(row.id);
  });

  it('GET /courses/featured answers courses; GET /courses/{slug} and by id answer course', async () => {
    const featured = await get<ListBody>('/api/courses/featured');
    expect(featured.status).toBe(200);
    expect(featured.body.courses.length).toBeGreaterThan(0);
    expect(featured.body.courses.every((c) => c.featured)).toBe(true);
    featured.body.courses.forEach(expectCourseNames);

    const { slug, id } = featured.body.courses[0]!;
    const bySlug = await get<CourseBody>(`/api/courses/${slug}`);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.course).toMatchObject({ id, slug });
    expect(bySlug.body.program.id).toBe(id);
    expectCourseNames(bySlug.body.course);
    expect((await get<CourseBody>(`/api/courses/${id}`)).body.course.slug).toBe(slug);
    expect((await get(`/api/courses/no-such-course`)).status).toBe(404);
  });

  it('a student enrolls on POST /courses/{id}/enroll, then sees it on /courses/enrolled, /lessons and /progress', async () => {
    const program = await makeProgram(s, { ownerId: instructor.id, prices: 'free' });
    expect((await send('POST', `/api/courses/${program.id}/enroll`, null)).status).toBe(401);
    const enrolled = await send<Body & { enrollment: { programId: string } }>(
      'POST',
      `/api/courses/${program.id}/enroll`,
      student,
    );
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.enrollment.programId).toBe(program.id);
    expect(await s.db.enrollment.count({ where: { userId: student.id, programId: program.id } })).toBe(1);

    const mine = await get<ListBody>('/api/courses/enrolled?limit=100', student);
    expect(mine.status).toBe(200);
    expect(mine.body.courses.map((c) => c.id)).toContain(program.id);
    expect(mine.body.courses).toEqual(mine.body.programs);

    const lessons = await get<Body & { courseId: string; programId: string; sections: unknown[] }>(
      `/api/courses/${program.id}/lessons`,
      student,
    );
    expect(lessons.status).toBe(200);
    expect(lessons.body.courseId).toBe(program.id);
    expect(lessons.body.sections).toHaveLength(program.sectionIds.length);

    const progress = await get<Body & { progress: { programId: string; lessonsTotal: number } }>(
      `/api/courses/${program.id}/progress`,
      student,
    );
    expect(progress.status).toBe(200);
    expect(progress.body.progress).toMatchObject({ programId: program.id, lessonsTotal: program.lessonIds.length });
    expect((await get(`/api/courses/${program.id}/progress`)).status).toBe(401);
  });

  it('POST /courses takes its fields (price, category_id, image_url, learning_outcomes, level "Intermediate")', async () => {
    const category = await s.db.category.findFirstOrThrow({ where: { isActive: true } });
    const payload = {
      title: 'Insta iQ Course From The Spec',
      description: 'Written by a client of the Insta iQ spec.',
      price: 49.99,
      level: 'Intermediate',
      category_id: category.id,
      image_url: 'https://cdn.example.com/course.png',
      learning_outcomes: ['Ship it'],
      language: 'English',
    };
    expect((await send('POST', '/api/courses', null, payload)).status).toBe(401);
    expect((await send('POST', '/api/courses', student, payload)).status).toBe(403);

    const res = await send<CourseBody>('POST', '/api/courses', instructor, payload);
    expect(res.status).toBe(200);
    expect(res.body.course).toMatchObject({
      title: payload.title,
      price: 49.99,
      imageUrl: 'https://cdn.example.com/course.png',
      level: 'intermediate',
      status: 'draft',
      instructorId: instructor.id,
    });
    expect(res.body.program.id).toBe(res.body.course.id);
    const row = await s.db.program.findUniqueOrThrow({ where: { id: res.body.course.id } });
    expect(row).toMatchObject({
      priceBundle: 4999,
      categoryId: category.id,
      thumbnailUrl: payload.image_url,
      learningOutcomes: ['Ship it'],
      instructorId: instructor.id,
    });

    // Our own names win when both are sent.
    const both = await send<CourseBody>('POST', '/api/courses', instructor, {
      ...payload,
      title: 'Both Names Sent',
      pricing: { bundle: 10 },
    });
    expect(both.body.course.price).toBe(10);
  });

  it('PUT /courses/{id} takes its fields for the owner; another instructor is refused as on PUT /programs/{id}', async () => {
    const program = await makeProgram(s, { ownerId: instructor.id, status: 'draft' });
    const payload = { title: 'Renamed From Insta iQ', price: 19.5, image_url: 'https://cdn.example.com/new.png' };
    const res = await send<CourseBody>('PUT', `/api/courses/${program.id}`, instructor, payload);
    expect(res.status).toBe(200);
    expect(res.body.course).toMatchObject({ title: payload.title, price: 19.5, imageUrl: payload.image_url });
    const row = await s.db.program.findUniqueOrThrow({ where: { id: program.id } });
    expect(row).toMatchObject({ title: payload.title, priceBundle: 1950, priceChatbot: 999 });

    // Someone else's: a draft is not found for them, a published one is not theirs to change.
    const published = await makeProgram(s, { ownerId: instructor.id });
    for (const [target, status] of [
      [program.id, 404],
      [published.id, 403],
    ] as const) {
      const other = await send('PUT', `/api/courses/${target}`, otherInstructor, payload);
      const otherOwn = await send('PUT', `/api/programs/${target}`, otherInstructor, { title: 'Nope Nope' });
      expect([other.status, otherOwn.status]).toEqual([status, status]);
    }
    expect((await s.db.program.findUniqueOrThrow({ where: { id: published.id } })).title).not.toBe(payload.title);
  });

  it('PUT /courses/{id}/status publishes (admin, "Published") and DELETE /courses/{id} removes it', async () => {
    const program = await makeProgram(s, { ownerId: instructor.id, status: 'draft' });
    expect((await send('PUT', `/api/courses/${program.id}/status`, student, { status: 'published' })).status).toBe(403);
    const published = await send<CourseBody>('PUT', `/api/courses/${program.id}/status`, admin, {
      status: 'Published',
    });
    expect(published.status).toBe(200);
    expect(published.body.course).toMatchObject({ id: program.id, status: 'published' });
    expect((await get<CourseBody>(`/api/courses/${program.slug}`)).body.course.id).toBe(program.id);

    expect((await send('DELETE', `/api/courses/${program.id}`, student)).status).toBe(403);
    const deleted = await send<Body & { id: string; message: string }>('DELETE', `/api/courses/${program.id}`, admin);
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(program.id);
    expect((await s.db.program.findUniqueOrThrow({ where: { id: program.id } })).deletedAt).not.toBeNull();
    expect((await get(`/api/courses/${program.slug}`)).status).toBe(404);
  });

  it('refuses bad input with a 400 naming the field, never a 500', async () => {
    const res = await send<{ error: { issues: { path: string[] }[] } }>('POST', '/api/courses', instructor, {
      title: 'Bad Price Course',
      description: 'A course whose price is not a number.',
      category_id: 'web-development',
      price: 'free',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i) => i.path.join('.'))).toContain('pricing.bundle');
    expect((await get('/api/courses?sort=cheapest')).status).toBe(400);
  });
});

describe('Insta iQ user management: /api/users (admins)', () => {
  it('GET /users lists with its page keys; status=inactive lists the banned', async () => {
    const res = await get<Body & { users: UserView[]; totalPages: number; currentPage: number; total: number }>(
      '/api/users?page=1&limit=5&role=Student',
      admin,
    );
    expect(res.status).toBe(200);
    expect(res.body.users.length).toBeGreaterThan(0);
    expect(res.body.users.every((u) => u.role === 'student')).toBe(true);
    expect(res.body.currentPage).toBe(1);
    expect(res.body.totalPages).toBe(Math.ceil(res.body.total / 5));
    expect(res.body.total).toBe(await s.db.user.count({ where: { role: 'student' } }));

    const inactive = await get<Body & { users: UserView[] }>('/api/users?status=inactive&limit=100', admin);
    expect(inactive.status).toBe(200);
    expect(inactive.body.users.map((u) => u.id)).toContain(banned.id);
    expect(inactive.body.users.every((u) => u.status === 'banned')).toBe(true);
  });

  it('creates, reads, updates, deactivates, re-roles and deletes a user on its paths', async () => {
    const email = freshEmail();
    const created = await send<Body & { user: UserView }>('POST', '/api/users', admin, {
      name: 'Made By Insta',
      email,
      password: STRONG,
      phone: '+1234567890',
      role: 'Instructor',
    });
    expect(created.status).toBe(200);
    expect(created.body.user).toMatchObject({ email, name: 'Made By Insta', role: 'instructor', status: 'active' });
    const { id } = created.body.user;

    const one = await get<Body & { user: UserView }>(`/api/users/${id}`, admin);
    expect(one.status).toBe(200);
    expect(one.body.user.email).toBe(email);

    const updated = await send<Body & { user: UserView }>('PUT', `/api/users/${id}`, admin, {
      name: 'Renamed By Insta',
      bio: 'Teaches things.',
    });
    expect(updated.body.user).toMatchObject({ name: 'Renamed By Insta', bio: 'Teaches things.' });

    await s.signIn(email, STRONG);
    const off = await send<Body & { user: UserView }>('PUT', `/api/users/${id}/status`, admin, { status: 'inactive' });
    expect(off.status).toBe(200);
    expect(off.body.user.status).toBe('banned');
    await expect(s.signIn(email, STRONG)).rejects.toThrow(/403/);
    const on = await send<Body & { user: UserView }>('PUT', `/api/users/${id}/status`, admin, { status: 'active' });
    expect(on.body.user.status).toBe('active');
    await s.signIn(email, STRONG);

    const role = await send<Body & { user: UserView }>('PUT', `/api/users/${id}/role`, admin, { role: 'admin' });
    expect(role.body.user.role).toBe('admin');
    expect((await s.db.user.findUniqueOrThrow({ where: { id } })).role).toBe('admin');

    const gone = await send<Body & { message: string }>('DELETE', `/api/users/${id}`, admin);
    expect(gone.status).toBe(200);
    expect((await s.db.user.findUniqueOrThrow({ where: { id } })).status).toBe('deleted');
    const bad = await send('PUT', `/api/users/${id}/status`, admin, { status: 'pending' });
    expect(bad.status).toBe(400);
  });

  it('needs an admin: anonymous 401, a student or instructor 403, a banned account 401, and writes nothing', async () => {
    const before = await s.db.user.count();
    const target = student.id;
    const calls: ['GET' | 'POST' | 'PUT' | 'DELETE', string, object?][] = [
      ['GET', '/api/users'],
      ['POST', '/api/users', { name: 'Not Allowed', email: freshEmail(), password: STRONG }],
      ['GET', `/api/users/${target}`],
      ['PUT', `/api/users/${target}`, { name: 'Hijacked' }],
      ['DELETE', `/api/users/${target}`],
      ['PUT', `/api/users/${target}/status`, { status: 'inactive' }],
      ['PUT', `/api/users/${target}/role`, { role: 'admin' }],
    ];
    for (const [method, url, payload] of calls) {
      const statuses = [];
      for (const who of [null, student, instructor, banned]) {
        statuses.push((await s.rest({ method, url, headers: as(who), ...(payload ? { payload } : {}) })).status);
      }
      expect([method, url, statuses]).toEqual([method, url, [401, 403, 403, 401]]);
    }
    expect(await s.db.user.count()).toBe(before);
    expect(await s.db.user.findUniqueOrThrow({ where: { id: target } })).toMatchObject({
      name: 'Sam Student',
      role: 'student',
      status: 'active',
    });
    // The signed-in user's own /users paths are not shadowed by /users/{id}.
    expect((await get<Body & { user: { id: string } }>('/api/users/profile', student)).body.user.id).toBe(student.id);
  });
});

describe('every alias is authorized as its procedure', () => {
  /** The procedure's own REST route. */
  const ownRoute = (of: string) => {
    const proc = (appRouter._def.procedures as Record<string, unknown>)[of] as {
      _def: { meta?: { route?: { method: string; path: string } } };
    };
    return proc._def.meta!.route!;
  };
  const insta = REST_ALIASES.filter((a) => a.path.startsWith('/courses') || a.path.startsWith('/users'));

  it('answers each role with the status of the procedure’s own path (ids that are not ids: nothing changes)', async () => {
    expect(insta.length).toBe(18);
    const fill = (path: string) => `/api${path.replaceAll('{id}', 'not-an-id')}`;
    const payloadOf = (method: string) => (method === 'GET' || method === 'DELETE' ? {} : { payload: {} });
    for (const alias of insta) {
      const own = ownRoute(alias.of);
      for (const who of [null, student, instructor, admin, banned]) {
        const a = await s.rest({
          method: alias.method,
          url: fill(alias.path),
          headers: as(who),
          ...payloadOf(alias.method),
        });
        const o = await s.rest({
          method: own.method as 'GET',
          url: fill(own.path),
          headers: as(who),
          ...payloadOf(own.method),
        });
        expect([alias.path, who?.name ?? 'anonymous', a.status]).toEqual([
          alias.path,
          who?.name ?? 'anonymous',
          o.status,
        ]);
        expect(a.status).toBeLessThan(500);
      }
    }
  });
});

describe('Insta iQ sign-up and sign-in answers', () => {
  it('POST /auth/register takes its body (phone ignored) and answers message; POST /auth/login answers message, token, refreshToken, user', async () => {
    const email = freshEmail();
    const reg = await s.rest<Body & { message: string }>({
      method: 'POST',
      url: '/api/auth/register',
      payload: { name: 'Test User', email, password: STRONG, phone: '+1234567890' },
    });
    expect(reg.status).toBe(200);
    expect(reg.body.message).toMatch(/Registration successful/);
    // No token and no account yet: it signs in once its address is verified (a choice, README), and
    // an address that has an account answers the same.
    expect(reg.body).toEqual({ success: true, message: reg.body.message });

    const token = linkToken(await lastEmail(s, email, 'verification'));
    expect((await s.rest({ method: 'POST', url: '/api/auth/verify-email', payload: { token } })).status).toBe(200);

    const login = await s.rest<
      Body & {
        message: string;
        token: string;
        refreshToken: string;
        user: { id: string; name: string; email: string; role: string; avatar: string | null };
      }
    >({ method: 'POST', url: '/api/auth/login', payload: { email, password: STRONG } });
    expect(login.status).toBe(200);
    expect(login.body.message).toBe('Login successful');
    expect(login.body.token).toEqual(expect.any(String));
    expect(login.body.refreshToken).toEqual(expect.any(String));
    expect(login.body.user).toMatchObject({ name: 'Test User', email, role: 'student', avatar: null });
    const me = await s.rest<Body & { user: { id: string } }>({
      url: '/api/auth/profile',
      headers: s.bearer(login.body.token),
    });
    expect(me.body.user.id).toBe(login.body.user.id);
  });
});

describe('OpenAPI document of the aliases', () => {
  type Op = { parameters?: { name: string }[]; requestBody?: unknown; responses: Record<string, unknown> };
  let paths: Record<string, Record<string, Op>>;
  beforeAll(async () => {
    paths = (await s.app.inject({ url: '/api/openapi.json' })).json<{ paths: typeof paths }>().paths;
  });

  it("shows both keys in an alias's answer, and only ours on the procedure's own path", () => {
    const list = JSON.stringify(paths['/courses']!.get!.responses['200']);
    for (const key of ['"courses"', '"programs"', '"totalPages"', '"currentPage"', '"total"', '"imageUrl"']) {
      expect(list).toContain(key);
    }
    const one = JSON.stringify(paths['/courses/{id}']!.get!.responses['200']);
    expect(one).toContain('"course"');
    expect(one).toContain('"program"');
    const own = JSON.stringify(paths['/programs']!.get!.responses['200']);
    expect(own).toContain('"programs"');
    expect(own).not.toContain('"courses"');
    expect(JSON.stringify(paths['/users']!.get!.responses['200'])).toContain('"totalPages"');
  });

  it("shows the spec's input names of an alias", () => {
    const body = JSON.stringify(paths['/courses']!.post!.requestBody);
    for (const key of ['"price"', '"category_id"', '"image_url"', '"learning_outcomes"', '"pricing"']) {
      expect(body).toContain(key);
    }
    expect(JSON.stringify(paths['/programs']!.post!.requestBody)).not.toContain('"category_id"');
  });
});
