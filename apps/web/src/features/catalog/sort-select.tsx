import { PROGRAM_SORTS, type ProgramSort } from '@learningpt/schema';

const SORT_LABELS: Record<ProgramSort, string> = {
  popular: 'Most popular',
  newest: 'Newest',
  'price-low': 'Price: low to high',
  'price-high': 'Price: high to low',
  rating: 'Highest rated',
};

export function SortSelect({ value, onChange }: { value: ProgramSort; onChange: (sort: ProgramSort) => void }) {
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="catalog-sort" className="text-sm text-slate-600">
        Sort by
      </label>
      <select
        id="catalog-sort"
        value={value}
        // The options are exactly PROGRAM_SORTS, so the value is one of them.
        onChange={(e) => onChange(e.target.value as ProgramSort)}
        className="field-input w-auto py-1.5"
      >
        {PROGRAM_SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </option>
        ))}
      </select>
    </div>
  );
}
