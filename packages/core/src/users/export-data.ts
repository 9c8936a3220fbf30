import type { Db } from '@learningpt/db';
import type { ExportDataOutput } from '@learningpt/schema';
import type { Clock } from '../shared/clock';
import { notFound } from '../shared/errors';

type Row = Record<string, unknown>;

/** users.exportData: the user's own rows as JSON (secrets and internal ids of providers left out). */
export async function exportUserData({
  db,
  clock,
  userId,
}: {
  db: Db;
  clock: Clock;
  userId: string;
}): Promise<ExportDataOutput> {
  const user = await db.user.findUnique({
    where: { id: userId },
    omit: { passwordHash: true, stripeCustomerId: true },
  });
  if (!user) throw notFound('User');
  const where = { userId };
  // One query per kind of row the user owns, run together; the keys name the export's sections.
  const queries = {
    sessions: db.session.findMany({
      where,
      select: { createdAt: true, lastActiveAt: true, expiresAt: true, ipAddress: true, userAgent: true },
    }),
    enrollments: db.enrollment.findMany({ where }),
    lessonProgress: db.lessonProgress.findMany({ where }),
    reviews: db.review.findMany({ where }),
    quizAttempts: db.quizAttempt.findMany({ where, include: { answers: true } }),
    certificates: db.certificate.findMany({ where }),
    aiChatSessions: db.aiChatSession.findMany({ where, include: { messages: { orderBy: { createdAt: 'asc' } } } }),
    aiUsage: db.aiUsage.findMany({ where }),
    instructorApplications: db.instructorApplication.findMany({ where }),
    instructorProfile: db.instructorProfile.findMany({ where }),
    subscriptions: db.subscription.findMany({ where, omit: { stripeSubscriptionId: true } }),
    orders: db.order.findMany({
      where,
      include: { items: true },
      omit: { stripeCheckoutSessionId: true, stripePaymentIntentId: true },
    }),
    invoices: db.invoice.findMany({ where }),
    eventRegistrations: db.eventRegistration.findMany({ where }),
    testimonials: db.testimonial.findMany({ where }),
    notifications: db.notification.findMany({ where }),
    blogPosts: db.blogPost.findMany({ where: { authorId: userId } }),
    files: db.uploadedFile.findMany({ where: { ownerId: userId } }),
  };
  const data = Object.fromEntries(
    await Promise.all(Object.entries(queries).map(async ([name, rows]) => [name, (await rows) as Row[]] as const)),
  );
  return { exportedAt: clock.now(), user: user as unknown as Row, data };
}
