// testimonials.*: written by signed-in users, moderated by admins; only approved ones are public.
import {
  createTestimonial,
  deleteTestimonial,
  findMyTestimonials,
  findTestimonials,
  findTestimonialsForModeration,
  moderateTestimonial,
} from '@learningpt/core';
import {
  ZContentDeleteOutput,
  ZTestimonialCreateInput,
  ZTestimonialIdInput,
  ZTestimonialListInput,
  ZTestimonialListOutput,
  ZTestimonialManageInput,
  ZTestimonialMineInput,
  ZTestimonialModerateInput,
  ZTestimonialOutput,
} from '@learningpt/schema';
import { adminProcedure, authedProcedure, createTRPCRouter, publicProcedure, signedIn } from '../../trpc';

const tags = ['content'];

export const testimonialsRouter = createTRPCRouter({
  list: publicProcedure
    .meta({ route: { method: 'GET', path: '/content/testimonials', tags, summary: 'Approved testimonials' } })
    .input(ZTestimonialListInput)
    .output(ZTestimonialListOutput)
    .query(({ ctx, input }) => findTestimonials({ db: ctx.db, ...input })),

  mine: authedProcedure
    .meta({
      route: { method: 'GET', path: '/content/testimonials/mine', tags, summary: 'My testimonials and their status' },
    })
    .input(ZTestimonialMineInput)
    .output(ZTestimonialListOutput)
    .query(({ ctx, input }) => findMyTestimonials({ db: ctx.db, viewer: signedIn(ctx), ...input })),

  create: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/content/testimonials',
        tags,
        summary: 'Send a testimonial (shown once approved)',
      },
    })
    .input(ZTestimonialCreateInput)
    .output(ZTestimonialOutput)
    .mutation(({ ctx, input }) => createTestimonial({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), input })),

  moderate: adminProcedure
    .meta({
      route: {
        method: 'PUT',
        path: '/content/testimonials/{id}',
        tags,
        summary: 'Approve, reject or feature (admins)',
      },
    })
    .input(ZTestimonialModerateInput)
    .output(ZTestimonialOutput)
    .mutation(({ ctx, input }) =>
      moderateTestimonial({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), ...input }),
    ),

  delete: adminProcedure
    .meta({ route: { method: 'DELETE', path: '/content/testimonials/{id}', tags, summary: 'Delete a testimonial' } })
    .input(ZTestimonialIdInput)
    .output(ZContentDeleteOutput)
    .mutation(({ ctx, input }) =>
      deleteTestimonial({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), id: input.id }),
    ),

  manage: adminProcedure
    .meta({
      route: { method: 'GET', path: '/content/manage/testimonials', tags, summary: 'Every testimonial (moderation)' },
    })
    .input(ZTestimonialManageInput)
    .output(ZTestimonialListOutput)
    .query(({ ctx, input }) => findTestimonialsForModeration({ db: ctx.db, ...input })),
});
