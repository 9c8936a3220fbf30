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
  const [
    sessions,
    enrollments,
    lessonProgress,
    reviews,
    quizAttempts,
    certificates,
    aiChatSessions,
    aiUsage,
    instructorApplications,
    instructorProfile,
    subscriptions,
    orders,
    invoices,
    eventRegistrations,
    testimonials,
    notifications,
    blogPosts,
    files,
  ] = await Promise.all([
    db.session.findMany({
      where,
      select: { createdAt: true, lastActiveAt: true, expiresAt: true, ipAddress: true, userAgent: true },
    }),
    db.enrollment.findMany({ where }),
    db.lessonProgress.findMany({ where }),
    db.review.findMany({ where }),
    db.quizAttempt.findMany({ where, include: { answers: true } }),
    db.certificate.findMany({ where }),
    db.aiChatSession.findMany({ where, include: { messages: { orderBy: { createdAt: 'asc' } } } }),
    db.aiUsage.findMany({ where }),
    db.instructorApplication.findMany({ where }),
    db.instructorProfile.findMany({ where }),
    db.subscription.findMany({ where, omit: { stripeSubscriptionId: true } }),
    db.order.findMany({
      where,
      include: { items: true },
      omit: { stripeCheckoutSessionId: true, stripePaymentIntentId: true },
    }),
    db.invoice.findMany({ where }),
    db.eventRegistration.findMany({ where }),
    db.testimonial.findMany({ where }),
    db.notification.findMany({ where }),
    db.blogPost.findMany({ where: { authorId: userId } }),
    db.uploadedFile.findMany({ where: { ownerId: userId } }),
  ]);
  const data: Record<string, Row[]> = {
    sessions,
    enrollments,
    lessonProgress,
    reviews,
    quizAttempts,
    certificates,
    aiChatSessions,
    aiUsage,
    instructorApplications,
    instructorProfile,
    subscriptions,
    orders,
    invoices,
    eventRegistrations,
    testimonials,
    notifications,
    blogPosts,
    files,
  };
  return { exportedAt: clock.now(), user: user as unknown as Row, data };
}
