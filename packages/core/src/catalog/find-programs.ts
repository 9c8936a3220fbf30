import { Prisma, type Db } from '@learningpt/db';
import type { ProgramListOutput, ProgramSort } from '@learningpt/schema';
import { toMinor } from '../shared/money';
import { pageOffset, paginationMeta } from '../shared/pagination';
import { categorySubtreeIds } from './list-categories';
import { programSummaryInclude, toProgramSummary } from './program-view';

export interface FindProgramsOptions {
  db: Db;
  page: number;
  limit: number;
  category?: string | undefined;
  search?: string | undefined;
  sort: ProgramSort;
  priceMin?: number | undefined;
  priceMax?: number | undefined;
  level?: 'beginner' | 'intermediate' | 'advanced' | undefined;
}

// Every order ends on id so that pages never overlap or skip rows when the sort key ties.
const ORDER_BY: Record<ProgramSort, Prisma.Sql> = {
  popular: Prisma.sql`p."enrolledCount" DESC, p."createdAt" DESC, p.id DESC`,
  newest: Prisma.sql`p."createdAt" DESC, p.id DESC`,
  'price-low': Prisma.sql`p."priceBundle" ASC, p."createdAt" DESC, p.id DESC`,
  'price-high': Prisma.sql`p."priceBundle" DESC, p."createdAt" DESC, p.id DESC`,
  rating: Prisma.sql`(CASE WHEN p."reviewCount" = 0 THEN 0 ELSE p."ratingTotal"::numeric / p."reviewCount" END) DESC, p."reviewCount" DESC, p.id DESC`,
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Published, not deleted programs: the public catalog with its filters, five sorts and pages. */
export async function findPrograms(opts: FindProgramsOptions): Promise<ProgramListOutput> {
  const { db, page, limit, sort } = opts;
  const where: Prisma.Sql[] = [Prisma.sql`p.status = 'published'`, Prisma.sql`p."deletedAt" IS NULL`];

  if (opts.category) {
    const ids = await categorySubtreeIds({ db, category: opts.category });
    // An unknown category is an empty result, not an error: links to old categories keep working.
    if (!ids) return { programs: [], pagination: { ...paginationMeta(0, page, limit), totalPrograms: 0 } };
    where.push(Prisma.sql`p."categoryId" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`);
  }
  if (opts.search) {
    const pattern = `%${escapeLike(opts.search)}%`;
    where.push(Prisma.sql`(p.title ILIKE ${pattern} OR p.description ILIKE ${pattern})`);
  }
  if (opts.level) where.push(Prisma.sql`p.level = ${opts.level}::"ProgramLevel"`);
  if (opts.priceMin !== undefined) where.push(Prisma.sql`p."priceBundle" >= ${toMinor(opts.priceMin)}`);
  if (opts.priceMax !== undefined) where.push(Prisma.sql`p."priceBundle" <= ${toMinor(opts.priceMax)}`);

  const rows = await db.$queryRaw<{ id: string; total: bigint }[]>`
    SELECT p.id, count(*) OVER () AS total
    FROM "Program" p
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY ${ORDER_BY[sort]}
    LIMIT ${limit} OFFSET ${pageOffset(page, limit)}`;

  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page > 1) {
    // Past the last page the window count is unavailable; count separately so the client can recover.
    const [c] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Program" p WHERE ${Prisma.join(where, ' AND ')}`;
    total = Number(c?.n ?? 0);
  }

  const found = await db.program.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    include: programSummaryInclude,
  });
  const byId = new Map(found.map((p) => [p.id, p]));
  const programs = rows.flatMap((r) => {
    const p = byId.get(r.id);
    return p ? [toProgramSummary(p)] : [];
  });

  return { programs, pagination: { ...paginationMeta(total, page, limit), totalPrograms: total } };
}

export async function findFeaturedPrograms({ db, limit }: { db: Db; limit: number }) {
  const programs = await db.program.findMany({
    where: { status: 'published', deletedAt: null, featured: true },
    orderBy: [{ enrolledCount: 'desc' }, { id: 'desc' }],
    take: limit,
    include: programSummaryInclude,
  });
  return { programs: programs.map(toProgramSummary) };
}
