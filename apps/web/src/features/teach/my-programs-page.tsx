import { PROGRAM_STATUSES, type ManagedProgram, type ProgramStatus } from '@learningpt/schema';
import { ErrorState, Pagination, SearchIcon, Skeleton, useTRPC, useUrlDraft } from '@learningpt/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ProgramThumbnail } from '../../components/program-thumbnail';
import { Rating } from '../../components/rating';
import { formatCount, formatDay, plural } from '../../lib/format';
import { ProgramStatusBadge } from './program-status-badge';

const PAGE_SIZE = 10;
const TABS: { status: ProgramStatus | undefined; label: string }[] = [
  { status: undefined, label: 'All' },
  { status: 'published', label: 'Published' },
  { status: 'draft', label: 'Drafts' },
  { status: 'archived', label: 'Archived' },
];

interface Filters {
  status: ProgramStatus | undefined;
  search: string | undefined;
  page: number;
}

/** The list's filters live in the URL (?status=draft&search=react&page=2), so links and Back work. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const rawPage = Number(params.get('page'));
  const filters: Filters = {
    status: PROGRAM_STATUSES.includes(rawStatus as ProgramStatus) ? (rawStatus as ProgramStatus) : undefined,
    search: params.get('search')?.trim().slice(0, 200) || undefined,
    page: Number.isInteger(rawPage) && rawPage >= 1 ? rawPage : 1,
  };
  const hrefFor = (next: Partial<Filters>) => {
    const merged = { ...filters, page: 1, ...next };
    const query = new URLSearchParams();
    if (merged.status) query.set('status', merged.status);
    if (merged.search) query.set('search', merged.search);
    if (merged.page > 1) query.set('page', String(merged.page));
    const text = query.toString();
    return text ? `?${text}` : '?';
  };
  const setSearch = (search: string | undefined) =>
    setParams(new URLSearchParams(hrefFor({ search }).slice(1)), { replace: true });
  return { filters, hrefFor, setSearch };
}

/** /teach/programs: every program of the signed-in instructor, drafts and archived ones included. */
export function MyProgramsPage() {
  const { filters, hrefFor, setSearch } = useFilters();
  const trpc = useTRPC();
  const programs = useQuery(
    trpc.instructors.myPrograms.queryOptions(
      {
        page: filters.page,
        limit: PAGE_SIZE,
        ...(filters.status && { status: filters.status }),
        ...(filters.search && { search: filters.search }),
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const filtered = Boolean(filters.status || filters.search);

  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <title>My programs · LearninGPT</title>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">My programs</h1>
          <p className="mt-1 text-sm text-slate-600">Drafts, published and archived programs you teach.</p>
        </div>
        <Link to="/teach/programs/new" className="btn-primary">
          New program
        </Link>
      </div>

      <div className="mt-8 flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <nav aria-label="Filter by status" className="flex flex-wrap gap-1 rounded-xl bg-slate-100 p-1">
          {TABS.map((tab) => {
            const current = tab.status === filters.status;
            return (
              <Link
                key={tab.label}
                to={hrefFor({ status: tab.status })}
                aria-current={current ? 'page' : undefined}
                className={`rounded-lg px-3 py-1.5 text-sm font-medium transition ${
                  current ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'
                }`}
              >
                {tab.label}
              </Link>
            );
          })}
        </nav>
        <ProgramSearch value={filters.search ?? ''} onSearch={setSearch} />
      </div>

      <div className="mt-6">
        {programs.isPending ? (
          <ul aria-busy="true" aria-label="Loading your programs" className="space-y-3">
            {Array.from({ length: 4 }, (_, i) => (
              <li key={i}>
                <Skeleton className="h-20 rounded-2xl" />
              </li>
            ))}
          </ul>
        ) : programs.isError && !programs.data ? (
          <ErrorState
            title="We couldn't load your programs"
            error={programs.error}
            onRetry={() => void programs.refetch()}
          />
        ) : programs.data.programs.length === 0 ? (
          filtered ? (
            <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
              <h2 className="text-lg font-semibold text-slate-900">
                {filters.search ? `No programs match “${filters.search}”` : 'No programs with this status'}
              </h2>
              <p className="mt-1 text-sm text-slate-600">Try another status or other words.</p>
              <Link to="?" className="btn-secondary mt-6">
                Show all programs
              </Link>
            </div>
          ) : (
            <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
              <h2 className="text-lg font-semibold text-slate-900">You have no programs yet</h2>
              <p className="mt-1 max-w-md text-sm text-slate-600">
                Start with a draft: nobody sees it until you publish it.
              </p>
              <Link to="/teach/programs/new" className="btn-primary mt-6">
                Create your first program
              </Link>
            </div>
          )
        ) : (
          <>
            <p aria-live="polite" className="mb-3 text-sm text-slate-600">
              {plural(programs.data.pagination.total, 'program')}
            </p>
            <ul
              aria-label="Programs"
              aria-busy={programs.isPlaceholderData}
              className={`space-y-3 transition-opacity ${programs.isPlaceholderData ? 'opacity-60' : ''}`}
            >
              {programs.data.programs.map((program) => (
                <li key={program.id}>
                  <ManagedProgramRow program={program} />
                </li>
              ))}
            </ul>
            <div className="mt-6">
              <Pagination
                currentPage={programs.data.pagination.currentPage}
                totalPages={programs.data.pagination.totalPages}
                hrefFor={(page) => hrefFor({ page })}
              />
            </div>
          </>
        )}
      </div>
    </div>
  );
}

function ManagedProgramRow({ program }: { program: ManagedProgram }) {
  const titleId = `managed-${program.id}`;
  return (
    <article
      aria-labelledby={titleId}
      className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center"
    >
      <ProgramThumbnail
        src={program.thumbnail}
        seed={program.slug}
        label={program.title}
        className="h-16 w-full shrink-0 rounded-xl sm:w-28"
      />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={titleId} className="font-semibold text-slate-900">
            <Link to={`/teach/programs/${program.id}`} className="hover:text-indigo-700">
              {program.title}
            </Link>
          </h2>
          <ProgramStatusBadge status={program.status} />
        </div>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-500">
          <span>{program.category}</span>
          <span>{plural(program.lessonsCount, 'lesson')}</span>
          <span>{formatCount(program.enrolledCount)} enrolled</span>
          <Rating rating={program.rating} reviews={program.totalReviews} />
          <span>
            {program.status === 'published' && program.publishedAt
              ? `Published ${formatDay(program.publishedAt)}`
              : `Updated ${formatDay(program.updatedAt)}`}
          </span>
        </p>
      </div>
      <div className="flex shrink-0 gap-2">
        <Link to={`/teach/programs/${program.id}`} className="btn-secondary" aria-label={`Edit ${program.title}`}>
          Edit
        </Link>
        {program.status === 'published' && (
          <Link
            to={`/programs/${encodeURIComponent(program.slug)}`}
            className="btn-secondary"
            aria-label={`View ${program.title}`}
          >
            View
          </Link>
        )}
      </div>
    </article>
  );
}

function ProgramSearch({ value, onSearch }: { value: string; onSearch: (search: string | undefined) => void }) {
  const [draft, setDraft] = useUrlDraft(value, (text) => {
    const search = text.trim().slice(0, 200);
    onSearch(search || undefined);
    return search;
  });
  return (
    <form role="search" onSubmit={(e) => e.preventDefault()} className="relative w-full sm:w-72">
      <label htmlFor="my-programs-search" className="sr-only">
        Search my programs
      </label>
      <SearchIcon className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400" />
      <input
        id="my-programs-search"
        type="search"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        placeholder="Search by title…"
        maxLength={200}
        autoComplete="off"
        className="field-input pl-9"
      />
    </form>
  );
}
