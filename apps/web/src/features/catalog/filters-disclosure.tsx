import { useState, type ReactNode } from 'react';

/**
 * On small screens the filters would push the results a screen down: they fold behind a button
 * there. From `lg` up they are always shown beside the results.
 */
export function FiltersDisclosure({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls="catalog-filters"
        className="btn-secondary w-full lg:hidden"
      >
        {open ? 'Hide filters' : 'Show filters'}
        {activeCount > 0 && (
          <span className="rounded-full bg-indigo-600 px-2 py-0.5 text-xs font-semibold text-white">{activeCount}</span>
        )}
      </button>
      <div id="catalog-filters" className={`${open ? 'mt-4 block' : 'hidden'} lg:mt-0 lg:block`}>
        {children}
      </div>
    </>
  );
}
