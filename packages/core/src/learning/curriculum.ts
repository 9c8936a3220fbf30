// Managing a program's curriculum: sections and lessons (the program's instructor or an admin).
import { isUniqueViolation, Prisma, type Db } from '@learningpt/db';
import { findManageableProgram } from '../catalog/program-access-check';
import { nextFreeSlug, slugify } from '../catalog/slug';
import { sanitizeRichText } from '../html/sanitize';
import type { Clock } from '../shared/clock';
import { AppError, invalidField } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import { recomputeProgramProgress } from './progress';

interface Deps {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  programId: string;
}

const sectionSelect = { id: true, programId: true, title: true, description: true, position: true } as const;

async function findSection(db: Db | Prisma.TransactionClient, programId: string, sectionId: string) {
  const section = await db.curriculumSection.findFirst({ where: { id: sectionId, programId }, select: sectionSelect });
  if (!section) throw new AppError('NOT_FOUND', 'Section not found in this program');
  return section;
}

async function findLesson(db: Db | Prisma.TransactionClient, programId: string, lessonId: string) {
  const lesson = await db.lesson.findFirst({ where: { id: lessonId, programId } });
  if (!lesson) throw new AppError('NOT_FOUND', 'Lesson not found in this program');
  return lesson;
}

/** Sets positions 0..n-1 in the given order in one statement. */
async function applyOrder(tx: Prisma.TransactionClient, table: 'CurriculumSection' | 'Lesson', ids: string[]) {
  if (ids.length === 0) return;
  const values = Prisma.join(ids.map((id, i) => Prisma.sql`(${id}::uuid, ${i}::int)`));
  await tx.$executeRaw`
    UPDATE ${Prisma.raw(`"${table}"`)} t SET position = v.pos
    FROM (VALUES ${values}) AS v(id, pos) WHERE t.id = v.id`;
}

function assertPermutation(given: string[], existing: string[], what: string) {
  const a = [...given].sort();
  const b = [...existing].sort();
  if (a.length !== b.length || a.some((x, i) => x !== b[i])) {
    throw invalidField(
      `${what}Ids`,
      `List every ${what} exactly once (${existing.length} expected, ${given.length} given).`,
    );
  }
}

/* ------------------------------------------------------------------------------------------------
 * Sections
 * ---------------------------------------------------------------------------------------------- */

export async function createSection({
  db,
  clock,
  viewer,
  programId,
  input,
}: Deps & { input: { title: string; description?: string | null | undefined } }) {
  await findManageableProgram({ db, programId, viewer });
  const now = clock.now();
  const section = await db.$transaction(async (tx) => {
    const last = await tx.curriculumSection.aggregate({ where: { programId }, _max: { position: true } });
    return tx.curriculumSection.create({
      data: {
        programId,
        title: input.title,
        description: input.description ?? null,
        position: (last._max.position ?? -1) + 1,
        createdAt: now,
        updatedAt: now,
      },
      select: sectionSelect,
    });
  });
  return { section };
}

export async function updateSection({
  db,
  clock,
  viewer,
  programId,
  sectionId,
  input,
}: Deps & { sectionId: string; input: { title?: string | undefined; description?: string | null | undefined } }) {
  await findManageableProgram({ db, programId, viewer });
  await findSection(db, programId, sectionId);
  const section = await db.curriculumSection.update({
    where: { id: sectionId },
    data: {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      updatedAt: clock.now(),
    },
    select: sectionSelect,
  });
  return { section };
}

/** Deletes the section with its lessons (and the progress recorded on them). */
export async function deleteSection({ db, viewer, programId, sectionId }: Deps & { sectionId: string }) {
  await findManageableProgram({ db, programId, viewer });
  const section = await findSection(db, programId, sectionId);
  await db.$transaction(async (tx) => {
    await tx.curriculumSection.delete({ where: { id: sectionId } });
    const rest = await tx.curriculumSection.findMany({
      where: { programId },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: { id: true },
    });
    await applyOrder(
      tx,
      'CurriculumSection',
      rest.map((s) => s.id),
    );
    await recomputeProgramProgress(tx, programId);
  });
  return { id: sectionId, message: `Section "${section.title}" deleted.` };
}

export async function reorderSections({ db, viewer, programId, sectionIds }: Deps & { sectionIds: string[] }) {
  await findManageableProgram({ db, programId, viewer });
  await db.$transaction(async (tx) => {
    const existing = await tx.curriculumSection.findMany({ where: { programId }, select: { id: true } });
    assertPermutation(
      sectionIds,
      existing.map((s) => s.id),
      'section',
    );
    await applyOrder(tx, 'CurriculumSection', sectionIds);
  });
}

/* ------------------------------------------------------------------------------------------------
 * Lessons
 * ---------------------------------------------------------------------------------------------- */

async function lessonSlug(tx: Prisma.TransactionClient, programId: string, title: string) {
  const base = slugify(title, 'lesson');
  const taken = await tx.lesson.findMany({
    where: { programId, OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
    select: { slug: true },
  });
  return nextFreeSlug(
    base,
    taken.map((t) => t.slug),
  );
}

const slugConflict = (slug: string | undefined) =>
  new AppError('CONFLICT', `Another lesson of this program already uses the slug "${slug ?? ''}"; choose another.`);

export async function createLesson({
  db,
  clock,
  viewer,
  programId,
  sectionId,
  input,
}: Deps & {
  sectionId: string;
  input: { title: string; slug?: string | undefined; durationMinutes: number; content: string; isPreview: boolean };
}) {
  await findManageableProgram({ db, programId, viewer });
  await findSection(db, programId, sectionId);
  const now = clock.now();
  try {
    const lesson = await db.$transaction(async (tx) => {
      const last = await tx.lesson.aggregate({ where: { sectionId }, _max: { position: true } });
      const created = await tx.lesson.create({
        data: {
          programId,
          sectionId,
          title: input.title,
          slug: input.slug ?? (await lessonSlug(tx, programId, input.title)),
          position: (last._max.position ?? -1) + 1,
          durationMinutes: input.durationMinutes,
          content: sanitizeRichText(input.content),
          isPreview: input.isPreview,
          createdAt: now,
          updatedAt: now,
        },
      });
      await recomputeProgramProgress(tx, programId);
      return created;
    });
    return { lesson: toLessonRecord(lesson) };
  } catch (err) {
    if (isUniqueViolation(err)) throw slugConflict(input.slug);
    throw err;
  }
}

export async function updateLesson({
  db,
  clock,
  viewer,
  programId,
  lessonId,
  input,
}: Deps & {
  lessonId: string;
  input: {
    sectionId?: string | undefined;
    title?: string | undefined;
    slug?: string | undefined;
    durationMinutes?: number | undefined;
    content?: string | undefined;
    isPreview?: boolean | undefined;
  };
}) {
  await findManageableProgram({ db, programId, viewer });
  const current = await findLesson(db, programId, lessonId);
  const moving = input.sectionId !== undefined && input.sectionId !== current.sectionId;
  if (moving) await findSection(db, programId, input.sectionId!);
  try {
    const lesson = await db.$transaction(async (tx) => {
      const position = moving
        ? ((await tx.lesson.aggregate({ where: { sectionId: input.sectionId! }, _max: { position: true } }))._max
            .position ?? -1) + 1
        : undefined;
      return tx.lesson.update({
        where: { id: lessonId },
        data: {
          ...(input.title !== undefined && { title: input.title }),
          ...(input.slug !== undefined && { slug: input.slug }),
          ...(input.durationMinutes !== undefined && { durationMinutes: input.durationMinutes }),
          ...(input.content !== undefined && { content: sanitizeRichText(input.content) }),
          ...(input.isPreview !== undefined && { isPreview: input.isPreview }),
          ...(moving && { sectionId: input.sectionId!, position: position! }),
          updatedAt: clock.now(),
        },
      });
    });
    return { lesson: toLessonRecord(lesson) };
  } catch (err) {
    if (isUniqueViolation(err)) throw slugConflict(input.slug);
    throw err;
  }
}

export async function deleteLesson({ db, viewer, programId, lessonId }: Deps & { lessonId: string }) {
  await findManageableProgram({ db, programId, viewer });
  const lesson = await findLesson(db, programId, lessonId);
  await db.$transaction(async (tx) => {
    await tx.lesson.delete({ where: { id: lessonId } });
    const rest = await tx.lesson.findMany({
      where: { sectionId: lesson.sectionId },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: { id: true },
    });
    await applyOrder(
      tx,
      'Lesson',
      rest.map((l) => l.id),
    );
    await recomputeProgramProgress(tx, programId);
  });
  return { id: lessonId, message: `Lesson "${lesson.title}" deleted.` };
}

export async function reorderLessons({
  db,
  viewer,
  programId,
  sectionId,
  lessonIds,
}: Deps & { sectionId: string; lessonIds: string[] }) {
  await findManageableProgram({ db, programId, viewer });
  await findSection(db, programId, sectionId);
  await db.$transaction(async (tx) => {
    const existing = await tx.lesson.findMany({ where: { sectionId }, select: { id: true } });
    assertPermutation(
      lessonIds,
      existing.map((l) => l.id),
      'lesson',
    );
    await applyOrder(tx, 'Lesson', lessonIds);
  });
}

function toLessonRecord(l: {
  id: string;
  programId: string;
  sectionId: string;
  title: string;
  slug: string;
  position: number;
  durationMinutes: number;
  isPreview: boolean;
  content: string;
}) {
  return {
    id: l.id,
    programId: l.programId,
    sectionId: l.sectionId,
    title: l.title,
    slug: l.slug,
    position: l.position,
    durationMinutes: l.durationMinutes,
    isPreview: l.isPreview,
    content: l.content,
  };
}
