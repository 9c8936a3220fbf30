import { z } from 'zod';
import { ZEmail, ZNewPassword, ZPersonName, ZRole, ZUserStatus } from './auth';
import { ZId, ZPagination, paginationInput, seedEnum } from './common';

export const ADMIN_USER_SORTS = ['newest', 'oldest', 'name', 'last-login'] as const;

export const ZAdminUserListInput = z
  .object({
    ...paginationInput(20),
    role: ZRole.optional(),
    status: ZUserStatus.optional(),
    /** Part of a name or email, case-insensitive. */
    search: z.string().trim().max(200, 'search can be at most 200 characters').optional(),
    sort: seedEnum(ADMIN_USER_SORTS, 'sort must be newest, oldest, name or last-login').default('newest'),
  })
  .default({ page: 1, limit: 20, sort: 'newest' });
export type AdminUserListInput = z.input<typeof ZAdminUserListInput>;

export const ZAdminUserSummary = z.object({
  id: ZId,
  name: z.string(),
  email: z.string(),
  role: ZRole,
  subscriptionTier: z.string(),
  status: ZUserStatus,
  emailVerified: z.boolean(),
  createdAt: z.date(),
  lastLogin: z.date().nullable(),
});
export type AdminUserSummary = z.infer<typeof ZAdminUserSummary>;

export const ZAdminUserListOutput = z.object({
  users: z.array(ZAdminUserSummary),
  pagination: ZPagination.extend({ totalUsers: z.number().int() }),
});

export const ZAdminUserDetail = ZAdminUserSummary.extend({
  avatar: z.string().nullable(),
  bio: z.string().nullable(),
  deletedAt: z.date().nullable(),
  updatedAt: z.date(),
  activeSessions: z.number().int(),
  counts: z.object({
    enrollments: z.number().int(),
    quizAttempts: z.number().int(),
    certificates: z.number().int(),
    programs: z.number().int(),
    orders: z.number().int(),
  }),
});
export const ZAdminUserOutput = z.object({ user: ZAdminUserDetail });

export const ZAdminUserIdInput = z.object({ id: ZId });

export const ZAdminUserCreateInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZNewPassword,
  role: ZRole.default('student'),
  /** Accounts an admin creates are verified unless said otherwise. */
  emailVerified: z.boolean().default(true),
});

export const ZAdminUserUpdateInput = z.object({
  id: ZId,
  name: ZPersonName.optional(),
  email: ZEmail.optional(),
  bio: z.string().trim().max(2000, 'bio can be at most 2000 characters').nullable().optional(),
  role: ZRole.optional(),
  status: ZUserStatus.optional(),
  emailVerified: z.boolean().optional(),
});

export const ZAdminUserBanInput = z.object({
  id: ZId,
  reason: z.string().trim().max(1000, 'reason can be at most 1000 characters').optional(),
});
export const ZAdminUserRoleInput = z.object({ id: ZId, role: ZRole });
export const ZAdminUserStatusInput = z.object({
  id: ZId,
  status: ZUserStatus,
  reason: z.string().trim().max(1000, 'reason can be at most 1000 characters').optional(),
});
export const ZAdminUserDeleteOutput = z.object({ message: z.string(), eraseAfter: z.date() });
