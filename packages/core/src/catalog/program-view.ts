import { Prisma } from '@learningpt/db';
import type { ProgramSummary } from '@learningpt/schema';
import { toMajor } from '../shared/money';

/** What a program card needs from the database; one include so every list reads the same columns. */
export const programSummaryInclude = {
  category: { select: { id: true, name: true, slug: true } },
  instructor: {
    select: {
      id: true,
      name: true,
      avatarUrl: true,
      instructorProfile: { select: { expertise: true } },
    },
  },
} satisfies Prisma.ProgramInclude;

export type ProgramSummaryRow = Prisma.ProgramGetPayload<{ include: typeof programSummaryInclude }>;

/**
 * The same card as one json value, for lists read in a single statement (the program as `p`,
 * joined with PROGRAM_CARD_JOINS): the shape of ProgramSummaryRow, timestamps as text.
 * Read it back with cardFromJson.
 */
export const PROGRAM_CARD_JSON = Prisma.sql`json_build_object(
  'id', p.id, 'title', p.title, 'slug', p.slug, 'description', p.description, 'thumbnailUrl', p."thumbnailUrl",
  'priceChatbot', p."priceChatbot", 'priceDocumentation', p."priceDocumentation",
  'priceExamSimulator', p."priceExamSimulator", 'priceBundle', p."priceBundle", 'currency', p.currency,
  'level', p.level, 'featured', p.featured, 'freeQuestionsCount', p."freeQuestionsCount",
  'ratingTotal', p."ratingTotal", 'reviewCount', p."reviewCount", 'enrolledCount', p."enrolledCount",
  'createdAt', p."createdAt", 'updatedAt', p."updatedAt",
  'category', json_build_object('id', pc.id, 'name', pc.name, 'slug', pc.slug),
  'instructor', json_build_object('id', pu.id, 'name', pu.name, 'avatarUrl', pu."avatarUrl",
    'instructorProfile', CASE WHEN pip.id IS NULL THEN NULL ELSE json_build_object('expertise', pip.expertise) END))`;
export const PROGRAM_CARD_JOINS = Prisma.sql`JOIN "Category" pc ON pc.id = p."categoryId"
  JOIN "User" pu ON pu.id = p."instructorId"
  LEFT JOIN "InstructorProfile" pip ON pip."userId" = pu.id`;

/** What toProgramSummary reads. */
export type ProgramCardRow = Pick<
  ProgramSummaryRow,
  | 'id' | 'title' | 'slug' | 'description' | 'thumbnailUrl' | 'priceChatbot' | 'priceDocumentation'
  | 'priceExamSimulator' | 'priceBundle' | 'currency' | 'level' | 'featured' | 'freeQuestionsCount'
  | 'ratingTotal' | 'reviewCount' | 'enrolledCount' | 'createdAt' | 'updatedAt' | 'category' | 'instructor'
>; // prettier-ignore

export type ProgramCardJson = Omit<ProgramCardRow, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
};

export function cardFromJson(j: ProgramCardJson): ProgramCardRow {
  return { ...j, createdAt: new Date(j.createdAt), updatedAt: new Date(j.updatedAt) };
}

/** Average of the stored total and count, to one decimal as the specs show it (4.7). */
export function averageRating(total: number, count: number): number {
  return count === 0 ? 0 : Math.round((total / count) * 10) / 10;
}

export function toProgramSummary(p: ProgramCardRow): ProgramSummary {
  return {
    id: p.id,
    title: p.title,
    slug: p.slug,
    description: p.description,
    category: p.category.name,
    categoryId: p.category.id,
    categorySlug: p.category.slug,
    thumbnail: p.thumbnailUrl,
    instructor: {
      id: p.instructor.id,
      name: p.instructor.name,
      avatar: p.instructor.avatarUrl,
      expertise: p.instructor.instructorProfile?.expertise ?? [],
    },
    pricing: {
      chatbot: toMajor(p.priceChatbot),
      documentation: toMajor(p.priceDocumentation),
      examSimulator: toMajor(p.priceExamSimulator),
      bundle: toMajor(p.priceBundle),
      currency: p.currency,
    },
    isFree: p.priceBundle === 0 && p.priceChatbot === 0 && p.priceDocumentation === 0 && p.priceExamSimulator === 0,
    level: p.level,
    featured: p.featured,
    freeQuestionsCount: p.freeQuestionsCount,
    rating: averageRating(p.ratingTotal, p.reviewCount),
    totalReviews: p.reviewCount,
    enrolledCount: p.enrolledCount,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
