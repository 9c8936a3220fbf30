import type { Db } from '@learningpt/db';
import type { LoginOutput } from '@learningpt/schema';
import { reserveLoginAttempt, settleLoginSuccess } from '../rate-limit/rate-limit';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { authUserSelect, toAuthUser } from './auth-user';
import { hashPassword, passwordNeedsRehash, verifyPassword } from './password';
import { createSession, rotateSession, type SessionPolicy } from './sessions';
import { generateToken } from './tokens';

export const INVALID_CREDENTIALS = 'Invalid email or password.';

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when there is no account, so unknown addresses cost the same work. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(generateToken());
  return dummyHash;
}

/**
 * Signs in with email and password: only verified, active accounts. Unknown address and wrong
 * password get the same answer after the same work (an argon2 verify either way). A stored hash
 * made with older parameters is replaced. Every sign-in gets a new session token.
 */
export async function login({
  db,
  clock,
  policy,
  ip,
  userAgent,
  email,
  password,
}: {
  db: Db;
  clock: Clock;
  policy: SessionPolicy;
  ip: string;
  userAgent: string | null;
  email: string;
  password: string;
}): Promise<LoginOutput> {
  // Counted before the (expensive) check, so parallel guesses cannot slip past the limits.
  await reserveLoginAttempt({ db, clock, email, ip });
  const user = await db.user.findUnique({
    where: { email },
    select: { ...authUserSelect, passwordHash: true, status: true },
  });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await dummyPasswordHash(), password)) && false;
  if (!user || !ok) {
    throw new AppError('UNAUTHORIZED', INVALID_CREDENTIALS);
  }
  // The password is right: now it is safe to say why the account cannot sign in.
  if (user.status === 'banned') {
    throw new AppError('FORBIDDEN', 'This account has been suspended. Contact support if you think this is a mistake.');
  }
  if (user.status === 'deleted') throw new AppError('FORBIDDEN', 'This account has been deleted.');
  if (!user.emailVerified) {
    throw new AppError(
      'FORBIDDEN',
      'Please verify your email address before signing in. We can send you a new verification link.',
    );
  }
  await settleLoginSuccess({ db, clock, email, ip });
  const newHash = passwordNeedsRehash(user.passwordHash!) ? await hashPassword(password) : undefined;
  const { token, session } = await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { lastLoginAt: clock.now(), ...(newHash ? { passwordHash: newHash } : {}) },
    });
    return createSession({ db: tx, clock, policy, userId: user.id, ip, userAgent });
  });
  return {
    message: 'Login successful',
    token,
    refreshToken: token,
    expiresAt: session.expiresAt,
    absoluteExpiresAt: session.absoluteExpiresAt,
    user: await toAuthUser({ db, clock }, user),
  };
}

/** Swaps a live session token for a new one; the old one stops working at once. */
export async function refreshSession({
  db,
  clock,
  policy,
  token,
  ip,
  userAgent,
}: {
  db: Db;
  clock: Clock;
  policy: SessionPolicy;
  token: string | null;
  ip: string;
  userAgent: string | null;
}) {
  const rotated = token ? await rotateSession({ db, clock, policy, token, ip, userAgent }) : null;
  if (!rotated) throw new AppError('UNAUTHORIZED', 'Your session has ended. Please sign in again.');
  return {
    token: rotated.token,
    refreshToken: rotated.token,
    expiresAt: rotated.session.expiresAt,
    absoluteExpiresAt: rotated.session.absoluteExpiresAt,
  };
}
