// Loads the demo data (see ./data/* and build.ts) into a migrated database.
//
// Safe to run again: if the demo admin account exists, nothing is written and `created` is false.
// Everything is inserted in ONE transaction, under an advisory lock, so a failure (or a
// concurrent run) never leaves half a data set behind.
import { hashPassword } from '@learningpt/core';
import type { Prisma, PrismaClient } from '@learningpt/db';
import { buildDemoRows } from './build';
import { ADMIN_EMAIL, DEMO_PASSWORDS } from './data/users';
import { DEMO_ACCOUNTS } from './fixtures';

export { DEMO_ACCOUNTS } from './fixtures';

export interface SeedDemoDataResult {
  created: boolean;
  /** The accounts that can sign in, with their demo passwords. */
  accounts: { role: string; email: string; password: string }[];
}

/** Any constant: serialises concurrent seed runs on the same database. */
const SEED_LOCK_KEY = 7_270_736_902n;

export async function seedDemoData(opts: {
  db: PrismaClient;
  log?: (line: string) => void;
}): Promise<SeedDemoDataResult> {
  const { db } = opts;
  const log = opts.log ?? (() => {});
  const accounts = DEMO_ACCOUNTS.map(({ role, email, password }) => ({ role, email, password }));

  if (await demoDataPresent(db)) {
    log(`demo data already present (${ADMIN_EMAIL} exists): nothing to do`);
    return { created: false, accounts };
  }

  const started = performance.now();
  const rows = buildDemoRows();
  // One argon2id hash per distinct password (three), not one per user.
  const roles = Object.keys(DEMO_PASSWORDS) as (keyof typeof DEMO_PASSWORDS)[];
  const hashes = new Map(
    await Promise.all(roles.map(async (r) => [r, await hashPassword(DEMO_PASSWORDS[r])] as const)),
  );
  const users = rows.users.map(({ role, ...u }) => ({ ...u, role, passwordHash: hashes.get(role)! }));

  const created = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      if (await demoDataPresent(tx)) return false; // another run finished first

      const insert = async <T>(table: string, data: T[], fn: (data: T[]) => Promise<{ count: number }>) => {
        if (data.length === 0) return;
        const { count } = await fn(data);
        if (count !== data.length) throw new Error(`seed: inserted ${count} of ${data.length} ${table}`);
      };
      // Parents before children.
      await insert('users', users, (data) => tx.user.createMany({ data }));
      await insert('instructor profiles', rows.instructorProfiles, (data) => tx.instructorProfile.createMany({ data }));
      await insert('instructor applications', rows.instructorApplications, (data) =>
        tx.instructorApplication.createMany({ data }),
      );
      await insert('categories', rows.categories, (data) => tx.category.createMany({ data }));
      await insert('programs', rows.programs, (data) => tx.program.createMany({ data }));
      await insert('sections', rows.sections, (data) => tx.curriculumSection.createMany({ data }));
      await insert('lessons', rows.lessons, (data) => tx.lesson.createMany({ data }));
      await insert('plans', rows.plans, (data) => tx.subscriptionPlan.createMany({ data }));
      await insert('subscriptions', rows.subscriptions, (data) => tx.subscription.createMany({ data }));
      await insert('coupons', rows.coupons, (data) => tx.coupon.createMany({ data }));
      await insert('events', rows.events, (data) => tx.event.createMany({ data }));
      await insert('orders', rows.orders, (data) => tx.order.createMany({ data }));
      await insert('order items', rows.orderItems, (data) => tx.orderItem.createMany({ data }));
      await insert('payments', rows.payments, (data) => tx.payment.createMany({ data }));
      await insert('refunds', rows.refunds, (data) => tx.refund.createMany({ data }));
      await insert('invoices', rows.invoices, (data) => tx.invoice.createMany({ data }));
      await insert('coupon redemptions', rows.couponRedemptions, (data) => tx.couponRedemption.createMany({ data }));
      await insert('webhook events', rows.webhookEvents, (data) => tx.webhookEvent.createMany({ data }));
      await insert('enrollments', rows.enrollments, (data) => tx.enrollment.createMany({ data }));
      await insert('lesson progress', rows.lessonProgress, (data) => tx.lessonProgress.createMany({ data }));
      await insert('reviews', rows.reviews, (data) => tx.review.createMany({ data }));
      await insert('review votes', rows.reviewVotes, (data) => tx.reviewHelpfulVote.createMany({ data }));
      await insert('quizzes', rows.quizzes, (data) => tx.quiz.createMany({ data }));
      await insert('questions', rows.questions, (data) => tx.question.createMany({ data }));
      await insert('attempts', rows.attempts, (data) => tx.quizAttempt.createMany({ data }));
      await insert('attempt answers', rows.attemptAnswers, (data) => tx.attemptAnswer.createMany({ data }));
      await insert('certificates', rows.certificates, (data) => tx.certificate.createMany({ data }));
      await insert('AI chat sessions', rows.aiChatSessions, (data) => tx.aiChatSession.createMany({ data }));
      await insert('AI messages', rows.aiMessages, (data) => tx.aiMessage.createMany({ data }));
      await insert('AI usage', rows.aiUsage, (data) => tx.aiUsage.createMany({ data }));
      await insert('event registrations', rows.eventRegistrations, (data) => tx.eventRegistration.createMany({ data }));
      await insert('blog posts', rows.blogPosts, (data) => tx.blogPost.createMany({ data }));
      await insert('testimonials', rows.testimonials, (data) => tx.testimonial.createMany({ data }));
      await insert('FAQs', rows.faqs, (data) => tx.faq.createMany({ data }));
      await insert('notifications', rows.notifications, (data) => tx.notification.createMany({ data }));
      await insert('audit log', rows.auditLogs, (data) => tx.auditLog.createMany({ data }));
      return true;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );

  if (created) {
    log(
      `demo data loaded in ${Math.round(performance.now() - started)} ms: ${rows.users.length} users, ` +
        `${rows.programs.length} programs, ${rows.lessons.length} lessons, ${rows.enrollments.length} enrollments, ` +
        `${rows.quizzes.length} quizzes, ${rows.orders.length} orders, ${rows.events.length} events`,
    );
  } else {
    log('demo data was loaded by a concurrent run: nothing to do');
  }
  return { created, accounts };
}

async function demoDataPresent(db: PrismaClient | Prisma.TransactionClient): Promise<boolean> {
  return (await db.user.findUnique({ where: { email: ADMIN_EMAIL }, select: { id: true } })) !== null;
}
