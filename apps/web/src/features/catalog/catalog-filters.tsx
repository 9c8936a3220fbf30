import { PROGRAM_LEVELS, type ProgramLevel } from '@learningpt/schema';
import { useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { LEVEL_LABELS } from '../../lib/format';
import { categoryOptions } from './category-options';
import type { CatalogFilters, FilterPatch } from './catalog-params';
import { PriceRangeFilter } from './price-range-filter';

interface CatalogFiltersProps {
  filters: CatalogFilters;
  onChange: (patch: FilterPatch) => void;
  onClear: () => void;
  canClear: boolean;
}

export function CatalogFiltersPanel({ filters, onChange, onClear, canClear }: CatalogFiltersProps) {
  return (
    <div className="space-y-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Filters</h2>
        {canClear && (
          <button type="button" onClick={onClear} className="text-sm font-medium text-indigo-600 hover:text-indigo-800">
            Clear all
          </button>
        )}
      </div>
      <CategorySelect value={filters.category} onChange={(category) => onChange({ category })} />
      <LevelFilter value={filters.level} onChange={(level) => onChange({ level })} />
      <PriceRangeFilter
        key={`${filters.priceMin ?? ''}-${filters.priceMax ?? ''}`}
        min={filters.priceMin}
        max={filters.priceMax}
        onApply={(priceMin, priceMax) => onChange({ priceMin, priceMax })}
      />
    </div>
  );
}

const INDENT = '\u00a0\u00a0\u00a0\u00a0';

function CategorySelect({ value, onChange }: { value?: string | undefined; onChange: (slug?: string) => void }) {
  const trpc = useTRPC();
  const categories = useQuery(trpc.categories.list.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const options = useMemo(() => categoryOptions(categories.data?.categories ?? []), [categories.data]);
  // Keep a category from the URL selectable while the list loads (or if it is unknown).
  const unknown = value !== undefined && !options.some((o) => o.slug === value);

  return (
    <div>
      <label htmlFor="filter-category" className="field-label">
        Category
      </label>
      <select
        id="filter-category"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
        className="field-input"
      >
        <option value="">All categories</option>
        {unknown && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.slug} value={o.slug}>
            {INDENT.repeat(o.depth)}
            {o.name} ({o.programCount})
          </option>
        ))}
      </select>
      {categories.isError && (
        <p className="mt-1 text-xs text-red-600">
          Categories could not be loaded.{' '}
          <button type="button" className="underline" onClick={() => void categories.refetch()}>
            Retry
          </button>
        </p>
      )}
    </div>
  );
}

function LevelFilter({
  value,
  onChange,
}: {
  value?: ProgramLevel | undefined;
  onChange: (level?: ProgramLevel) => void;
}) {
  const choices: { value: ProgramLevel | undefined; label: string }[] = [
    { value: undefined, label: 'Any level' },
    ...PROGRAM_LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] })),
  ];
  return (
    <fieldset>
      <legend className="field-label">Level</legend>
      <div className="space-y-1">
        {choices.map((choice) => (
          <label
            key={choice.label}
            className="flex cursor-pointer items-center gap-3 rounded-lg px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-50 has-[:checked]:bg-indigo-50 has-[:checked]:font-medium has-[:checked]:text-indigo-700"
          >
            <input
              type="radio"
              name="level"
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              className="size-4 accent-indigo-600"
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
