import { isUniqueViolation, type Db, type Prisma } from '@learningpt/db';
import type { ProgramOutput, ProgramStatus } from '@learningpt/schema';
import { writeAudit } from '../audit/write-audit';
import { sanitizeRichText } from '../html/sanitize';
import type { Clock } from '../shared/clock';
import { AppError, invalidField } from '../shared/errors';
import { toMinor } from '../shared/money';
import type { Viewer } from '../shared/viewer';
import { releaseUploadedFiles } from '../uploads/file-deletion';
import { getProgram } from './get-program';
import { findManageableProgram, PROGRAM_NOT_FOUND } from './program-access-check';
import { programSummaryInclude, toProgramSummary } from './program-view';
import { nextFreeSlug, slugify } from './slug';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Deps {
  db: Db;
  clock: Clock;
  viewer: Viewer;
}

interface PricingInput {
  chatbot?: number | undefined;
  documentation?: number | undefined;
  examSimulator?: number | undefined;
  bundle?: number | undefined;
}

export interface ProgramWriteFields {
  title?: string | undefined;
  description?: string | undefined;
  overview?: string | undefined;
  category?: string | undefined;
  thumbnailUrl?: string | null | undefined;
  pricing?: PricingInput | undefined;
  currency?: string | undefined;
  freeQuestionsCount?: number | undefined;
  prerequisites?: string[] | undefined;
  learningOutcomes?: string[] | undefined;
  features?: string[] | undefined;
  level?: 'beginner' | 'intermediate' | 'advanced' | undefined;
  duration?: string | null | undefined;
  language?: string | undefined;
}

/** A category by id, slug or name (case-insensitive); an unknown or retired one is a 400 on `category`. */
async function resolveCategoryId(db: Db | Prisma.TransactionClient, ref: string): Promise<string> {
  const found = await db.category.findFirst({
    where: {
      OR: [
        ...(UUID.test(ref) ? [{ id: ref }] : []),
        { slug: ref.toLowerCase() },
        { name: { equals: ref, mode: 'insensitive' as const } },
      ],
    },
    select: { id: true, isActive: true, name: true },
  });
  const issue = (message: string) => invalidField('category', message);
  if (!found) throw issue(`Unknown category "${ref}". Use the id, slug or name of one listed by GET /api/categories.`);
  if (!found.isActive) throw issue(`The category "${found.name}" is retired; choose another one.`);
  return found.id;
}

function pricingData(p: PricingInput | undefined): Partial<Prisma.ProgramUncheckedCreateInput> {
  if (!p) return {};
  return {
    ...(p.chatbot !== undefined && { priceChatbot: toMinor(p.chatbot) }),
    ...(p.documentation !== undefined && { priceDocumentation: toMinor(p.documentation) }),
    ...(p.examSimulator !== undefined && { priceExamSimulator: toMinor(p.examSimulator) }),
    ...(p.bundle !== undefined && { priceBundle: toMinor(p.bundle) }),
  };
}

function fieldData(input: ProgramWriteFields): Partial<Prisma.ProgramUncheckedCreateInput> {
  return {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.overview !== undefined && { overview: sanitizeRichText(input.overview) }),
    ...(input.thumbnailUrl !== undefined && { thumbnailUrl: input.thumbnailUrl }),
    ...(input.currency !== undefined && { currency: input.currency }),
    ...(input.freeQuestionsCount !== undefined && { freeQuestionsCount: input.freeQuestionsCount }),
    ...(input.prerequisites !== undefined && { prerequisites: input.prerequisites }),
    ...(input.learningOutcomes !== undefined && { learningOutcomes: input.learningOutcomes }),
    ...(input.features !== undefined && { features: input.features }),
    ...(input.level !== undefined && { level: input.level }),
    ...(input.duration !== undefined && { durationLabel: input.duration }),
    ...(input.language !== undefined && { language: input.language }),
    ...pricingData(input.pricing),
  };
}

async function programView(db: Db, clock: Clock, id: string, viewer: Viewer): Promise<ProgramOutput> {
  const { program } = await getProgram({ db, clock, idOrSlug: id, viewer });
  return { program };
}

/**
 * programs.create: a draft owned by the caller. The slug comes from the title, with -2, -3, ...
 * on collision (a concurrent insert of the same slug is retried with the next suffix).
 */
export async function createProgram({
  db,
  clock,
  viewer,
  input,
}: Deps & { input: ProgramWriteFields & { title: string; description: string; category: string } }) {
  const categoryId = await resolveCategoryId(db, input.category);
  const base = slugify(input.title, 'program');
  for (let attempt = 0; ; attempt++) {
    const taken = await db.program.findMany({
      where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
      select: { slug: true },
    });
    const slug = nextFreeSlug(
      base,
      taken.map((t) => t.slug),
    );
    try {
      const now = clock.now();
      const created = await db.$transaction(async (tx) => {
        const row = await tx.program.create({
          data: {
            title: input.title,
            description: input.description,
            ...fieldData(input),
            slug,
            categoryId,
            instructorId: viewer.userId,
            status: 'draft',
            createdAt: now,
            updatedAt: now,
          },
          select: { id: true },
        });
        await writeAudit(tx, {
          clock,
          actorId: viewer.userId,
          action: 'program.create',
          entityType: 'Program',
          entityId: row.id,
        });
        return row;
      });
      return programView(db, clock, created.id, viewer);
    } catch (err) {
      if (isUniqueViolation(err) && attempt < 5) continue;
      throw err;
    }
  }
}

/** programs.update: the owner or an admin; `featured` only by an admin. The slug changes only when asked. */
export async function updateProgram({
  db,
  clock,
  viewer,
  id,
  input,
}: Deps & { id: string; input: ProgramWriteFields & { slug?: string | undefined; featured?: boolean | undefined } }) {
  const program = await findManageableProgram({ db, programId: id, viewer });
  if (input.featured !== undefined && viewer.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only admins can feature programs.');
  }
  const categoryId = input.category !== undefined ? await resolveCategoryId(db, input.category) : undefined;
  try {
    await db.$transaction(async (tx) => {
      // The thumbnail it had before, read with the row locked (as attachThumbnail does), so an
      // upload at the same time cannot slip in between.
      let previousThumbnail: string | null = null;
      if (input.thumbnailUrl !== undefined) {
        const [row] = await tx.$queryRaw<{ thumbnailUrl: string | null }[]>`
          SELECT "thumbnailUrl" FROM "Program" WHERE id = ${program.id}::uuid FOR UPDATE`;
        previousThumbnail = row?.thumbnailUrl ?? null;
        // A new address must be https; the current one (maybe a local upload on http) may come back unchanged.
        if (
          input.thumbnailUrl &&
          input.thumbnailUrl !== previousThumbnail &&
          !input.thumbnailUrl.startsWith('https://')
        ) {
          throw invalidField('thumbnailUrl', 'thumbnailUrl must be an https:// URL (or upload an image)');
        }
      }
      await tx.program.update({
        where: { id: program.id },
        data: {
          ...fieldData(input),
          ...(categoryId !== undefined && { categoryId }),
          ...(input.slug !== undefined && { slug: input.slug }),
          ...(input.featured !== undefined && { featured: input.featured }),
          updatedAt: clock.now(),
        },
      });
      // Changed away from an uploaded image: that file goes, unless something else still shows it.
      if (previousThumbnail && input.thumbnailUrl !== previousThumbnail) {
        await releaseUploadedFiles(tx, { url: previousThumbnail, purpose: 'thumbnail' });
      }
      await writeAudit(tx, {
        clock,
        actorId: viewer.userId,
        action: 'program.update',
        entityType: 'Program',
        entityId: program.id,
        data: { fields: Object.keys(input) },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('CONFLICT', `The slug "${input.slug}" is already used by another program; choose another.`);
    }
    throw err;
  }
  return programView(db, clock, program.id, viewer);
}

/**
 * programs.setStatus. Admins: any transition. The owner: publish a draft, archive a draft or a
 * published program. Archived -> published is for admins. The change is a conditional update on
 * the status it was read in, so two concurrent changes cannot both apply.
 */
export async function setProgramStatus({
  db,
  clock,
  viewer,
  id,
  status,
}: Deps & { id: string; status: ProgramStatus }) {
  const program = await findManageableProgram({ db, programId: id, viewer });
  const from = program.status;
  if (from !== status) {
    const ownerMay = (from === 'draft' && status === 'published') || (status === 'archived' && from !== 'archived');
    if (viewer.role !== 'admin' && !ownerMay) {
      throw new AppError(
        'FORBIDDEN',
        from === 'archived' && status === 'published'
          ? 'An archived program can only be re-published by an admin.'
          : `You cannot move a program from ${from} to ${status}; ask an admin.`,
      );
    }
    const now = clock.now();
    const changed = await db.$transaction(async (tx) => {
      if (status === 'published' && (await tx.lesson.count({ where: { programId: program.id } })) === 0) {
        throw new AppError(
          'UNPROCESSABLE',
          'Add at least one lesson before publishing: the catalog lists only programs people can start.',
        );
      }
      const { count } = await tx.program.updateMany({
        where: { id: program.id, status: from, deletedAt: null },
        data: { status, updatedAt: now },
      });
      if (count === 1 && status === 'published') {
        // publishedAt is the first publication: re-publishing an archived program keeps it.
        await tx.program.updateMany({ where: { id: program.id, publishedAt: null }, data: { publishedAt: now } });
      }
      if (count === 1) {
        await writeAudit(tx, {
          clock,
          actorId: viewer.userId,
          action: 'program.status',
          entityType: 'Program',
          entityId: program.id,
          data: { from, to: status },
        });
      }
      return count;
    });
    if (changed === 0) throw new AppError('CONFLICT', 'The program changed meanwhile; reload it and try again.');
  }
  return programView(db, clock, program.id, viewer);
}

/**
 * programs.delete: soft delete by the owner or an admin. The program leaves every list and search
 * at once; students enrolled in it keep reading it (getProgram, lessons) and keep their access.
 */
export async function deleteProgram({ db, clock, viewer, id }: Deps & { id: string }) {
  const program = await findManageableProgram({ db, programId: id, viewer });
  await db.$transaction(async (tx) => {
    const { count } = await tx.program.updateMany({
      where: { id: program.id, deletedAt: null },
      data: { deletedAt: clock.now(), featured: false },
    });
    if (count === 0) throw new AppError('NOT_FOUND', PROGRAM_NOT_FOUND);
    await writeAudit(tx, {
      clock,
      actorId: viewer.userId,
      action: 'program.delete',
      entityType: 'Program',
      entityId: program.id,
    });
  });
  return { id: program.id, message: `"${program.title}" was deleted. Enrolled students keep their access.` };
}

/** admin.programs.feature: only published programs can be featured; un-featuring always works. */
export async function featureProgram({ db, clock, viewer, id, featured }: Deps & { id: string; featured: boolean }) {
  const program = await db.program.findUnique({ where: { id }, select: { id: true, status: true, deletedAt: true } });
  if (!program || program.deletedAt !== null) throw new AppError('NOT_FOUND', PROGRAM_NOT_FOUND);
  if (featured && program.status !== 'published') {
    throw new AppError('UNPROCESSABLE', `Only published programs can be featured (this one is ${program.status}).`);
  }
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.program.update({
      where: { id },
      data: { featured, updatedAt: clock.now() },
      include: programSummaryInclude,
    });
    await writeAudit(tx, {
      clock,
      actorId: viewer.userId,
      action: featured ? 'program.feature' : 'program.unfeature',
      entityType: 'Program',
      entityId: id,
    });
    return updated;
  });
  return { program: toProgramSummary(row) };
}
