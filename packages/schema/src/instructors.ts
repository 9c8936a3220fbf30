import { z } from 'zod';
import { ZHttpsUrl } from './categories';
import { ZId, ZMoney, ZPagination, paginationInput, seedEnum } from './common';
import { ZProgramSummary } from './programs';
import { ZSocialLinks } from './users';

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const ZApplicationStatus = seedEnum(
  APPLICATION_STATUSES,
  `status must be one of: ${APPLICATION_STATUSES.join(', ')}`,
);
export type ApplicationStatus = z.infer<typeof ZApplicationStatus>;

const ZExpertiseItem = z
  .string()
  .trim()
  .min(1, 'Each expertise entry needs at least 1 character')
  .max(50, 'Each expertise entry can be at most 50 characters');

export const ZInstructorApplyInput = z.object({
  bio: z
    .string({ message: 'bio is required' })
    .trim()
    .min(50, 'Tell us a bit more about yourself: the bio needs at least 50 characters')
    .max(5000, 'bio can be at most 5000 characters'),
  expertise: z
    .array(ZExpertiseItem, { message: 'expertise is a list of topics, e.g. ["React", "Node.js"]' })
    .min(1, 'List at least one area of expertise')
    .max(20, 'List at most 20 areas of expertise'),
  experience: z.string().trim().max(5000, 'experience can be at most 5000 characters').optional(),
  education: z.string().trim().max(2000, 'education can be at most 2000 characters').optional(),
  /** Known profiles only (linkedin, twitter, ...), each an https:// URL. */
  socialLinks: ZSocialLinks.default({}),
  /** A portfolio, a course you taught, a talk: one https:// link. */
  sampleWork: ZHttpsUrl.optional(),
});
export type InstructorApplyInput = z.input<typeof ZInstructorApplyInput>;

export const ZInstructorApplyOutput = z.object({
  applicationId: ZId,
  status: ZApplicationStatus,
  message: z.string(),
});

export const ZInstructorApplication = z.object({
  id: ZId,
  user: z.object({ id: ZId, name: z.string(), email: z.string(), avatar: z.string().nullable() }),
  bio: z.string(),
  expertise: z.array(z.string()),
  experience: z.string().nullable(),
  education: z.string().nullable(),
  socialLinks: z.record(z.string(), z.string()),
  sampleWork: z.string().nullable(),
  status: ZApplicationStatus,
  rejectionReason: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  appliedAt: z.date(),
});
export type InstructorApplication = z.infer<typeof ZInstructorApplication>;

export const ZInstructorApplicationsInput = z
  .object({ ...paginationInput(10), status: ZApplicationStatus.optional() })
  .default({ page: 1, limit: 10 });

export const ZInstructorApplicationsOutput = z.object({
  applications: z.array(ZInstructorApplication),
  pagination: ZPagination,
});

/** instructors.myApplication: the caller's latest application, whatever its status, or null. */
export const ZMyApplicationOutput = z.object({ application: ZInstructorApplication.nullable() });
export type MyApplicationOutput = z.infer<typeof ZMyApplicationOutput>;

export const ZApplicationIdInput = z.object({ id: ZId });

export const ZRejectApplicationInput = z.object({
  id: ZId,
  reason: z
    .string({ message: 'reason is required: tell the applicant why' })
    .trim()
    .min(10, 'The reason needs at least 10 characters so the applicant knows what to improve')
    .max(1000, 'The reason can be at most 1000 characters'),
});

export const ZApplicationDecisionOutput = z.object({ application: ZInstructorApplication });

export const ZInstructorPublicProfile = z.object({
  id: ZId,
  name: z.string(),
  avatar: z.string().nullable(),
  headline: z.string().nullable(),
  bio: z.string().nullable(),
  expertise: z.array(z.string()),
  /** Average over the reviews of their published programs, to one decimal. */
  rating: z.number(),
  /** Distinct users enrolled in their published programs. */
  totalStudents: z.number().int(),
  totalPrograms: z.number().int(),
  totalReviews: z.number().int(),
  socialLinks: z.record(z.string(), z.string()),
  joinedAt: z.date(),
});
export type InstructorPublicProfile = z.infer<typeof ZInstructorPublicProfile>;

export const ZInstructorIdInput = z.object({ id: ZId });
export const ZInstructorByIdOutput = z.object({ instructor: ZInstructorPublicProfile });

export const ZInstructorProgramsInput = z.object({ id: ZId, ...paginationInput(12) });
export const ZInstructorProgramsOutput = z.object({
  programs: z.array(ZProgramSummary),
  pagination: ZPagination,
});

export const ZInstructorTopProgram = z.object({
  id: ZId,
  title: z.string(),
  enrollments: z.number().int(),
  revenue: ZMoney,
  rating: z.number(),
});

export const ZInstructorDashboardOutput = z.object({
  stats: z.object({
    totalStudents: z.number().int(),
    /** Completed payments for their programs, in `currency` (see revenueByCurrency for others). */
    totalRevenue: ZMoney,
    revenueThisMonth: ZMoney,
    currency: z.string(),
    revenueByCurrency: z.array(z.object({ currency: z.string(), total: ZMoney, thisMonth: ZMoney })),
    /** Their programs that are not deleted, whatever their status. */
    totalPrograms: z.number().int(),
    publishedPrograms: z.number().int(),
    averageRating: z.number(),
    totalReviews: z.number().int(),
    newEnrollmentsThisMonth: z.number().int(),
    topPrograms: z.array(ZInstructorTopProgram),
  }),
});
export type InstructorDashboardOutput = z.infer<typeof ZInstructorDashboardOutput>;
