import { z } from 'zod';
import { ZCurrency, ZId, ZMoney, ZPagination, paginationInput } from './common';

export const PROGRAM_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const ZProgramLevel = z.enum(PROGRAM_LEVELS);
export type ProgramLevel = z.infer<typeof ZProgramLevel>;

export const PROGRAM_SORTS = ['popular', 'newest', 'price-low', 'price-high', 'rating'] as const;
export const ZProgramSort = z.enum(PROGRAM_SORTS);
export type ProgramSort = z.infer<typeof ZProgramSort>;

export const ZProgramListInput = z
  .object({
    ...paginationInput(12),
    /** A category slug or id; programs of its sub-categories are included. */
    category: z.string().trim().min(1).max(100).optional(),
    search: z.string().trim().max(200, 'search can be at most 200 characters').optional(),
    sort: ZProgramSort.default('popular'),
    /** Bounds on the bundle price, in the program's currency (e.g. 19.99). */
    priceMin: z.number().nonnegative('priceMin cannot be negative').optional(),
    priceMax: z.number().nonnegative('priceMax cannot be negative').optional(),
    level: ZProgramLevel.optional(),
  })
  .refine((v) => v.priceMin === undefined || v.priceMax === undefined || v.priceMin <= v.priceMax, {
    message: 'priceMin must not be greater than priceMax',
    path: ['priceMin'],
  });
export type ProgramListInput = z.input<typeof ZProgramListInput>;

export const ZPricing = z.object({
  chatbot: ZMoney,
  documentation: ZMoney,
  examSimulator: ZMoney,
  bundle: ZMoney,
  currency: ZCurrency,
});
export type Pricing = z.infer<typeof ZPricing>;

export const ZProgramInstructorSummary = z.object({
  id: ZId,
  name: z.string(),
  avatar: z.string().nullable(),
  expertise: z.array(z.string()),
});

export const ZProgramSummary = z.object({
  id: ZId,
  title: z.string(),
  slug: z.string(),
  description: z.string(),
  /** The category's name, as the spec shows it. */
  category: z.string(),
  categoryId: ZId,
  categorySlug: z.string(),
  thumbnail: z.string().nullable(),
  instructor: ZProgramInstructorSummary,
  pricing: ZPricing,
  isFree: z.boolean(),
  level: ZProgramLevel,
  featured: z.boolean(),
  freeQuestionsCount: z.number().int(),
  rating: z.number(),
  totalReviews: z.number().int(),
  enrolledCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProgramSummary = z.infer<typeof ZProgramSummary>;

export const ZProgramListOutput = z.object({
  programs: z.array(ZProgramSummary),
  pagination: ZPagination.extend({ totalPrograms: z.number().int() }),
});
export type ProgramListOutput = z.infer<typeof ZProgramListOutput>;

export const ZProgramFeaturedInput = z
  .object({ limit: z.number().int().min(1).max(24).default(8) })
  .default({ limit: 8 });
export const ZProgramFeaturedOutput = z.object({ programs: z.array(ZProgramSummary) });

export const ZProgramByIdInput = z.object({
  /** The program's id or its slug. */
  id: z.string().trim().min(1, 'id is required').max(200),
});

export const ZCurriculumSection = z.object({
  id: ZId,
  title: z.string(),
  lessons: z.number().int(),
  /** Human-readable, e.g. "2 hours" or "45 min". */
  duration: z.string(),
  durationMinutes: z.number().int(),
});

export const ZProgramDetail = ZProgramSummary.extend({
  overview: z.string(),
  instructor: ZProgramInstructorSummary.extend({
    bio: z.string().nullable(),
    rating: z.number(),
    studentsCount: z.number().int(),
    socialLinks: z.record(z.string(), z.string()),
  }),
  features: z.array(z.string()),
  curriculum: z.array(ZCurriculumSection),
  totalQuestions: z.number().int(),
  prerequisites: z.array(z.string()),
  learningOutcomes: z.array(z.string()),
  duration: z.string().nullable(),
  language: z.string(),
  lastUpdated: z.date(),
});
export type ProgramDetail = z.infer<typeof ZProgramDetail>;

export const ZUserProgress = z.object({
  completionPercentage: z.number().int(),
  lessonsCompleted: z.number().int(),
  lessonsTotal: z.number().int(),
  lastAccessedAt: z.date().nullable(),
});

export const ZProgramByIdOutput = z.object({
  program: ZProgramDetail,
  isEnrolled: z.boolean(),
  userProgress: ZUserProgress.nullable(),
});
export type ProgramByIdOutput = z.infer<typeof ZProgramByIdOutput>;
