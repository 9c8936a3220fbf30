import { Prisma, type Db } from '@learningpt/db';
import type { SearchOutput, SearchType } from '@learningpt/schema';
import {
  cardFromJson,
  PROGRAM_CARD_JOINS,
  PROGRAM_CARD_JSON,
  toProgramSummary,
  type ProgramCardJson,
} from '../catalog/program-view';
import { pageOffset, paginationMeta } from '../shared/pagination';

/*
 * Ranked, typo-tolerant search with PostgreSQL alone.
 *
 * Programs match when the full-text query matches (stemmed words of title + description), OR the
 * title is trigram-similar to the query as a whole (`title % q`: "Reakt Mastery" ~ "React
 * Mastery"), OR the query is trigram-similar to some part of the title (`q <% title`: a short
 * query inside a long title). Each of the three has an index: full-text search reads the stored
 * generated column "searchVector" (= to_tsvector('english', title || ' ' || description), see the
 * migration *_program_search_vector) served by the GIN index "Program_searchVector_idx", and
 * `%` / `<%` are served by the GIN gin_trgm_ops index "Program_title_idx" — so the planner can OR
 * three bitmap index scans instead of reading the table. (similarity(title, q) > 0.3 written as a
 * function call could not use the index: only the operators can, with the thresholds
 * pg_trgm.similarity_threshold / word_similarity_threshold, left at their defaults 0.3 / 0.6.)
 * Because the tsvector is stored, neither the recheck of the matching rows nor ts_rank computes
 * to_tsvector again: a broad query (a word most descriptions contain) costs a read per row, not
 * a parse of its text.
 *
 * rank = ts_rank (FTS relevance) + similarity(title, q) + 1 for an exact (case-insensitive) title,
 * so an exact title comes first, then close titles, then programs that only mention the words.
 */
const programFts = Prisma.sql`p."searchVector"`;

export function programSearchSql({ q, limit, offset }: { q: string; limit: number; offset: number }): Prisma.Sql {
  const qt = Prisma.sql`${q}::text`;
  const tsq = Prisma.sql`websearch_to_tsquery('english', ${qt})`;
  return Prisma.sql`
    SELECT p.id,
      ts_rank(${programFts}, ${tsq}) + similarity(p.title, ${qt})
        + CASE WHEN lower(p.title) = lower(${qt}) THEN 1 ELSE 0 END AS score,
      count(*) OVER () AS total
    FROM "Program" p
    WHERE p.status = 'published' AND p."deletedAt" IS NULL
      AND (${programFts} @@ ${tsq} OR p.title % ${qt} OR ${qt} <% p.title)
    ORDER BY score DESC, p.id DESC
    LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * Instructors (active users with the instructor role) by name — `name % q` / `q <% name`, served
 * by the trigram index "User_name_idx" — or by an expertise entry equal to q ignoring case,
 * trigram-similar to it or containing it, found through the rows the migration
 * *_instructor_expertise keeps of every entry (trigram and lower() indexes). Both are index
 * lookups in instructor_search_ids (same migration), so a search costs what it finds, not the
 * number of users. The score reads the profile's own array.
 */
export function instructorSearchSql({ q, limit, offset }: { q: string; limit: number; offset: number }): Prisma.Sql {
  const qt = Prisma.sql`${q}::text`;
  return Prisma.sql`
    SELECT u.id,
      greatest(similarity(u.name, ${qt}), word_similarity(${qt}, u.name),
        COALESCE((SELECT max(similarity(x, ${qt})) FROM unnest(ip.expertise) x), 0))
        + CASE WHEN lower(u.name) = lower(${qt}) THEN 1 ELSE 0 END AS score,
      count(*) OVER () AS total
    FROM "User" u
    LEFT JOIN "InstructorProfile" ip ON ip."userId" = u.id
    WHERE u.role = 'instructor' AND u.status = 'active' AND u."deletedAt" IS NULL
      AND u.id IN (SELECT instructor_search_ids(${qt}))
    ORDER BY score DESC, u.id DESC
    LIMIT ${limit} OFFSET ${offset}`;
}

type Hit = { id: string; score: number; total: bigint };
type ProgramHit = Hit & { card: ProgramCardJson };
type InstructorHit = Hit & {
  name: string;
  avatarUrl: string | null;
  headline: string | null;
  expertise: string[] | null;
};

/** The page of program hits with their cards, in one statement. */
function programHitsSql(o: { q: string; limit: number; offset: number }): Prisma.Sql {
  return Prisma.sql`
    SELECT h.id, h.score, h.total, ${PROGRAM_CARD_JSON} AS card
    FROM (${programSearchSql(o)}) h JOIN "Program" p ON p.id = h.id ${PROGRAM_CARD_JOINS}
    ORDER BY h.score DESC, h.id DESC`;
}

/** The page of instructor hits with what the result shows of them, in one statement. */
function instructorHitsSql(o: { q: string; limit: number; offset: number }): Prisma.Sql {
  return Prisma.sql`
    SELECT h.id, h.score, h.total, u.name, u."avatarUrl", x.headline, x.expertise
    FROM (${instructorSearchSql(o)}) h JOIN "User" u ON u.id = h.id
      LEFT JOIN "InstructorProfile" x ON x."userId" = u.id
    ORDER BY h.score DESC, h.id DESC`;
}

/** search.global: programs and/or instructors, best match first, both lists paged together. */
export async function searchGlobal({
  db,
  q,
  type,
  page,
  limit,
}: {
  db: Db;
  q: string;
  type: SearchType;
  page: number;
  limit: number;
}): Promise<SearchOutput> {
  const offset = pageOffset(page, limit);
  const [programHits, instructorHits] = await Promise.all([
    type === 'instructors' ? [] : db.$queryRaw<ProgramHit[]>(programHitsSql({ q, limit, offset })),
    type === 'programs' ? [] : db.$queryRaw<InstructorHit[]>(instructorHitsSql({ q, limit, offset })),
  ]);

  // Past the last page the window count is unavailable: count apart so the client can recover.
  const countOf = async (hits: Hit[], sql: (o: { q: string; limit: number; offset: number }) => Prisma.Sql) => {
    if (hits.length > 0) return Number(hits[0]!.total);
    if (page === 1) return 0;
    const [c] = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM (${sql({ q, limit: 100_000, offset: 0 })}) s`;
    return Number(c?.n ?? 0);
  };
  const [totalPrograms, totalInstructors] = await Promise.all([
    type === 'instructors' ? 0 : countOf(programHits, programSearchSql),
    type === 'programs' ? 0 : countOf(instructorHits, instructorSearchSql),
  ]);

  const longest = Math.max(totalPrograms, totalInstructors);
  const meta = paginationMeta(longest, page, limit);
  return {
    query: q,
    type,
    results: {
      programs: programHits.map((h) => ({ ...toProgramSummary(cardFromJson(h.card)), score: Number(h.score) })),
      instructors: instructorHits.map((h) => ({
        id: h.id,
        name: h.name,
        avatar: h.avatarUrl,
        headline: h.headline ?? null,
        expertise: h.expertise ?? [],
        score: Number(h.score),
      })),
    },
    pagination: { ...meta, total: totalPrograms + totalInstructors, totalPrograms, totalInstructors },
  };
}
