// The catalog's hot paths in `pnpm bench`, side by side with what hand-written SQL can do on the
// same database: for each path, the project's endpoint and a raw Fastify + pg handler running the
// SQL a hand-written implementation would (answering the same JSON, checked deep-equal before
// timing), at 10⁴ and 10⁵ programs (BENCH_CATALOG_SIZES) from a set-based generator. Also the
// PostgreSQL floor: the raw query's own execution time (EXPLAIN ANALYZE), and with
// BENCH_CATALOG_PLANS=1 the plans of the project's queries.
//
// The load comes from a worker thread of this process (node:http, keep-alive, one socket per
// connection), on a machine that may be shared: compare each endpoint with the raw baseline of the same run, not
// figures across runs.
import { deepStrictEqual } from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import pg from 'pg';
import { createDb } from '@learningpt/db';
import { migrate } from '@learningpt/db/migrate';
import { ensureDatabase, withDatabase } from '@learningpt/db/postgres';
import { systemClock } from '@learningpt/core';
import { httpLoad } from './bench-tools';
import { seedDemoData } from '../prisma/seed/index';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';

const CONNECTIONS = Number(process.env.BENCH_CATALOG_CONNECTIONS ?? 50);
const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);
const SIZES = (process.env.BENCH_CATALOG_SIZES ?? '10000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const PLANS = process.env.BENCH_CATALOG_PLANS === '1';

/* ------------------------------------------------------------------------------------------ */
/* The generator: set-based INSERT … SELECT, in steps of 10⁴ programs with a progress line.    */
/* ------------------------------------------------------------------------------------------ */

const TOPICS = [
  'React', 'Python', 'Kubernetes', 'TypeScript', 'Rust', 'Go', 'PostgreSQL', 'Docker', 'AWS', 'Azure',
  'Machine Learning', 'Data Science', 'Security', 'Networking', 'Linux', 'Java', 'Spring', 'Node.js',
  'GraphQL', 'Terraform', 'Scrum', 'Project Management', 'Design', 'Marketing', 'Finance', 'Excel',
  'SQL', 'Swift', 'Kotlin', 'Flutter', 'Angular', 'Vue',
]; // prettier-ignore
const KINDS = ['Mastery', 'Fundamentals', 'Bootcamp', 'Certification Prep', 'in Practice', 'Deep Dive', 'Essentials'];
const WORDS = [
  'build', 'deploy', 'scalable', 'applications', 'learn', 'patterns', 'testing', 'performance', 'exam',
  'practice', 'questions', 'projects', 'real', 'world', 'cloud', 'teams', 'career', 'advanced', 'skills',
  'hands', 'labs', 'architecture', 'debugging', 'security', 'automation', 'data', 'design', 'review',
]; // prettier-ignore

const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(',')}]::text[]`;
const progress = (what: string) => process.stderr.write(`\r\x1b[2Kcatalog bench: ${what}`);

/** Grows the bench rows to `target` programs (cumulative: 10⁴, then 9·10⁴ more for 10⁵). */
export async function generateCatalog(pool: pg.Pool, from: number, target: number) {
  const t0 = performance.now();
  const c = await pool.connect();
  try {
    // Categories: one per 500 programs (at least 20), a third of them sub-categories of the first ones.
    const cats = Math.max(20, Math.ceil(target / 500));
    await c.query(
      `INSERT INTO "Category" (id, name, slug, "sortOrder", "parentId", "updatedAt")
       SELECT gen_random_uuid(), 'Bench category ' || g, 'bench-cat-' || g, g,
         CASE WHEN g % 3 = 0 THEN (SELECT id FROM "Category" WHERE slug = 'bench-cat-' || (g / 3)) END, now()
       FROM generate_series(1, $1::int) g ON CONFLICT (slug) DO NOTHING`,
      [cats],
    );
    // Instructors: one per 20 programs, each with a profile; students: one per 2 programs.
    const instructors = Math.ceil(target / 20);
    const students = Math.ceil(target / 2);
    await c.query(
      `INSERT INTO "User" (id, email, name, role, "emailVerified", "avatarUrl", bio, "updatedAt")
       SELECT gen_random_uuid(), 'bench.instructor.' || g || '@example.org',
         (ARRAY['Ada','Grace','Linus','Barbara','Ken','Margaret','Dennis','Radia'])[1 + g % 8] || ' Instructor ' || g,
         'instructor', true, CASE WHEN g % 2 = 0 THEN 'https://cdn.example.org/a/' || g || '.png' END,
         'Teaches ' || g, now()
       FROM generate_series(1, $1::int) g ON CONFLICT (email) DO NOTHING`,
      [instructors],
    );
    await c.query(
      `INSERT INTO "InstructorProfile" (id, "userId", headline, bio, expertise, "socialLinks", "updatedAt")
       SELECT gen_random_uuid(), u.id, 'Instructor', CASE WHEN u.bio IS NOT NULL AND length(u.email) % 2 = 0 THEN 'Profile of ' || u.name END,
         ARRAY[(${sqlArray(TOPICS)})[1 + length(u.name) % ${TOPICS.length}], (${sqlArray(TOPICS)})[1 + length(u.email) % ${TOPICS.length}]],
         '{"github":"https://github.com/bench"}'::jsonb, now()
       FROM "User" u WHERE u.email LIKE 'bench.instructor.%' ON CONFLICT ("userId") DO NOTHING`,
    );
    await c.query(
      `INSERT INTO "User" (id, email, name, role, "emailVerified", "updatedAt")
       SELECT gen_random_uuid(), 'bench.student.' || g || '@example.org', 'Student ' || g, 'student', true, now()
       FROM generate_series(1, $1::int) g ON CONFLICT (email) DO NOTHING`,
      [students],
    );

    const STEP = 10_000;
    for (let lo = from + 1; lo <= target; lo += STEP) {
      const hi = Math.min(target, lo + STEP - 1);
      progress(`generating programs ${hi.toLocaleString('en')}/${target.toLocaleString('en')}`);
      await c.query('BEGIN');
      await c.query(
        `WITH cat AS (SELECT array_agg(id ORDER BY "sortOrder") a, count(*)::int n FROM "Category" WHERE slug LIKE 'bench-cat-%'),
              ins AS (SELECT array_agg(id ORDER BY email) a, count(*)::int n FROM "User" WHERE email LIKE 'bench.instructor.%')
         INSERT INTO "Program" (id, slug, title, description, overview, "categoryId", "instructorId", "thumbnailUrl",
           status, featured, level, "priceChatbot", "priceDocumentation", "priceExamSimulator", "priceBundle",
           "freeQuestionsCount", "publishedAt", "createdAt", "updatedAt", "deletedAt", features, prerequisites, "learningOutcomes")
         SELECT gen_random_uuid(), 'bench-program-' || g,
           t.topic || ' ' || (${sqlArray(KINDS)})[1 + g % ${KINDS.length}] || ' ' || g,
           'Learn ' || t.topic || ': ' || (${sqlArray(WORDS)})[1 + g % 28] || ' ' || (${sqlArray(WORDS)})[1 + (g / 28) % 28]
             || ' ' || (${sqlArray(WORDS)})[1 + (g / 784) % 28] || ' and ' || (${sqlArray(WORDS)})[1 + (g * 7) % 28] || ' with exam practice.',
           'Overview of program ' || g,
           cat.a[1 + (g * 31) % cat.n], ins.a[1 + (g * 17) % ins.n],
           CASE WHEN g % 4 <> 0 THEN 'https://cdn.example.org/p/' || g || '.jpg' END,
           (CASE WHEN g % 20 = 7 THEN 'draft' WHEN g % 20 = 13 THEN 'archived' ELSE 'published' END)::"ProgramStatus",
           g % 97 = 0,
           (ARRAY['beginner','intermediate','advanced'])[1 + g % 3]::"ProgramLevel",
           CASE WHEN g % 10 = 0 THEN 0 ELSE 999 + (g % 5) * 500 END,
           CASE WHEN g % 10 = 0 THEN 0 ELSE 499 + (g % 3) * 500 END,
           CASE WHEN g % 10 = 0 THEN 0 ELSE 1499 + (g % 4) * 500 END,
           CASE WHEN g % 10 = 0 THEN 0 ELSE 1999 + (g % 7) * 1000 END,
           g % 25,
           now() - g * interval '37 seconds', now() - g * interval '37 seconds', now() - g * interval '11 seconds',
           CASE WHEN g % 50 = 21 THEN now() END,
           ARRAY['AI tutor','Exam simulator'], ARRAY['Curiosity'], ARRAY['Pass the exam']
         FROM generate_series($1::int, $2::int) g, cat, ins,
           LATERAL (SELECT (${sqlArray(TOPICS)})[1 + (g * 13) % ${TOPICS.length}] AS topic) t`,
        [lo, hi],
      );
      // A curriculum for one program in ten: 4 sections of 3 lessons.
      await c.query(
        `INSERT INTO "CurriculumSection" (id, "programId", title, position, "updatedAt")
         SELECT gen_random_uuid(), p.id, 'Section ' || s, s, now()
         FROM "Program" p, generate_series(1, 4) s
         WHERE p.slug IN (SELECT 'bench-program-' || g FROM generate_series($1::int, $2::int) g WHERE g % 10 = 0)`,
        [lo, hi],
      );
      await c.query(
        `INSERT INTO "Lesson" (id, "sectionId", "programId", title, slug, position, "durationMinutes", "updatedAt")
         SELECT gen_random_uuid(), s.id, s."programId", 'Lesson ' || s.position || '.' || l,
           'lesson-' || s.position || '-' || l, l, 5 + (l * 7 + s.position * 3) % 40, now()
         FROM "CurriculumSection" s JOIN "Program" p ON p.id = s."programId", generate_series(1, 3) l
         WHERE p.slug IN (SELECT 'bench-program-' || g FROM generate_series($1::int, $2::int) g WHERE g % 10 = 0)`,
        [lo, hi],
      );
      // Enrollments: 0–8 per program (skewed), from distinct students; a review for every other one.
      await c.query(
        `WITH st AS (SELECT array_agg(id ORDER BY email) a, count(*)::int n FROM "User" WHERE email LIKE 'bench.student.%'),
              e AS (
                SELECT p.id AS "programId", st.a[1 + (g * 7919 + j * 104729) % st.n] AS "userId", g, j
                FROM generate_series($1::int, $2::int) g
                JOIN "Program" p ON p.slug = 'bench-program-' || g, st,
                  LATERAL generate_series(1, (g * 2654435761) % 9) j
              ),
              ins AS (
                INSERT INTO "Enrollment" (id, "userId", "programId", source, status, "progressPercent", "enrolledAt", "updatedAt")
                SELECT gen_random_uuid(), "userId", "programId", 'free', 'active', (g + j) % 100,
                  now() - (g + j) * interval '13 seconds', now()
                FROM e ON CONFLICT ("userId", "programId") DO NOTHING
                RETURNING "userId", "programId", "progressPercent"
              )
         INSERT INTO "Review" (id, "userId", "programId", rating, comment, "updatedAt")
         SELECT gen_random_uuid(), "userId", "programId", 1 + ("progressPercent" * 3) % 5, 'Bench review', now()
         FROM ins WHERE "progressPercent" % 2 = 0`,
        [lo, hi],
      );
      await c.query(
        `UPDATE "Program" p SET "enrolledCount" = x.enrolled, "reviewCount" = x.reviews, "ratingTotal" = x.total
         FROM (
           SELECT p.id,
             (SELECT count(*) FROM "Enrollment" e WHERE e."programId" = p.id)::int AS enrolled,
             (SELECT count(*) FROM "Review" r WHERE r."programId" = p.id)::int AS reviews,
             (SELECT COALESCE(sum(rating), 0) FROM "Review" r WHERE r."programId" = p.id)::int AS total
           FROM "Program" p WHERE p.slug IN (SELECT 'bench-program-' || g FROM generate_series($1::int, $2::int) g)
         ) x WHERE x.id = p.id`,
        [lo, hi],
      );
      await c.query('COMMIT');
    }
    progress('VACUUM ANALYZE (as autovacuum would after a bulk load)');
    await c.query('VACUUM ANALYZE');
  } finally {
    c.release();
  }
  const { rows } = await pool.query<{ programs: string; enrollments: string; reviews: string; categories: string }>(
    `SELECT (SELECT count(*) FROM "Program") programs, (SELECT count(*) FROM "Enrollment") enrollments,
       (SELECT count(*) FROM "Review") reviews, (SELECT count(*) FROM "Category") categories`,
  );
  const r = rows[0]!;
  progress(
    `${r.programs} programs, ${r.categories} categories, ${r.enrollments} enrollments, ${r.reviews} reviews ` +
      `(generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
  );
}

/* ------------------------------------------------------------------------------------------ */
/* The raw baseline: Fastify + pg, the SQL a hand-written implementation would run.            */
/* ------------------------------------------------------------------------------------------ */

type Json = Record<string, unknown>;
const minor = (n: number) => Math.round(n) / 100;
const avg = (total: number, count: number) => (count === 0 ? 0 : Math.round((total / count) * 10) / 10);
const iso = (s: string | Date) => new Date(s).toISOString();
const pages = (total: number, page: number, limit: number) => {
  const totalPages = Math.ceil(total / limit);
  return { currentPage: page, totalPages, total, hasNext: page < totalPages, hasPrev: page > 1 };
};

/** The card columns, as json (one object per program), from p + c + u + ip. */
const CARD_JSON = `json_build_object(
  'id', p.id, 'title', p.title, 'slug', p.slug, 'description', p.description,
  'category', c.name, 'categoryId', c.id, 'categorySlug', c.slug, 'thumbnail', p."thumbnailUrl",
  'instructor', json_build_object('id', u.id, 'name', u.name, 'avatar', u."avatarUrl", 'expertise', COALESCE(ip.expertise, '{}')),
  'pc', p."priceChatbot", 'pd', p."priceDocumentation", 'pe', p."priceExamSimulator", 'pb', p."priceBundle", 'currency', p.currency,
  'level', p.level, 'featured', p.featured, 'freeQuestionsCount', p."freeQuestionsCount",
  'rt', p."ratingTotal", 'totalReviews', p."reviewCount", 'enrolledCount', p."enrolledCount",
  'createdAt', p."createdAt", 'updatedAt', p."updatedAt")`;
const CARD_JOINS = `JOIN "Category" c ON c.id = p."categoryId" JOIN "User" u ON u.id = p."instructorId"
  LEFT JOIN "InstructorProfile" ip ON ip."userId" = u.id`;

function card(j: Json): Json {
  const { pc, pd, pe, pb, rt, currency, ...rest } = j as Json & Record<'pc' | 'pd' | 'pe' | 'pb' | 'rt', number>;
  return {
    ...rest,
    pricing: { chatbot: minor(pc), documentation: minor(pd), examSimulator: minor(pe), bundle: minor(pb), currency },
    isFree: pb === 0 && pc === 0 && pd === 0 && pe === 0,
    rating: avg(rt, j.totalReviews as number),
    createdAt: iso(j.createdAt as string),
    updatedAt: iso(j.updatedAt as string),
  };
}

const ORDER: Record<string, string> = {
  popular: `p."enrolledCount" DESC, p."createdAt" DESC, p.id DESC`,
  newest: `p."createdAt" DESC, p.id DESC`,
  rating: `(CASE WHEN p."reviewCount" = 0 THEN 0 ELSE p."ratingTotal"::numeric / p."reviewCount" END) DESC, p."reviewCount" DESC, p.id DESC`,
};

interface ListQuery {
  sort: string;
  page: number;
  limit: number;
  category?: string;
  search?: string;
}

function rawListSql(q: ListQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const where = [`p.status = 'published'`, `p."deletedAt" IS NULL`];
  if (q.category) {
    values.push(q.category);
    where.push(`p."categoryId" IN (
      WITH RECURSIVE t AS (SELECT id FROM "Category" WHERE slug = $${values.length}
        UNION SELECT k.id FROM "Category" k JOIN t ON k."parentId" = t.id) SELECT id FROM t)`);
  }
  if (q.search) {
    values.push(`%${q.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    where.push(`(p.title ILIKE $${values.length} OR p.description ILIKE $${values.length})`);
  }
  const w = where.join(' AND ');
  values.push(q.limit, (q.page - 1) * q.limit);
  const text = `
    SELECT (SELECT count(*) FROM "Program" p WHERE ${w})::int AS total,
      (SELECT COALESCE(json_agg(${CARD_JSON} ORDER BY ${ORDER[q.sort]}), '[]')
       FROM (SELECT * FROM "Program" p WHERE ${w} ORDER BY ${ORDER[q.sort]} LIMIT $${values.length - 1} OFFSET $${values.length}) p
       ${CARD_JOINS}) AS programs`;
  return { text, values };
}

const RAW_PROGRAM_SQL = `
  SELECT ${CARD_JSON} AS card, p.status, p.overview, p.features, p.prerequisites, p."learningOutcomes",
    p."durationLabel", p.language, COALESCE(ip.bio, u.bio) AS bio, COALESCE(ip."socialLinks", '{}') AS "socialLinks",
    (SELECT count(*) FROM "Question" q WHERE q."programId" = p.id)::int AS "totalQuestions",
    (SELECT json_build_object('rt', COALESCE(sum(x."ratingTotal"), 0), 'rc', COALESCE(sum(x."reviewCount"), 0), 'ec', COALESCE(sum(x."enrolledCount"), 0))
       FROM "Program" x WHERE x."instructorId" = p."instructorId" AND x."deletedAt" IS NULL AND x.status = 'published') AS stats,
    (SELECT COALESCE(json_agg(json_build_object('id', s.id, 'title', s.title, 'lessons', l.n, 'minutes', l.m) ORDER BY s.position, s.id), '[]')
       FROM "CurriculumSection" s,
         LATERAL (SELECT count(*)::int n, COALESCE(sum("durationMinutes"), 0)::int m FROM "Lesson" WHERE "sectionId" = s.id) l
       WHERE s."programId" = p.id) AS curriculum
  FROM "Program" p ${CARD_JOINS}
  WHERE p.slug = $1 AND p.status = 'published' AND p."deletedAt" IS NULL`;

const duration = (total: number) => {
  if (total < 60) return `${total} min`;
  const h = Math.floor(total / 60);
  const m = total % 60;
  const hours = `${h} hour${h === 1 ? '' : 's'}`;
  return m === 0 ? hours : `${hours} ${m} min`;
};

const NO_ACCESS = { allowed: false, via: null };
function rawProgram(r: Json): Json {
  const c = card(r.card as Json);
  const stats = r.stats as { rt: number; rc: number; ec: number };
  const links = r.socialLinks as Json;
  return {
    program: {
      ...c,
      status: r.status,
      overview: r.overview,
      instructor: {
        ...(c.instructor as Json),
        bio: r.bio,
        rating: avg(Number(stats.rt), Number(stats.rc)),
        studentsCount: Number(stats.ec),
        socialLinks: Object.values(links).every((v) => typeof v === 'string') ? links : {},
      },
      features: r.features,
      curriculum: (r.curriculum as { id: string; title: string; lessons: number; minutes: number }[]).map((s) => ({
        id: s.id,
        title: s.title,
        lessons: s.lessons,
        duration: duration(s.minutes),
        durationMinutes: s.minutes,
      })),
      totalQuestions: r.totalQuestions,
      prerequisites: r.prerequisites,
      learningOutcomes: r.learningOutcomes,
      duration: r.durationLabel,
      language: r.language,
      lastUpdated: c.updatedAt,
    },
    isEnrolled: false,
    userProgress: null,
    myReview: null,
    access: { chatbot: NO_ACCESS, documentation: NO_ACCESS, examSimulator: NO_ACCESS },
  };
}

/** search.global (programs and instructors) with the same matching and ranking, one statement. */
const RAW_SEARCH_SQL = `
  WITH ph AS (
    SELECT p.id, ts_rank(p."searchVector", websearch_to_tsquery('english', $1::text)) + similarity(p.title, $1::text)
        + CASE WHEN lower(p.title) = lower($1::text) THEN 1 ELSE 0 END AS score
    FROM "Program" p
    WHERE p.status = 'published' AND p."deletedAt" IS NULL
      AND (p."searchVector" @@ websearch_to_tsquery('english', $1::text) OR p.title % $1::text OR $1::text <% p.title)
  ), ih AS (
    SELECT u.id, greatest(similarity(u.name, $1::text), word_similarity($1::text, u.name),
        COALESCE((SELECT max(similarity(x, $1::text)) FROM unnest(ip.expertise) x), 0))
        + CASE WHEN lower(u.name) = lower($1::text) THEN 1 ELSE 0 END AS score
    FROM "User" u LEFT JOIN "InstructorProfile" ip ON ip."userId" = u.id
    WHERE u.role = 'instructor' AND u.status = 'active' AND u."deletedAt" IS NULL
      AND u.id IN (SELECT instructor_search_ids($1::text))
  ), pp AS (SELECT * FROM ph ORDER BY score DESC, id DESC LIMIT $2 OFFSET $3),
     ip AS (SELECT * FROM ih ORDER BY score DESC, id DESC LIMIT $2 OFFSET $3)
  SELECT (SELECT count(*) FROM ph)::int AS "totalPrograms", (SELECT count(*) FROM ih)::int AS "totalInstructors",
    (SELECT COALESCE(json_agg(json_build_object('card', ${CARD_JSON}, 'score', pp.score) ORDER BY pp.score DESC, pp.id DESC), '[]')
       FROM pp JOIN "Program" p ON p.id = pp.id ${CARD_JOINS}) AS programs,
    (SELECT COALESCE(json_agg(json_build_object('id', u.id, 'name', u.name, 'avatar', u."avatarUrl", 'headline', x.headline,
        'expertise', COALESCE(x.expertise, '{}'), 'score', ip.score) ORDER BY ip.score DESC, ip.id DESC), '[]')
       FROM ip JOIN "User" u ON u.id = ip.id LEFT JOIN "InstructorProfile" x ON x."userId" = u.id) AS instructors`;

async function startRawServer(pool: pg.Pool) {
  const app = Fastify({ logger: false });
  app.get<{ Querystring: Record<string, string> }>('/api/programs', async (req) => {
    const q: ListQuery = {
      sort: req.query.sort ?? 'popular',
      page: Number(req.query.page ?? 1),
      limit: Number(req.query.limit ?? 12),
      ...(req.query.category ? { category: req.query.category } : {}),
      ...(req.query.search ? { search: req.query.search } : {}),
    };
    const { rows } = await pool.query(rawListSql(q));
    const { total, programs } = rows[0] as { total: number; programs: Json[] };
    return {
      success: true,
      programs: programs.map(card),
      pagination: { ...pages(total, q.page, q.limit), totalPrograms: total },
    };
  });
  app.get<{ Params: { slug: string } }>('/api/programs/:slug', async (req, reply) => {
    const { rows } = await pool.query(RAW_PROGRAM_SQL, [req.params.slug]);
    if (!rows[0]) return reply.code(404).send({ success: false });
    return { success: true, ...rawProgram(rows[0] as Json) };
  });
  app.get<{ Querystring: { q: string; page?: string; limit?: string } }>('/api/search', async (req) => {
    const page = Number(req.query.page ?? 1);
    const limit = Number(req.query.limit ?? 10);
    const q = req.query.q.trim();
    const { rows } = await pool.query(RAW_SEARCH_SQL, [q, limit, (page - 1) * limit]);
    const r = rows[0] as { totalPrograms: number; totalInstructors: number; programs: Json[]; instructors: Json[] };
    return {
      success: true,
      query: q,
      type: 'all',
      results: {
        programs: r.programs.map((h) => ({ ...card(h.card as Json), score: h.score })),
        instructors: r.instructors,
      },
      pagination: {
        ...pages(Math.max(r.totalPrograms, r.totalInstructors), page, limit),
        total: r.totalPrograms + r.totalInstructors,
        totalPrograms: r.totalPrograms,
        totalInstructors: r.totalInstructors,
      },
    };
  });
  return { app, base: await app.listen({ host: '127.0.0.1', port: 0 }) };
}

/* ------------------------------------------------------------------------------------------ */
/* Load and measurement.                                                                       */
/* ------------------------------------------------------------------------------------------ */

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The PostgreSQL floor of the raw SQL: the median execution time as PostgreSQL reports it (no
 * network, no JSON out), and the median planning time apart (an unnamed statement, as pg and
 * Prisma send them, is planned at every execution).
 */
async function pgFloor(pool: pg.Pool, sql: { text: string; values: unknown[] }) {
  const exec: number[] = [];
  const plan: number[] = [];
  for (let i = 0; i < 15; i++) {
    const { rows } = await pool.query<{ 'QUERY PLAN': [{ 'Execution Time': number; 'Planning Time': number }] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`,
      sql.values,
    );
    exec.push(rows[0]!['QUERY PLAN'][0]['Execution Time']);
    plan.push(rows[0]!['QUERY PLAN'][0]['Planning Time']);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { exec: median(exec), plan: median(plan) };
}

interface Scenario {
  name: string;
  path: string;
  sql: { text: string; values: unknown[] };
}

/** `url`: any database on the server to use; the catalog bench makes a database of its own there. */
export async function benchCatalog({ url: serverUrl, env }: { url: string; env: Record<string, string> }) {
  // BENCH_CATALOG_DATABASE_URL: a database already migrated and seeded (e.g. by an earlier run
  // with it set): its bench rows are kept and only grown, so a rerun skips most of the generation.
  const reuse = process.env.BENCH_CATALOG_DATABASE_URL;
  const url = reuse ?? withDatabase(serverUrl, `bench_catalog_${Date.now()}`);
  await ensureDatabase(url);
  await migrate({ connectionString: url });
  const db = createDb({ connectionString: url, max: 10 });
  const seeded = await db.program.count();
  if (seeded === 0) await seedDemoData({ db });
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // The project twice: answering every request from the database, and with its response cache
  // for anonymous reads (the same database pool).
  const configOf = (cache: 'on' | 'off') =>
    loadConfig({ ...env, DATABASE_URL: url, LOG_LEVEL: 'silent', CATALOG_CACHE: cache });
  const app = await buildApp({ config: configOf('off'), db, clock: systemClock }, { closeDb: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const cachedApp = await buildApp({ config: configOf('on'), db, clock: systemClock });
  const cachedBase = await cachedApp.listen({ host: '127.0.0.1', port: 0 });
  const raw = await startRawServer(pool);

  console.log(
    `\nCatalog vs raw Fastify + pg — ${CONNECTIONS} connections, ${DURATION_MS} ms each, Node ${process.version}` +
      `\n(shared 2-core machine, load generator in a worker thread of this process: noisy; read the ratios of one run)`,
  );
  const { rows: existing } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Program" WHERE slug LIKE 'bench-program-%'`,
  );
  let generated = existing[0]!.n;
  try {
    for (const size of SIZES) {
      if (size > generated) await generateCatalog(pool, generated, size);
      generated = Math.max(generated, size);
      const { rows } = await pool.query<{ slug: string; cat: string }>(
        `SELECT p.slug, (SELECT slug FROM "Category" WHERE slug = 'bench-cat-1') AS cat FROM "Program" p
         WHERE p.status = 'published' AND p."deletedAt" IS NULL AND EXISTS (SELECT 1 FROM "CurriculumSection" s WHERE s."programId" = p.id)
         ORDER BY p."enrolledCount" DESC, p."createdAt" DESC, p.id DESC LIMIT 1`,
      );
      const { slug, cat } = rows[0]!;
      const scenarios: Scenario[] = [
        {
          name: 'catalog list (popular, 12)',
          path: '/api/programs',
          sql: rawListSql({ sort: 'popular', page: 1, limit: 12 }),
        },
        {
          name: 'catalog list (category tree, newest, page 3)',
          path: `/api/programs?category=${cat}&sort=newest&page=3`,
          sql: rawListSql({ sort: 'newest', page: 3, limit: 12, category: cat }),
        },
        {
          name: "catalog list (ILIKE '%kubernetes b%', rating)",
          path: `/api/programs?search=${encodeURIComponent('kubernetes b')}&sort=rating`,
          sql: rawListSql({ sort: 'rating', page: 1, limit: 12, search: 'kubernetes b' }),
        },
        {
          name: 'program page (anonymous)',
          path: `/api/programs/${slug}`,
          sql: { text: RAW_PROGRAM_SQL, values: [slug] },
        },
        // Search costs what it finds. A title with a typo (a demo program's, matching a handful
        // of rows at any size) and an instructor's name show the indexes; "react mastery" is a
        // broad query in this generated catalog (every "<Topic> Mastery <n>" title is
        // trigram-similar to it: 5 % of the programs, and every instructor with React expertise)
        // and shows the cost of ranking and counting thousands of matches exactly.
        ...(
          [
            ['search, a typo of a title (figma for beginers)', 'figma for beginers'],
            ["search, an instructor's name (marcus chen)", 'marcus chen'],
            ['search, broad (react mastery)', 'react mastery'],
          ] as const
        ).map(([name, q]) => ({
          name,
          path: `/api/search?q=${encodeURIComponent(q)}`,
          sql: { text: RAW_SEARCH_SQL, values: [q, 10, 0] },
        })),
      ];
      console.log(`\n${generated.toLocaleString('en')} generated programs (+ the demo ones)`);
      console.log(
        'path'.padEnd(46),
        'ours r/s'.padStart(9),
        'p50'.padStart(7),
        'p99'.padStart(7),
        'cached'.padStart(9),
        'p50'.padStart(7),
        'p99'.padStart(7),
        'raw r/s'.padStart(9),
        'p50'.padStart(7),
        'p99'.padStart(7),
        'ratio'.padStart(6),
        'cached'.padStart(7),
        'pg ms'.padStart(7),
        'plan'.padStart(6),
      );
      for (const s of scenarios) {
        const [ours, cached, theirs] = await Promise.all([
          get(base + s.path),
          get(cachedBase + s.path),
          get(raw.base + s.path),
        ]);
        if (ours.status !== 200) throw new Error(`${s.path} answered ${ours.status}: ${ours.body.slice(0, 300)}`);
        // Same answer, or the comparison means nothing.
        deepStrictEqual(JSON.parse(theirs.body), JSON.parse(ours.body), `raw and project answers differ for ${s.path}`);
        deepStrictEqual(JSON.parse(cached.body), JSON.parse(ours.body), `cached answer differs for ${s.path}`);
        const a = await httpLoad({ url: base + s.path, connections: CONNECTIONS, durationMs: DURATION_MS });
        const c = await httpLoad({ url: cachedBase + s.path, connections: CONNECTIONS, durationMs: DURATION_MS });
        const b = await httpLoad({ url: raw.base + s.path, connections: CONNECTIONS, durationMs: DURATION_MS });
        const floor = await pgFloor(pool, s.sql);
        console.log(
          s.name.padEnd(46),
          a.rps.toFixed(0).padStart(9),
          a.p50.toFixed(1).padStart(7),
          a.p99.toFixed(1).padStart(7),
          c.rps.toFixed(0).padStart(9),
          c.p50.toFixed(1).padStart(7),
          c.p99.toFixed(1).padStart(7),
          b.rps.toFixed(0).padStart(9),
          b.p50.toFixed(1).padStart(7),
          b.p99.toFixed(1).padStart(7),
          (a.rps / b.rps).toFixed(2).padStart(6),
          (c.rps / b.rps).toFixed(2).padStart(7),
          floor.exec.toFixed(2).padStart(7),
          floor.plan.toFixed(2).padStart(6),
          a.errors + b.errors + c.errors > 0 ? ` failed: ours ${a.errors}, cached ${c.errors}, raw ${b.errors}` : '',
        );
      }
      if (PLANS && size === SIZES[SIZES.length - 1]) {
        for (const s of scenarios) {
          const { rows: plan } = await pool.query<{ 'QUERY PLAN': string }>(
            `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${s.sql.text}`,
            s.sql.values,
          );
          console.log(`\n-- plan: ${s.name}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
        }
      }
    }
  } finally {
    agent.destroy();
    await raw.app.close();
    await app.close();
    await cachedApp.close();
    await pool.end();
  }
}
