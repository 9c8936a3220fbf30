// blog.*: published posts for everyone; instructors write and edit their own, admins all.
import {
  createBlogPost,
  deleteBlogPost,
  findBlogPosts,
  findManagedBlogPosts,
  getBlogPostBySlug,
  getBlogPostForEditing,
  updateBlogPost,
} from '@learningpt/core';
import {
  ZBlogBySlugInput,
  ZBlogCreateInput,
  ZBlogIdInput,
  ZBlogListInput,
  ZBlogListOutput,
  ZBlogManageInput,
  ZBlogManageOutput,
  ZBlogPostOutput,
  ZBlogUpdateInput,
  ZContentDeleteOutput,
} from '@learningpt/schema';
import { adminProcedure, createTRPCRouter, instructorProcedure, publicProcedure, signedIn, viewerOf } from '../../trpc';

const tags = ['content'];

export const blogRouter = createTRPCRouter({
  list: publicProcedure
    .meta({
      route: { method: 'GET', path: '/content/blog', tags, summary: 'Published blog posts (tag, search, pages)' },
    })
    .input(ZBlogListInput)
    .output(ZBlogListOutput)
    .query(({ ctx, input }) => findBlogPosts({ db: ctx.db, ...input })),

  bySlug: publicProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/content/blog/{slug}',
        tags,
        summary: 'One published post by slug (counts a view)',
      },
    })
    .input(ZBlogBySlugInput)
    .output(ZBlogPostOutput)
    .query(({ ctx, input }) => getBlogPostBySlug({ db: ctx.db, slug: input.slug, viewer: viewerOf(ctx) })),

  create: instructorProcedure
    .meta({ route: { method: 'POST', path: '/content/blog', tags, summary: 'Write a blog post (a draft by default)' } })
    .input(ZBlogCreateInput)
    .output(ZBlogPostOutput)
    .mutation(({ ctx, input }) => createBlogPost({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), input })),

  update: instructorProcedure
    .meta({ route: { method: 'PUT', path: '/content/blog/{id}', tags, summary: 'Edit a blog post (author or admin)' } })
    .input(ZBlogUpdateInput)
    .output(ZBlogPostOutput)
    .mutation(({ ctx, input: { id, ...input } }) =>
      updateBlogPost({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), id, input }),
    ),

  delete: adminProcedure
    .meta({ route: { method: 'DELETE', path: '/content/blog/{id}', tags, summary: 'Delete a blog post (admins)' } })
    .input(ZBlogIdInput)
    .output(ZContentDeleteOutput)
    .mutation(({ ctx, input }) =>
      deleteBlogPost({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), id: input.id }),
    ),

  manage: instructorProcedure
    .meta({
      route: { method: 'GET', path: '/content/manage/blog', tags, summary: 'My posts (admins: all), every status' },
    })
    .input(ZBlogManageInput)
    .output(ZBlogManageOutput)
    .query(({ ctx, input }) => findManagedBlogPosts({ db: ctx.db, viewer: signedIn(ctx), ...input })),

  byId: instructorProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/content/manage/blog/{id}',
        tags,
        summary: 'One post in any status, for its editor',
      },
    })
    .input(ZBlogIdInput)
    .output(ZBlogPostOutput)
    .query(({ ctx, input }) => getBlogPostForEditing({ db: ctx.db, id: input.id, viewer: signedIn(ctx) })),
});
