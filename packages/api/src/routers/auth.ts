import {
  forgotPassword,
  getCurrentUser,
  invalidateSession,
  invalidateUserSessions,
  listSessions,
  login,
  refreshSession,
  registerUser,
  resendVerification,
  resetPassword,
  revokeUserSession,
  verifyEmail,
} from '@learningpt/core';
import {
  ZEmailOnlyInput,
  ZLoginInput,
  ZLoginOutput,
  ZMeOutput,
  ZMessageOutput,
  ZRefreshInput,
  ZRefreshOutput,
  ZRegisterInput,
  ZResetPasswordInput,
  ZRevokeOthersOutput,
  ZRevokeSessionInput,
  ZSessionsOutput,
  ZTokenInput,
} from '@learningpt/schema';
import { authedProcedure, createTRPCRouter, publicProcedure, type AppContext } from '../trpc';

const tags = ['auth'];
const policy = (ctx: AppContext) => ctx.auth;

const verify = ({ ctx, input }: { ctx: AppContext; input: { token: string } }) =>
  verifyEmail({ db: ctx.db, clock: ctx.clock, settings: ctx.auth, token: input.token });

const reset = ({ ctx, input }: { ctx: AppContext; input: { token: string; password: string } }) =>
  resetPassword({ db: ctx.db, clock: ctx.clock, settings: ctx.auth, ip: ctx.ip, ...input });

export const authRouter = createTRPCRouter({
  register: publicProcedure
    .meta({
      route: { method: 'POST', path: '/auth/register', tags, summary: 'Sign up (students)' },
    })
    .input(ZRegisterInput)
    .output(ZMessageOutput)
    .mutation(({ ctx, input }) =>
      registerUser({ db: ctx.db, clock: ctx.clock, settings: ctx.auth, ip: ctx.ip, ...input }),
    ),

  verifyEmail: publicProcedure
    .meta({ route: { method: 'GET', path: '/auth/verify-email/{token}', tags, summary: 'Verify an email address' } })
    .input(ZTokenInput)
    .output(ZMessageOutput)
    .mutation(verify),

  resendVerification: publicProcedure
    .meta({
      route: { method: 'POST', path: '/auth/resend-verification', tags, summary: 'Send a new verification link' },
    })
    .input(ZEmailOnlyInput)
    .output(ZMessageOutput)
    .mutation(({ ctx, input }) =>
      resendVerification({ db: ctx.db, clock: ctx.clock, settings: ctx.auth, ip: ctx.ip, email: input.email }),
    ),

  login: publicProcedure
    .meta({ route: { method: 'POST', path: '/auth/login', tags, summary: 'Sign in' } })
    .input(ZLoginInput)
    .output(ZLoginOutput)
    .mutation(async ({ ctx, input }) => {
      const out = await login({
        db: ctx.db,
        clock: ctx.clock,
        policy: policy(ctx),
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        ...input,
      });
      ctx.setSessionCookie(out.token, out.absoluteExpiresAt);
      return out;
    }),

  refresh: publicProcedure
    .meta({ route: { method: 'POST', path: '/auth/refresh-token', tags, summary: 'Rotate the session token' } })
    .input(ZRefreshInput)
    .output(ZRefreshOutput)
    .mutation(async ({ ctx, input }) => {
      const out = await refreshSession({
        db: ctx.db,
        clock: ctx.clock,
        policy: policy(ctx),
        token: input.refreshToken ?? ctx.session?.token ?? null,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      ctx.setSessionCookie(out.token, out.absoluteExpiresAt);
      return out;
    }),

  logout: authedProcedure
    .meta({ route: { method: 'POST', path: '/auth/logout', tags, summary: 'Sign out (this session)' } })
    .output(ZMessageOutput)
    .mutation(async ({ ctx }) => {
      await invalidateSession({ db: ctx.db, sessionId: ctx.session.sessionId });
      ctx.clearSessionCookie();
      return { message: 'You have been signed out.' };
    }),

  forgotPassword: publicProcedure
    .meta({ route: { method: 'POST', path: '/auth/forgot-password', tags, summary: 'Ask for a password reset link' } })
    .input(ZEmailOnlyInput)
    .output(ZMessageOutput)
    .mutation(({ ctx, input }) =>
      forgotPassword({ db: ctx.db, clock: ctx.clock, settings: ctx.auth, ip: ctx.ip, email: input.email }),
    ),

  resetPassword: publicProcedure
    .meta({
      route: { method: 'POST', path: '/auth/reset-password/{token}', tags, summary: 'Set a new password with a link' },
    })
    .input(ZResetPasswordInput)
    .output(ZMessageOutput)
    .mutation(reset),

  me: authedProcedure
    .meta({ route: { method: 'GET', path: '/auth/profile', tags, summary: 'The signed-in user' } })
    .output(ZMeOutput)
    .query(({ ctx }) => getCurrentUser({ db: ctx.db, clock: ctx.clock, userId: ctx.session.user.userId })),

  sessions: authedProcedure
    .meta({ route: { method: 'GET', path: '/auth/sessions', tags, summary: 'My signed-in sessions' } })
    .output(ZSessionsOutput)
    .query(({ ctx }) =>
      listSessions({
        db: ctx.db,
        clock: ctx.clock,
        userId: ctx.session.user.userId,
        currentSessionId: ctx.session.sessionId,
      }),
    ),

  revokeSession: authedProcedure
    .meta({ route: { method: 'DELETE', path: '/auth/sessions/{id}', tags, summary: 'Sign out one of my sessions' } })
    .input(ZRevokeSessionInput)
    .output(ZMessageOutput)
    .mutation(async ({ ctx, input }) => {
      await revokeUserSession({ db: ctx.db, userId: ctx.session.user.userId, sessionId: input.id });
      if (input.id === ctx.session.sessionId) ctx.clearSessionCookie();
      return { message: 'The session has been signed out.' };
    }),

  revokeOtherSessions: authedProcedure
    .meta({
      route: { method: 'POST', path: '/auth/sessions/revoke-others', tags, summary: 'Sign out all my other sessions' },
    })
    .output(ZRevokeOthersOutput)
    .mutation(async ({ ctx }) => {
      const revoked = await invalidateUserSessions({
        db: ctx.db,
        userId: ctx.session.user.userId,
        exceptSessionId: ctx.session.sessionId,
      });
      return { message: `Signed out ${revoked} other session${revoked === 1 ? '' : 's'}.`, revoked };
    }),
});
