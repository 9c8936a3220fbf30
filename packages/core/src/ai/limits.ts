// The tutor's daily allowance: per-plan messages a day and the longest answer, from the one plan
// table (SubscriptionPlan.limits) and the one live-plan rule. The day is the UTC day.
//
// A message is reserved before the model is called, atomically: one statement increments the
// day's counter only while it is under the limit, so parallel requests cannot overshoot (20
// requests at limit - 1: exactly one gets through). A call that fails gives its reservation back.
import type { Db, Prisma } from '@learningpt/db';
import { livePlanOf, FREE_PLAN_ID } from '../billing/live-plan';
import { planLimitsOf } from '../billing/plans';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';

type DbLike = Db | Prisma.TransactionClient;

export const UPGRADE_URL = '/pricing';

export interface AiAllowance {
  planId: string;
  planName: string;
  /** null = unlimited. */
  messagesPerDay: number | null;
  tokensPerMessage: number;
  priority: boolean;
}

export async function aiAllowanceOf({
  db,
  clock,
  userId,
}: {
  db: DbLike;
  clock: Clock;
  userId: string;
}): Promise<AiAllowance> {
  const live = await livePlanOf({ db, clock, userId });
  const planId = live?.planId ?? FREE_PLAN_ID;
  const plan = await db.subscriptionPlan.findUnique({ where: { id: planId } });
  const limits = planLimitsOf(plan?.limits ?? null);
  return {
    planId,
    planName: plan?.name ?? 'Free',
    messagesPerDay: limits.aiMessages < 0 ? null : limits.aiMessages,
    tokensPerMessage: limits.aiTokensPerMessage < 0 ? 4000 : limits.aiTokensPerMessage,
    priority: limits.aiPriority,
  };
}

/** The UTC day of an instant, as a Date at 00:00 UTC (the AiUsage.day key). */
export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

const nextUtcDay = (day: Date) => new Date(day.getTime() + 86_400_000);

function limitReached(allowance: AiAllowance, day: Date): AppError {
  const resetsAt = nextUtcDay(day);
  return new AppError(
    'TOO_MANY_REQUESTS',
    `Daily AI message limit reached: the ${allowance.planName} plan includes ${allowance.messagesPerDay} tutor messages a day. ` +
      `It resets at midnight UTC (${resetsAt.toISOString()}). Upgrade for more.`,
    {
      upgradeUrl: UPGRADE_URL,
      limit: allowance.messagesPerDay,
      resetsAt: resetsAt.toISOString(),
      retryAfterSeconds: Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / 1000)),
    },
  );
}

/** Takes one message of today's allowance, or throws the 429 with the upgrade hint. */
export async function reserveAiMessage({
  db,
  clock,
  userId,
  allowance,
}: {
  db: DbLike;
  clock: Clock;
  userId: string;
  allowance: AiAllowance;
}): Promise<{ day: Date }> {
  const now = clock.now();
  const day = utcDay(now);
  const limit = allowance.messagesPerDay;
  if (limit !== null && limit <= 0) throw limitReached(allowance, day);
  const rows = await db.$queryRaw<{ messages: number }[]>`
    INSERT INTO "AiUsage" (id, "userId", day, messages, "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${userId}::uuid, ${day}::date, 1, ${now}, ${now})
    ON CONFLICT ("userId", day) DO UPDATE
      SET messages = "AiUsage".messages + 1, "updatedAt" = ${now}
      WHERE ${limit}::int IS NULL OR "AiUsage".messages < ${limit}::int
    RETURNING messages`;
  if (rows.length === 0) throw limitReached(allowance, day);
  return { day };
}

/** Gives back a reservation (the model call failed: nothing is charged). */
export async function releaseAiMessage({ db, userId, day }: { db: DbLike; userId: string; day: Date }): Promise<void> {
  await db.$executeRaw`
    UPDATE "AiUsage" SET messages = greatest(messages - 1, 0), "updatedAt" = now()
    WHERE "userId" = ${userId}::uuid AND day = ${day}::date`;
}

export async function recordAiTokens({
  db,
  userId,
  day,
  inputTokens,
  outputTokens,
}: {
  db: DbLike;
  userId: string;
  day: Date;
  inputTokens: number;
  outputTokens: number;
}): Promise<void> {
  await db.$executeRaw`
    UPDATE "AiUsage"
    SET "inputTokens" = "inputTokens" + ${inputTokens}::int, "outputTokens" = "outputTokens" + ${outputTokens}::int,
        "updatedAt" = now()
    WHERE "userId" = ${userId}::uuid AND day = ${day}::date`;
}

/** ai.usage: today's use, the limit and when it resets. */
export async function getAiUsage({ db, clock, userId }: { db: DbLike; clock: Clock; userId: string }) {
  const allowance = await aiAllowanceOf({ db, clock, userId });
  const day = utcDay(clock.now());
  const row = await db.aiUsage.findUnique({ where: { userId_day: { userId, day } } });
  const used = row?.messages ?? 0;
  const limit = allowance.messagesPerDay;
  return {
    plan: allowance.planId,
    day: day.toISOString().slice(0, 10),
    messagesUsed: used,
    messagesLimit: limit,
    messagesRemaining: limit === null ? null : Math.max(0, limit - used),
    outputTokensUsed: row?.outputTokens ?? 0,
    tokensPerMessage: allowance.tokensPerMessage,
    resetsAt: nextUtcDay(day),
    upgradeUrl: allowance.planId === 'premium' ? null : UPGRADE_URL,
  };
}
