import type { Category } from '@learningpt/schema';
import { ErrorState, FormAlert, Skeleton, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { formatNumber } from '../../lib/format';
import { CategoryDialog, type CategoryAction } from './category-dialog';

/** Depth of each category in the tree (the list arrives in tree order: parents before children). */
function depths(categories: Category[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of categories) out.set(c.id, c.parentId ? (out.get(c.parentId) ?? -1) + 1 : 0);
  return out;
}

const th = 'whitespace-nowrap px-3 py-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-500';
const td = 'px-3 py-3 align-top';
const actionButton = 'rounded-md px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50';

export function CategoriesPage() {
  const trpc = useTRPC();
  const list = useQuery(trpc.categories.list.queryOptions());
  const [action, setAction] = useState<CategoryAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const categories = list.data?.categories ?? [];
  const depth = depths(categories);

  const open = (a: CategoryAction) => {
    setNotice(null);
    setAction(a);
  };

  return (
    <>
      <PageHeader
        title="Categories"
        // categories.list is the public tree: inactive categories are not returned by the API yet.
        description="Active categories in catalog order, with their published programs (sub-categories included)."
        actions={
          <button type="button" className="btn-primary" onClick={() => open({ kind: 'create' })}>
            New category
          </button>
        }
      />
      <div aria-live="polite">
        {notice && (
          <FormAlert tone="success" className="mb-4">
            {notice}
          </FormAlert>
        )}
      </div>
      {list.isPending ? (
        <div aria-busy="true" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <ErrorState title="We couldn't load categories" error={list.error} onRetry={() => void list.refetch()} />
      ) : categories.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center text-slate-600">
          No categories yet. Create the first one.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Categories</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>
                  Category
                </th>
                <th scope="col" className={th}>
                  Slug
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Programs
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Order
                </th>
                <th scope="col" className={`${th} text-right`}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {categories.map((c) => (
                <tr key={c.id} className="hover:bg-slate-50">
                  <td className={td}>
                    <span
                      className="block font-medium text-slate-900"
                      style={{ paddingLeft: `${(depth.get(c.id) ?? 0) * 1.25}rem` }}
                    >
                      {(depth.get(c.id) ?? 0) > 0 && (
                        <span aria-hidden="true" className="mr-1 text-slate-400">
                          ↳
                        </span>
                      )}
                      {c.name}
                    </span>
                    {c.description && (
                      <span
                        className="block max-w-md truncate text-xs text-slate-500"
                        style={{ paddingLeft: `${(depth.get(c.id) ?? 0) * 1.25}rem` }}
                      >
                        {c.description}
                      </span>
                    )}
                  </td>
                  <td className={`${td} font-mono text-xs text-slate-500`}>{c.slug}</td>
                  <td className={`${td} text-right tabular-nums text-slate-700`}>{formatNumber(c.programCount)}</td>
                  <td className={`${td} text-right tabular-nums text-slate-500`}>{c.sortOrder}</td>
                  <td className={`${td} whitespace-nowrap text-right`}>
                    <button
                      type="button"
                      className={actionButton}
                      aria-label={`Edit ${c.name}`}
                      onClick={() => open({ kind: 'edit', category: c })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className={`${actionButton} !text-red-600 hover:!bg-red-50`}
                      aria-label={`Delete ${c.name}`}
                      onClick={() => open({ kind: 'delete', category: c })}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CategoryDialog
        action={action}
        categories={categories}
        onClose={() => setAction(null)}
        onDone={(message) => {
          setAction(null);
          setNotice(message);
        }}
      />
    </>
  );
}
