import { ErrorState, Skeleton, trpcErrorCode, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Avatar } from '../../components/avatar';
import { formatDay } from '../../lib/format';
import { TagLinks } from './blog-page';

/** /blog/:slug: one published post. */
export function BlogPostPage() {
  const { slug = '' } = useParams();
  const trpc = useTRPC();
  // Each read counts a view on the server: no refetch when the window regains focus.
  const query = useQuery(trpc.blog.bySlug.queryOptions({ slug }, { refetchOnWindowFocus: false, staleTime: Infinity }));

  if (query.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading post" className="mx-auto max-w-3xl space-y-4 px-4 py-12 sm:px-6">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-10 w-4/5" />
        <Skeleton className="h-4 w-1/3" />
        <Skeleton className="h-64 w-full rounded-2xl" />
      </div>
    );
  }
  if (query.isError) {
    if (trpcErrorCode(query.error) === 'NOT_FOUND') {
      return (
        <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
          <title>Post not found · LearninGPT</title>
          <p className="text-sm font-semibold uppercase tracking-widest text-indigo-600">404</p>
          <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">Post not found</h1>
          <p className="mt-3 text-slate-600">This post does not exist or is no longer published.</p>
          <Link to="/blog" className="btn-primary mt-8">
            Back to the blog
          </Link>
        </div>
      );
    }
    return (
      <div className="px-4 py-16">
        <ErrorState title="We couldn't load this post" error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }

  const { post } = query.data;
  return (
    <article className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
      <title>{`${post.metaTitle ?? post.title} · LearninGPT`}</title>
      {post.metaDescription && <meta name="description" content={post.metaDescription} />}
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link to="/blog" className="hover:text-indigo-700">
          Blog
        </Link>
        {post.category && <span> / {post.category.name}</span>}
      </nav>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{post.title}</h1>
      <div className="mt-4 flex items-center gap-3 text-sm text-slate-600">
        <Avatar name={post.author.name} src={post.author.avatar} />
        <span className="font-medium text-slate-800">{post.author.name}</span>
        {post.publishedAt && (
          <time dateTime={post.publishedAt.toISOString()} className="text-slate-500">
            {formatDay(post.publishedAt)}
          </time>
        )}
      </div>
      {post.featuredImage && (
        <img src={post.featuredImage} alt="" className="mt-8 aspect-video w-full rounded-2xl object-cover" />
      )}
      {/* The body is HTML written by instructors and admins; the server sanitises it (allow-listed
          tags, no scripts, no event handlers) before it is stored, so it is safe to render as is. */}
      <div className="rich-text mt-8" dangerouslySetInnerHTML={{ __html: post.content }} />
      {post.tags.length > 0 && <TagLinks tags={post.tags} className="mt-10 border-t border-slate-200 pt-6" />}
    </article>
  );
}
