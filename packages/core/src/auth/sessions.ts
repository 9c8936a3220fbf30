// Sessions as in the Lucia guide ("sessions", basic implementation): the client holds a random
// token; the database holds only its SHA-256 (Session.id). A session ends after an idle timeout
// (expiresAt, pushed forward when less than half of it is left) and at an absolute lifetime
// (absoluteExpiresAt, never extended). The user's status is checked on every resolution.
import { queryRows, type Db, type Prisma, type Role, type UserStatus } from '@learningpt/db';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import type { AuthSettings } from './settings';
import { generateToken, hashesEqual, hashToken } from './tokens';

export type SessionPolicy = Pick<AuthSettings, 'sessionIdleTimeoutMs' | 'sessionMaxAgeMs'>;

export interface ValidSession {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  user: Viewer & { name: string; email: string };
}

type Tx = Db | Prisma.TransactionClient;

export async function createSession({
  db,
  clock,
  policy,
  userId,
  ip,
  userAgent,
  absoluteExpiresAt,
  createdAt,
}: {
  db: Tx;
  clock: Clock;
  policy: SessionPolicy;
  userId: string;
  ip?: string | null;
  userAgent?: string | null;
  /** When rotating: keep the original session's hard cap and start. */
  absoluteExpiresAt?: Date;
  createdAt?: Date;
}): Promise<{ token: string; session: { id: string; expiresAt: Date; absoluteExpiresAt: Date } }> {
  const now = clock.now();
  const token = generateToken();
  const absolute = absoluteExpiresAt ?? new Date(now.getTime() + policy.sessionMaxAgeMs);
  const expiresAt = new Date(Math.min(now.getTime() + policy.sessionIdleTimeoutMs, absolute.getTime()));
  const session = await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: createdAt ?? now,
      lastActiveAt: now,
      expiresAt,
      absoluteExpiresAt: absolute,
      ipAddress: ip?.slice(0, 100) ?? null,
      userAgent: userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true, expiresAt: true, absoluteExpiresAt: true },
  });
  return { token, session };
}

interface SessionWithUser {
  id: string;
  userId: string;
  createdAt: Date;
  lastActiveAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
}

/** How often lastActiveAt is written at most (it feeds "my sessions", not security). */
const ACTIVITY_WRITE_MS = 60_000;

/**
 * The session a token belongs to, or null when it is unknown, expired (deleted then), or its
 * user is no longer active (every session of that user is deleted then).
 */
export async function validateSessionToken({
  db,
  clock,
  policy,
  token,
}: {
  db: Db;
  clock: Clock;
  policy: SessionPolicy;
  token: string;
}): Promise<ValidSession | null> {
  if (!/^[a-z2-7]{16,128}$/.test(token)) return null;
  const id = hashToken(token);
  // One statement with the user (every signed-in request runs this, so on the pool directly).
  const [row] = await queryRows<SessionWithUser>(
    db,
    `SELECT s.id, s."userId", s."createdAt", s."lastActiveAt", s."expiresAt", s."absoluteExpiresAt",
            u.name, u.email, u.role::text AS role, u.status::text AS status
     FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = $1`,
    [id],
  );
  // The lookup is by primary key; compare the hash again in constant time all the same.
  if (!row || !hashesEqual(row.id, id)) return null;
  const now = clock.now();
  if (now >= row.expiresAt || now >= row.absoluteExpiresAt) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (row.status !== 'active') {
    await db.session.deleteMany({ where: { userId: row.userId } });
    return null;
  }
  let expiresAt = row.expiresAt;
  const extend = row.expiresAt.getTime() - now.getTime() < policy.sessionIdleTimeoutMs / 2;
  if (extend) {
    expiresAt = new Date(Math.min(now.getTime() + policy.sessionIdleTimeoutMs, row.absoluteExpiresAt.getTime()));
  }
  if (extend || now.getTime() - row.lastActiveAt.getTime() >= ACTIVITY_WRITE_MS) {
    await db.session.updateMany({ where: { id }, data: { lastActiveAt: now, expiresAt } });
  }
  return {
    id,
    userId: row.userId,
    createdAt: row.createdAt,
    expiresAt,
    absoluteExpiresAt: row.absoluteExpiresAt,
    user: { userId: row.userId, role: row.role, name: row.name, email: row.email },
  };
}

/**
 * Swaps a token for a new one (refresh): the old session row is deleted (at most one caller wins
 * that DELETE) and a new one keeps its start and hard cap, so refreshing never extends the
 * absolute lifetime. Null when the token is not a live session.
 */
export async function rotateSession({
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
  token: string;
  ip?: string | null;
  userAgent?: string | null;
}): Promise<{
  token: string;
  session: { id: string; expiresAt: Date; absoluteExpiresAt: Date };
  userId: string;
} | null> {
  const valid = await validateSessionToken({ db, clock, policy, token });
  if (!valid) return null;
  return db.$transaction(async (tx) => {
    const gone = await tx.session.deleteMany({ where: { id: valid.id } });
    if (gone.count !== 1) return null;
    const created = await createSession({
      db: tx,
      clock,
      policy,
      userId: valid.userId,
      ip,
      userAgent,
      absoluteExpiresAt: valid.absoluteExpiresAt,
      createdAt: valid.createdAt,
    });
    return { ...created, userId: valid.userId };
  });
}

export async function invalidateSession({ db, sessionId }: { db: Tx; sessionId: string }): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user, or every one but `exceptSessionId`; returns how many ended. */
export async function invalidateUserSessions({
  db,
  userId,
  exceptSessionId,
}: {
  db: Tx;
  userId: string;
  exceptSessionId?: string;
}): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  return count;
}

export async function listSessions({
  db,
  clock,
  userId,
  currentSessionId,
}: {
  db: Db;
  clock: Clock;
  userId: string;
  currentSessionId: string;
}) {
  const now = clock.now();
  const rows = await db.session.findMany({
    where: { userId, expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
    orderBy: { lastActiveAt: 'desc' },
  });
  return {
    sessions: rows.map((r) => ({
      id: r.id,
      current: r.id === currentSessionId,
      createdAt: r.createdAt,
      lastActiveAt: r.lastActiveAt,
      expiresAt: r.expiresAt,
      absoluteExpiresAt: r.absoluteExpiresAt,
      ipAddress: r.ipAddress,
      userAgent: r.userAgent,
    })),
  };
}

/** Ends one of the user's own sessions; NOT_FOUND for another user's or an unknown id. */
export async function revokeUserSession({ db, userId, sessionId }: { db: Db; userId: string; sessionId: string }) {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  if (count === 0) throw new AppError('NOT_FOUND', 'Session not found');
}
