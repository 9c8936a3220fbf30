import { ErrorState, Pagination, useTRPC } from '@learningpt/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { plural } from '../../lib/format';
import { CatalogEmpty } from './catalog-empty';
import { CatalogFiltersPanel } from './catalog-filters';
import {
  activeFilterCount,
  CATALOG_PAGE_SIZE,
  hasActiveFilters,
  toListInput,
  useCatalogParams,
} from './catalog-params';
import { FiltersDisclosure } from './filters-disclosure';
import { ProgramCard } from './program-card';
import { ProgramCardSkeleton } from './program-card-skeleton';
import { SearchBox } from './search-box';
import { SortSelect } from './sort-select';

export function CatalogPage() {
  const { filters, update, clear, hrefForPage } = useCatalogParams();
  const trpc = useTRPC();
  // keepPreviousData: while a new filter loads, the old results stay (dimmed) instead of flashing skeletons.
  const programs = useQuery(
    trpc.programs.list.queryOptions(toListInput(filters), { placeholderData: keepPreviousData }),
  );
  const canClear = hasActiveFilters(filters);
  const pagination = programs.data?.pagination;

  return (
    <>
      <title>Programs · LearninGPT</title>
      <section className="border-b border-slate-200 bg-gradient-to-b from-indigo-50/80 to-slate-50">
        <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Explore programs</h1>
          <p className="mt-2 max-w-2xl text-slate-600">
            Certification prep with an AI tutor, documentation and an exam simulator: pick a program and start learning.
          </p>
          <div className="mt-6 max-w-2xl">
            <SearchBox value={filters.search ?? ''} onSearch={(search) => update({ search }, { replace: true })} />
          </div>
        </div>
      </section>

      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-8 sm:px-6 lg:grid-cols-[16rem_1fr] lg:px-8">
        <aside aria-label="Filters" className="lg:sticky lg:top-24 lg:self-start">
          <FiltersDisclosure activeCount={activeFilterCount(filters)}>
            <CatalogFiltersPanel
              filters={filters}
              onChange={(patch) => update(patch)}
              onClear={clear}
              canClear={canClear}
            />
          </FiltersDisclosure>
        </aside>

        <section aria-labelledby="results-heading" className="min-w-0">
          <div className="mb-5 flex flex-wrap items-center justify-between gap-3">
            <h2 id="results-heading" aria-live="polite" className="text-sm font-medium text-slate-600">
              {pagination ? plural(pagination.total, 'program') : programs.isError ? 'Programs' : 'Loading programs…'}
            </h2>
            <SortSelect value={filters.sort} onChange={(sort) => update({ sort })} />
          </div>

          {programs.isPending ? (
            <div aria-busy="true" className="grid gap-6 sm:grid-cols-2 xl:grid-cols-3">
              {Array.from({ length: 6 }, (_, i) => (
                <ProgramCardSkeleton key={i} />
              ))}
            </div>
          ) : programs.isError && !programs.data ? (
            <ErrorState
              title="We couldn't load programs"
              error={programs.error}
              onRetry={() => void programs.refetch()}
            />
          ) : programs.data.programs.length === 0 ? (
            <CatalogEmpty search={filters.search} filtered={canClear} onClear={clear} />
          ) : (
            <>
              <ul
                aria-busy={programs.isPlaceholderData}
                className={`grid gap-6 transition-opacity sm:grid-cols-2 xl:grid-cols-3 ${programs.isPlaceholderData ? 'opacity-60' : ''}`}
              >
                {programs.data.programs.map((program) => (
                  <li key={program.id} className="flex">
                    <ProgramCard program={program} />
                  </li>
                ))}
              </ul>
              {programs.data.pagination.totalPages > 1 && (
                <div className="mt-10 flex flex-col items-center gap-3">
                  <Pagination
                    currentPage={programs.data.pagination.currentPage}
                    totalPages={programs.data.pagination.totalPages}
                    hrefFor={hrefForPage}
                    onNavigate={() => window.scrollTo({ top: 0, behavior: 'smooth' })}
                  />
                  <p className="text-xs text-slate-500">
                    Page {programs.data.pagination.currentPage} of {programs.data.pagination.totalPages} ·{' '}
                    {CATALOG_PAGE_SIZE} per page
                  </p>
                </div>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}
