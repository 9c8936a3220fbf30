import { z } from 'zod';
import { ZHttpsUrl, ZSlug } from './categories';
import { ZCurrency, ZId, ZMoney, ZPagination, paginationInput, seedEnum } from './common';
import { ZReview } from './reviews';

export const PROGRAM_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const ZProgramLevel = seedEnum(PROGRAM_LEVELS, `level must be one of: ${PROGRAM_LEVELS.join(', ')}`);
export type ProgramLevel = z.infer<typeof ZProgramLevel>;

export const PROGRAM_STATUSES = ['draft', 'published', 'archived'] as const;
export const ZProgramStatus = seedEnum(PROGRAM_STATUSES, `status must be one of: ${PROGRAM_STATUSES.join(', ')}`);
export type ProgramStatus = z.infer<typeof ZProgramStatus>;

export const PROGRAM_SORTS = ['popular', 'newest', 'price-low', 'price-high', 'rating'] as const;
export const ZProgramSort = seedEnum(PROGRAM_SORTS, `sort must be one of: ${PROGRAM_SORTS.join(', ')}`);
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
  /** Only the owner and admins ever see anything but 'published' (and enrolled students, 'archived'). */
  status: ZProgramStatus,
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

/** Whether the viewer may use one feature of a program now, and through what. */
export const ZViewerFeatureAccess = z.object({
  allowed: z.boolean(),
  /** admin, the program's owner, an enrollment (free, bought or granted) or a live plan. */
  via: z.enum(['admin', 'owner', 'enrollment', 'subscription']).nullable(),
});

export const ZProgramByIdOutput = z.object({
  program: ZProgramDetail,
  isEnrolled: z.boolean(),
  userProgress: ZUserProgress.nullable(),
  /** What the viewer may use of the program now (all denied when anonymous). */
  access: z.object({
    chatbot: ZViewerFeatureAccess,
    documentation: ZViewerFeatureAccess,
    examSimulator: ZViewerFeatureAccess,
  }),
  /** The signed-in viewer's own review of the program (null when anonymous or not reviewed yet). */
  myReview: ZReview.nullable(),
});
export type ProgramByIdOutput = z.infer<typeof ZProgramByIdOutput>;

/* ------------------------------------------------------------------------------------------------
 * Writing programs (instructors and admins)
 * ---------------------------------------------------------------------------------------------- */

/** A price as the specs show it (19.99), converted to minor units on the server. */
export const ZPriceInput = z
  .number({ message: 'A price must be a number such as 19.99' })
  .nonnegative('Prices cannot be negative')
  .max(99_999.99, 'A price can be at most 99999.99')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
    message: 'A price has at most two decimals (e.g. 19.99)',
  });

export const ZProgramPricingInput = z.object({
  chatbot: ZPriceInput.optional(),
  documentation: ZPriceInput.optional(),
  examSimulator: ZPriceInput.optional(),
  bundle: ZPriceInput.optional(),
});

const shortTexts = (what: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, `${what} entries cannot be empty`)
        .max(200, `${what} entries are at most 200 characters`),
    )
    .max(30, `At most 30 ${what}`);

const programFields = {
  title: z.string().trim().min(3, 'title needs at least 3 characters').max(200, 'title can be at most 200 characters'),
  description: z
    .string()
    .trim()
    .min(10, 'description needs at least 10 characters')
    .max(2000, 'description can be at most 2000 characters'),
  /** Rich text (HTML); sanitised on the server with an allow-list before it is stored. */
  overview: z.string().max(100_000, 'overview can be at most 100000 characters'),
  /** The category's id, slug or name. */
  category: z.string().trim().min(1, 'category is required').max(100),
  /** https only for now; file uploads come with the storage adapter. */
  thumbnailUrl: ZHttpsUrl.nullable(),
  /** Decimal amounts per feature; a missing price is 0 (free). */
  pricing: ZProgramPricingInput,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'currency is a 3-letter ISO code such as USD'),
  freeQuestionsCount: z.number().int('freeQuestionsCount is a whole number').min(0).max(1000),
  prerequisites: shortTexts('prerequisites'),
  learningOutcomes: shortTexts('learning outcomes'),
  features: shortTexts('features'),
  level: ZProgramLevel,
  /** Free text such as "8 weeks". */
  duration: z.string().trim().max(100, 'duration can be at most 100 characters').nullable(),
  language: z.string().trim().min(2).max(50),
};

export const ZProgramCreateInput = z.object({
  title: programFields.title,
  description: programFields.description,
  overview: programFields.overview.default(''),
  category: programFields.category,
  thumbnailUrl: programFields.thumbnailUrl.optional(),
  pricing: programFields.pricing.default({}),
  currency: programFields.currency.default('USD'),
  freeQuestionsCount: programFields.freeQuestionsCount.default(0),
  prerequisites: programFields.prerequisites.default([]),
  learningOutcomes: programFields.learningOutcomes.default([]),
  features: programFields.features.default([]),
  level: programFields.level.default('beginner'),
  duration: programFields.duration.optional(),
  language: programFields.language.default('English'),
});
export type ProgramCreateInput = z.input<typeof ZProgramCreateInput>;

export const ZProgramUpdateInput = z.object({
  id: ZId,
  title: programFields.title.optional(),
  /** Changing the slug breaks old links; it is never changed by a title change. */
  slug: ZSlug.optional(),
  description: programFields.description.optional(),
  overview: programFields.overview.optional(),
  category: programFields.category.optional(),
  /**
   * A new address must be https (or upload a file to /api/programs/{id}/thumbnail); the current
   * one, which may be a locally stored upload on http, can be sent back unchanged.
   */
  thumbnailUrl: z
    .url({ protocol: /^https?$/, message: 'thumbnailUrl must be an https:// URL' })
    .max(2000, 'The URL can be at most 2000 characters')
    .nullable()
    .optional(),
  pricing: programFields.pricing.optional(),
  currency: programFields.currency.optional(),
  freeQuestionsCount: programFields.freeQuestionsCount.optional(),
  prerequisites: programFields.prerequisites.optional(),
  learningOutcomes: programFields.learningOutcomes.optional(),
  features: programFields.features.optional(),
  level: programFields.level.optional(),
  duration: programFields.duration.optional(),
  language: programFields.language.optional(),
  /** Admins only. */
  featured: z.boolean().optional(),
});
export type ProgramUpdateInput = z.input<typeof ZProgramUpdateInput>;

export const ZProgramIdInput = z.object({ id: ZId });

export const ZProgramSetStatusInput = z.object({ id: ZId, status: ZProgramStatus });

export const ZProgramOutput = z.object({ program: ZProgramDetail });
export type ProgramOutput = z.infer<typeof ZProgramOutput>;

export const ZProgramDeleteOutput = z.object({ id: ZId, message: z.string() });

export const ZAdminProgramFeatureInput = z.object({
  id: ZId,
  /** true to feature the program on the home page, false to stop featuring it. */
  featured: z.boolean().default(true),
});
export const ZAdminProgramFeatureOutput = z.object({ program: ZProgramSummary });

/* ------------------------------------------------------------------------------------------------
 * Managing programs: an instructor's own programs, the admin's whole catalogue
 * ---------------------------------------------------------------------------------------------- */

/** 'deleted' is not a status in the database: it is a soft-deleted program (admins only). */
export const MANAGED_PROGRAM_FILTERS = ['draft', 'published', 'archived', 'deleted'] as const;
export const ZManagedProgramFilter = seedEnum(
  MANAGED_PROGRAM_FILTERS,
  `status must be one of: ${MANAGED_PROGRAM_FILTERS.join(', ')}`,
);
export type ManagedProgramFilter = z.infer<typeof ZManagedProgramFilter>;

/** A program as its owner or an admin manages it: any status, with what the public card lacks. */
export const ZManagedProgram = ZProgramSummary.extend({
  status: ZProgramStatus,
  publishedAt: z.date().nullable(),
  /** Set when the program was soft-deleted (admin lists only; an owner's list never shows them). */
  deletedAt: z.date().nullable(),
  lessonsCount: z.number().int(),
});
export type ManagedProgram = z.infer<typeof ZManagedProgram>;

export const ZManagedProgramListOutput = z.object({
  programs: z.array(ZManagedProgram),
  pagination: ZPagination,
});
export type ManagedProgramListOutput = z.infer<typeof ZManagedProgramListOutput>;

const managedSearch = z.string().trim().max(200, 'search can be at most 200 characters').optional();

/** instructors.myPrograms: the caller's programs, newest change first; deleted ones are gone. */
export const ZMyProgramsInput = z
  .object({ ...paginationInput(20), status: ZProgramStatus.optional(), search: managedSearch })
  .default({ page: 1, limit: 20 });
export type MyProgramsInput = z.input<typeof ZMyProgramsInput>;

/** admin.programs.list: every program, any status; without `status`, all but the deleted. */
export const ZAdminProgramListInput = z
  .object({
    ...paginationInput(20),
    status: ZManagedProgramFilter.optional(),
    search: managedSearch,
    featured: z.boolean().optional(),
    instructorId: ZId.optional(),
  })
  .default({ page: 1, limit: 20 });
export type AdminProgramListInput = z.input<typeof ZAdminProgramListInput>;

/* ------------------------------------------------------------------------------------------------
 * Enrollment and progress
 * ---------------------------------------------------------------------------------------------- */

export const ACCESS_TYPES = ['chatbot', 'documentation', 'examSimulator', 'bundle'] as const;
export const ZAccessType = seedEnum(ACCESS_TYPES, `accessType must be one of: ${ACCESS_TYPES.join(', ')}`);
export type AccessType = z.infer<typeof ZAccessType>;

export const ZEnrollInput = z.object({
  id: ZId,
  /** What the student wants (the spec's accessType); used to name the price when payment is needed. */
  accessType: ZAccessType.default('bundle'),
});

export const ZFeatureAccess = z.object({
  chatbot: z.boolean(),
  documentation: z.boolean(),
  examSimulator: z.boolean(),
});

export const ZEnrollOutput = z.object({
  message: z.string(),
  enrollment: z.object({
    id: ZId,
    programId: ZId,
    source: z.enum(['free', 'purchase', 'subscription', 'admin']),
    status: z.enum(['active', 'completed', 'cancelled']),
    access: ZFeatureAccess,
    enrolledAt: z.date(),
  }),
});
export type EnrollOutput = z.infer<typeof ZEnrollOutput>;

export const ZProgramProgress = z.object({
  programId: ZId,
  completionPercentage: z.number().int(),
  lessonsCompleted: z.number().int(),
  lessonsTotal: z.number().int(),
  quizzesTaken: z.number().int(),
  quizzesTotal: z.number().int(),
  timeSpentMinutes: z.number().int(),
  lastAccessedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
});
export type ProgramProgress = z.infer<typeof ZProgramProgress>;

export const ZProgramProgressOutput = z.object({ progress: ZProgramProgress });
