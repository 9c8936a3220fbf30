import type { Faq } from '@learningpt/schema';
import {
  ChevronLeftIcon,
  ChevronRightIcon,
  ErrorState,
  errorMessage,
  FormAlert,
  Skeleton,
  useTRPC,
} from '@learningpt/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '../../components/badge';
import { PageHeader } from '../../components/page-header';
import { actionButton } from '../../components/table-classes';
import { FaqDialog, useRefreshFaqs, type FaqAction } from './faq-dialog';

interface FaqGroup {
  /** As the first FAQ of the group spells it; null: uncategorised. */
  category: string | null;
  faqs: Faq[];
}

/** The server's order (category, then sortOrder) grouped by category, matched without case as the server does. */
export function groupFaqs(faqs: Faq[]): FaqGroup[] {
  const groups = new Map<string, FaqGroup>();
  for (const f of faqs) {
    const key = f.category === null ? '\u0000none' : f.category.toLowerCase();
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { category: f.category, faqs: [] }));
    g.faqs.push(f);
  }
  return [...groups.values()];
}

/** The ids of a group with the FAQ at `index` swapped with its neighbour (`by` = -1 up, +1 down). */
export function moved(ids: string[], index: number, by: -1 | 1): string[] {
  const out = [...ids];
  const other = index + by;
  if (other < 0 || other >= out.length) return out;
  [out[index], out[other]] = [out[other]!, out[index]!];
  return out;
}

export function FaqsPage() {
  const trpc = useTRPC();
  const faqs = useQuery(trpc.faqs.manage.queryOptions({}));
  const refresh = useRefreshFaqs();
  const [action, setAction] = useState<FaqAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reorder = useMutation(
    trpc.faqs.reorder.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: () => setNotice('Order saved.'),
      onSettled: refresh,
    }),
  );
  const setStatus = useMutation(
    trpc.faqs.update.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: ({ faq }) =>
        setNotice(faq.status === 'published' ? 'FAQ published: it shows on the FAQ page.' : 'FAQ moved to drafts.'),
      onSettled: refresh,
    }),
  );
  const groups = faqs.data ? groupFaqs(faqs.data.faqs) : [];
  const busy = reorder.isPending || setStatus.isPending;
  const failed = reorder.error ?? setStatus.error;

  return (
    <>
      <PageHeader
        title="FAQs"
        description="By category (alphabetical, uncategorised last), in the order the FAQ page shows them."
        actions={
          <button
            type="button"
            className="btn-primary"
            onClick={() => {
              setNotice(null);
              setAction({ kind: 'create' });
            }}
          >
            New FAQ
          </button>
        }
      />
      <div aria-live="polite">
        {notice && (
          <FormAlert tone="success" className="mb-4">
            {notice}
          </FormAlert>
        )}
        {failed && (
          <FormAlert tone="error" className="mb-4">
            {errorMessage(failed)}
          </FormAlert>
        )}
      </div>

      {faqs.isPending ? (
        <div aria-busy="true" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : faqs.isError ? (
        <ErrorState title="We couldn't load FAQs" error={faqs.error} onRetry={() => void faqs.refetch()} />
      ) : groups.length === 0 ? (
        <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <h2 className="text-lg font-semibold text-slate-900">No FAQs yet</h2>
          <button type="button" onClick={() => setAction({ kind: 'create' })} className="btn-primary mt-6">
            Add the first FAQ
          </button>
        </div>
      ) : (
        <div className="space-y-6">
          {groups.map((g) => {
            const name = g.category ?? 'Uncategorised';
            const ids = g.faqs.map((f) => f.id);
            return (
              <section
                key={g.category ?? ''}
                aria-label={name}
                className="rounded-2xl border border-slate-200 bg-white shadow-sm"
              >
                <h2 className="border-b border-slate-100 px-5 py-3 font-semibold text-slate-900">
                  {name} <span className="text-sm font-normal text-slate-500">({g.faqs.length})</span>
                </h2>
                <ol className="divide-y divide-slate-100">
                  {g.faqs.map((f, i) => (
                    <li key={f.id} className="flex flex-wrap items-start gap-3 px-5 py-3 text-sm">
                      <span className="flex shrink-0 flex-col">
                        <button
                          type="button"
                          className={`${actionButton} rotate-90`}
                          disabled={busy || i === 0}
                          aria-label={`Move “${f.question}” up`}
                          onClick={() => reorder.mutate({ category: g.category, ids: moved(ids, i, -1) })}
                        >
                          <ChevronLeftIcon className="size-4" />
                        </button>
                        <button
                          type="button"
                          className={`${actionButton} rotate-90`}
                          disabled={busy || i === g.faqs.length - 1}
                          aria-label={`Move “${f.question}” down`}
                          onClick={() => reorder.mutate({ category: g.category, ids: moved(ids, i, 1) })}
                        >
                          <ChevronRightIcon className="size-4" />
                        </button>
                      </span>
                      <span className="min-w-0 flex-1">
                        <span className="block font-medium text-slate-900">{f.question}</span>
                        <span className="mt-0.5 block line-clamp-2 text-slate-500">
                          {f.answer.replace(/<[^>]*>/g, ' ')}
                        </span>
                      </span>
                      <Badge tone={f.status === 'published' ? 'emerald' : 'amber'}>
                        {f.status === 'published' ? 'Published' : 'Draft'}
                      </Badge>
                      <span className="whitespace-nowrap">
                        <button
                          type="button"
                          className={actionButton}
                          disabled={busy}
                          aria-label={`${f.status === 'published' ? 'Unpublish' : 'Publish'} “${f.question}”`}
                          onClick={() =>
                            setStatus.mutate({ id: f.id, status: f.status === 'published' ? 'draft' : 'published' })
                          }
                        >
                          {f.status === 'published' ? 'Unpublish' : 'Publish'}
                        </button>
                        <button
                          type="button"
                          className={actionButton}
                          aria-label={`Edit “${f.question}”`}
                          onClick={() => {
                            setNotice(null);
                            setAction({ kind: 'edit', faq: f });
                          }}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          className={`${actionButton} text-red-600 hover:bg-red-50`}
                          aria-label={`Delete “${f.question}”`}
                          onClick={() => {
                            setNotice(null);
                            setAction({ kind: 'delete', faq: f });
                          }}
                        >
                          Delete
                        </button>
                      </span>
                    </li>
                  ))}
                </ol>
              </section>
            );
          })}
        </div>
      )}

      <FaqDialog
        action={action}
        categories={groups.flatMap((g) => (g.category ? [g.category] : []))}
        onClose={() => setAction(null)}
        onDone={(message) => {
          setAction(null);
          setNotice(message);
        }}
      />
    </>
  );
}
