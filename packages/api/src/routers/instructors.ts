import {
  applyToTeach,
  approveInstructorApplication,
  findInstructorApplications,
  findInstructorPrograms,
  findMyApplication,
  findMyPrograms,
  getInstructorDashboard,
  getInstructorProfile,
  rejectInstructorApplication,
} from '@learningpt/core';
import {
  ZApplicationDecisionOutput,
  ZApplicationIdInput,
  ZInstructorApplicationsInput,
  ZInstructorApplicationsOutput,
  ZInstructorApplyInput,
  ZInstructorApplyOutput,
  ZInstructorByIdOutput,
  ZInstructorDashboardOutput,
  ZInstructorIdInput,
  ZInstructorProgramsInput,
  ZInstructorProgramsOutput,
  ZManagedProgramListOutput,
  ZMyApplicationOutput,
  ZMyProgramsInput,
  ZRejectApplicationInput,
} from '@learningpt/schema';
import {
  adminProcedure,
  authedProcedure,
  createTRPCRouter,
  instructorProcedure,
  publicProcedure,
  studentProcedure,
} from '../trpc';

const tags = ['instructors'];

export const instructorsRouter = createTRPCRouter({
  // API.md's `instructors.apply`: tRPC reserves `apply` (routers are proxies), so the procedure is
  // named after the domain function; the REST path is the documented one.
  applyToTeach: studentProcedure
    .meta({ route: { method: 'POST', path: '/instructors/apply', tags, summary: 'Apply to become an instructor' } })
    .input(ZInstructorApplyInput)
    .output(ZInstructorApplyOutput)
    .mutation(({ ctx, input }) =>
      applyToTeach({ db: ctx.db, clock: ctx.clock, userId: ctx.session.user.userId, input }),
    ),

  myApplication: authedProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/instructors/applications/mine',
        tags,
        summary: 'My latest application to teach (or null)',
      },
    })
    .output(ZMyApplicationOutput)
    .query(({ ctx }) => findMyApplication({ db: ctx.db, userId: ctx.session.user.userId })),

  myPrograms: instructorProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/instructors/me/programs',
        tags,
        summary: 'My programs in every status (drafts included)',
      },
    })
    .input(ZMyProgramsInput)
    .output(ZManagedProgramListOutput)
    .query(({ ctx, input }) => findMyPrograms({ db: ctx.db, instructorId: ctx.session.user.userId, ...input })),

  applications: adminProcedure
    .meta({
      route: { method: 'GET', path: '/instructors/applications', tags, summary: 'Instructor applications (admin)' },
    })
    .input(ZInstructorApplicationsInput)
    .output(ZInstructorApplicationsOutput)
    .query(({ ctx, input }) => findInstructorApplications({ db: ctx.db, ...input })),

  approve: adminProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/instructors/applications/{id}/approve',
        tags,
        summary: 'Approve an application: the applicant becomes an instructor',
      },
    })
    .input(ZApplicationIdInput)
    .output(ZApplicationDecisionOutput)
    .mutation(({ ctx, input }) =>
      approveInstructorApplication({
        db: ctx.db,
        clock: ctx.clock,
        links: ctx.auth,
        actorId: ctx.session.user.userId,
        applicationId: input.id,
        ip: ctx.ip,
      }),
    ),

  reject: adminProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/instructors/applications/{id}/reject',
        tags,
        summary: 'Reject an application with a reason',
      },
    })
    .input(ZRejectApplicationInput)
    .output(ZApplicationDecisionOutput)
    .mutation(({ ctx, input }) =>
      rejectInstructorApplication({
        db: ctx.db,
        clock: ctx.clock,
        links: ctx.auth,
        actorId: ctx.session.user.userId,
        applicationId: input.id,
        reason: input.reason,
        ip: ctx.ip,
      }),
    ),

  dashboard: instructorProcedure
    .meta({ route: { method: 'GET', path: '/instructors/dashboard', tags, summary: 'My teaching numbers' } })
    .output(ZInstructorDashboardOutput)
    .query(({ ctx }) =>
      getInstructorDashboard({ db: ctx.db, clock: ctx.clock, instructorId: ctx.session.user.userId }),
    ),

  byId: publicProcedure
    .meta({ route: { method: 'GET', path: '/instructors/{id}', tags, summary: 'An instructor’s public profile' } })
    .input(ZInstructorIdInput)
    .output(ZInstructorByIdOutput)
    .query(({ ctx, input }) => getInstructorProfile({ db: ctx.db, id: input.id })),

  programs: publicProcedure
    .meta({
      route: { method: 'GET', path: '/instructors/{id}/programs', tags, summary: 'An instructor’s published programs' },
    })
    .input(ZInstructorProgramsInput)
    .output(ZInstructorProgramsOutput)
    .query(({ ctx, input: { id, ...page } }) => findInstructorPrograms({ db: ctx.db, id, ...page })),
});
