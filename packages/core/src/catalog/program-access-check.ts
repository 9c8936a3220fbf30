import type { Db, Prisma } from '@learningpt/db';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';

/** The columns the access rules and the write paths need. */
export const programCoreSelect = {
  id: true,
  slug: true,
  title: true,
  instructorId: true,
  status: true,
  deletedAt: true,
  level: true,
  currency: true,
  priceChatbot: true,
  priceDocumentation: true,
  priceExamSimulator: true,
  priceBundle: true,
} satisfies Prisma.ProgramSelect;

export type ProgramCore = Prisma.ProgramGetPayload<{ select: typeof programCoreSelect }>;

export const PROGRAM_NOT_FOUND = 'Program not found';

export function isPubliclyVisible(p: Pick<ProgramCore, 'status' | 'deletedAt'>): boolean {
  return p.status === 'published' && p.deletedAt === null;
}

export function isFreeProgram(p: ProgramCore): boolean {
  return p.priceBundle === 0 && p.priceChatbot === 0 && p.priceDocumentation === 0 && p.priceExamSimulator === 0;
}

export function isProgramStaff(viewer: Viewer | null, p: Pick<ProgramCore, 'instructorId'>): boolean {
  return viewer !== null && (viewer.role === 'admin' || viewer.userId === p.instructorId);
}

/**
 * A program as this viewer may see it: published and not deleted for everyone; any state for its
 * instructor and admins; archived or deleted ones stay readable for students enrolled in them.
 * Anything else is NOT_FOUND (a draft's existence is not revealed).
 */
export async function findProgramForViewer({
  db,
  programId,
  viewer,
}: {
  db: Db | Prisma.TransactionClient;
  programId: string;
  viewer: Viewer | null;
}) {
  const program = await db.program.findUnique({ where: { id: programId }, select: programCoreSelect });
  if (!program) throw new AppError('NOT_FOUND', PROGRAM_NOT_FOUND);
  const enrollment = viewer
    ? await db.enrollment.findUnique({
        where: { userId_programId: { userId: viewer.userId, programId } },
      })
    : null;
  const enrolled = enrollment !== null && enrollment.status !== 'cancelled' ? enrollment : null;
  if (!isPubliclyVisible(program) && !isProgramStaff(viewer, program) && !enrolled) {
    throw new AppError('NOT_FOUND', PROGRAM_NOT_FOUND);
  }
  return { program, enrollment: enrolled };
}

/**
 * A program this viewer may change: its instructor or an admin. Soft-deleted programs are gone
 * for writing. Someone who cannot even see the program gets NOT_FOUND; someone who can, FORBIDDEN.
 */
export async function findManageableProgram({
  db,
  programId,
  viewer,
}: {
  db: Db | Prisma.TransactionClient;
  programId: string;
  viewer: Viewer;
}): Promise<ProgramCore> {
  const program = await db.program.findUnique({ where: { id: programId }, select: programCoreSelect });
  if (!program || program.deletedAt !== null) throw new AppError('NOT_FOUND', PROGRAM_NOT_FOUND);
  if (isProgramStaff(viewer, program)) return program;
  if (!isPubliclyVisible(program)) throw new AppError('NOT_FOUND', PROGRAM_NOT_FOUND);
  throw new AppError('FORBIDDEN', "Only the program's instructor or an admin can change it.");
}
