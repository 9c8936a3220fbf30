// THE live-plan rule: which subscription plan a user has right now. Everything that shows or
// uses a plan (the profile, the sign-in answer, admin lists, feature access, AI limits, billing)
// asks here, so a state Stripe reports cannot mean "paid" in one place and "free" in another.
//
// A subscription gives its plan while its status is active or trialing, its current period has
// not ended (by the injected clock), and its plan exists and is active. past_due (a renewal
// payment failed and Stripe is retrying), unpaid, incomplete and canceled give nothing: access
// comes back when Stripe reports the invoice paid. A subscription cancelled at period end stays
// active until then, so it keeps its plan until currentPeriodEnd.
import type { Db, Prisma } from '@learningpt/db';
import type { Clock } from '../shared/clock';

type DbLike = Db | Prisma.TransactionClient;

export const PLAN_GRANTING_STATUSES = ['active', 'trialing'] as const;
export const FREE_PLAN_ID = 'free';

export interface LivePlan {
  planId: string;
  currentPeriodEnd: Date;
}

const liveWhere = (now: Date) =>
  ({
    status: { in: [...PLAN_GRANTING_STATUSES] },
    currentPeriodEnd: { gt: now },
    plan: { active: true },
  }) satisfies Prisma.SubscriptionWhereInput;

/** The user's live plan, or null (free). */
export async function livePlanOf({
  db,
  clock,
  userId,
}: {
  db: DbLike;
  clock: Clock;
  userId: string;
}): Promise<LivePlan | null> {
  const sub = await db.subscription.findFirst({
    where: { userId, ...liveWhere(clock.now()) },
    orderBy: { currentPeriodEnd: 'desc' },
    select: { planId: true, currentPeriodEnd: true },
  });
  return sub;
}

/** livePlanOf for many users at once (one query), by user id; users without one are absent. */
export async function livePlansOf({
  db,
  clock,
  userIds,
}: {
  db: DbLike;
  clock: Clock;
  userIds: readonly string[];
}): Promise<Map<string, LivePlan>> {
  if (userIds.length === 0) return new Map();
  const subs = await db.subscription.findMany({
    where: { userId: { in: [...userIds] }, ...liveWhere(clock.now()) },
    orderBy: { currentPeriodEnd: 'asc' },
    select: { userId: true, planId: true, currentPeriodEnd: true },
  });
  // Ascending, so the latest-ending one wins when a user has two.
  const out = new Map<string, LivePlan>();
  for (const s of subs) out.set(s.userId, { planId: s.planId, currentPeriodEnd: s.currentPeriodEnd });
  return out;
}

/** The plan as the profile and sign-in answers show it: its id ('free' without one) and end. */
export async function currentTier(opts: {
  db: DbLike;
  clock: Clock;
  userId: string;
}): Promise<{ tier: string; expiresAt: Date | null }> {
  const plan = await livePlanOf(opts);
  return plan ? { tier: plan.planId, expiresAt: plan.currentPeriodEnd } : { tier: FREE_PLAN_ID, expiresAt: null };
}
