import {
  changePassword,
  deleteOwnAccount,
  exportUserData,
  findEnrolledPrograms,
  findUserCertificates,
  getProfile,
  getUserStats,
  updateProfile,
} from '@learningpt/core';
import {
  ZChangePasswordInput,
  ZDeleteAccountInput,
  ZDeleteAccountOutput,
  ZEnrolledProgramsInput,
  ZEnrolledProgramsOutput,
  ZExportDataOutput,
  ZMessageOutput,
  ZProfileOutput,
  ZUpdateProfileInput,
  ZUserCertificatesOutput,
  ZUserStatsOutput,
} from '@learningpt/schema';
import { authedProcedure, createTRPCRouter, signedIn, type AppContext } from '../trpc';

const tags = ['users'];

type Authed = AppContext & { session: NonNullable<AppContext['session']> };

const profileUpdate = ({ ctx, input }: { ctx: Authed; input: typeof ZUpdateProfileInput._output }) =>
  updateProfile({ db: ctx.db, clock: ctx.clock, userId: ctx.session.user.userId, input });

const passwordChange = async ({ ctx, input }: { ctx: Authed; input: typeof ZChangePasswordInput._output }) =>
  changePassword({
    db: ctx.db,
    clock: ctx.clock,
    settings: ctx.auth,
    ip: ctx.ip,
    userId: ctx.session.user.userId,
    sessionId: ctx.session.sessionId,
    ...input,
  });

export const usersRouter = createTRPCRouter({
  profile: authedProcedure
    .meta({ route: { method: 'GET', path: '/users/profile', tags, summary: 'My profile' } })
    .output(ZProfileOutput)
    .query(({ ctx }) => getProfile({ db: ctx.db, clock: ctx.clock, userId: ctx.session.user.userId })),

  updateProfile: authedProcedure
    .meta({ route: { method: 'PUT', path: '/users/profile', tags, summary: 'Update my profile' } })
    .input(ZUpdateProfileInput)
    .output(ZProfileOutput)
    .mutation(profileUpdate),

  stats: authedProcedure
    .meta({ route: { method: 'GET', path: '/users/stats', tags, summary: 'My learning statistics' } })
    .output(ZUserStatsOutput)
    .query(async ({ ctx }) => ({
      stats: await getUserStats({ db: ctx.db, clock: ctx.clock, userId: ctx.session.user.userId }),
    })),

  enrolledPrograms: authedProcedure
    .meta({ route: { method: 'GET', path: '/users/enrolled-programs', tags, summary: 'My enrolled programs' } })
    .input(ZEnrolledProgramsInput)
    .output(ZEnrolledProgramsOutput)
    .query(({ ctx, input }) => findEnrolledPrograms({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), ...input })),

  certificates: authedProcedure
    .meta({ route: { method: 'GET', path: '/users/certificates', tags, summary: 'My certificates' } })
    .output(ZUserCertificatesOutput)
    .query(({ ctx }) => findUserCertificates({ db: ctx.db, settings: ctx.auth, userId: ctx.session.user.userId })),

  changePassword: authedProcedure
    .meta({ route: { method: 'POST', path: '/users/change-password', tags, summary: 'Change my password' } })
    .input(ZChangePasswordInput)
    .output(ZMessageOutput)
    .mutation(passwordChange),

  deleteAccount: authedProcedure
    .meta({ route: { method: 'DELETE', path: '/users/delete-account', tags, summary: 'Delete my account' } })
    .input(ZDeleteAccountInput)
    .output(ZDeleteAccountOutput)
    .mutation(async ({ ctx, input }) => {
      const out = await deleteOwnAccount({
        db: ctx.db,
        clock: ctx.clock,
        settings: ctx.auth,
        ip: ctx.ip,
        userId: ctx.session.user.userId,
        password: input.password,
      });
      ctx.clearSessionCookie();
      return out;
    }),

  exportData: authedProcedure
    .meta({ route: { method: 'GET', path: '/users/export', tags, summary: 'Download my data (JSON)' } })
    .output(ZExportDataOutput)
    .query(({ ctx }) => exportUserData({ db: ctx.db, clock: ctx.clock, userId: ctx.session.user.userId })),
});
