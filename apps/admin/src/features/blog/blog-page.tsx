import { POST_STATUSES, type BlogPostSummary, type PostStatus } from '@learningpt/schema';
import {
  Dialog,
  ErrorState,
  errorMessage,
  FormAlert,
  Pagination,
  SearchIcon,
  Skeleton,
  useTRPC,
  useUrlDraft,
} from '@learningpt/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Badge, type TONES } from '../../components/badge';
import { useListParams } from '../../components/list-params';
import { PageHeader } from '../../components/page-header';
import { StatusTabs } from '../../components/status-tabs';
import { actionButton, td, th } from '../../components/table-classes';
import { formatDate, formatNumber } from '../../lib/format';
import { WEB_URL } from '../../lib/links';

const PAGE_SIZE = 20;

export const POST_STATUS_LABELS: Record<PostStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  archived: 'Archived',
};
const POST_TONES: Record<PostStatus, keyof typeof TONES> = { draft: 'amber', published: 'emerald', archived: 'slate' };

const TABS: { label: string; status: PostStatus | undefined }[] = [
  { label: 'All', status: undefined },
  ...POST_STATUSES.map((status) => ({ label: POST_STATUS_LABELS[status], status })),
];

export function BlogPage() {
  const { filters, update, hrefFor, clear } = useListParams(POST_STATUSES);
  const trpc = useTRPC();
  const location = useLocation();
  const posts = useQuery(
    trpc.blog.manage.queryOptions(
      {
        page: filters.page,
        limit: PAGE_SIZE,
        ...(filters.status && { status: filters.status }),
        ...(filters.search && { search: filters.search }),
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const [search, setSearch] = useUrlDraft(filters.search ?? '', (text) => {
    const value = text.trim().slice(0, 200);
    update({ search: value || undefined }, { replace: true });
    return value;
  });
  const [deleting, setDeleting] = useState<BlogPostSummary | null>(null);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const filtered = Boolean(filters.search || filters.status);
  const total = posts.data?.pagination.total;

  return (
    <>
      <PageHeader
        title="Blog"
        description={
          total !== undefined
            ? `${formatNumber(total)} ${filtered ? 'matching ' : ''}${total === 1 ? 'post' : 'posts'} by every author, last changed first.`
            : 'Posts by every author, in every status.'
        }
        actions={
          <Link to="/blog/new" className="btn-primary">
            New post
          </Link>
        }
      />
      <StatusTabs
        label="Post status"
        tabs={TABS.map(({ label, status }) => ({
          label,
          href: hrefFor({ status, page: 1 }),
          active: filters.status === status,
          count: filters.status === status ? total : undefined,
        }))}
      />
      <div role="search" className="mb-5 flex flex-wrap items-end gap-3">
        <div className="relative min-w-64 flex-1">
          <label htmlFor="post-search" className="field-label">
            Search
          </label>
          <SearchIcon className="pointer-events-none absolute bottom-2.5 left-3 size-4 text-slate-400" />
          <input
            id="post-search"
            type="search"
            className="field-input pl-9"
            placeholder="Title or excerpt"
            maxLength={200}
            autoComplete="off"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        {filtered && (
          <button type="button" className="btn-secondary" onClick={clear}>
            Clear filters
          </button>
        )}
      </div>

      <div aria-live="polite">
        {notice && (
          <FormAlert tone="success" className="mb-4">
            {notice}
          </FormAlert>
        )}
      </div>

      {posts.isPending ? (
        <div aria-busy="true" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : posts.isError && !posts.data ? (
        <ErrorState title="We couldn't load posts" error={posts.error} onRetry={() => void posts.refetch()} />
      ) : posts.data.posts.length === 0 ? (
        <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <h2 className="text-lg font-semibold text-slate-900">
            {filters.search
              ? `No posts match “${filters.search}”`
              : filtered
                ? 'No posts with this status'
                : filters.page > 1
                  ? 'Nothing on this page'
                  : 'No posts yet'}
          </h2>
          {filtered ? (
            <button type="button" onClick={clear} className="btn-primary mt-6">
              Clear filters
            </button>
          ) : (
            <Link to="/blog/new" className="btn-primary mt-6">
              Write the first post
            </Link>
          )}
        </div>
      ) : (
        <>
          <div
            className={`overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm transition-opacity ${posts.isPlaceholderData ? 'opacity-60' : ''}`}
          >
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Blog posts</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>
                    Post
                  </th>
                  <th scope="col" className={th}>
                    Author
                  </th>
                  <th scope="col" className={th}>
                    Status
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Views
                  </th>
                  <th scope="col" className={th}>
                    Changed
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Actions
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {posts.data.posts.map((p) => (
                  <tr key={p.id} className="hover:bg-slate-50">
                    <td className={`${td} min-w-64 max-w-md`}>
                      <span className="block font-medium text-slate-900">{p.title}</span>
                      <span className="block truncate text-slate-500">
                        /{p.slug}
                        {p.tags.length > 0 && ` · ${p.tags.join(', ')}`}
                      </span>
                    </td>
                    <td className={`${td} whitespace-nowrap text-slate-700`}>{p.author.name}</td>
                    <td className={td}>
                      <Badge tone={POST_TONES[p.status]}>{POST_STATUS_LABELS[p.status]}</Badge>
                    </td>
                    <td className={`${td} text-right tabular-nums text-slate-700`}>{formatNumber(p.viewCount)}</td>
                    <td className={`${td} whitespace-nowrap text-slate-500`}>{formatDate(p.updatedAt)}</td>
                    <td className={`${td} whitespace-nowrap text-right`}>
                      {p.status === 'published' && (
                        <a
                          href={`${WEB_URL}/blog/${encodeURIComponent(p.slug)}`}
                          target="_blank"
                          rel="noreferrer"
                          className={actionButton}
                          aria-label={`View ${p.title} on the site`}
                        >
                          View
                        </a>
                      )}
                      <Link to={`/blog/${p.id}/edit`} className={actionButton} aria-label={`Edit ${p.title}`}>
                        Edit
                      </Link>
                      <button
                        type="button"
                        className={`${actionButton} text-red-600 hover:bg-red-50`}
                        aria-label={`Delete ${p.title}`}
                        onClick={() => {
                          setNotice(null);
                          setDeleting(p);
                        }}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-6 flex flex-col items-center gap-2">
            <Pagination
              currentPage={posts.data.pagination.currentPage}
              totalPages={posts.data.pagination.totalPages}
              hrefFor={(page) => hrefFor({ page })}
            />
            <p className="text-xs text-slate-500">
              Page {posts.data.pagination.currentPage} of {Math.max(1, posts.data.pagination.totalPages)}
            </p>
          </div>
        </>
      )}

      <DeletePostDialog
        post={deleting}
        onClose={() => setDeleting(null)}
        onDone={(message) => {
          setDeleting(null);
          setNotice(message);
        }}
      />
    </>
  );
}

function DeletePostDialog({
  post,
  onClose,
  onDone,
}: {
  post: BlogPostSummary | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.blog.delete.mutationOptions({
      onSuccess: (data) => onDone(data.message),
      onSettled: () => queryClient.invalidateQueries(trpc.blog.pathFilter()),
    }),
  );
  return (
    <Dialog
      open={post !== null}
      title="Delete post"
      onClose={() => {
        remove.reset();
        onClose();
      }}
      busy={remove.isPending}
    >
      {post && (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            <strong className="font-medium text-slate-900">{post.title}</strong> will be removed for good, with its
            link. To take it off the site but keep it, archive it instead.
          </p>
          {remove.isError && <FormAlert tone="error">{errorMessage(remove.error)}</FormAlert>}
          <div className="flex justify-end gap-3 pt-2">
            <button
              type="button"
              className="btn-secondary"
              onClick={() => {
                remove.reset();
                onClose();
              }}
              disabled={remove.isPending}
            >
              Cancel
            </button>
            <button
              type="button"
              className="btn-primary !bg-red-600 hover:!bg-red-500"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id: post.id })}
            >
              {remove.isPending ? 'Deleting…' : 'Delete post'}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
