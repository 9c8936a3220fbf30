import { randomUUID } from 'node:crypto';
import type { Db } from '@learningpt/db';
import type { MessageOutput } from '@learningpt/schema';
import { writeAudit } from '../audit/write-audit';
import { enqueueEmail } from '../mail/enqueue-email';
import { AUTH_LIMITS, clearLoginLimits, consumeRateLimits } from '../rate-limit/rate-limit';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { assertAcceptablePassword } from './common-passwords';
import { redeemOneTimeToken, retireOneTimeTokens } from './one-time-tokens';
import { hashPassword } from './password';
import { invalidateUserSessions } from './sessions';
import { webLink, withResponseFloor, type AuthSettings } from './settings';
import { hashToken } from './tokens';

/**
 * Sends a reset link (valid 1 hour) when the address has an active account. The answer and the
 * time it takes are the same whether it has one or not.
 */
export async function forgotPassword({
  db,
  clock,
  settings,
  ip,
  email,
}: {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
  ip: string;
  email: string;
}): Promise<MessageOutput> {
  return withResponseFloor(settings.responseFloorMs, async () => {
    await consumeRateLimits({
      db,
      clock,
      rules: AUTH_LIMITS.forgotPassword(email, ip),
      what: 'Too many password reset requests.',
    });
    await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, name: true, email: true, status: true },
      });
      if (!user || user.status !== 'active') return;
      // Older links stop working now; the worker issues this one's token when it sends the email.
      await retireOneTimeTokens(tx, { clock, kind: 'password_reset', userId: user.id });
      await enqueueEmail(tx, {
        template: 'password-reset',
        to: user.email,
        data: { name: user.name },
        tokenLink: { kind: 'password_reset', userId: user.id, url: webLink(settings, '/reset-password') },
        idempotencyKey: `password-reset:${user.id}:${randomUUID()}`,
      });
    });
    return {
      message:
        'If an account exists for this address, we have sent a link to reset the password. It is valid for 1 hour.',
    };
  });
}

const BAD_RESET_LINK = 'This password reset link is invalid, already used or expired. Please ask for a new one.';

/**
 * Sets a new password with a reset link. The link works once (a conditional UPDATE decides among
 * concurrent uses); every session of the account ends, its sign-in counters start afresh, the
 * address counts as verified (the link reached it) and the owner is told by email.
 */
export async function resetPassword({
  db,
  clock,
  settings,
  ip,
  token,
  password,
}: {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
  ip: string;
  token: string;
  password: string;
}): Promise<MessageOutput> {
  assertAcceptablePassword(password);
  // Counted before anything else: link guessing and argon2 work from one address are bounded.
  await consumeRateLimits({
    db,
    clock,
    rules: AUTH_LIMITS.resetPassword(ip),
    what: 'Too many password reset attempts.',
  });
  // Cheap check first, so a made-up token costs no argon2 work.
  const live = await db.oneTimeToken.findFirst({
    where: { tokenHash: hashToken(token), kind: 'password_reset', usedAt: null, expiresAt: { gt: clock.now() } },
    select: { id: true },
  });
  if (!live) throw new AppError('BAD_REQUEST', BAD_RESET_LINK);
  const passwordHash = await hashPassword(password);
  const email = await db.$transaction(async (tx) => {
    const userId = await redeemOneTimeToken(tx, { clock, kind: 'password_reset', token });
    if (!userId) return null;
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerified: true } });
    const user = await tx.user.update({
      where: { id: userId },
      data: {
        passwordHash,
        ...(before.emailVerified ? {} : { emailVerified: true, emailVerifiedAt: clock.now() }),
      },
      select: { id: true, name: true, email: true },
    });
    await retireOneTimeTokens(tx, { clock, kind: 'password_reset', userId });
    await invalidateUserSessions({ db: tx, userId });
    await writeAudit(tx, {
      clock,
      actorId: userId,
      action: 'auth.password_reset',
      entityType: 'user',
      entityId: userId,
      ip,
    });
    await enqueueEmail(tx, {
      template: 'password-changed',
      to: user.email,
      data: { name: user.name, link: webLink(settings, '/forgot-password') },
      idempotencyKey: `password-changed:reset:${hashToken(token)}`,
    });
    return user.email;
  });
  if (!email) throw new AppError('BAD_REQUEST', BAD_RESET_LINK);
  await clearLoginLimits({ db, email });
  return { message: 'Your password has been reset. You can now sign in with the new one.' };
}
