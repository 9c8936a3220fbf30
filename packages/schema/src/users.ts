import { z } from 'zod';
import { ZCurrentPassword, ZNewPassword, ZPersonName, ZRole } from './auth';
import { ZId, ZPagination, paginationInput } from './common';

/** Links shown on a profile; only https URLs. */
export const SOCIAL_LINK_KEYS = [
  'website',
  'twitter',
  'linkedin',
  'github',
  'youtube',
  'facebook',
  'instagram',
] as const;

const ZHttpsUrl = (field: string) =>
  z
    .string()
    .trim()
    .max(2048, `${field} can be at most 2048 characters`)
    .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, message: `${field} must be an https:// URL` }));

export const ZSocialLinks = z
  .object(
    Object.fromEntries(SOCIAL_LINK_KEYS.map((k) => [k, ZHttpsUrl(`socialLinks.${k}`).optional()])) as Record<
      (typeof SOCIAL_LINK_KEYS)[number],
      z.ZodOptional<ReturnType<typeof ZHttpsUrl>>
    >,
  )
  .strict();
export type SocialLinks = z.infer<typeof ZSocialLinks>;

export const ZPreferences = z
  .object({
    emailNotifications: z.boolean().optional(),
    theme: z.enum(['light', 'dark', 'system'], { message: 'theme must be light, dark or system' }).optional(),
    language: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'language must be a language code like en or en-GB')
      .optional(),
  })
  .strict();
export type Preferences = z.infer<typeof ZPreferences>;

export const ZProfileStats = z.object({
  programsEnrolled: z.number().int(),
  quizzesTaken: z.number().int(),
  certificatesEarned: z.number().int(),
  totalPoints: z.number().int(),
  /** Current streak in days. */
  streak: z.number().int(),
});

export const ZUserProfile = z.object({
  id: ZId,
  name: z.string(),
  email: z.string(),
  avatar: z.string().nullable(),
  role: ZRole,
  bio: z.string().nullable(),
  emailVerified: z.boolean(),
  subscriptionTier: z.string(),
  subscriptionExpiry: z.date().nullable(),
  socialLinks: z.record(z.string(), z.string()),
  preferences: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  stats: ZProfileStats,
  lastLogin: z.date().nullable(),
  createdAt: z.date(),
});
export type UserProfile = z.infer<typeof ZUserProfile>;

export const ZProfileOutput = z.object({ user: ZUserProfile });

/**
 * Fields a user may change about themselves. A new `avatarUrl` must be https (or upload a picture).
 * `socialLinks` and `preferences` are merged into what is stored; a link set to null is removed.
 */
export const ZUpdateProfileInput = z
  .object({
    name: ZPersonName.optional(),
    bio: z.string().trim().max(2000, 'bio can be at most 2000 characters').nullable().optional(),
    // An https image elsewhere, or (unchanged) the address of a picture uploaded through
    // POST /api/users/avatar, which may be http on a local server; the server checks which.
    avatarUrl: z
      .string()
      .trim()
      .max(2048, 'avatarUrl can be at most 2048 characters')
      .pipe(z.url({ protocol: /^https?$/, message: 'avatarUrl must be an https:// URL' }))
      .nullable()
      .optional(),
    socialLinks: z
      .object(Object.fromEntries(SOCIAL_LINK_KEYS.map((k) => [k, ZHttpsUrl(`socialLinks.${k}`).nullable().optional()])))
      .strict()
      .optional(),
    preferences: ZPreferences.optional(),
  })
  .strict();
export type UpdateProfileInput = z.input<typeof ZUpdateProfileInput>;

export const ZUserStats = z.object({
  programsEnrolled: z.number().int(),
  programsCompleted: z.number().int(),
  quizzesTaken: z.number().int(),
  /** Share of submitted attempts that passed, 0–100 with one decimal; 0 without attempts. */
  quizzesPassedPercentage: z.number(),
  certificatesEarned: z.number().int(),
  /** Sum of the scores of submitted attempts. */
  totalPoints: z.number().int(),
  /** Consecutive UTC days with lesson progress or quiz attempts, ending today or yesterday. */
  currentStreak: z.number().int(),
  longestStreak: z.number().int(),
  learningTimeMinutes: z.number().int(),
  /** Mean score percent of submitted attempts, one decimal; 0 without attempts. */
  averageQuizScore: z.number(),
});
export type UserStats = z.infer<typeof ZUserStats>;
export const ZUserStatsOutput = z.object({ stats: ZUserStats });

export const ZEnrolledProgramsInput = z.object({ ...paginationInput(20) }).default({ page: 1, limit: 20 });
export const ZEnrolledProgram = z.object({
  id: ZId,
  slug: z.string(),
  title: z.string(),
  thumbnail: z.string().nullable(),
  /** 0–100. */
  progress: z.number().int(),
  status: z.enum(['active', 'completed', 'cancelled']),
  enrolledAt: z.date(),
  lastAccessedAt: z.date().nullable(),
  access: z.object({
    chatbot: z.boolean(),
    documentation: z.boolean(),
    examSimulator: z.boolean(),
  }),
  instructor: z.object({ id: ZId, name: z.string(), avatar: z.string().nullable() }),
});
export const ZEnrolledProgramsOutput = z.object({ programs: z.array(ZEnrolledProgram), pagination: ZPagination });

export const ZUserCertificate = z.object({
  id: ZId,
  programId: ZId,
  programTitle: z.string(),
  issuedAt: z.date(),
  score: z.number().int(),
  status: z.enum(['valid', 'revoked']),
  verificationCode: z.string(),
  certificateUrl: z.string().nullable(),
  shareableLink: z.string(),
});
export const ZUserCertificatesOutput = z.object({ certificates: z.array(ZUserCertificate) });

export const ZChangePasswordInput = z.object({ currentPassword: ZCurrentPassword, newPassword: ZNewPassword });
export const ZDeleteAccountInput = z.object({ password: ZCurrentPassword });
export const ZDeleteAccountOutput = z.object({
  message: z.string(),
  /** When the personal data will be erased (the grace period ends). */
  eraseAfter: z.date(),
});

const ZRow = z.record(z.string(), z.unknown());
export const ZExportDataOutput = z.object({
  exportedAt: z.date(),
  user: ZRow,
  data: z.record(z.string(), z.array(ZRow)),
});
export type ExportDataOutput = z.infer<typeof ZExportDataOutput>;
