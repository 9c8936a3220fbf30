// Fixed-window counters in PostgreSQL (table RateLimitBucket), so limits hold across server
// replicas. Every increment is one atomic upsert (INSERT … ON CONFLICT … DO UPDATE … RETURNING):
// concurrent requests each get their own count, never a lost update.
import { Prisma, type Db } from '@learningpt/db';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';

export interface BucketState {
  count: number;
  resetAt: Date;
  /** When the bucket last counted something. */
  updatedAt: Date;
}

/** Counts one event in `key`'s window (a new window starts when the last one is over). */
export async function hitRateLimit({
  db,
  clock,
  key,
  windowMs,
}: {
  db: Db;
  clock: Clock;
  key: string;
  windowMs: number;
}): Promise<BucketState> {
  const now = clock.now();
  const resetAt = new Date(now.getTime() + windowMs);
  const rows = await db.$queryRaw<BucketState[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart", "resetAt", "updatedAt")
    VALUES (${key}, 1, ${now}, ${resetAt}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count"       = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN ${now} ELSE "RateLimitBucket"."windowStart" END,
      "resetAt"     = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimitBucket"."resetAt" END,
      "updatedAt"   = ${now}
    RETURNING "count", "resetAt", "updatedAt"`;
  return rows[0]!;
}

/** Forgets buckets by exact key and by key prefix. */
export async function clearRateLimits({
  db,
  keys = [],
  prefixes = [],
}: {
  db: Db;
  keys?: string[];
  prefixes?: string[];
}): Promise<void> {
  if (keys.length) await db.rateLimitBucket.deleteMany({ where: { key: { in: keys } } });
  for (const p of prefixes) await db.rateLimitBucket.deleteMany({ where: { key: { startsWith: p } } });
}

export function secondsUntil(clock: Clock, when: Date): number {
  return Math.max(1, Math.ceil((when.getTime() - clock.now().getTime()) / 1000));
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** A 429 with the wait in the message and in `details.retryAfterSeconds` (the host sets Retry-After). */
export function tooManyRequests(what: string, retryAfterSeconds: number): AppError {
  return new AppError('TOO_MANY_REQUESTS', `${what} Please try again in ${formatWait(retryAfterSeconds)}.`, {
    retryAfterSeconds,
  });
}

export interface LimitRule {
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Counts one event in every rule's bucket and throws a 429 when any is over its limit, with the
 * longest wait among those that are. Every bucket counts, so an address limit also holds when the
 * IP changes and the other way round.
 */
export async function consumeRateLimits({
  db,
  clock,
  rules,
  what,
}: {
  db: Db;
  clock: Clock;
  rules: LimitRule[];
  what: string;
}): Promise<void> {
  let wait = 0;
  for (const rule of rules) {
    const state = await hitRateLimit({ db, clock, key: rule.key, windowMs: rule.windowMs });
    if (state.count > rule.limit) wait = Math.max(wait, secondsUntil(clock, state.resetAt));
  }
  if (wait > 0) throw tooManyRequests(what, wait);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Limits of the auth flows. Keys use the lower-cased email ("address") and the client IP. */
export const AUTH_LIMITS = {
  register: (email: string, ip: string): LimitRule[] => [
    { key: `register:email:${email}`, limit: 3, windowMs: HOUR },
    { key: `register:ip:${ip}`, limit: 20, windowMs: HOUR },
  ],
  forgotPassword: (email: string, ip: string): LimitRule[] => [
    { key: `forgot:email:${email}`, limit: 3, windowMs: HOUR },
    { key: `forgot:ip:${ip}`, limit: 20, windowMs: HOUR },
  ],
  resendVerification: (email: string, ip: string): LimitRule[] => [
    { key: `resend:email:${email}`, limit: 3, windowMs: HOUR },
    { key: `resend:ip:${ip}`, limit: 20, windowMs: HOUR },
  ],
  /** Redeeming reset links, per client address (the token itself is unguessable; argon2 is not free). */
  resetPassword: (ip: string): LimitRule[] => [{ key: `reset:ip:${ip}`, limit: 20, windowMs: HOUR }],
  /** Per account (user id): how often one user can ask for an expensive or mailing action. */
  account: (userId: string, action: string): LimitRule[] => [
    { key: `account:${action}:${userId}`, limit: 10, windowMs: HOUR },
  ],
} as const;

/**
 * Sign-in throttling. Attempts count per (account, IP) pair, per account and per IP, and each
 * attempt is RESERVED (counted) before the password is verified, so N parallel guesses cost N
 * counted attempts; a correct password gives its reservation back.
 * - pair: the first PAIR_FREE attempts are free, then each further attempt must wait a delay
 *   that doubles per attempt (1 s, 2 s, 4 s, … up to 15 min) after the last one;
 * - account: at most ACCOUNT_CAP attempts per window from all IPs, except from an IP the account
 *   signed in from successfully (trusted for 30 days), so an attacker cannot lock the owner out
 *   of their usual place; a password reset clears the account's counters;
 * - IP: at most IP_CAP attempts per window across all accounts (credential stuffing).
 * Unknown addresses are counted the same way, so the answers do not reveal which exist.
 */
export const LOGIN_LIMITS = {
  PAIR_FREE: 5,
  PAIR_BASE_DELAY_MS: 1000,
  PAIR_MAX_DELAY_MS: 15 * MINUTE,
  PAIR_WINDOW_MS: 24 * HOUR,
  ACCOUNT_CAP: 30,
  ACCOUNT_WINDOW_MS: HOUR,
  IP_CAP: 100,
  IP_WINDOW_MS: 15 * MINUTE,
  TRUSTED_MS: 30 * 24 * HOUR,
};

const loginKeys = (email: string, ip: string) => ({
  pair: `login:pair:${email}:${ip}`,
  account: `login:account:${email}`,
  ip: `login:ip:${ip}`,
  trusted: `login:trusted:${email}:${ip}`,
});

/** How long after the last attempt the next one may come, when `attempts` are counted. */
export function pairDelayMs(attempts: number): number {
  const over = attempts - LOGIN_LIMITS.PAIR_FREE;
  if (over < 0) return 0;
  return Math.min(LOGIN_LIMITS.PAIR_BASE_DELAY_MS * 2 ** Math.min(over, 30), LOGIN_LIMITS.PAIR_MAX_DELAY_MS);
}

const LOGIN_WAIT = 'Too many sign-in attempts.';
const ACCOUNT_WAIT =
  'Too many failed sign-in attempts for this account. You can reset your password to sign in right away.';

type TxLike = Db | Prisma.TransactionClient;

/**
 * Counts one event in `key`'s window only while the bucket allows it, in one statement: the
 * row lock of the upsert serialises concurrent callers, so exactly the allowed number pass.
 * `allowSql` is evaluated on the existing (unexpired) row. Returns false when refused.
 */
async function reserve(
  db: TxLike,
  { key, windowMs, now, allow }: { key: string; windowMs: number; now: Date; allow: Prisma.Sql },
): Promise<boolean> {
  const resetAt = new Date(now.getTime() + windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" AS b ("key", "count", "windowStart", "resetAt", "updatedAt")
    VALUES (${key}, 1, ${now}, ${resetAt}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count"       = CASE WHEN b."resetAt" <= ${now} THEN 1 ELSE b."count" + 1 END,
      "windowStart" = CASE WHEN b."resetAt" <= ${now} THEN ${now} ELSE b."windowStart" END,
      "resetAt"     = CASE WHEN b."resetAt" <= ${now} THEN ${resetAt} ELSE b."resetAt" END,
      "updatedAt"   = ${now}
    WHERE b."resetAt" <= ${now} OR (${allow})
    RETURNING "count"`;
  return rows.length > 0;
}

class Refused extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

/**
 * Reserves one sign-in attempt for (email, IP) before the password is checked, or throws a 429
 * with the wait. All three buckets are counted in one transaction: when one refuses, none counts.
 */
export async function reserveLoginAttempt({
  db,
  clock,
  email,
  ip,
}: {
  db: Db;
  clock: Clock;
  email: string;
  ip: string;
}): Promise<void> {
  const k = loginKeys(email, ip);
  const now = clock.now();
  const { PAIR_FREE, PAIR_BASE_DELAY_MS, PAIR_MAX_DELAY_MS } = LOGIN_LIMITS;
  try {
    await db.$transaction(async (tx) => {
      // The pair first: the same order in every transaction, so concurrent ones cannot deadlock.
      const pairOk = await reserve(tx, {
        key: k.pair,
        windowMs: LOGIN_LIMITS.PAIR_WINDOW_MS,
        now,
        allow: Prisma.sql`b."count" < ${PAIR_FREE} OR b."updatedAt" + LEAST(
            ${PAIR_BASE_DELAY_MS}::float8 * power(2, LEAST(b."count" - ${PAIR_FREE}, 30)),
            ${PAIR_MAX_DELAY_MS}::float8) * interval '1 millisecond' <= ${now}`,
      });
      if (!pairOk) throw new Refused(await pairWait(tx, clock, k.pair));

      const trusted = await tx.rateLimitBucket.findFirst({
        where: { key: k.trusted, resetAt: { gt: now } },
        select: { key: true },
      });
      if (!trusted) {
        const accountOk = await reserve(tx, {
          key: k.account,
          windowMs: LOGIN_LIMITS.ACCOUNT_WINDOW_MS,
          now,
          allow: Prisma.sql`b."count" < ${LOGIN_LIMITS.ACCOUNT_CAP}`,
        });
        if (!accountOk) throw new Refused(tooManyRequests(ACCOUNT_WAIT, await bucketWait(tx, clock, k.account)));
      }

      const ipOk = await reserve(tx, {
        key: k.ip,
        windowMs: LOGIN_LIMITS.IP_WINDOW_MS,
        now,
        allow: Prisma.sql`b."count" < ${LOGIN_LIMITS.IP_CAP}`,
      });
      if (!ipOk) throw new Refused(tooManyRequests(LOGIN_WAIT, await bucketWait(tx, clock, k.ip)));
    });
  } catch (err) {
    if (err instanceof Refused) throw err.error;
    throw err;
  }
}

async function bucketWait(db: TxLike, clock: Clock, key: string): Promise<number> {
  const b = await db.rateLimitBucket.findUnique({ where: { key }, select: { resetAt: true } });
  return b ? secondsUntil(clock, b.resetAt) : 1;
}

async function pairWait(db: TxLike, clock: Clock, key: string): Promise<AppError> {
  const b = await db.rateLimitBucket.findUnique({ where: { key }, select: { count: true, updatedAt: true } });
  const allowedAt = b ? b.updatedAt.getTime() + pairDelayMs(b.count) : clock.now().getTime();
  return tooManyRequests(LOGIN_WAIT, Math.max(1, Math.ceil((allowedAt - clock.now().getTime()) / 1000)));
}

/**
 * A correct password: the reservation is given back (the pair starts afresh, the account and IP
 * buckets lose the one count) and the IP becomes trusted for this account.
 */
export async function settleLoginSuccess({
  db,
  clock,
  email,
  ip,
}: {
  db: Db;
  clock: Clock;
  email: string;
  ip: string;
}) {
  const k = loginKeys(email, ip);
  await db.$transaction(async (tx) => {
    await tx.rateLimitBucket.deleteMany({ where: { key: k.pair } });
    await tx.$executeRaw`UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - 1, 0)
      WHERE "key" IN (${k.account}, ${k.ip}) AND "resetAt" > ${clock.now()}`;
  });
  await hitRateLimit({ db, clock, key: k.trusted, windowMs: LOGIN_LIMITS.TRUSTED_MS });
}

/** After a password reset: the account's sign-in counters start afresh (every IP). */
export async function clearLoginLimits({ db, email }: { db: Db; email: string }) {
  await clearRateLimits({ db, keys: [`login:account:${email}`], prefixes: [`login:pair:${email}:`] });
}
