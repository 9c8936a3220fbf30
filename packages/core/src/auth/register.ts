import { randomUUID } from 'node:crypto';
import { isUniqueViolation, type Db, type Prisma } from '@learningpt/db';
import type { MessageOutput } from '@learningpt/schema';
import { enqueueEmail } from '../mail/enqueue-email';
import { AUTH_LIMITS, consumeRateLimits } from '../rate-limit/rate-limit';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { assertAcceptablePassword } from './common-passwords';
import { redeemOneTimeToken, retireOneTimeTokens } from './one-time-tokens';
import { hashPassword } from './password';
import { webLink, withResponseFloor, type AuthSettings } from './settings';

type Tx = Db | Prisma.TransactionClient;

interface RequestDeps {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
  ip: string;
}

const REGISTERED = 'Registration successful. Please check your email: we have sent you a link to verify your address.';

/**
 * Queues a fresh verification link; older unused ones stop working now. The worker issues the
 * link's token when it sends the email (see EmailTokenLink). Call inside a transaction.
 */
export async function sendVerificationEmail(
  tx: Tx,
  {
    clock,
    settings,
    user,
  }: { clock: Clock; settings: AuthSettings; user: { id: string; name: string; email: string } },
): Promise<void> {
  await retireOneTimeTokens(tx, { clock, kind: 'verification', userId: user.id });
  await enqueueEmail(tx, {
    template: 'verification',
    to: user.email,
    data: { name: user.name },
    tokenLink: { kind: 'verification', userId: user.id, url: webLink(settings, '/verify-email') },
    // Each request is its own email, however close together two requests come.
    idempotencyKey: `verification:${user.id}:${randomUUID()}`,
  });
}

/**
 * Signs a student up. An address that already has an account gets the same answer (and about
 * the same time: the password is hashed either way, and the answer waits for a floor); its owner
 * gets an email saying so, or a new verification link if the account was never verified.
 */
export async function registerUser({
  db,
  clock,
  settings,
  ip,
  name,
  email,
  password,
}: RequestDeps & { name: string; email: string; password: string }): Promise<MessageOutput> {
  return withResponseFloor(settings.responseFloorMs, async () => {
    assertAcceptablePassword(password);
    await consumeRateLimits({ db, clock, rules: AUTH_LIMITS.register(email, ip), what: 'Too many sign-up attempts.' });
    const passwordHash = await hashPassword(password);
    const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (!existing) {
      try {
        await db.$transaction(async (tx) => {
          const user = await tx.user.create({
            data: { name, email, passwordHash, role: 'student', createdAt: clock.now() },
            select: { id: true, name: true, email: true },
          });
          await sendVerificationEmail(tx, { clock, settings, user });
        });
        return { message: REGISTERED };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // Registered a moment ago by a concurrent request: answer as for any existing address.
      }
    }
    await notifyExistingAccount({ db, clock, settings, email });
    return { message: REGISTERED };
  });
}

async function notifyExistingAccount({
  db,
  clock,
  settings,
  email,
}: {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
  email: string;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, name: true, email: true, status: true, emailVerified: true },
    });
    if (!user || user.status === 'deleted') return;
    if (user.status === 'active' && !user.emailVerified) {
      await sendVerificationEmail(tx, { clock, settings, user });
      return;
    }
    await enqueueEmail(tx, {
      template: 'account-exists',
      to: user.email,
      data: { name: user.name, link: webLink(settings, '/sign-in') },
      idempotencyKey: `account-exists:${user.id}:${clock.now().getTime()}`,
    });
  });
}

/** Uses a verification link: marks the address verified and sends the welcome email. */
export async function verifyEmail({
  db,
  clock,
  settings,
  token,
}: {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
  token: string;
}): Promise<MessageOutput> {
  const ok = await db.$transaction(async (tx) => {
    const userId = await redeemOneTimeToken(tx, { clock, kind: 'verification', token });
    if (!userId) return false;
    const user = await tx.user.update({
      where: { id: userId },
      data: { emailVerified: true, emailVerifiedAt: clock.now() },
      select: { id: true, name: true, email: true },
    });
    await enqueueEmail(tx, {
      template: 'welcome',
      to: user.email,
      data: { name: user.name, link: webLink(settings, '/profile') },
      idempotencyKey: `welcome:${user.id}`,
    });
    return true;
  });
  if (!ok) {
    throw new AppError(
      'BAD_REQUEST',
      'This verification link is invalid, already used or expired. Sign in or ask for a new link.',
    );
  }
  return { message: 'Email verified successfully. You can now sign in.' };
}

/** Sends a new verification link when the address has an unverified, active account; same answer either way. */
export async function resendVerification({
  db,
  clock,
  settings,
  ip,
  email,
}: RequestDeps & { email: string }): Promise<MessageOutput> {
  return withResponseFloor(settings.responseFloorMs, async () => {
    await consumeRateLimits({
      db,
      clock,
      rules: AUTH_LIMITS.resendVerification(email, ip),
      what: 'Too many requests for verification emails.',
    });
    await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, name: true, email: true, status: true, emailVerified: true },
      });
      if (user && user.status === 'active' && !user.emailVerified) {
        await sendVerificationEmail(tx, { clock, settings, user });
      }
    });
    return {
      message:
        'If this address has an account waiting for verification, we have sent a new link. It is valid for 24 hours.',
    };
  });
}
