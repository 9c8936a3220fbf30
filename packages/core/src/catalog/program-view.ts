import type { Prisma } from '@learningpt/db';
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

/** Average of the stored total and count, to one decimal as the specs show it (4.7). */
export function averageRating(total: number, count: number): number {
  return count === 0 ? 0 : Math.round((total / count) * 10) / 10;
}

export function toProgramSummary(p: ProgramSummaryRow): ProgramSummary {
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
