import type { Db, Prisma } from '@learningpt/db';
import type { AuthUser } from '@learningpt/schema';
import { AppError } from '../shared/errors';
import { currentTier } from '../billing/live-plan';
import type { Clock } from '../shared/clock';

export const authUserSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  avatarUrl: true,
  emailVerified: true,
} as const satisfies Prisma.UserSelect;

export async function toAuthUser(
  { db, clock }: { db: Db | Prisma.TransactionClient; clock: Clock },
  u: Prisma.UserGetPayload<{ select: typeof authUserSelect }>,
): Promise<AuthUser> {
  const { tier } = await currentTier({ db, clock, userId: u.id });
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    avatar: u.avatarUrl,
    subscriptionTier: tier,
    emailVerified: u.emailVerified,
  };
}

/** auth.me: the signed-in user as the sign-in answer shows them. */
export async function getCurrentUser({
  db,
  clock,
  userId,
}: {
  db: Db;
  clock: Clock;
  userId: string;
}): Promise<{ user: AuthUser }> {
  const u = await db.user.findUnique({ where: { id: userId }, select: authUserSelect });
  if (!u) throw new AppError('UNAUTHORIZED', 'Please sign in to continue.');
  return { user: await toAuthUser({ db, clock }, u) };
}
