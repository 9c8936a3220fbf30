import { isUniqueViolation, type Db, type Prisma } from '@learningpt/db';
import type { Role, UserStatus } from '@learningpt/schema';
import { writeAudit } from '../audit/write-audit';
import { assertAcceptablePassword } from '../auth/common-passwords';
import { hashPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/sessions';
import type { AuthSettings } from '../auth/settings';
import { markAccountDeleted } from '../users/account';
import { livePlansOf } from '../billing/live-plan';
import type { Clock } from '../shared/clock';
import { AppError, notFound } from '../shared/errors';
import { pageOffset, paginationMeta } from '../shared/pagination';

interface AdminDeps {
  db: Db;
  clock: Clock;
  /** The admin acting. */
  actorId: string;
  ip: string | null;
}

const summarySelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  status: true,
  emailVerified: true,
  createdAt: true,
  lastLoginAt: true,
} as const satisfies Prisma.UserSelect;

type SummaryRow = Prisma.UserGetPayload<{ select: typeof summarySelect }>;

function toSummary(u: SummaryRow, tier: string | undefined) {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    subscriptionTier: tier ?? 'free',
    status: u.status,
    emailVerified: u.emailVerified,
    createdAt: u.createdAt,
    lastLogin: u.lastLoginAt,
  };
}

const SORTS: Record<string, Prisma.UserOrderByWithRelationInput[]> = {
  newest: [{ createdAt: 'desc' }, { id: 'desc' }],
  oldest: [{ createdAt: 'asc' }, { id: 'asc' }],
  name: [{ name: 'asc' }, { id: 'asc' }],
  'last-login': [{ lastLoginAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
};

/** admin.users.list: filter by role and status, search name or email, page through. */
export async function findUsers({
  db,
  page,
  limit,
  role,
  status,
  search,
  sort,
  clock,
}: {
  db: Db;
  clock: Clock;
  page: number;
  limit: number;
  role?: Role;
  status?: UserStatus;
  search?: string;
  sort: string;
}) {
  const where: Prisma.UserWhereInput = {
    ...(role ? { role } : {}),
    ...(status ? { status } : {}),
    ...(search
      ? {
          OR: [
            { name: { contains: search, mode: 'insensitive' } },
            { email: { contains: search, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: SORTS[sort] ?? SORTS.newest!,
      skip: pageOffset(page, limit),
      take: limit,
      select: summarySelect,
    }),
  ]);
  const plans = await livePlansOf({ db, clock, userIds: rows.map((r) => r.id) });
  return {
    users: rows.map((u) => toSummary(u, plans.get(u.id)?.planId)),
    pagination: { ...paginationMeta(total, page, limit), totalUsers: total },
  };
}

/** admin.users.byId */
export async function getUserForAdmin({ db, clock, id }: { db: Db; clock: Clock; id: string }) {
  const u = await db.user.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      avatarUrl: true,
      bio: true,
      deletedAt: true,
      updatedAt: true,
      _count: { select: { enrollments: true, quizAttempts: true, certificates: true, programs: true, orders: true } },
    },
  });
  if (!u) throw notFound('User');
  const now = clock.now();
  const [tiers, activeSessions] = await Promise.all([
    livePlansOf({ db, clock, userIds: [id] }),
    db.session.count({ where: { userId: id, expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } } }),
  ]);
  return {
    user: {
      ...toSummary(u, tiers.get(id)?.planId),
      avatar: u.avatarUrl,
      bio: u.bio,
      deletedAt: u.deletedAt,
      updatedAt: u.updatedAt,
      activeSessions,
      counts: u._count,
    },
  };
}

const emailTaken = () => new AppError('CONFLICT', 'An account with this email address already exists.');

/** admin.users.create: any role; verified unless said otherwise. */
export async function createUserAsAdmin({
  db,
  clock,
  actorId,
  ip,
  input,
}: AdminDeps & { input: { name: string; email: string; password: string; role: Role; emailVerified: boolean } }) {
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await db.$transaction(async (tx) => {
      const now = clock.now();
      const u = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          passwordHash,
          role: input.role,
          emailVerified: input.emailVerified,
          emailVerifiedAt: input.emailVerified ? now : null,
          createdAt: now,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        clock,
        actorId,
        action: 'user.create',
        entityType: 'user',
        entityId: u.id,
        data: { email: input.email, role: input.role, emailVerified: input.emailVerified },
        ip,
      });
      return u.id;
    });
    return getUserForAdmin({ db, clock, id });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

function assertNotSelf(actorId: string, id: string, what: string) {
  if (actorId === id) throw new AppError('FORBIDDEN', `You cannot ${what} your own account.`);
}

/**
 * Changes a user's role and/or status with the rules shared by update, ban, unban, setRole and
 * setStatus: an admin cannot change their own role or status; banning or deleting ends every
 * session at once (deleting also queues the erasure).
 */
async function applyAdminChange(
  tx: Prisma.TransactionClient,
  {
    clock,
    settings,
    actorId,
    id,
    role,
    status,
  }: {
    clock: Clock;
    settings: Pick<AuthSettings, 'accountErasureDelayMs'>;
    actorId: string;
    id: string;
    role?: Role;
    status?: UserStatus;
  },
): Promise<{ before: { role: Role; status: UserStatus }; eraseAfter?: Date }> {
  const before = await tx.user.findUnique({ where: { id }, select: { role: true, status: true } });
  if (!before) throw notFound('User');
  if (role !== undefined && role !== before.role) {
    assertNotSelf(actorId, id, 'change the role of');
    await tx.user.update({ where: { id }, data: { role } });
  }
  let eraseAfter: Date | undefined;
  if (status !== undefined && status !== before.status) {
    assertNotSelf(actorId, id, status === 'banned' ? 'ban' : 'change the status of');
    if (status === 'deleted') {
      eraseAfter = await markAccountDeleted(tx, { clock, settings, userId: id });
    } else {
      await tx.user.update({ where: { id }, data: { status, ...(status === 'active' ? { deletedAt: null } : {}) } });
      if (status === 'banned') await invalidateUserSessions({ db: tx, userId: id });
    }
  }
  return { before, ...(eraseAfter ? { eraseAfter } : {}) };
}

/** admin.users.update */
export async function updateUserAsAdmin({
  db,
  clock,
  settings,
  actorId,
  ip,
  input,
}: AdminDeps & {
  settings: Pick<AuthSettings, 'accountErasureDelayMs'>;
  input: {
    id: string;
    name?: string;
    email?: string;
    bio?: string | null;
    role?: Role;
    status?: UserStatus;
    emailVerified?: boolean;
  };
}) {
  const { id, role, status, ...fields } = input;
  try {
    await db.$transaction(async (tx) => {
      const { before } = await applyAdminChange(tx, { clock, settings, actorId, id, role, status });
      const data: Prisma.UserUpdateInput = {};
      if (fields.name !== undefined) data.name = fields.name;
      if (fields.email !== undefined) data.email = fields.email;
      if (fields.bio !== undefined) data.bio = fields.bio || null;
      if (fields.emailVerified !== undefined) {
        data.emailVerified = fields.emailVerified;
        data.emailVerifiedAt = fields.emailVerified ? clock.now() : null;
      }
      if (Object.keys(data).length) await tx.user.update({ where: { id }, data });
      await writeAudit(tx, {
        clock,
        actorId,
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        data: { before, changes: JSON.parse(JSON.stringify({ ...fields, role, status })) as Prisma.InputJsonValue },
        ip,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
  return getUserForAdmin({ db, clock, id });
}

/** admin.users.ban / unban / setRole / setStatus: one change, written to the audit log. */
export async function changeUserAsAdmin({
  db,
  clock,
  settings,
  actorId,
  ip,
  id,
  action,
  role,
  status,
  reason,
}: AdminDeps & {
  settings: Pick<AuthSettings, 'accountErasureDelayMs'>;
  id: string;
  action: 'user.ban' | 'user.unban' | 'user.role' | 'user.status';
  role?: Role;
  status?: UserStatus;
  reason?: string;
}) {
  await db.$transaction(async (tx) => {
    const { before } = await applyAdminChange(tx, { clock, settings, actorId, id, role, status });
    await writeAudit(tx, {
      clock,
      actorId,
      action,
      entityType: 'user',
      entityId: id,
      data: {
        before,
        ...(role ? { role } : {}),
        ...(status ? { status } : {}),
        ...(reason ? { reason } : {}),
      },
      ip,
    });
  });
  return getUserForAdmin({ db, clock, id });
}

/** admin.users.delete: the same soft delete as a user's own, then erasure after the grace period. */
export async function deleteUserAsAdmin({
  db,
  clock,
  settings,
  actorId,
  ip,
  id,
}: AdminDeps & { settings: Pick<AuthSettings, 'accountErasureDelayMs'>; id: string }) {
  assertNotSelf(actorId, id, 'delete');
  const eraseAfter = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { status: true } });
    if (!user) throw notFound('User');
    if (user.status === 'deleted') throw new AppError('CONFLICT', 'This account is already deleted.');
    const when = await markAccountDeleted(tx, { clock, settings, userId: id });
    await writeAudit(tx, {
      clock,
      actorId,
      action: 'user.delete',
      entityType: 'user',
      entityId: id,
      data: { before: { status: user.status }, eraseAfter: when.toISOString() },
      ip,
    });
    return when;
  });
  return {
    message: 'The account has been deleted; its personal data will be erased after the grace period.',
    eraseAfter,
  };
}
