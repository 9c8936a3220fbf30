import { SearchIcon } from '@learningpt/ui';

interface CatalogEmptyProps {
  search?: string | undefined;
  /** Whether any filter is set; without one, the catalog itself is empty and there is nothing to clear. */
  filtered: boolean;
  onClear: () => void;
}

export function CatalogEmpty({ search, filtered, onClear }: CatalogEmptyProps) {
  if (!filtered) {
    return (
      <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
        <h2 className="text-lg font-semibold text-slate-900">No programs yet</h2>
        <p className="mt-1 max-w-sm text-sm text-slate-600">Programs appear here as soon as they are published.</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-slate-100 text-slate-500">
        <SearchIcon className="size-6" />
      </span>
      <h2 className="mt-4 text-lg font-semibold text-slate-900">
        {search ? `No programs match “${search}”` : 'No programs match these filters'}
      </h2>
      <p className="mt-1 max-w-sm text-sm text-slate-600">Try other words, another category or a wider price range.</p>
      <button type="button" onClick={onClear} className="btn-primary mt-6">
        Clear filters
      </button>
    </div>
  );
}
