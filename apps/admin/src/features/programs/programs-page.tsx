import type { ManagedProgram } from '@learningpt/schema';
import {
  errorMessage,
  ErrorState,
  FormAlert,
  Pagination,
  SearchIcon,
  Skeleton,
  useTRPC,
  useUrlDraft,
} from '@learningpt/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { StatusTabs } from '../../components/status-tabs';
import { formatNumber } from '../../lib/format';
import { ProgramActionDialog, type ProgramAction } from './program-action-dialog';
import { PROGRAM_STATUS_LABELS } from './program-badges';
import { toProgramListInput, useProgramParams, type ProgramFilters } from './programs-params';
import { ProgramsTable } from './programs-table';

const TABS: { label: string; status: ProgramFilters['status'] }[] = [
  { label: 'All', status: undefined },
  { label: 'Published', status: 'published' },
  { label: 'Draft', status: 'draft' },
  { label: 'Archived', status: 'archived' },
  { label: 'Deleted', status: 'deleted' },
];

export function ProgramsPage() {
  const { filters, update, hrefFor } = useProgramParams();
  const trpc = useTRPC();
  const programs = useQuery(
    trpc.admin.programs.list.queryOptions(toProgramListInput(filters), { placeholderData: keepPreviousData }),
  );
  const [search, setSearch] = useUrlDraft(filters.search ?? '', (text) => {
    const value = text.trim().slice(0, 200);
    update({ search: value || undefined }, { replace: true });
    return value;
  });
  const pagination = programs.data?.pagination;
  const queryClient = useQueryClient();
  const [action, setAction] = useState<ProgramAction | null>(null);
  /** The last change, with the program it touched so an archive can be undone. */
  const [notice, setNotice] = useState<{ message: string; archived?: ProgramAction['program'] } | null>(null);
  // The admin list, and the public catalog the dashboard counts.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.admin.programs.pathFilter()),
      queryClient.invalidateQueries(trpc.programs.pathFilter()),
    ]);
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
  const publish = useMutation(
    trpc.programs.setStatus.mutationOptions({
      onSuccess: ({ program }) => setNotice({ message: `${program.title} is published and in the catalog.` }),
      onSettled: refresh,
    }),
  );
  const onFeature = (p: ManagedProgram) => {
    setNotice(null);
    feature.mutate({ id: p.id, featured: !p.featured });
  };
  const onPublish = (p: Pick<ManagedProgram, 'id'>) => {
    setNotice(null);
    publish.mutate({ id: p.id, status: 'published' });
  };
  const busyId = feature.isPending
    ? (feature.variables?.id ?? null)
    : publish.isPending
      ? (publish.variables?.id ?? null)
      : null;
  const what = filters.status ? `${PROGRAM_STATUS_LABELS[filters.status].toLowerCase()} ` : '';

  return (
    <>
      <PageHeader
        title="Programs"
        description={
          pagination
            ? `${formatNumber(pagination.total)} ${filters.search ? 'matching ' : ''}${what}${pagination.total === 1 ? 'program' : 'programs'}, last changed first.`
            : 'Programs in every status, last changed first.'
        }
      />
      <StatusTabs
        label="Program status"
        tabs={TABS.map(({ label, status }) => ({
          label,
          href: hrefFor({ status, page: 1 }),
          active: filters.status === status,
        }))}
      />
      <div role="search" className="mb-5 flex flex-wrap items-end gap-3">
        <div className="relative min-w-64 flex-1">
          <label htmlFor="program-search" className="field-label">
            Search
          </label>
          <SearchIcon className="pointer-events-none absolute bottom-2.5 left-3 size-4 text-slate-400" />
          <input
            id="program-search"
            type="search"
            className="field-input pl-9"
            placeholder="Title, slug or description"
            maxLength={200}
            autoComplete="off"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
      </div>
      <div aria-live="polite">
        {notice && (
          <FormAlert tone="success" className="mb-4">
            {notice.message}
            {notice.archived && (
              <button
                type="button"
                className="ml-2 font-medium underline"
                disabled={publish.isPending}
                onClick={() => onPublish(notice.archived!)}
              >
                {publish.isPending ? 'Publishing…' : 'Publish it again'}
              </button>
            )}
          </FormAlert>
        )}
        {(feature.isError || publish.isError) && (
          <FormAlert tone="error" className="mb-4">
            {errorMessage(feature.error ?? publish.error)}
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
        <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <h2 className="text-lg font-semibold text-slate-900">
            {filters.search
              ? `No ${what}programs match “${filters.search}”`
              : filters.page > 1
                ? 'Nothing on this page'
                : `No ${what}programs`}
          </h2>
          {filters.search && (
            <button type="button" onClick={() => update({ search: undefined })} className="btn-primary mt-6">
              Clear search
            </button>
          )}
        </div>
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
            onPublish={onPublish}
            busyId={busyId}
          />
          <div className="mt-6 flex flex-col items-center gap-2">
            <Pagination
              currentPage={programs.data.pagination.currentPage}
              totalPages={programs.data.pagination.totalPages}
              hrefFor={(page) => hrefFor({ page })}
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
