import type { Testimonial } from '@learningpt/schema';
import { ErrorState, errorMessage, FormAlert, Pagination, Skeleton, StarIcon, useTRPC } from '@learningpt/ui';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '../../components/badge';
import { useListParams } from '../../components/list-params';
import { PageHeader } from '../../components/page-header';
import { StatusTabs } from '../../components/status-tabs';
import { actionButton, td, th } from '../../components/table-classes';
import { formatDate, formatNumber } from '../../lib/format';
import { TestimonialDialog, useRefreshTestimonials, type TestimonialAction } from './testimonial-dialog';

const PAGE_SIZE = 20;
/** ?status=approved|rejected|all; no status is the moderation queue (pending). */
const TAB_VALUES = ['approved', 'rejected', 'all'] as const;
type Tab = 'pending' | (typeof TAB_VALUES)[number];

const TABS: { label: string; value: Tab }[] = [
  { label: 'Pending', value: 'pending' },
  { label: 'Approved', value: 'approved' },
  { label: 'Rejected', value: 'rejected' },
  { label: 'All', value: 'all' },
];

const STATUS_BADGES = {
  pending: <Badge tone="amber">Pending</Badge>,
  approved: <Badge tone="emerald">Approved</Badge>,
  rejected: <Badge tone="red">Rejected</Badge>,
} as const;

export function TestimonialsPage() {
  const { filters, hrefFor } = useListParams(TAB_VALUES);
  const tab: Tab = filters.status ?? 'pending';
  const trpc = useTRPC();
  const list = useQuery(
    trpc.testimonials.manage.queryOptions(
      { page: filters.page, limit: PAGE_SIZE, ...(tab !== 'all' && { status: tab }) },
      { placeholderData: keepPreviousData },
    ),
  );
  const refresh = useRefreshTestimonials();
  const [action, setAction] = useState<TestimonialAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const feature = useMutation(
    trpc.testimonials.moderate.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: ({ testimonial: t }) =>
        setNotice(
          t.featured
            ? `The testimonial of ${t.authorName} is featured.`
            : `The testimonial of ${t.authorName} is no longer featured.`,
        ),
      onSettled: refresh,
    }),
  );
  const total = list.data?.pagination.total;

  return (
    <>
      <PageHeader
        title="Testimonials"
        description="What learners say. Only approved testimonials are public; featured ones come first."
      />
      <StatusTabs
        label="Testimonial status"
        tabs={TABS.map(({ label, value }) => ({
          label,
          href: hrefFor({ status: value === 'pending' ? undefined : value, page: 1 }),
          active: tab === value,
          count: tab === value ? total : undefined,
        }))}
      />
      <div aria-live="polite">
        {notice && (
          <FormAlert tone="success" className="mb-4">
            {notice}
          </FormAlert>
        )}
        {feature.isError && (
          <FormAlert tone="error" className="mb-4">
            {errorMessage(feature.error)}
          </FormAlert>
        )}
      </div>

      {list.isPending ? (
        <div aria-busy="true" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-14 w-full" />
          ))}
        </div>
      ) : list.isError && !list.data ? (
        <ErrorState title="We couldn't load testimonials" error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.testimonials.length === 0 ? (
        <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <h2 className="text-lg font-semibold text-slate-900">
            {filters.page > 1
              ? 'Nothing on this page'
              : tab === 'pending'
                ? 'Nothing waiting for moderation'
                : tab === 'all'
                  ? 'No testimonials yet'
                  : `No ${tab} testimonials`}
          </h2>
        </div>
      ) : (
        <>
          <div
            className={`overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm transition-opacity ${list.isPlaceholderData ? 'opacity-60' : ''}`}
          >
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Testimonials</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>
                    Author
                  </th>
                  <th scope="col" className={th}>
                    Testimonial
                  </th>
                  <th scope="col" className={th}>
                    Status
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Actions
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.data.testimonials.map((t) => (
                  <TestimonialRow
                    key={t.id}
                    t={t}
                    busy={feature.isPending}
                    onAction={(kind) => {
                      setNotice(null);
                      setAction({ kind, testimonial: t });
                    }}
                    onFeature={(featured) => feature.mutate({ id: t.id, featured })}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-6 flex flex-col items-center gap-2">
            <Pagination
              currentPage={list.data.pagination.currentPage}
              totalPages={list.data.pagination.totalPages}
              hrefFor={(page) => hrefFor({ page })}
            />
            <p className="text-xs text-slate-500">
              {formatNumber(list.data.pagination.total)} in all · page {list.data.pagination.currentPage} of{' '}
              {Math.max(1, list.data.pagination.totalPages)}
            </p>
          </div>
        </>
      )}

      <TestimonialDialog
        action={action}
        onClose={() => setAction(null)}
        onDone={(message) => {
          setAction(null);
          setNotice(message);
        }}
      />
    </>
  );
}

function TestimonialRow({
  t,
  busy,
  onAction,
  onFeature,
}: {
  t: Testimonial;
  busy: boolean;
  onAction: (kind: TestimonialAction['kind']) => void;
  onFeature: (featured: boolean) => void;
}) {
  const who = t.title ? `“${t.title}” by ${t.authorName}` : `the testimonial of ${t.authorName}`;
  return (
    <tr className="hover:bg-slate-50">
      <td className={`${td} min-w-44`}>
        <span className="block font-medium text-slate-900">{t.authorName}</span>
        {t.authorTitle && <span className="block text-slate-500">{t.authorTitle}</span>}
        <span className="block text-xs text-slate-500">{formatDate(t.createdAt)}</span>
      </td>
      <td className={`${td} min-w-72 max-w-xl text-slate-700`}>
        <span role="img" className="flex items-center gap-0.5 text-amber-500" aria-label={`${t.rating} out of 5`}>
          {Array.from({ length: 5 }, (_, i) => (
            <StarIcon key={i} className={`size-4 ${i < t.rating ? '' : 'text-slate-200'}`} aria-hidden="true" />
          ))}
        </span>
        {t.title && <span className="mt-1 block font-medium text-slate-900">{t.title}</span>}
        <span className="mt-0.5 block whitespace-pre-line">{t.content}</span>
        {t.program && <span className="mt-1 block text-xs text-slate-500">About {t.program.title}</span>}
      </td>
      <td className={td}>
        <span className="flex flex-col items-start gap-1">
          {STATUS_BADGES[t.status]}
          {t.featured && <Badge tone="violet">Featured</Badge>}
        </span>
      </td>
      <td className={`${td} whitespace-nowrap text-right`}>
        {t.status !== 'approved' && (
          <button
            type="button"
            className={actionButton}
            aria-label={`Approve ${who}`}
            onClick={() => onAction('approve')}
          >
            Approve
          </button>
        )}
        {t.status !== 'rejected' && (
          <button
            type="button"
            className={`${actionButton} text-red-600 hover:bg-red-50`}
            aria-label={`Reject ${who}`}
            onClick={() => onAction('reject')}
          >
            Reject
          </button>
        )}
        {t.status === 'approved' && (
          <button
            type="button"
            className={actionButton}
            disabled={busy}
            aria-label={`${t.featured ? 'Unfeature' : 'Feature'} ${who}`}
            onClick={() => onFeature(!t.featured)}
          >
            {t.featured ? 'Unfeature' : 'Feature'}
          </button>
        )}
        <button
          type="button"
          className={`${actionButton} text-red-600 hover:bg-red-50`}
          aria-label={`Delete ${who}`}
          onClick={() => onAction('delete')}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}
