import { APPLICATION_STATUSES } from '@learningpt/schema';
import { ErrorState, FormAlert, Pagination, Skeleton, useTRPC } from '@learningpt/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { StatusTabs } from '../../components/status-tabs';
import { formatNumber } from '../../lib/format';
import { APPLICATION_STATUS_LABELS, ApplicationCard } from './application-card';
import { ApplicationDecisionDialog, type ApplicationDecision } from './application-decision-dialog';
import { APPLICATIONS_PAGE_SIZE, applicationsHref, useApplicationParams } from './applications-params';

const EMPTY = {
  pending: 'No pending applications',
  approved: 'No approved applications yet',
  rejected: 'No rejected applications',
} as const;

export function ApplicationsPage() {
  const { filters, hrefForPage } = useApplicationParams();
  const trpc = useTRPC();
  const list = useQuery(
    trpc.instructors.applications.queryOptions(
      { page: filters.page, limit: APPLICATIONS_PAGE_SIZE, status: filters.status },
      { placeholderData: keepPreviousData },
    ),
  );
  const [decision, setDecision] = useState<ApplicationDecision | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const pagination = list.data?.pagination;

  return (
    <>
      <PageHeader
        title="Instructor applications"
        description={
          filters.status === 'pending'
            ? 'People who asked to teach, newest first. Approving one makes them an instructor at once.'
            : `${APPLICATION_STATUS_LABELS[filters.status]} applications, newest first.`
        }
      />
      <StatusTabs
        label="Application status"
        tabs={APPLICATION_STATUSES.map((status) => ({
          label: APPLICATION_STATUS_LABELS[status],
          href: applicationsHref({ status, page: 1 }),
          active: status === filters.status,
          count: status === filters.status && pagination && !list.isPlaceholderData ? pagination.total : undefined,
        }))}
      />

      <div aria-live="polite">
        {notice && (
          <FormAlert tone={notice.tone} className="mb-4">
            {notice.message}
          </FormAlert>
        )}
      </div>

      {list.isPending ? (
        <div aria-busy="true" className="space-y-3">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="flex gap-4 rounded-2xl border border-slate-200 bg-white p-5">
              <Skeleton className="size-10 rounded-full" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-48" />
                <Skeleton className="h-3 w-64" />
                <Skeleton className="h-3 w-32" />
              </div>
            </div>
          ))}
        </div>
      ) : list.isError && !list.data ? (
        <ErrorState title="We couldn't load applications" error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.applications.length === 0 ? (
        <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <h2 className="text-lg font-semibold text-slate-900">
            {filters.page > 1 ? 'Nothing on this page' : EMPTY[filters.status]}
          </h2>
          {filters.status === 'pending' && filters.page === 1 && (
            <p className="mt-1 text-sm text-slate-600">New applications appear here as people apply to teach.</p>
          )}
        </div>
      ) : (
        <>
          <div className={`space-y-3 transition-opacity ${list.isPlaceholderData ? 'opacity-60' : ''}`}>
            {list.data.applications.map((a) => (
              <ApplicationCard
                key={a.id}
                application={a}
                onDecide={(d) => {
                  setNotice(null);
                  setDecision(d);
                }}
              />
            ))}
          </div>
          <div className="mt-6 flex flex-col items-center gap-2">
            <Pagination
              currentPage={list.data.pagination.currentPage}
              totalPages={list.data.pagination.totalPages}
              hrefFor={hrefForPage}
            />
            <p className="text-xs text-slate-500">
              {formatNumber(list.data.pagination.total)}{' '}
              {list.data.pagination.total === 1 ? 'application' : 'applications'} · page{' '}
              {list.data.pagination.currentPage} of {Math.max(1, list.data.pagination.totalPages)}
            </p>
          </div>
        </>
      )}

      <ApplicationDecisionDialog
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={(message) => {
          setDecision(null);
          setNotice({ tone: 'success', message });
        }}
        onConflict={(message) => {
          setDecision(null);
          setNotice({ tone: 'error', message });
        }}
      />
    </>
  );
}
