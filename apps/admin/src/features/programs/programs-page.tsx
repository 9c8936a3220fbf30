import type { ProgramSummary } from '@learningpt/schema';
import { errorMessage, ErrorState, FormAlert, Pagination, Skeleton, useTRPC } from '@learningpt/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { formatNumber } from '../../lib/format';
import { ProgramActionDialog, type ProgramAction } from './program-action-dialog';
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
  const queryClient = useQueryClient();
  const [action, setAction] = useState<ProgramAction | null>(null);
  /** The last change, with the program it touched so an archive can be undone. */
  const [notice, setNotice] = useState<{ message: string; archived?: ProgramAction['program'] } | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.programs.pathFilter());
  const feature = useMutation(
    trpc.admin.programs.feature.mutationOptions({
      onSuccess: ({ program }) =>
        setNotice({
          message: program.featured
            ? `${program.title} is now featured on the home page.`
            : `${program.title} is no longer featured.`,
        }),
      onSettled: refresh,
    }),
  );
  const republish = useMutation(
    trpc.programs.setStatus.mutationOptions({
      onSuccess: ({ program }) => setNotice({ message: `${program.title} is published again.` }),
      onSettled: refresh,
    }),
  );
  const onFeature = (p: ProgramSummary) => {
    setNotice(null);
    feature.mutate({ id: p.id, featured: !p.featured });
  };

  return (
    <>
      <PageHeader
        title="Programs"
        // programs.list is the public catalog: the API has no admin listing with drafts, archived
        // and deleted programs yet, so only published ones can be shown (and acted on) here.
        description={
          pagination
            ? `${formatNumber(pagination.total)} published programs, newest first. Drafts and archived programs are not listed yet.`
            : 'Published programs, newest first.'
        }
      />
      <div aria-live="polite">
        {notice && (
          <FormAlert tone="success" className="mb-4">
            {notice.message}
            {notice.archived && (
              <button
                type="button"
                className="ml-2 font-medium underline"
                disabled={republish.isPending}
                onClick={() => republish.mutate({ id: notice.archived!.id, status: 'published' })}
              >
                {republish.isPending ? 'Publishing…' : 'Publish it again'}
              </button>
            )}
          </FormAlert>
        )}
        {(feature.isError || republish.isError) && (
          <FormAlert tone="error" className="mb-4">
            {errorMessage(feature.error ?? republish.error)}
          </FormAlert>
        )}
      </div>
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
          <ProgramsTable
            programs={programs.data.programs}
            dimmed={programs.isPlaceholderData}
            onAction={(a) => {
              setNotice(null);
              setAction(a);
            }}
            onFeature={onFeature}
            featuringId={feature.isPending ? (feature.variables?.id ?? null) : null}
          />
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
      <ProgramActionDialog
        action={action}
        onClose={() => setAction(null)}
        onDone={(done) => {
          setAction(null);
          setNotice(
            done.kind === 'archive'
              ? { message: `${done.program.title} is archived and has left the catalog.`, archived: done.program }
              : { message: `${done.program.title} has been deleted.` },
          );
        }}
      />
    </>
  );
}
