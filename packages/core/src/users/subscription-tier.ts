import type { Db, Prisma } from '@learningpt/db';

const LIVE = ['trialing', 'active', 'past_due'] as const;

/** The plan of the user's live subscription, or 'free' (the tier is not stored on the user). */
export async function currentPlan(
  db: Db | Prisma.TransactionClient,
  userId: string,
): Promise<{ tier: string; expiresAt: Date | null }> {
  const sub = await db.subscription.findFirst({
    where: { userId, status: { in: [...LIVE] } },
    orderBy: { currentPeriodEnd: 'desc' },
    select: { planId: true, currentPeriodEnd: true },
  });
  return sub ? { tier: sub.planId, expiresAt: sub.currentPeriodEnd } : { tier: 'free', expiresAt: null };
}

export async function tiersOf(db: Db, userIds: string[]): Promise<Map<string, string>> {
  const subs = await db.subscription.findMany({
    where: { userId: { in: userIds }, status: { in: [...LIVE] } },
    select: { userId: true, planId: true },
  });
  return new Map(subs.map((s) => [s.userId, s.planId]));
}
