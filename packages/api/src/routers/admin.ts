import {
  changeUserAsAdmin,
  createUserAsAdmin,
  deleteUserAsAdmin,
  findUsers,
  getUserForAdmin,
  updateUserAsAdmin,
} from '@learningpt/core';
import {
  ZAdminUserBanInput,
  ZAdminUserCreateInput,
  ZAdminUserDeleteOutput,
  ZAdminUserIdInput,
  ZAdminUserListInput,
  ZAdminUserListOutput,
  ZAdminUserOutput,
  ZAdminUserRoleInput,
  ZAdminUserStatusInput,
  ZAdminUserUpdateInput,
} from '@learningpt/schema';
import { adminProcedure, createTRPCRouter, type AppContext } from '../trpc';
import { adminAnalyticsRouter, adminDashboardProcedure } from './admin-analytics';
import { adminCategoriesRouter } from './admin-categories';
import { adminProgramsRouter } from './admin-programs';

const tags = ['admin'];

const deps = (ctx: AppContext & { session: NonNullable<AppContext['session']> }) => ({
  db: ctx.db,
  clock: ctx.clock,
  settings: ctx.auth,
  actorId: ctx.session.user.userId,
  ip: ctx.ip,
});

/** admin.users.*: user management, every change written to the audit log. */
export const adminUsersRouter = createTRPCRouter({
  list: adminProcedure
    .meta({ route: { method: 'GET', path: '/admin/users', tags, summary: 'List, search and filter users' } })
    .input(ZAdminUserListInput)
    .output(ZAdminUserListOutput)
    .query(({ ctx, input }) => findUsers({ db: ctx.db, clock: ctx.clock, ...input })),

  byId: adminProcedure
    .meta({ route: { method: 'GET', path: '/admin/users/{id}', tags, summary: 'One user' } })
    .input(ZAdminUserIdInput)
    .output(ZAdminUserOutput)
    .query(({ ctx, input }) => getUserForAdmin({ db: ctx.db, clock: ctx.clock, id: input.id })),

  create: adminProcedure
    .meta({ route: { method: 'POST', path: '/admin/users', tags, summary: 'Create a user' } })
    .input(ZAdminUserCreateInput)
    .output(ZAdminUserOutput)
    .mutation(({ ctx, input }) => createUserAsAdmin({ ...deps(ctx), input })),

  update: adminProcedure
    .meta({ route: { method: 'PUT', path: '/admin/users/{id}', tags, summary: 'Update a user' } })
    .input(ZAdminUserUpdateInput)
    .output(ZAdminUserOutput)
    .mutation(({ ctx, input }) => updateUserAsAdmin({ ...deps(ctx), input })),

  delete: adminProcedure
    .meta({ route: { method: 'DELETE', path: '/admin/users/{id}', tags, summary: 'Delete a user (soft)' } })
    .input(ZAdminUserIdInput)
    .output(ZAdminUserDeleteOutput)
    .mutation(({ ctx, input }) => deleteUserAsAdmin({ ...deps(ctx), id: input.id })),

  ban: adminProcedure
    .meta({ route: { method: 'POST', path: '/admin/users/{id}/ban', tags, summary: 'Ban a user' } })
    .input(ZAdminUserBanInput)
    .output(ZAdminUserOutput)
    .mutation(({ ctx, input }) =>
      changeUserAsAdmin({ ...deps(ctx), id: input.id, action: 'user.ban', status: 'banned', reason: input.reason }),
    ),

  unban: adminProcedure
    .meta({ route: { method: 'POST', path: '/admin/users/{id}/unban', tags, summary: 'Lift a ban' } })
    .input(ZAdminUserIdInput)
    .output(ZAdminUserOutput)
    .mutation(({ ctx, input }) =>
      changeUserAsAdmin({ ...deps(ctx), id: input.id, action: 'user.unban', status: 'active' }),
    ),

  setRole: adminProcedure
    .meta({ route: { method: 'PUT', path: '/admin/users/{id}/role', tags, summary: "Change a user's role" } })
    .input(ZAdminUserRoleInput)
    .output(ZAdminUserOutput)
    .mutation(({ ctx, input }) =>
      changeUserAsAdmin({ ...deps(ctx), id: input.id, action: 'user.role', role: input.role }),
    ),

  setStatus: adminProcedure
    .meta({ route: { method: 'PUT', path: '/admin/users/{id}/status', tags, summary: "Change a user's status" } })
    .input(ZAdminUserStatusInput)
    .output(ZAdminUserOutput)
    .mutation(({ ctx, input }) =>
      changeUserAsAdmin({
        ...deps(ctx),
        id: input.id,
        action: 'user.status',
        status: input.status,
        reason: input.reason,
      }),
    ),
});

/**
 * admin.users.* here, admin.programs.* in admin-programs.ts, admin.categories.* in
 * admin-categories.ts, admin.dashboard and admin.analytics.* in admin-analytics.ts.
 */
export const adminRouter = createTRPCRouter({
  dashboard: adminDashboardProcedure,
  analytics: adminAnalyticsRouter,
  users: adminUsersRouter,
  programs: adminProgramsRouter,
  categories: adminCategoriesRouter,
});
