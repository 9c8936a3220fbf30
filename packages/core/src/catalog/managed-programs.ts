import type { Db, Prisma } from '@learningpt/db';
import type { ManagedProgramFilter, ManagedProgramListOutput, ProgramStatus } from '@learningpt/schema';
import { pageOffset, paginationMeta } from '../shared/pagination';
import { programSummaryInclude, toProgramSummary } from './program-view';

const managedInclude = {
  ...programSummaryInclude,
  _count: { select: { lessons: true } },
} satisfies Prisma.ProgramInclude;

interface ListOptions {
  db: Db;
  page: number;
  limit: number;
  where: Prisma.ProgramWhereInput;
}

/** One page of programs as their managers see them, most recently changed first. */
async function listManaged({ db, page, limit, where }: ListOptions): Promise<ManagedProgramListOutput> {
  const [total, rows] = await db.$transaction([
    db.program.count({ where }),
    db.program.findMany({
      where,
      include: managedInclude,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      skip: pageOffset(page, limit),
      take: limit,
    }),
  ]);
  return {
    programs: rows.map((p) => ({
      ...toProgramSummary(p),
      status: p.status,
      publishedAt: p.publishedAt,
      deletedAt: p.deletedAt,
      lessonsCount: p._count.lessons,
    })),
    pagination: paginationMeta(total, page, limit),
  };
}

function searchWhere(search: string | undefined): Prisma.ProgramWhereInput {
  if (!search) return {};
  return {
    OR: [
      { title: { contains: search, mode: 'insensitive' } },
      { slug: { contains: search, mode: 'insensitive' } },
      { description: { contains: search, mode: 'insensitive' } },
    ],
  };
}

/** instructors.myPrograms: the caller's own programs in every status; soft-deleted ones are gone for them. */
export function findMyPrograms(o: {
  db: Db;
  instructorId: string;
  page: number;
  limit: number;
  status?: ProgramStatus | undefined;
  search?: string | undefined;
}): Promise<ManagedProgramListOutput> {
  return listManaged({
    db: o.db,
    page: o.page,
    limit: o.limit,
    where: {
      instructorId: o.instructorId,
      deletedAt: null,
      ...(o.status && { status: o.status }),
      ...searchWhere(o.search),
    },
  });
}

/** admin.programs.list: the whole catalogue; `deleted` lists the soft-deleted, no status lists all others. */
export function findProgramsForAdmin(o: {
  db: Db;
  page: number;
  limit: number;
  status?: ManagedProgramFilter | undefined;
  search?: string | undefined;
  featured?: boolean | undefined;
  instructorId?: string | undefined;
}): Promise<ManagedProgramListOutput> {
  const statusWhere: Prisma.ProgramWhereInput =
    o.status === 'deleted' ? { deletedAt: { not: null } } : { deletedAt: null, ...(o.status && { status: o.status }) };
  return listManaged({
    db: o.db,
    page: o.page,
    limit: o.limit,
    where: {
      ...statusWhere,
      ...(o.featured !== undefined && { featured: o.featured }),
      ...(o.instructorId && { instructorId: o.instructorId }),
      ...searchWhere(o.search),
    },
  });
}
