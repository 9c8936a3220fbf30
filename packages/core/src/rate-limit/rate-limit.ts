// Fixed-window counters in PostgreSQL (table RateLimitBucket), so limits hold across server
// replicas. Every increment is one atomic upsert (INSERT … ON CONFLICT … DO UPDATE … RETURNING):
// concurrent requests each get their own count, never a lost update.
import type { Db } from '@learningpt/db';
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

/** The live (not yet reset) buckets among `keys`, by key. */
export async function peekRateLimits({
  db,
  clock,
  keys,
}: {
  db: Db;
  clock: Clock;
  keys: string[];
}): Promise<Map<string, BucketState>> {
  const rows = await db.rateLimitBucket.findMany({
    where: { key: { in: keys }, resetAt: { gt: clock.now() } },
    select: { key: true, count: true, resetAt: true, updatedAt: true },
  });
  return new Map(rows.map((r) => [r.key, r]));
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
  /** Per account (user id): how often one user can ask for an expensive or mailing action. */
  account: (userId: string, action: string): LimitRule[] => [
    { key: `account:${action}:${userId}`, limit: 10, windowMs: HOUR },
  ],
} as const;

/**
 * Sign-in throttling. Failures count per (account, IP) pair, per account and per IP:
 * - pair: the first PAIR_FREE failures are free, then each further attempt must wait a delay
 *   that doubles per failure (1 s, 2 s, 4 s, … up to 15 min) after the last one;
 * - account: at most ACCOUNT_CAP failures per window from all IPs, except from an IP the account
 *   signed in from successfully (trusted for 30 days), so an attacker cannot lock the owner out
 *   of their usual place; a password reset clears the account's counters;
 * - IP: at most IP_CAP failures per window across all accounts (credential stuffing).
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

export function pairDelayMs(failures: number): number {
  const over = failures - LOGIN_LIMITS.PAIR_FREE;
  if (over < 0) return 0;
  return Math.min(LOGIN_LIMITS.PAIR_BASE_DELAY_MS * 2 ** Math.min(over, 30), LOGIN_LIMITS.PAIR_MAX_DELAY_MS);
}

const LOGIN_WAIT = 'Too many sign-in attempts.';

/** Throws a 429 when this (email, IP) must wait before trying again. */
export async function assertLoginAllowed({
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
  const live = await peekRateLimits({ db, clock, keys: [k.pair, k.account, k.ip, k.trusted] });
  const now = clock.now().getTime();
  const ipBucket = live.get(k.ip);
  if (ipBucket && ipBucket.count >= LOGIN_LIMITS.IP_CAP)
    throw tooManyRequests(LOGIN_WAIT, secondsUntil(clock, ipBucket.resetAt));
  const account = live.get(k.account);
  if (account && account.count >= LOGIN_LIMITS.ACCOUNT_CAP && !live.has(k.trusted)) {
    throw tooManyRequests(
      'Too many failed sign-in attempts for this account. You can reset your password to sign in right away.',
      secondsUntil(clock, account.resetAt),
    );
  }
  const pair = live.get(k.pair);
  if (pair) {
    const allowedAt = pair.updatedAt.getTime() + pairDelayMs(pair.count);
    if (allowedAt > now) throw tooManyRequests(LOGIN_WAIT, Math.max(1, Math.ceil((allowedAt - now) / 1000)));
  }
}

/** Counts a failed sign-in in the pair, account and IP buckets. */
export async function recordLoginFailure({
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
  await hitRateLimit({ db, clock, key: k.pair, windowMs: LOGIN_LIMITS.PAIR_WINDOW_MS });
  await hitRateLimit({ db, clock, key: k.account, windowMs: LOGIN_LIMITS.ACCOUNT_WINDOW_MS });
  await hitRateLimit({ db, clock, key: k.ip, windowMs: LOGIN_LIMITS.IP_WINDOW_MS });
}

/** A successful sign-in: the pair starts afresh and the IP becomes trusted for this account. */
export async function recordLoginSuccess({
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
  await clearRateLimits({ db, keys: [k.pair] });
  await hitRateLimit({ db, clock, key: k.trusted, windowMs: LOGIN_LIMITS.TRUSTED_MS });
}

/** After a password reset: the account's sign-in counters start afresh (every IP). */
export async function clearLoginLimits({ db, email }: { db: Db; email: string }) {
  await clearRateLimits({ db, keys: [`login:account:${email}`], prefixes: [`login:pair:${email}:`] });
}
