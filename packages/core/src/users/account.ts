import type { Db, Prisma } from '@learningpt/db';
import { writeAudit } from '../audit/write-audit';
import { assertAcceptablePassword } from '../auth/common-passwords';
import { retireOneTimeTokens } from '../auth/one-time-tokens';
import { hashPassword, verifyPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/sessions';
import { webLink, type AuthSettings } from '../auth/settings';
import { enqueueEmail } from '../mail/enqueue-email';
import { AUTH_LIMITS, consumeRateLimits } from '../rate-limit/rate-limit';
import type { Clock } from '../shared/clock';
import { AppError, notFound } from '../shared/errors';
import { releaseUploadedFiles } from '../uploads/file-deletion';

type Tx = Db | Prisma.TransactionClient;

/** The graphile-worker task that erases a deleted account's personal data after the grace period. */
export const ERASE_PERSONAL_DATA_TASK = 'erase_personal_data';

/**
 * Soft-deletes an account: status deleted (the row and its address stay), every session ends,
 * and a job to erase its personal data is queued for after the grace period. Call in a transaction.
 */
export async function markAccountDeleted(
  tx: Tx,
  { clock, settings, userId }: { clock: Clock; settings: Pick<AuthSettings, 'accountErasureDelayMs'>; userId: string },
): Promise<Date> {
  const now = clock.now();
  const eraseAfter = new Date(now.getTime() + settings.accountErasureDelayMs);
  await tx.user.update({ where: { id: userId }, data: { status: 'deleted', deletedAt: now } });
  await invalidateUserSessions({ db: tx, userId });
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${ERASE_PERSONAL_DATA_TASK}::text,
    payload => ${JSON.stringify({ userId })}::json,
    run_at => ${eraseAfter}::timestamptz,
    max_attempts => 10,
    job_key => ${'erase:' + userId}::text,
    job_key_mode => 'replace'
  )`;
  return eraseAfter;
}

async function assertPassword(db: Tx, userId: string, password: string, message: string): Promise<void> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!u) throw notFound('User');
  if (!u.passwordHash || !(await verifyPassword(u.passwordHash, password))) throw new AppError('BAD_REQUEST', message);
}

/**
 * users.changePassword: needs the current password. Every other session ends (this one stays),
 * unused reset links stop working, and the owner gets an email.
 */
export async function changePassword({
  db,
  clock,
  settings,
  ip,
  userId,
  sessionId,
  currentPassword,
  newPassword,
}: {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
  ip: string;
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<{ message: string }> {
  await consumeRateLimits({
    db,
    clock,
    rules: AUTH_LIMITS.account(userId, 'change-password'),
    what: 'Too many password change attempts.',
  });
  assertAcceptablePassword(newPassword, 'newPassword');
  if (newPassword === currentPassword) {
    throw new AppError('BAD_REQUEST', 'newPassword must be different from the current password');
  }
  await assertPassword(db, userId, currentPassword, 'The current password is not correct.');
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash },
      select: { name: true, email: true },
    });
    await invalidateUserSessions({ db: tx, userId, exceptSessionId: sessionId });
    await retireOneTimeTokens(tx, { clock, kind: 'password_reset', userId });
    await writeAudit(tx, {
      clock,
      actorId: userId,
      action: 'auth.password_change',
      entityType: 'user',
      entityId: userId,
      ip,
    });
    await enqueueEmail(tx, {
      template: 'password-changed',
      to: user.email,
      data: { name: user.name, link: webLink(settings, '/forgot-password') },
      idempotencyKey: `password-changed:${userId}:${clock.now().getTime()}`,
    });
  });
  return { message: 'Your password has been changed. Your other sessions have been signed out.' };
}

/** True when `userId` is the only active admin (who must not remove themselves). */
export async function isLastActiveAdmin(db: Tx, userId: string): Promise<boolean> {
  const admins = await db.user.findMany({ where: { role: 'admin', status: 'active' }, select: { id: true }, take: 2 });
  return admins.length === 1 && admins[0]!.id === userId;
}

/** users.deleteAccount: needs the password; soft delete, then erasure after the grace period. */
export async function deleteOwnAccount({
  db,
  clock,
  settings,
  ip,
  userId,
  password,
}: {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
  ip: string;
  userId: string;
  password: string;
}): Promise<{ message: string; eraseAfter: Date }> {
  await consumeRateLimits({
    db,
    clock,
    rules: AUTH_LIMITS.account(userId, 'delete-account'),
    what: 'Too many attempts.',
  });
  await assertPassword(db, userId, password, 'The password is not correct.');
  if (await isLastActiveAdmin(db, userId)) {
    throw new AppError(
      'UNPROCESSABLE',
      'You are the only admin: make someone else an admin before deleting your account.',
    );
  }
  const eraseAfter = await db.$transaction(async (tx) => {
    const when = await markAccountDeleted(tx, { clock, settings, userId });
    await writeAudit(tx, {
      clock,
      actorId: userId,
      action: 'user.delete_self',
      entityType: 'user',
      entityId: userId,
      data: { eraseAfter: when.toISOString() },
      ip,
    });
    return when;
  });
  return {
    message: `Your account has been deleted and you have been signed out. Your personal data will be erased after ${eraseAfter.toISOString().slice(0, 10)}.`,
    eraseAfter,
  };
}

/**
 * The erase job's work: if the account is still deleted, replace its personal data with
 * placeholders (the row stays for orders, certificates and the audit trail), drop its chats,
 * notifications and links, and tell the old address. A restored account is left alone.
 */
export async function erasePersonalData({ db, clock, userId }: { db: Db; clock: Clock; userId: string }) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { status: true, email: true, name: true } });
    if (!user || user.status !== 'deleted') return { erased: false };
    await enqueueEmail(tx, {
      template: 'account-deleted',
      to: user.email,
      data: { name: user.name },
      idempotencyKey: `account-deleted:${userId}`,
    });
    await tx.user.update({
      where: { id: userId },
      data: {
        email: `deleted-${userId}@deleted.invalid`,
        name: 'Deleted user',
        passwordHash: null,
        emailVerified: false,
        emailVerifiedAt: null,
        avatarUrl: null,
        bio: null,
        phone: null,
        dateOfBirth: null,
        gender: null,
        address: null,
        city: null,
        state: null,
        country: null,
        postalCode: null,
        socialLinks: {},
        preferences: {},
      },
    });
    // Testimonials carry their name and picture as written: they go too (before the picture is
    // released, so a testimonial showing it does not keep the file).
    await tx.testimonial.deleteMany({ where: { userId } });
    // Their picture is personal data too: the record goes now, the stored file with the queued job.
    await releaseUploadedFiles(tx, { ownerId: userId, purpose: 'avatar' });
    await tx.session.deleteMany({ where: { userId } });
    await tx.oneTimeToken.deleteMany({ where: { userId } });
    await tx.aiChatSession.deleteMany({ where: { userId } });
    await tx.notification.deleteMany({ where: { userId } });
    await writeAudit(tx, { clock, actorId: null, action: 'user.erase', entityType: 'user', entityId: userId });
    return { erased: true };
  });
}
