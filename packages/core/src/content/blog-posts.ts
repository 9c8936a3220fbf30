// The blog: published posts for everyone; instructors write and edit their own, admins all.
import { isUniqueViolation, type Db, type Prisma } from '@learningpt/db';
import type {
  BlogListOutput,
  BlogManageOutput,
  BlogPost,
  BlogPostOutput,
  BlogPostSummary,
  PostStatus,
} from '@learningpt/schema';
import { writeAudit } from '../audit/write-audit';
import { nextFreeSlug, slugify } from '../catalog/slug';
import { sanitizeRichText } from '../html/sanitize';
import type { Clock } from '../shared/clock';
import { AppError, invalidField } from '../shared/errors';
import { pageOffset, paginationMeta } from '../shared/pagination';
import type { Viewer } from '../shared/viewer';

export const BLOG_POST_NOT_FOUND = 'Blog post not found';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const postInclude = {
  author: { select: { id: true, name: true, avatarUrl: true } },
  category: { select: { id: true, name: true, slug: true } },
} satisfies Prisma.BlogPostInclude;

type PostRow = Prisma.BlogPostGetPayload<{ include: typeof postInclude }>;

function toSummary(p: PostRow): BlogPostSummary {
  return {
    id: p.id,
    title: p.title,
    slug: p.slug,
    excerpt: p.excerpt,
    featuredImage: p.featuredImage,
    authorId: p.authorId,
    author: { id: p.author.id, name: p.author.name, avatar: p.author.avatarUrl },
    categoryId: p.categoryId,
    category: p.category,
    tags: p.tags,
    status: p.status,
    publishedAt: p.publishedAt,
    metaTitle: p.metaTitle,
    metaDescription: p.metaDescription,
    viewCount: p.viewCount,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

const toPost = (p: PostRow): BlogPost => ({ ...toSummary(p), content: p.content });

/** Admins manage every post; an instructor only their own. */
const mayManage = (viewer: Viewer | null, authorId: string) =>
  viewer !== null && (viewer.role === 'admin' || (viewer.role === 'instructor' && viewer.userId === authorId));

function searchWhere(search: string | undefined): Prisma.BlogPostWhereInput {
  if (!search) return {};
  return {
    OR: [
      { title: { contains: search, mode: 'insensitive' } },
      { excerpt: { contains: search, mode: 'insensitive' } },
      { tags: { has: search.toLowerCase() } },
    ],
  };
}

/** blog.list: published posts only, newest publication first (ties broken by id, so pages are stable). */
export async function findBlogPosts({
  db,
  page,
  limit,
  tag,
  search,
  category,
}: {
  db: Db;
  page: number;
  limit: number;
  tag?: string | undefined;
  search?: string | undefined;
  category?: string | undefined;
}): Promise<BlogListOutput> {
  const where: Prisma.BlogPostWhereInput = {
    status: 'published',
    ...(tag && { tags: { has: tag } }),
    ...(category && {
      category: UUID.test(category) ? { id: category } : { slug: category.toLowerCase() },
    }),
    ...searchWhere(search),
  };
  const [total, rows] = await db.$transaction([
    db.blogPost.count({ where }),
    db.blogPost.findMany({
      where,
      include: postInclude,
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      skip: pageOffset(page, limit),
      take: limit,
    }),
  ]);
  return {
    posts: rows.map(toSummary),
    pagination: { ...paginationMeta(total, page, limit), totalPosts: total },
  };
}

/**
 * blog.bySlug (a slug, or an id): a published post for everyone, counted as one view (one atomic increment, so
 * concurrent reads all count). Its author and admins may also read it in any other status (a
 * preview, not counted); to anyone else a draft or archived post does not exist.
 */
export async function getBlogPostBySlug({
  db,
  slug,
  viewer,
}: {
  db: Db;
  slug: string;
  viewer: Viewer | null;
}): Promise<BlogPostOutput> {
  const ref = slug.trim();
  const key = UUID.test(ref) ? { id: ref } : { slug: ref.toLowerCase() };
  const counted = await db.blogPost.updateMany({
    where: { ...key, status: 'published' },
    data: { viewCount: { increment: 1 } },
  });
  const row = await db.blogPost.findUnique({ where: key, include: postInclude });
  if (!row) throw new AppError('NOT_FOUND', BLOG_POST_NOT_FOUND);
  if (counted.count === 0 && !(row.status === 'published' || mayManage(viewer, row.authorId))) {
    throw new AppError('NOT_FOUND', BLOG_POST_NOT_FOUND);
  }
  return { post: toPost(row) };
}

/** A post the viewer may change; others' drafts are NOT_FOUND (their existence is not revealed). */
async function findManageablePost(db: Db | Prisma.TransactionClient, id: string, viewer: Viewer) {
  const row = await db.blogPost.findUnique({ where: { id }, include: postInclude });
  if (!row) throw new AppError('NOT_FOUND', BLOG_POST_NOT_FOUND);
  if (!mayManage(viewer, row.authorId)) {
    if (row.status !== 'published') throw new AppError('NOT_FOUND', BLOG_POST_NOT_FOUND);
    throw new AppError('FORBIDDEN', 'Only the author of this post or an admin can change it.');
  }
  return row;
}

/** blog.byId: one post in any status, for its author or an admin (the editor). */
export async function getBlogPostForEditing({
  db,
  id,
  viewer,
}: {
  db: Db;
  id: string;
  viewer: Viewer;
}): Promise<BlogPostOutput> {
  return { post: toPost(await findManageablePost(db, id, viewer)) };
}

/** blog.manage: an instructor's own posts, or every post for admins; most recently changed first. */
export async function findManagedBlogPosts({
  db,
  viewer,
  page,
  limit,
  status,
  search,
  authorId,
}: {
  db: Db;
  viewer: Viewer;
  page: number;
  limit: number;
  status?: PostStatus | undefined;
  search?: string | undefined;
  authorId?: string | undefined;
}): Promise<BlogManageOutput> {
  const where: Prisma.BlogPostWhereInput = {
    ...(viewer.role === 'admin' ? (authorId ? { authorId } : {}) : { authorId: viewer.userId }),
    ...(status && { status }),
    ...searchWhere(search),
  };
  const [total, rows] = await db.$transaction([
    db.blogPost.count({ where }),
    db.blogPost.findMany({
      where,
      include: postInclude,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      skip: pageOffset(page, limit),
      take: limit,
    }),
  ]);
  return { posts: rows.map(toSummary), pagination: paginationMeta(total, page, limit) };
}

export interface BlogWriteFields {
  title?: string | undefined;
  slug?: string | undefined;
  content?: string | undefined;
  excerpt?: string | null | undefined;
  featuredImage?: string | null | undefined;
  categoryId?: string | null | undefined;
  tags?: string[] | undefined;
  status?: PostStatus | undefined;
  metaTitle?: string | null | undefined;
  metaDescription?: string | null | undefined;
}

/** Sanitised HTML; a body with nothing left after sanitising is a 400 on `content`. */
function safeContent(html: string): string {
  const clean = sanitizeRichText(html);
  if (clean.replace(/<[^>]*>/g, '').trim() === '' && !/<img\b/i.test(clean)) {
    throw invalidField('content', 'content is empty once unsupported HTML (scripts, styles, forms) is removed');
  }
  return clean;
}

async function checkCategory(db: Db | Prisma.TransactionClient, categoryId: string | null | undefined) {
  if (!categoryId) return;
  const found = await db.category.findUnique({ where: { id: categoryId }, select: { id: true } });
  if (!found) throw invalidField('categoryId', 'Unknown categoryId: use the id of a category from GET /api/categories');
}

function fieldData(input: BlogWriteFields): Prisma.BlogPostUncheckedUpdateInput {
  return {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.content !== undefined && { content: safeContent(input.content) }),
    ...(input.excerpt !== undefined && { excerpt: input.excerpt || null }),
    ...(input.featuredImage !== undefined && { featuredImage: input.featuredImage }),
    ...(input.categoryId !== undefined && { categoryId: input.categoryId }),
    ...(input.tags !== undefined && { tags: [...new Set(input.tags)] }),
    ...(input.metaTitle !== undefined && { metaTitle: input.metaTitle || null }),
    ...(input.metaDescription !== undefined && { metaDescription: input.metaDescription || null }),
  };
}

const slugTaken = (slug: string) =>
  new AppError('CONFLICT', `The slug "${slug}" is already used by another blog post; choose another.`, {
    issues: [{ path: ['slug'], message: `The slug "${slug}" is already taken` }],
  });

/**
 * blog.create: the caller is the author. A slug sent by the caller must be free (409); one made
 * from the title takes the next free suffix (-2, -3, ...), retried if a concurrent post took it.
 */
export async function createBlogPost({
  db,
  clock,
  viewer,
  input,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  input: BlogWriteFields & { title: string; content: string; status: PostStatus };
}): Promise<BlogPostOutput> {
  await checkCategory(db, input.categoryId);
  const data = fieldData(input);
  const base = slugify(input.title, 'post');
  for (let attempt = 0; ; attempt++) {
    let slug = input.slug;
    if (slug === undefined) {
      const taken = await db.blogPost.findMany({
        where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
        select: { slug: true },
      });
      slug = nextFreeSlug(
        base,
        taken.map((t) => t.slug),
      );
    }
    const now = clock.now();
    try {
      const row = await db.$transaction(async (tx) => {
        const created = await tx.blogPost.create({
          data: {
            ...(data as Prisma.BlogPostUncheckedCreateInput),
            title: input.title,
            slug,
            authorId: viewer.userId,
            status: input.status,
            publishedAt: input.status === 'published' ? now : null,
            createdAt: now,
            updatedAt: now,
          },
          include: postInclude,
        });
        await writeAudit(tx, {
          clock,
          actorId: viewer.userId,
          action: 'blog.create',
          entityType: 'BlogPost',
          entityId: created.id,
        });
        return created;
      });
      return { post: toPost(row) };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (input.slug !== undefined) throw slugTaken(input.slug);
      // Each round of a race has a winner, so this many rounds serve that many concurrent writers.
      if (attempt >= 20) throw slugTaken(slug);
    }
  }
}

/**
 * blog.update: the author (still an instructor) or an admin. publishedAt is the first publication:
 * archiving and re-publishing keep it. The change applies to the row as it was read (updatedAt
 * unchanged), so two editors saving at once do not silently overwrite each other.
 */
export async function updateBlogPost({
  db,
  clock,
  viewer,
  id,
  input,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  id: string;
  input: BlogWriteFields;
}): Promise<BlogPostOutput> {
  const post = await findManageablePost(db, id, viewer);
  await checkCategory(db, input.categoryId);
  const data = fieldData(input);
  const now = clock.now();
  try {
    const row = await db.$transaction(async (tx) => {
      const { count } = await tx.blogPost.updateMany({
        where: { id: post.id, updatedAt: post.updatedAt },
        data: {
          ...data,
          ...(input.slug !== undefined && { slug: input.slug }),
          ...(input.status !== undefined && { status: input.status }),
          ...(input.status === 'published' && post.publishedAt === null && { publishedAt: now }),
          updatedAt: now,
        },
      });
      if (count === 0) throw new AppError('CONFLICT', 'The post changed meanwhile; reload it and try again.');
      await writeAudit(tx, {
        clock,
        actorId: viewer.userId,
        action: 'blog.update',
        entityType: 'BlogPost',
        entityId: post.id,
        data: { fields: Object.keys(input), ...(input.status && { from: post.status, to: input.status }) },
      });
      return tx.blogPost.findUniqueOrThrow({ where: { id: post.id }, include: postInclude });
    });
    return { post: toPost(row) };
  } catch (err) {
    if (isUniqueViolation(err) && input.slug !== undefined) throw slugTaken(input.slug);
    throw err;
  }
}

/** blog.delete (admins): removes the post for good; archive it to take it down but keep it. */
export async function deleteBlogPost({ db, clock, viewer, id }: { db: Db; clock: Clock; viewer: Viewer; id: string }) {
  return db.$transaction(async (tx) => {
    const gone = await tx.blogPost.deleteMany({ where: { id } });
    if (gone.count === 0) throw new AppError('NOT_FOUND', BLOG_POST_NOT_FOUND);
    await writeAudit(tx, {
      clock,
      actorId: viewer.userId,
      action: 'blog.delete',
      entityType: 'BlogPost',
      entityId: id,
    });
    return { id, message: 'The blog post was deleted.' };
  });
}
