// Site content: blog posts, testimonials and FAQs (the blog, the "what learners say" wall, the FAQ
// page). Field names follow the Insta iQ tables (camelCase), as the rest of the API does.
import { z } from 'zod';
import { ZHttpsUrl, ZSlug } from './categories';
import { ZId, ZPagination, paginationInput, seedEnum } from './common';

/** Any HTML tag: plain-text fields refuse them (rich text goes through the server's sanitiser). */
const HTML_TAG = /<\s*\/?\s*[a-z!?][^>]*>/i;

/** PostgreSQL text cannot hold a NUL character: refuse it as input (a 400), never reach the database with it. */
const noNul = (field: string) =>
  [(v: string) => !v.includes('\u0000'), { message: `${field} contains a NUL character` }] as const;

/** A trimmed plain-text field whose messages name it. */
function plainText(field: string, { min = 0, max }: { min?: number; max: number }) {
  const base = z.string({ message: `${field} must be text` }).trim();
  return (min > 0 ? base.min(min, `${field} needs at least ${min} character${min === 1 ? '' : 's'}`) : base)
    .max(max, `${field} can be at most ${max} characters`)
    .refine(...noNul(field))
    .refine((v) => !HTML_TAG.test(v), { message: `${field} is plain text: remove the HTML tags` });
}

/** A free-text filter (search, tag, category) of a list; empty means no filter. */
const filterText = (field: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${field} can be at most ${max} characters`)
    .refine(...noNul(field));

/* ------------------------------------------------------------------------------------------------
 * Blog posts
 * ---------------------------------------------------------------------------------------------- */

export const POST_STATUSES = ['draft', 'published', 'archived'] as const;
export const ZPostStatus = seedEnum(POST_STATUSES, `status must be one of: ${POST_STATUSES.join(', ')}`);
export type PostStatus = z.infer<typeof ZPostStatus>;

export const ZBlogAuthor = z.object({ id: ZId, name: z.string(), avatar: z.string().nullable() });

export const ZBlogCategory = z.object({ id: ZId, name: z.string(), slug: z.string() });

/** A post as lists show it (no body). Only owners and admins ever see a status other than published. */
export const ZBlogPostSummary = z.object({
  id: ZId,
  title: z.string(),
  slug: z.string(),
  excerpt: z.string().nullable(),
  featuredImage: z.string().nullable(),
  authorId: ZId,
  author: ZBlogAuthor,
  categoryId: ZId.nullable(),
  category: ZBlogCategory.nullable(),
  tags: z.array(z.string()),
  status: ZPostStatus,
  publishedAt: z.date().nullable(),
  metaTitle: z.string().nullable(),
  metaDescription: z.string().nullable(),
  viewCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type BlogPostSummary = z.infer<typeof ZBlogPostSummary>;

/** One post with its body: HTML already sanitised on the server (safe to render as is). */
export const ZBlogPost = ZBlogPostSummary.extend({ content: z.string() });
export type BlogPost = z.infer<typeof ZBlogPost>;

const ZBlogSearch = filterText('search', 200).optional();
const ZTagFilter = filterText('tag', 50)
  .transform((t) => t.toLowerCase())
  .optional();

/** blog.list: published posts, newest first. */
export const ZBlogListInput = z
  .object({
    ...paginationInput(10),
    tag: ZTagFilter,
    search: ZBlogSearch,
    /** A category slug or id. */
    category: filterText('category', 100).optional(),
  })
  .default({ page: 1, limit: 10 });
export type BlogListInput = z.input<typeof ZBlogListInput>;

export const ZBlogListOutput = z.object({
  posts: z.array(ZBlogPostSummary),
  pagination: ZPagination.extend({ totalPosts: z.number().int() }),
});
export type BlogListOutput = z.infer<typeof ZBlogListOutput>;

export const ZBlogBySlugInput = z.object({
  slug: z
    .string()
    .trim()
    .min(1, 'slug is required')
    .max(200)
    .refine(...noNul('slug')),
});

export const ZBlogIdInput = z.object({ id: ZId });

export const ZBlogPostOutput = z.object({ post: ZBlogPost });
export type BlogPostOutput = z.infer<typeof ZBlogPostOutput>;

const ZTags = z
  .array(
    plainText('tags', { min: 1, max: 50 }).transform((t) => t.toLowerCase()),
    {
      message: 'tags must be a list of words',
    },
  )
  .max(20, 'At most 20 tags');

const blogFields = {
  title: plainText('title', { min: 3, max: 200 }),
  /** Generated from the title when left out; a slug another post has is a 409. */
  slug: ZSlug,
  /** Rich text (HTML), sanitised with an allow-list before it is stored. */
  content: z
    .string({ message: 'content must be text (HTML)' })
    .min(1, 'content is required')
    .max(200_000, 'content can be at most 200000 characters')
    .refine(...noNul('content')),
  excerpt: plainText('excerpt', { max: 500 }).nullable(),
  /** The cover image (https). */
  featuredImage: ZHttpsUrl.nullable(),
  categoryId: ZId.nullable(),
  tags: ZTags,
  status: ZPostStatus,
  metaTitle: plainText('metaTitle', { max: 255 }).nullable(),
  metaDescription: plainText('metaDescription', { max: 500 }).nullable(),
};

export const ZBlogCreateInput = z.object({
  title: blogFields.title,
  slug: blogFields.slug.optional(),
  content: blogFields.content,
  excerpt: blogFields.excerpt.optional(),
  featuredImage: blogFields.featuredImage.optional(),
  categoryId: blogFields.categoryId.optional(),
  tags: blogFields.tags.default([]),
  /** New posts are drafts unless sent as published. */
  status: blogFields.status.default('draft'),
  metaTitle: blogFields.metaTitle.optional(),
  metaDescription: blogFields.metaDescription.optional(),
});
export type BlogCreateInput = z.input<typeof ZBlogCreateInput>;

export const ZBlogUpdateInput = z.object({
  id: ZId,
  title: blogFields.title.optional(),
  /** Changing the slug breaks old links; a title change never changes it. */
  slug: blogFields.slug.optional(),
  content: blogFields.content.optional(),
  excerpt: blogFields.excerpt.optional(),
  featuredImage: blogFields.featuredImage.optional(),
  categoryId: blogFields.categoryId.optional(),
  tags: blogFields.tags.optional(),
  status: blogFields.status.optional(),
  metaTitle: blogFields.metaTitle.optional(),
  metaDescription: blogFields.metaDescription.optional(),
});
export type BlogUpdateInput = z.input<typeof ZBlogUpdateInput>;

export const ZContentDeleteOutput = z.object({ id: ZId, message: z.string() });

/** blog.manage: an instructor's own posts, or (admins) everyone's, in every status. */
export const ZBlogManageInput = z
  .object({
    ...paginationInput(20),
    status: ZPostStatus.optional(),
    search: ZBlogSearch,
    /** Admins: one author's posts. */
    authorId: ZId.optional(),
  })
  .default({ page: 1, limit: 20 });
export type BlogManageInput = z.input<typeof ZBlogManageInput>;

export const ZBlogManageOutput = z.object({ posts: z.array(ZBlogPostSummary), pagination: ZPagination });
export type BlogManageOutput = z.infer<typeof ZBlogManageOutput>;

/* ------------------------------------------------------------------------------------------------
 * Testimonials
 * ---------------------------------------------------------------------------------------------- */

export const TESTIMONIAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const ZTestimonialStatus = seedEnum(
  TESTIMONIAL_STATUSES,
  `status must be one of: ${TESTIMONIAL_STATUSES.join(', ')}`,
);
export type TestimonialStatus = z.infer<typeof ZTestimonialStatus>;

export const ZTestimonial = z.object({
  id: ZId,
  userId: ZId.nullable(),
  programId: ZId.nullable(),
  program: z.object({ id: ZId, title: z.string(), slug: z.string() }).nullable(),
  authorName: z.string(),
  authorTitle: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  rating: z.number().int(),
  title: z.string().nullable(),
  content: z.string(),
  /** Public lists show only approved ones. */
  status: ZTestimonialStatus,
  featured: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Testimonial = z.infer<typeof ZTestimonial>;

/** testimonials.list: approved testimonials, featured first, then newest. */
export const ZTestimonialListInput = z
  .object({
    ...paginationInput(10),
    featured: z.boolean().optional(),
    programId: ZId.optional(),
  })
  .default({ page: 1, limit: 10 });
export type TestimonialListInput = z.input<typeof ZTestimonialListInput>;

export const ZTestimonialListOutput = z.object({
  testimonials: z.array(ZTestimonial),
  pagination: ZPagination,
});
export type TestimonialListOutput = z.infer<typeof ZTestimonialListOutput>;

export const ZTestimonialCreateInput = z.object({
  rating: z
    .number({ message: 'rating must be a whole number from 1 to 5' })
    .int('rating must be a whole number from 1 to 5')
    .min(1, 'rating must be at least 1')
    .max(5, 'rating can be at most 5'),
  content: plainText('content', { min: 10, max: 2000 }),
  title: plainText('title', { max: 200 }).optional(),
  /** The program it is about (optional). */
  programId: ZId.optional(),
  /** How the author presents themselves, e.g. "Data analyst at Acme". */
  authorTitle: plainText('authorTitle', { max: 200 }).optional(),
});
export type TestimonialCreateInput = z.input<typeof ZTestimonialCreateInput>;

export const ZTestimonialOutput = z.object({ testimonial: ZTestimonial, message: z.string() });
export type TestimonialOutput = z.infer<typeof ZTestimonialOutput>;

/** testimonials.mine: the caller's own submissions, every status, newest first. */
export const ZTestimonialMineInput = z.object({ ...paginationInput(20) }).default({ page: 1, limit: 20 });

/** testimonials.moderate (admins): approve / reject, feature / un-feature. */
export const ZTestimonialModerateInput = z
  .object({ id: ZId, status: ZTestimonialStatus.optional(), featured: z.boolean().optional() })
  .refine((v) => v.status !== undefined || v.featured !== undefined, {
    message: 'Send a status, featured, or both',
    path: ['status'],
  });
export type TestimonialModerateInput = z.input<typeof ZTestimonialModerateInput>;

export const ZTestimonialIdInput = z.object({ id: ZId });

/** testimonials.manage (admins): every testimonial; pending ones first when no status is given. */
export const ZTestimonialManageInput = z
  .object({ ...paginationInput(20), status: ZTestimonialStatus.optional() })
  .default({ page: 1, limit: 20 });
export type TestimonialManageInput = z.input<typeof ZTestimonialManageInput>;

/* ------------------------------------------------------------------------------------------------
 * FAQs
 * ---------------------------------------------------------------------------------------------- */

export const FAQ_STATUSES = ['draft', 'published'] as const;
export const ZFaqStatus = seedEnum(FAQ_STATUSES, `status must be one of: ${FAQ_STATUSES.join(', ')}`);
export type FaqStatus = z.infer<typeof ZFaqStatus>;

export const ZFaq = z.object({
  id: ZId,
  question: z.string(),
  /** Rich text (HTML), sanitised on the server. */
  answer: z.string(),
  category: z.string().nullable(),
  sortOrder: z.number().int(),
  status: ZFaqStatus,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Faq = z.infer<typeof ZFaq>;

const ZFaqCategoryFilter = filterText('category', 100).optional();

/** faqs.list: published FAQs by category (alphabetical, uncategorised last), then sortOrder. */
export const ZFaqListInput = z
  .object({
    category: ZFaqCategoryFilter,
    search: filterText('search', 200).optional(),
  })
  .default({});
export type FaqListInput = z.input<typeof ZFaqListInput>;

export const ZFaqGroup = z.object({ category: z.string().nullable(), faqs: z.array(ZFaq) });

export const ZFaqListOutput = z.object({
  faqs: z.array(ZFaq),
  /** The same FAQs grouped by category, in the same order. */
  categories: z.array(ZFaqGroup),
});
export type FaqListOutput = z.infer<typeof ZFaqListOutput>;

/** faqs.manage (admins): drafts included. */
export const ZFaqManageInput = z.object({ category: ZFaqCategoryFilter, status: ZFaqStatus.optional() }).default({});

const faqFields = {
  question: plainText('question', { min: 5, max: 500 }),
  answer: z
    .string({ message: 'answer must be text (HTML allowed)' })
    .min(1, 'answer is required')
    .max(20_000, 'answer can be at most 20000 characters')
    .refine(...noNul('answer')),
  /** Free text such as "Billing"; null for none. */
  category: plainText('category', { min: 1, max: 100 }).nullable(),
  sortOrder: z.number().int('sortOrder is a whole number').min(0, 'sortOrder cannot be negative').max(100_000),
  status: ZFaqStatus,
};

export const ZFaqCreateInput = z.object({
  question: faqFields.question,
  answer: faqFields.answer,
  category: faqFields.category.optional(),
  /** Left out: after the last FAQ of its category. */
  sortOrder: faqFields.sortOrder.optional(),
  /** Published unless sent as a draft (as the spec's table defaults). */
  status: faqFields.status.default('published'),
});
export type FaqCreateInput = z.input<typeof ZFaqCreateInput>;

export const ZFaqUpdateInput = z.object({
  id: ZId,
  question: faqFields.question.optional(),
  answer: faqFields.answer.optional(),
  category: faqFields.category.optional(),
  sortOrder: faqFields.sortOrder.optional(),
  status: faqFields.status.optional(),
});
export type FaqUpdateInput = z.input<typeof ZFaqUpdateInput>;

export const ZFaqIdInput = z.object({ id: ZId });

/** faqs.reorder: every FAQ of one category (null: the uncategorised ones), in their new order. */
export const ZFaqReorderInput = z.object({
  category: plainText('category', { min: 1, max: 100 }).nullable(),
  ids: z.array(ZId).min(1, 'ids needs at least one FAQ id').max(500, 'ids can hold at most 500 FAQs'),
});
export type FaqReorderInput = z.input<typeof ZFaqReorderInput>;

export const ZFaqOutput = z.object({ faq: ZFaq });
export const ZFaqManageOutput = z.object({ faqs: z.array(ZFaq) });
