import { isUniqueViolation, type Db, type Prisma } from '@learningpt/db';
import type { ApplicationStatus, InstructorApplication, InstructorApplyInput, SocialLinks } from '@learningpt/schema';
import { writeAudit } from '../audit/write-audit';
import { webLink, type AuthSettings } from '../auth/settings';
import { enqueueEmail } from '../mail/enqueue-email';
import { notify } from '../notifications/notify';
import type { Clock } from '../shared/clock';
import { AppError, notFound } from '../shared/errors';
import { pageOffset, paginationMeta } from '../shared/pagination';

const applicationInclude = {
  user: { select: { id: true, name: true, email: true, avatarUrl: true } },
} satisfies Prisma.InstructorApplicationInclude;
type ApplicationRow = Prisma.InstructorApplicationGetPayload<{ include: typeof applicationInclude }>;

/** Stored JSON → the string-valued links the API shows (anything else in the column is dropped). */
export function socialLinksOf(json: Prisma.JsonValue): Record<string, string> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  return Object.fromEntries(Object.entries(json).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function toApplication(a: ApplicationRow): InstructorApplication {
  return {
    id: a.id,
    user: { id: a.user.id, name: a.user.name, email: a.user.email, avatar: a.user.avatarUrl },
    bio: a.bio,
    expertise: a.expertise,
    experience: a.experience,
    education: a.education,
    socialLinks: socialLinksOf(a.socialLinks),
    sampleWork: a.sampleWork,
    status: a.status,
    rejectionReason: a.rejectionReason,
    reviewedAt: a.reviewedAt,
    appliedAt: a.createdAt,
  };
}

/**
 * instructors.apply: a pending application. At most one pending application per user is a
 * database guarantee (partial unique index "InstructorApplication_one_pending_per_user"), so two
 * concurrent requests cannot both succeed; the loser gets a 409. Rejected (or approved) ones are
 * history, so a rejected applicant may apply again. Admins hear of it in the app.
 */
export async function applyToTeach({
  db,
  clock,
  userId,
  input,
}: {
  db: Db;
  clock: Clock;
  userId: string;
  input: Omit<InstructorApplyInput, 'socialLinks'> & { socialLinks?: SocialLinks | undefined };
}): Promise<{ applicationId: string; status: ApplicationStatus; message: string }> {
  try {
    const application = await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, role: true } });
      if (!user) throw notFound('User');
      if (user.role !== 'student') throw new AppError('CONFLICT', 'You can already teach on LearninGPT.');
      const now = clock.now();
      const created = await tx.instructorApplication.create({
        data: {
          userId,
          bio: input.bio,
          expertise: input.expertise,
          experience: input.experience ?? null,
          education: input.education ?? null,
          socialLinks: input.socialLinks ?? {},
          sampleWork: input.sampleWork ?? null,
          createdAt: now,
        },
        select: { id: true, status: true },
      });
      const admins = await tx.user.findMany({ where: { role: 'admin', status: 'active' }, select: { id: true } });
      for (const admin of admins) {
        await notify({
          db: tx,
          clock,
          userId: admin.id,
          type: 'instructor_application',
          title: 'New instructor application',
          body: `${user.name} applied to become an instructor.`,
          // Applications are reviewed in the admin panel, which the web app's links cannot reach.
          link: null,
          data: { applicationId: created.id },
        });
      }
      return created;
    });
    return {
      applicationId: application.id,
      status: application.status,
      message: 'Application submitted. We will email you once it has been reviewed.',
    };
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('CONFLICT', 'You already have an application waiting for review.');
    }
    throw err;
  }
}

/** instructors.applications (admin): newest first, optionally one status. */
export async function findInstructorApplications({
  db,
  page,
  limit,
  status,
}: {
  db: Db;
  page: number;
  limit: number;
  status?: ApplicationStatus | undefined;
}) {
  const where: Prisma.InstructorApplicationWhereInput = status ? { status } : {};
  const [total, rows] = await Promise.all([
    db.instructorApplication.count({ where }),
    db.instructorApplication.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: pageOffset(page, limit),
      take: limit,
      include: applicationInclude,
    }),
  ]);
  return { applications: rows.map(toApplication), pagination: paginationMeta(total, page, limit) };
}

/** instructors.myApplication: the caller's most recent application (any status), or null. */
export async function findMyApplication({ db, userId }: { db: Db; userId: string }) {
  const row = await db.instructorApplication.findFirst({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: applicationInclude,
  });
  return { application: row ? toApplication(row) : null };
}

interface DecisionOptions {
  db: Db;
  clock: Clock;
  /** For the link in the email. */
  links: Pick<AuthSettings, 'publicWebUrl'>;
  /** The admin deciding. */
  actorId: string;
  applicationId: string;
  ip?: string | null;
}

/**
 * Moves a pending application to `status` with a conditional update, so of two admins deciding
 * at once exactly one wins; the other (and any later call) gets a 409.
 */
async function decide(
  tx: Prisma.TransactionClient,
  o: DecisionOptions,
  data: { status: 'approved' | 'rejected'; rejectionReason?: string },
): Promise<ApplicationRow> {
  const { count } = await tx.instructorApplication.updateMany({
    where: { id: o.applicationId, status: 'pending' },
    data: { ...data, reviewedById: o.actorId, reviewedAt: o.clock.now() },
  });
  const application = await tx.instructorApplication.findUnique({
    where: { id: o.applicationId },
    include: applicationInclude,
  });
  if (!application) throw notFound('Application');
  if (count === 0) throw new AppError('CONFLICT', `This application was already ${application.status}.`);
  return application;
}

/**
 * instructors.approve (admin), in one transaction: the application approved, the user an
 * instructor (an admin applicant keeps the admin role), their public profile created or refreshed
 * from the application, an in-app notification and the approval email queued, an audit entry.
 */
export async function approveInstructorApplication(o: DecisionOptions) {
  const { clock } = o;
  const application = await o.db.$transaction(async (tx) => {
    // Lock the applicant's row so a ban landing meanwhile cannot slip between this check and the
    // role change; a banned or deleted account is refused and the application stays pending.
    // NO KEY UPDATE (not UPDATE): a concurrent reject's notification insert only needs KEY SHARE
    // on the user, so the two decisions cannot deadlock.
    const [applicant] = await tx.$queryRaw<{ status: string; deletedAt: Date | null }[]>`
      SELECT u.status::text AS status, u."deletedAt" FROM "User" u
      JOIN "InstructorApplication" a ON a."userId" = u.id
      WHERE a.id = ${o.applicationId}::uuid
      FOR NO KEY UPDATE OF u`;
    if (applicant && (applicant.status === 'banned' || applicant.status === 'deleted' || applicant.deletedAt)) {
      throw new AppError(
        'CONFLICT',
        applicant.status === 'banned'
          ? "This applicant's account is banned; unban it before approving."
          : "This applicant's account was deleted; it cannot be approved.",
      );
    }
    const a = await decide(tx, o, { status: 'approved' });
    const now = clock.now();
    await tx.user.updateMany({ where: { id: a.userId, role: 'student' }, data: { role: 'instructor' } });
    const profile = {
      bio: a.bio,
      expertise: a.expertise,
      socialLinks: (a.socialLinks ?? {}) as Prisma.InputJsonValue,
      approvedAt: now,
    };
    await tx.instructorProfile.upsert({
      where: { userId: a.userId },
      create: { userId: a.userId, ...profile },
      update: profile,
    });
    await notify({
      db: tx,
      clock,
      userId: a.userId,
      type: 'instructor_application',
      title: 'You are now an instructor',
      body: 'Your instructor application was approved. Create your first program from your dashboard.',
      link: '/teach',
      data: { applicationId: a.id },
    });
    await enqueueEmail(tx, {
      template: 'instructor-approved',
      to: a.user.email,
      data: { name: a.user.name, link: webLink(o.links, '/teach') },
      idempotencyKey: `instructor-approved:${a.id}`,
    });
    await writeAudit(tx, {
      clock,
      actorId: o.actorId,
      action: 'instructor.approve',
      entityType: 'InstructorApplication',
      entityId: a.id,
      data: { userId: a.userId },
      ip: o.ip ?? null,
    });
    return a;
  });
  return { application: toApplication(application) };
}

/** instructors.reject (admin): the reason goes to the applicant in the app and by email. */
export async function rejectInstructorApplication(o: DecisionOptions & { reason: string }) {
  const { clock } = o;
  const application = await o.db.$transaction(async (tx) => {
    const a = await decide(tx, o, { status: 'rejected', rejectionReason: o.reason });
    await notify({
      db: tx,
      clock,
      userId: a.userId,
      type: 'instructor_application',
      title: 'Instructor application update',
      body: `Your application was not approved this time. The reviewer's note: ${o.reason}`,
      link: '/teach/apply',
      data: { applicationId: a.id },
    });
    await enqueueEmail(tx, {
      template: 'instructor-rejected',
      to: a.user.email,
      data: { name: a.user.name, reason: o.reason, link: webLink(o.links, '/teach/apply') },
      idempotencyKey: `instructor-rejected:${a.id}`,
    });
    await writeAudit(tx, {
      clock,
      actorId: o.actorId,
      action: 'instructor.reject',
      entityType: 'InstructorApplication',
      entityId: a.id,
      data: { userId: a.userId, reason: o.reason },
      ip: o.ip ?? null,
    });
    return a;
  });
  return { application: toApplication(application) };
}
