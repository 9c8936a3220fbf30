import type { BlogPostSummary } from '@learningpt/schema';
import { ErrorState, Pagination, SearchIcon, Skeleton, TagIcon, useTRPC, useUrlDraft } from '@learningpt/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ProgramThumbnail } from '../../components/program-thumbnail';
import { formatDay, plural } from '../../lib/format';

const PAGE_SIZE = 9;

interface BlogFilters {
  page: number;
  tag?: string;
  search?: string;
}

function parseBlogParams(params: URLSearchParams): BlogFilters {
  const page = Number(params.get('page'));
  const tag = params.get('tag')?.trim().toLowerCase().slice(0, 50);
  const search = params.get('q')?.trim().slice(0, 200);
  const f: BlogFilters = { page: Number.isInteger(page) && page >= 1 ? page : 1 };
  if (tag) f.tag = tag;
  if (search) f.search = search;
  return f;
}

function toBlogParams(f: BlogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.tag) params.set('tag', f.tag);
  if (f.search) params.set('q', f.search);
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

/** /blog: published posts, newest first; ?tag=, ?q= and ?page= in the URL. */
export function BlogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseBlogParams(searchParams), [searchParams]);
  const update = useCallback(
    (patch: { tag?: string | undefined; search?: string | undefined }, replace = false) =>
      setSearchParams((prev) => toBlogParams({ ...parseBlogParams(prev), ...patch, page: 1 }), { replace }),
    [setSearchParams],
  );
  const trpc = useTRPC();
  const posts = useQuery(
    trpc.blog.list.queryOptions({ ...filters, limit: PAGE_SIZE }, { placeholderData: keepPreviousData }),
  );
  const [draft, setDraft] = useUrlDraft(filters.search ?? '', (text) => {
    const search = text.trim().slice(0, 200);
    update({ search: search || undefined }, true);
    return search;
  });
  const filtered = Boolean(filters.tag || filters.search);
  const hrefFor = (page: number) => {
    const s = toBlogParams({ ...filters, page }).toString();
    return s ? `?${s}` : '?';
  };

  return (
    <>
      <title>Blog · LearninGPT</title>
      <section className="border-b border-slate-200 bg-gradient-to-b from-indigo-50/80 to-slate-50">
        <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Blog</h1>
          <p className="mt-2 max-w-2xl text-slate-600">
            Study tips, certification guides and news from our instructors.
          </p>
          <form role="search" onSubmit={(e) => e.preventDefault()} className="relative mt-6 max-w-2xl">
            <label htmlFor="blog-search" className="sr-only">
              Search posts
            </label>
            <SearchIcon className="pointer-events-none absolute left-4 top-1/2 size-5 -translate-y-1/2 text-slate-400" />
            <input
              id="blog-search"
              type="search"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              placeholder="Search posts…"
              maxLength={200}
              autoComplete="off"
              className="h-12 w-full rounded-xl border border-slate-200 bg-white pl-12 pr-4 text-base shadow-sm outline-none transition placeholder:text-slate-400 focus:border-indigo-400 focus:ring-4 focus:ring-indigo-100"
            />
          </form>
        </div>
      </section>

      <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
        <div className="mb-5 flex flex-wrap items-center gap-3">
          <h2 id="blog-results" aria-live="polite" className="text-sm font-medium text-slate-600">
            {posts.data ? plural(posts.data.pagination.totalPosts, 'post') : posts.isError ? 'Posts' : 'Loading posts…'}
          </h2>
          {filters.tag && (
            <span className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-3 py-1 text-sm text-indigo-700">
              <TagIcon className="size-4" />
              Tagged “{filters.tag}”
              <button
                type="button"
                onClick={() => update({ tag: undefined })}
                className="ml-1 font-medium underline"
                aria-label={`Remove the tag filter ${filters.tag}`}
              >
                Remove
              </button>
            </span>
          )}
        </div>

        {posts.isPending ? (
          <div aria-busy="true" className="grid gap-6 sm:grid-cols-2 xl:grid-cols-3">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-80 rounded-2xl" />
            ))}
          </div>
        ) : posts.isError && !posts.data ? (
          <ErrorState title="We couldn't load the blog" error={posts.error} onRetry={() => void posts.refetch()} />
        ) : posts.data.posts.length === 0 ? (
          <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
            <h2 className="text-lg font-semibold text-slate-900">
              {filters.search
                ? `No posts match “${filters.search}”`
                : filtered
                  ? 'No posts with this tag'
                  : 'No posts yet'}
            </h2>
            {filtered && (
              <button type="button" onClick={() => setSearchParams(new URLSearchParams())} className="btn-primary mt-6">
                Clear filters
              </button>
            )}
          </div>
        ) : (
          <>
            <ul
              aria-labelledby="blog-results"
              className={`grid gap-6 transition-opacity sm:grid-cols-2 xl:grid-cols-3 ${posts.isPlaceholderData ? 'opacity-60' : ''}`}
            >
              {posts.data.posts.map((post) => (
                <li key={post.id} className="flex">
                  <PostCard post={post} />
                </li>
              ))}
            </ul>
            <div className="mt-10">
              <Pagination
                currentPage={posts.data.pagination.currentPage}
                totalPages={posts.data.pagination.totalPages}
                hrefFor={hrefFor}
                onNavigate={() => window.scrollTo({ top: 0, behavior: 'smooth' })}
              />
            </div>
          </>
        )}
      </div>
    </>
  );
}

function PostCard({ post }: { post: BlogPostSummary }) {
  return (
    <article
      aria-labelledby={`post-${post.id}`}
      className="flex w-full flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm"
    >
      <ProgramThumbnail src={post.featuredImage} seed={post.slug} label={post.category?.name ?? post.title} />
      <div className="flex flex-1 flex-col gap-3 p-5">
        {post.category && (
          <span className="text-xs font-semibold uppercase tracking-wide text-indigo-600">{post.category.name}</span>
        )}
        <h3 id={`post-${post.id}`} className="text-base font-semibold leading-snug text-slate-900">
          <Link to={`/blog/${encodeURIComponent(post.slug)}`} className="hover:text-indigo-700">
            {post.title}
          </Link>
        </h3>
        {post.excerpt && <p className="line-clamp-3 text-sm text-slate-600">{post.excerpt}</p>}
        <p className="text-sm text-slate-500">
          {post.author.name}
          {post.publishedAt && (
            <>
              {' · '}
              <time dateTime={post.publishedAt.toISOString()}>{formatDay(post.publishedAt)}</time>
            </>
          )}
        </p>
        {post.tags.length > 0 && <TagLinks tags={post.tags} className="mt-auto pt-2" />}
      </div>
    </article>
  );
}

export function TagLinks({ tags, className = '' }: { tags: string[]; className?: string }) {
  return (
    <ul aria-label="Tags" className={`flex flex-wrap gap-2 ${className}`}>
      {tags.map((tag) => (
        <li key={tag}>
          <Link
            to={`/blog?tag=${encodeURIComponent(tag)}`}
            className="inline-block rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-indigo-50 hover:text-indigo-700"
          >
            #{tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
