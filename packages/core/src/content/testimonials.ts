// Testimonials: written by signed-in users, shown publicly only once an admin approves them.
import type { Db, Prisma } from '@learningpt/db';
import type { Testimonial, TestimonialListOutput, TestimonialStatus } from '@learningpt/schema';
import { writeAudit } from '../audit/write-audit';
import { notify } from '../notifications/notify';
import type { Clock } from '../shared/clock';
import { AppError, invalidField } from '../shared/errors';
import { pageOffset, paginationMeta } from '../shared/pagination';
import type { Viewer } from '../shared/viewer';

export const TESTIMONIAL_NOT_FOUND = 'Testimonial not found';

/** A user may have this many testimonials waiting for moderation at once. */
export const MAX_PENDING_TESTIMONIALS = 5;

const testimonialInclude = {
  program: { select: { id: true, title: true, slug: true } },
} satisfies Prisma.TestimonialInclude;

type TestimonialRow = Prisma.TestimonialGetPayload<{ include: typeof testimonialInclude }>;

function toTestimonial(t: TestimonialRow): Testimonial {
  return {
    id: t.id,
    userId: t.userId,
    programId: t.programId,
    program: t.program,
    authorName: t.authorName,
    authorTitle: t.authorTitle,
    avatarUrl: t.avatarUrl,
    rating: t.rating,
    title: t.title,
    content: t.content,
    status: t.status,
    featured: t.featured,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

async function page(
  db: Db,
  where: Prisma.TestimonialWhereInput,
  orderBy: Prisma.TestimonialOrderByWithRelationInput[],
  pageNo: number,
  limit: number,
): Promise<TestimonialListOutput> {
  const [total, rows] = await db.$transaction([
    db.testimonial.count({ where }),
    db.testimonial.findMany({
      where,
      include: testimonialInclude,
      orderBy,
      skip: pageOffset(pageNo, limit),
      take: limit,
    }),
  ]);
  return { testimonials: rows.map(toTestimonial), pagination: paginationMeta(total, pageNo, limit) };
}

/** testimonials.list: approved only; featured first, then newest. */
export function findTestimonials(o: {
  db: Db;
  page: number;
  limit: number;
  featured?: boolean | undefined;
  programId?: string | undefined;
}): Promise<TestimonialListOutput> {
  return page(
    o.db,
    {
      status: 'approved',
      ...(o.featured !== undefined && { featured: o.featured }),
      ...(o.programId && { programId: o.programId }),
    },
    [{ featured: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    o.page,
    o.limit,
  );
}

/** testimonials.mine: the caller's own, every status, newest first. */
export function findMyTestimonials(o: { db: Db; viewer: Viewer; page: number; limit: number }) {
  return page(o.db, { userId: o.viewer.userId }, [{ createdAt: 'desc' }, { id: 'desc' }], o.page, o.limit);
}

/** testimonials.manage (admins): all of them; without a status, the oldest pending first. */
export function findTestimonialsForModeration(o: {
  db: Db;
  page: number;
  limit: number;
  status?: TestimonialStatus | undefined;
}) {
  return page(
    o.db,
    o.status ? { status: o.status } : {},
    o.status ? [{ createdAt: 'desc' }, { id: 'desc' }] : [{ status: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    o.page,
    o.limit,
  );
}

/**
 * testimonials.create: pending until an admin approves it. The name and picture are the user's
 * own at the time of writing. A program, when given, must be one the public can see.
 */
export async function createTestimonial({
  db,
  clock,
  viewer,
  input,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  input: {
    rating: number;
    content: string;
    title?: string | undefined;
    programId?: string | undefined;
    authorTitle?: string | undefined;
  };
}) {
  if (input.programId) {
    const program = await db.program.findUnique({
      where: { id: input.programId },
      select: { status: true, deletedAt: true },
    });
    if (!program || program.status !== 'published' || program.deletedAt !== null) {
      throw invalidField('programId', 'Unknown programId: use the id of a published program');
    }
  }
  const row = await db.$transaction(async (tx) => {
    // Serialise one user's submissions so the pending cap holds under concurrent requests.
    const [user] = await tx.$queryRaw<{ name: string; avatarUrl: string | null }[]>`
      SELECT name, "avatarUrl" FROM "User" WHERE id = ${viewer.userId}::uuid FOR UPDATE`;
    if (!user) throw new AppError('UNAUTHORIZED', 'Please sign in to continue.');
    const pending = await tx.testimonial.count({ where: { userId: viewer.userId, status: 'pending' } });
    if (pending >= MAX_PENDING_TESTIMONIALS) {
      throw new AppError(
        'UNPROCESSABLE',
        `You already have ${pending} testimonials waiting for review; please wait until they are moderated.`,
      );
    }
    const now = clock.now();
    return tx.testimonial.create({
      data: {
        userId: viewer.userId,
        programId: input.programId ?? null,
        authorName: user.name,
        authorTitle: input.authorTitle || null,
        avatarUrl: user.avatarUrl,
        rating: input.rating,
        title: input.title || null,
        content: input.content,
        status: 'pending',
        featured: false,
        createdAt: now,
        updatedAt: now,
      },
      include: testimonialInclude,
    });
  });
  return {
    testimonial: toTestimonial(row),
    message: 'Thank you! Your testimonial will appear on the site once it has been reviewed.',
  };
}

/**
 * testimonials.moderate (admins): approve or reject, feature or un-feature. Only an approved
 * testimonial can be featured; rejecting one (or sending it back to pending) un-features it.
 */
export async function moderateTestimonial({
  db,
  clock,
  viewer,
  id,
  status,
  featured,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  id: string;
  status?: TestimonialStatus | undefined;
  featured?: boolean | undefined;
}) {
  const row = await db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ status: TestimonialStatus; featured: boolean; userId: string | null }[]>`
      SELECT status, featured, "userId" FROM "Testimonial" WHERE id = ${id}::uuid FOR UPDATE`;
    if (!current) throw new AppError('NOT_FOUND', TESTIMONIAL_NOT_FOUND);
    const nextStatus = status ?? current.status;
    if (featured === true && nextStatus !== 'approved') {
      throw new AppError('UNPROCESSABLE', `Only approved testimonials can be featured (this one is ${nextStatus}).`);
    }
    const nextFeatured = nextStatus === 'approved' ? (featured ?? current.featured) : false;
    const updated = await tx.testimonial.update({
      where: { id },
      data: { status: nextStatus, featured: nextFeatured, updatedAt: clock.now() },
      include: testimonialInclude,
    });
    // The author hears of the decision once, when it is made (no web page lists them yet: no link).
    if (current.userId && nextStatus !== current.status && nextStatus !== 'pending') {
      await notify({
        db: tx,
        clock,
        userId: current.userId,
        type: 'testimonial',
        title: nextStatus === 'approved' ? 'Your testimonial is live' : 'Your testimonial was not published',
        body:
          nextStatus === 'approved'
            ? 'Thank you! Your testimonial was approved and now appears on the site.'
            : 'Thank you for writing. Your testimonial was reviewed and will not be shown on the site.',
        data: { testimonialId: id, status: nextStatus },
      });
    }
    await writeAudit(tx, {
      clock,
      actorId: viewer.userId,
      action: 'testimonial.moderate',
      entityType: 'Testimonial',
      entityId: id,
      data: { from: current.status, to: nextStatus, featured: nextFeatured },
    });
    return updated;
  });
  const message =
    row.status === 'approved'
      ? row.featured
        ? 'Approved and featured.'
        : 'Approved: it is now public.'
      : row.status === 'rejected'
        ? 'Rejected: it stays hidden.'
        : 'Back to pending: it is hidden until approved.';
  return { testimonial: toTestimonial(row), message };
}

/** testimonials.delete (admins). */
export async function deleteTestimonial({
  db,
  clock,
  viewer,
  id,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  id: string;
}) {
  return db.$transaction(async (tx) => {
    const gone = await tx.testimonial.deleteMany({ where: { id } });
    if (gone.count === 0) throw new AppError('NOT_FOUND', TESTIMONIAL_NOT_FOUND);
    await writeAudit(tx, {
      clock,
      actorId: viewer.userId,
      action: 'testimonial.delete',
      entityType: 'Testimonial',
      entityId: id,
    });
    return { id, message: 'The testimonial was deleted.' };
  });
}
