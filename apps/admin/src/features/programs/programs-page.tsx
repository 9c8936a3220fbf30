import { ErrorState, Pagination, Skeleton, useTRPC } from '@learningpt/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { formatNumber } from '../../lib/format';
import { ProgramsTable } from './programs-table';

const PAGE_SIZE = 20;

function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function ProgramsPage() {
  const [params] = useSearchParams();
  const page = pageFrom(params);
  const trpc = useTRPC();
  const programs = useQuery(
    trpc.programs.list.queryOptions({ page, limit: PAGE_SIZE, sort: 'newest' }, { placeholderData: keepPreviousData }),
  );
  const pagination = programs.data?.pagination;

  return (
    <>
      <PageHeader
        title="Programs"
        // programs.list is the public catalog; drafts and archived programs need admin accounts.
        description={
          pagination
            ? `${formatNumber(pagination.total)} published programs, newest first. Drafts appear once admin sign-in is available.`
            : 'Published programs, newest first.'
        }
      />
      {programs.isPending ? (
        <div aria-busy="true" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : programs.isError && !programs.data ? (
        <ErrorState title="We couldn't load programs" error={programs.error} onRetry={() => void programs.refetch()} />
      ) : programs.data.programs.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center text-slate-600">
          No programs on this page.
        </p>
      ) : (
        <>
          <ProgramsTable programs={programs.data.programs} dimmed={programs.isPlaceholderData} />
          <div className="mt-6 flex flex-col items-center gap-2">
            <Pagination
              currentPage={programs.data.pagination.currentPage}
              totalPages={programs.data.pagination.totalPages}
              hrefFor={(p) => (p > 1 ? `?page=${p}` : '?')}
            />
            <p className="text-xs text-slate-500">
              Page {programs.data.pagination.currentPage} of {Math.max(1, programs.data.pagination.totalPages)}
            </p>
          </div>
        </>
      )}
    </>
  );
}
