import type { Db, Prisma } from '@learningpt/db';
import type { UpdateProfileInput, UserProfile } from '@learningpt/schema';
import type { Clock } from '../shared/clock';
import { invalidField, notFound } from '../shared/errors';
import { releaseUploadedFiles } from '../uploads/file-deletion';
import { getUserStats } from './stats';
import { currentTier } from '../billing/live-plan';

type JsonMap = Record<string, string | number | boolean>;

function asMap(v: Prisma.JsonValue): JsonMap {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(
    Object.entries(v).filter((e): e is [string, string | number | boolean] =>
      ['string', 'number', 'boolean'].includes(typeof e[1]),
    ),
  );
}

/** users.profile: the signed-in user's own profile with a few headline numbers. */
export async function getProfile({ db, clock, userId }: { db: Db; clock: Clock; userId: string }): Promise<{
  user: UserProfile;
}> {
  const u = await db.user.findUnique({ where: { id: userId } });
  if (!u) throw notFound('User');
  const [plan, stats] = await Promise.all([currentTier({ db, clock, userId }), getUserStats({ db, clock, userId })]);
  return {
    user: {
      id: u.id,
      name: u.name,
      email: u.email,
      avatar: u.avatarUrl,
      role: u.role,
      bio: u.bio,
      emailVerified: u.emailVerified,
      subscriptionTier: plan.tier,
      subscriptionExpiry: plan.expiresAt,
      socialLinks: Object.fromEntries(
        Object.entries(asMap(u.socialLinks)).filter((e): e is [string, string] => typeof e[1] === 'string'),
      ),
      preferences: asMap(u.preferences),
      stats: {
        programsEnrolled: stats.programsEnrolled,
        quizzesTaken: stats.quizzesTaken,
        certificatesEarned: stats.certificatesEarned,
        totalPoints: stats.totalPoints,
        streak: stats.currentStreak,
      },
      lastLogin: u.lastLoginAt,
      createdAt: u.createdAt,
    },
  };
}

/**
 * users.updateProfile. Social links and preferences are merged into what is stored (a link set to
 * null is removed). The avatar is an https URL (uploads go through POST /api/users/avatar); when it
 * changes away from an uploaded picture, that file is let go in the same transaction.
 */
export async function updateProfile({
  db,
  clock,
  userId,
  input,
}: {
  db: Db;
  clock: Clock;
  userId: string;
  input: UpdateProfileInput;
}): Promise<{ user: UserProfile }> {
  await db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({
      where: { id: userId },
      select: { socialLinks: true, preferences: true, avatarUrl: true },
    });
    if (!current) throw notFound('User');
    // Re-sending the current avatar (e.g. an uploaded one on a local http server) is fine; a new
    // address must be https so pages never load a mixed-content or downgraded image.
    if (input.avatarUrl && input.avatarUrl !== current.avatarUrl && !input.avatarUrl.startsWith('https://')) {
      throw invalidField('avatarUrl', 'avatarUrl must be an https:// URL (or upload a picture)');
    }
    const data: Prisma.UserUpdateInput = {};
    if (input.name !== undefined) data.name = input.name;
    if (input.bio !== undefined) data.bio = input.bio || null;
    if (input.avatarUrl !== undefined) data.avatarUrl = input.avatarUrl;
    if (input.socialLinks) {
      const links: Record<string, string> = { ...asMap(current.socialLinks) } as Record<string, string>;
      for (const [k, v] of Object.entries(input.socialLinks)) {
        if (v === null) delete links[k];
        else if (v !== undefined) links[k] = v;
      }
      data.socialLinks = links;
    }
    if (input.preferences) {
      data.preferences = {
        ...asMap(current.preferences),
        ...Object.fromEntries(Object.entries(input.preferences).filter(([, v]) => v !== undefined)),
      };
    }
    if (Object.keys(data).length) await tx.user.update({ where: { id: userId }, data });
    if (input.avatarUrl !== undefined && current.avatarUrl && input.avatarUrl !== current.avatarUrl) {
      await releaseUploadedFiles(tx, { url: current.avatarUrl, purpose: 'avatar', ownerId: userId });
    }
  });
  return getProfile({ db, clock, userId });
}
