import type { AdminCategory } from '@learningpt/schema';
import { errorMessage, ErrorState, FormAlert, Skeleton, useTRPC } from '@learningpt/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { formatNumber } from '../../lib/format';
import { CategoryDialog, type CategoryAction } from './category-dialog';
import { treeOrder, useInvalidateCategories } from './category-tree';
import { actionButton, td, th } from '../../components/table-classes';

const inactiveBadge =
  'ml-2 inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 align-middle text-xs font-medium text-slate-600 ring-1 ring-inset ring-slate-500/20';

export function CategoriesPage() {
  const trpc = useTRPC();
  const invalidate = useInvalidateCategories();
  const list = useQuery(trpc.admin.categories.list.queryOptions());
  const [action, setAction] = useState<CategoryAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = useMemo(() => treeOrder(list.data?.categories ?? []), [list.data]);

  const toggle = useMutation(
    trpc.categories.update.mutationOptions({
      onSuccess: ({ category: c }) => setNotice(`${c.name} ${c.isActive ? 'activated' : 'deactivated'}.`),
      onSettled: invalidate,
    }),
  );
  const setActive = (c: AdminCategory, isActive: boolean) => {
    setNotice(null);
    toggle.mutate({ id: c.id, isActive });
  };

  const open = (a: CategoryAction) => {
    setNotice(null);
    toggle.reset();
    setAction(a);
  };

  return (
    <>
      <PageHeader
        title="Categories"
        description="Every category in catalog order, inactive ones included (the catalog hides them), with the programs filed directly under each, whatever their status."
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
        {toggle.isError && (
          <FormAlert tone="error" className="mb-4">
            {errorMessage(toggle.error)}
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
      ) : rows.length === 0 ? (
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
                <th
                  scope="col"
                  className={`${th} text-right`}
                  title="Programs filed directly under the category, in any status (sub-categories not included)"
                >
                  Direct programs
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
              {rows.map(({ category: c, depth }) => {
                const pending = toggle.isPending && toggle.variables.id === c.id;
                return (
                  <tr key={c.id} className="hover:bg-slate-50">
                    <td className={td}>
                      <span
                        className={`block font-medium ${c.isActive ? 'text-slate-900' : 'text-slate-500'}`}
                        style={{ paddingLeft: `${depth * 1.25}rem` }}
                      >
                        {depth > 0 && (
                          <span aria-hidden="true" className="mr-1 text-slate-400">
                            ↳
                          </span>
                        )}
                        {c.name}
                        {!c.isActive && <span className={inactiveBadge}>Inactive</span>}
                      </span>
                      {c.description && (
                        <span
                          className="block max-w-md truncate text-xs text-slate-500"
                          style={{ paddingLeft: `${depth * 1.25}rem` }}
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
                        className={actionButton}
                        aria-label={`${c.isActive ? 'Deactivate' : 'Activate'} ${c.name}`}
                        disabled={pending}
                        onClick={() => setActive(c, !c.isActive)}
                      >
                        {c.isActive ? 'Deactivate' : 'Activate'}
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
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <CategoryDialog
        action={action}
        categories={rows}
        onClose={() => setAction(null)}
        onDone={(message) => {
          setAction(null);
          setNotice(message);
        }}
      />
    </>
  );
}
