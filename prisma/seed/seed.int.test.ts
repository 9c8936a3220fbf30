// The demo data: loads into a migrated database, agrees with fixtures.ts, is safe to run twice
// (also concurrently), and respects the invariants the migration enforces.
import { verifyPassword } from '@learningpt/core';
import { createDb, isUniqueViolation } from '@learningpt/db';
import { createTestDatabase, useTestDatabase } from '@learningpt/db/testing';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  DEMO_ACCOUNTS,
  DEMO_COUNTS,
  DEMO_USERS,
  EVENT_FACTS,
  PROGRAM_FACTS,
  PROGRAM_STATS,
  PUBLISHED_PROGRAMS_BY_CATEGORY,
} from './fixtures';
import { seedDemoData } from './index';

const TABLES: Record<keyof typeof DEMO_COUNTS, string> = {
  users: 'User',
  instructorProfiles: 'InstructorProfile',
  instructorApplications: 'InstructorApplication',
  categories: 'Category',
  programs: 'Program',
  sections: 'CurriculumSection',
  lessons: 'Lesson',
  plans: 'SubscriptionPlan',
  subscriptions: 'Subscription',
  coupons: 'Coupon',
  events: 'Event',
  orders: 'Order',
  orderItems: 'OrderItem',
  payments: 'Payment',
  refunds: 'Refund',
  invoices: 'Invoice',
  couponRedemptions: 'CouponRedemption',
  webhookEvents: 'WebhookEvent',
  enrollments: 'Enrollment',
  lessonProgress: 'LessonProgress',
  reviews: 'Review',
  reviewVotes: 'ReviewHelpfulVote',
  quizzes: 'Quiz',
  questions: 'Question',
  attempts: 'QuizAttempt',
  attemptAnswers: 'AttemptAnswer',
  certificates: 'Certificate',
  aiChatSessions: 'AiChatSession',
  aiMessages: 'AiMessage',
  aiUsage: 'AiUsage',
  eventRegistrations: 'EventRegistration',
  blogPosts: 'BlogPost',
  testimonials: 'Testimonial',
  faqs: 'Faq',
  notifications: 'Notification',
  auditLogs: 'AuditLog',
};

type Db = ReturnType<typeof useTestDatabase>['db'];

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [key, table] of Object.entries(TABLES)) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
    out[key] = row!.n;
  }
  return out;
}

describe('seedDemoData', () => {
  const t = useTestDatabase({ max: 2 });

  // How long loading takes is for the benchmark, not a test: a loaded CI machine must not fail it.
  it('loads every table as fixtures.ts says, and does nothing the second time', async () => {
    const first = await seedDemoData({ db: t.db });
    expect(first.created).toBe(true);
    expect(await counts(t.db)).toEqual(DEMO_COUNTS);

    const second = await seedDemoData({ db: t.db });
    expect(second.created).toBe(false);
    expect(second.accounts).toEqual(first.accounts);
    expect(await counts(t.db)).toEqual(DEMO_COUNTS);
  });

  it('returns the sign-in accounts, whose passwords verify (argon2id)', async () => {
    const { accounts } = await seedDemoData({ db: t.db });
    expect(accounts.map((a) => a.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
    expect(accounts[0]).toMatchObject({ role: 'admin', email: ADMIN_EMAIL });
    expect(accounts.filter((a) => a.role === 'instructor')).toHaveLength(3);
    expect(DEMO_USERS.filter((u) => u.role === 'student')).toHaveLength(8);
    for (const a of accounts) {
      const user = await t.db.user.findUniqueOrThrow({ where: { email: a.email } });
      expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(user.passwordHash!, a.password)).toBe(true);
      expect(user).toMatchObject({ role: a.role, status: 'active', emailVerified: true });
    }
  });

  it('stores counters that agree with the rows', async () => {
    const programs = await t.db.program.findMany({
      select: { slug: true, enrolledCount: true, reviewCount: true, ratingTotal: true },
    });
    for (const p of programs) {
      const [enrolled, reviews] = await Promise.all([
        t.db.enrollment.count({ where: { program: { slug: p.slug }, status: { not: 'cancelled' } } }),
        t.db.review.aggregate({ where: { program: { slug: p.slug } }, _count: true, _sum: { rating: true } }),
      ]);
      expect({ slug: p.slug, enrolled, reviews: reviews._count, total: reviews._sum.rating ?? 0 }).toEqual({
        slug: p.slug,
        enrolled: p.enrolledCount,
        reviews: p.reviewCount,
        total: p.ratingTotal,
      });
      expect(PROGRAM_STATS[p.slug]).toMatchObject({
        enrolledCount: p.enrolledCount,
        reviewCount: p.reviewCount,
        ratingTotal: p.ratingTotal,
      });
    }
    const events = await t.db.event.findMany({
      include: { _count: { select: { registrations: { where: { status: { not: 'cancelled' } } } } } },
    });
    for (const e of events) expect(e.registeredCount).toBe(e._count.registrations);
  });

  it('has the catalogue facts that fixtures.ts exports', async () => {
    const groups = await t.db.program.groupBy({
      by: ['categoryId'],
      where: { status: 'published', deletedAt: null },
      _count: { _all: true },
    });
    const categories = await t.db.category.findMany({ select: { id: true, slug: true } });
    const bySlug = Object.fromEntries(
      categories.map((c) => [c.slug, groups.find((g) => g.categoryId === c.id)?._count._all ?? 0]),
    );
    expect(bySlug).toEqual(PUBLISHED_PROGRAMS_BY_CATEGORY);
    expect(await t.db.program.count({ where: { status: 'published', deletedAt: null } })).toBe(PROGRAM_FACTS.published);
    const featured = await t.db.program.findMany({ where: { featured: true }, select: { slug: true } });
    expect(featured.map((p) => p.slug).sort()).toEqual([...PROGRAM_FACTS.featuredSlugs].sort());
    const free = await t.db.program.findMany({
      where: {
        status: 'published',
        deletedAt: null,
        priceChatbot: 0,
        priceDocumentation: 0,
        priceExamSimulator: 0,
        priceBundle: 0,
      },
      select: { slug: true },
    });
    expect(free.map((p) => p.slug).sort()).toEqual([...PROGRAM_FACTS.freeSlugs].sort());
    const plans = await t.db.subscriptionPlan.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(plans.map((p) => [p.id, p.price, p.currency, p.billingCycle])).toEqual([
      ['free', 0, 'USD', 'monthly'],
      ['basic', 1999, 'USD', 'monthly'],
      ['premium', 3999, 'USD', 'monthly'],
    ]);
    const upcoming = await t.db.event.findMany({
      where: { status: 'upcoming', startsAt: { gt: new Date('2029-12-31T00:00:00Z') } },
    });
    expect(upcoming.map((e) => e.slug).sort()).toEqual([...EVENT_FACTS.farFutureSlugs].sort());
  });

  it('enforces the invariants of the migration (partial unique indexes and CHECKs)', async () => {
    const { db } = t;
    const attempt = await db.quizAttempt.findFirstOrThrow({ where: { status: 'submitted' } });
    // One open attempt per (user, quiz): the first is fine, the second violates the partial index.
    await db.quizAttempt.create({ data: { userId: attempt.userId, quizId: attempt.quizId, status: 'in_progress' } });
    const second = db.quizAttempt.create({
      data: { userId: attempt.userId, quizId: attempt.quizId, status: 'in_progress' },
    });
    await expect(second).rejects.toSatisfy(isUniqueViolation);
    await db.quizAttempt.deleteMany({
      where: { userId: attempt.userId, quizId: attempt.quizId, status: 'in_progress' },
    });

    const pending = await db.instructorApplication.findFirstOrThrow({ where: { status: 'pending' } });
    await expect(db.instructorApplication.create({ data: { userId: pending.userId, bio: 'again' } })).rejects.toSatisfy(
      isUniqueViolation,
    );

    const review = await db.review.findFirstOrThrow();
    await expect(db.review.update({ where: { id: review.id }, data: { rating: 6 } })).rejects.toThrow(
      /Review_rating_check/,
    );
    const full = await db.event.findFirstOrThrow({ where: { capacity: { not: null } } });
    await expect(
      db.event.update({ where: { id: full.id }, data: { registeredCount: full.capacity! + 1 } }),
    ).rejects.toThrow(/Event_capacity_check/);
    const order = await db.order.findFirstOrThrow();
    await expect(db.order.update({ where: { id: order.id }, data: { total: order.total + 1 } })).rejects.toThrow(
      /Order_amounts_check/,
    );
    await expect(db.user.create({ data: { email: 'Mixed@Case.dev', name: 'x' } })).rejects.toThrow(
      /User_email_format_check/,
    );
  });
});

describe('seedDemoData concurrently', () => {
  it('loads the data once when two runs race', async () => {
    const a = await createTestDatabase({ max: 2 });
    const b = createDb({ connectionString: a.url, max: 2 });
    try {
      const results = await Promise.all([seedDemoData({ db: a.db }), seedDemoData({ db: b })]);
      expect(results.map((r) => r.created).sort()).toEqual([false, true]);
      expect(await a.db.user.count()).toBe(DEMO_COUNTS.users);
    } finally {
      await b.$disconnect();
      await a.drop();
    }
  });
});
