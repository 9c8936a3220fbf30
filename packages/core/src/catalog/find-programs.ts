import { Prisma, type Db } from '@learningpt/db';
import type { ProgramListOutput, ProgramSort } from '@learningpt/schema';
import { toMinor } from '../shared/money';
import { pageOffset, paginationMeta } from '../shared/pagination';
import {
  cardFromJson,
  PROGRAM_CARD_JOINS,
  PROGRAM_CARD_JSON,
  programSummaryInclude,
  toProgramSummary,
  type ProgramCardJson,
} from './program-view';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Published, not deleted programs: the public catalog with its filters, five sorts and pages.
 *
 * One statement (the catalog page is the busiest read): the page of programs with their category
 * and instructor as json, and the total, which is counted apart from the page so the page itself
 * stops after `limit` rows of an index in the sort's order (the partial indexes of the migration
 * *_catalog_indexes) instead of sorting every match. A category filter takes the category (slug or
 * id) and all its descendants; an unknown one matches nothing (links to old categories keep
 * working). The search filter is a substring of the title or description (ILIKE), served by the
 * trigram indexes.
 */
export async function findPrograms(opts: FindProgramsOptions): Promise<ProgramListOutput> {
  const { db, page, limit, sort } = opts;
  const where: Prisma.Sql[] = [Prisma.sql`p.status = 'published'`, Prisma.sql`p."deletedAt" IS NULL`];
  let categories = Prisma.empty;

  if (opts.category) {
    const root = UUID.test(opts.category)
      ? Prisma.sql`slug = ${opts.category} OR id = ${opts.category}::uuid`
      : Prisma.sql`slug = ${opts.category}`;
    categories = Prisma.sql`WITH RECURSIVE subtree AS (
        SELECT id FROM "Category" WHERE ${root}
        UNION SELECT k.id FROM "Category" k JOIN subtree ON k."parentId" = subtree.id
      )`;
    where.push(Prisma.sql`p."categoryId" IN (SELECT id FROM subtree)`);
  }
  if (opts.search) {
    const pattern = `%${escapeLike(opts.search)}%`;
    where.push(Prisma.sql`(p.title ILIKE ${pattern} OR p.description ILIKE ${pattern})`);
  }
  if (opts.level) where.push(Prisma.sql`p.level = ${opts.level}::"ProgramLevel"`);
  if (opts.priceMin !== undefined) where.push(Prisma.sql`p."priceBundle" >= ${toMinor(opts.priceMin)}`);
  if (opts.priceMax !== undefined) where.push(Prisma.sql`p."priceBundle" <= ${toMinor(opts.priceMax)}`);
  const filter = Prisma.join(where, ' AND ');

  const [row] = await db.$queryRaw<{ total: number; programs: ProgramCardJson[] }[]>`
    ${categories}
    SELECT (SELECT count(*) FROM "Program" p WHERE ${filter})::int AS total,
      (SELECT COALESCE(json_agg(${PROGRAM_CARD_JSON} ORDER BY ${ORDER_BY[sort]}), '[]')
       FROM (
         SELECT * FROM "Program" p WHERE ${filter}
         ORDER BY ${ORDER_BY[sort]} LIMIT ${limit} OFFSET ${pageOffset(page, limit)}
       ) p
       ${PROGRAM_CARD_JOINS}) AS programs`;

  const total = row?.total ?? 0;
  const programs = (row?.programs ?? []).map((j) => toProgramSummary(cardFromJson(j)));
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
