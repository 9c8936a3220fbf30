import { ErrorState, Skeleton, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';

/** /faq: published FAQs grouped by category (the server's order); each answer opens in place. */
export function FaqPage() {
  const trpc = useTRPC();
  const faqs = useQuery(trpc.faqs.list.queryOptions({}, { staleTime: 5 * 60_000 }));

  return (
    <div className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
      <title>Frequently asked questions · LearninGPT</title>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Frequently asked questions</h1>
      <p className="mt-2 text-slate-600">
        Programs, payments, certificates and events. Something missing? See the{' '}
        <Link to="/blog" className="font-medium text-indigo-600 hover:underline">
          blog
        </Link>
        .
      </p>
      <div className="mt-10">
        {faqs.isPending ? (
          <div aria-busy="true" aria-label="Loading questions" className="space-y-3">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-14 rounded-xl" />
            ))}
          </div>
        ) : faqs.isError ? (
          <ErrorState title="We couldn't load the questions" error={faqs.error} onRetry={() => void faqs.refetch()} />
        ) : faqs.data.faqs.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center text-slate-600">
            No questions here yet.
          </p>
        ) : (
          <div className="space-y-10">
            {faqs.data.categories.map((group) => {
              const id = `faq-${(group.category ?? 'other').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
              return (
                <section key={group.category ?? ''} aria-labelledby={id}>
                  <h2 id={id} className="mb-4 text-xl font-semibold tracking-tight text-slate-900">
                    {group.category ?? 'Other questions'}
                  </h2>
                  <div className="divide-y divide-slate-200 overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
                    {group.faqs.map((faq) => (
                      <details key={faq.id} className="group">
                        <summary className="flex cursor-pointer list-none items-center justify-between gap-4 px-5 py-4 font-medium text-slate-900 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
                          {faq.question}
                          <span
                            aria-hidden="true"
                            className="text-xl leading-none text-slate-400 transition group-open:rotate-45"
                          >
                            +
                          </span>
                        </summary>
                        {/* Answers are HTML sanitised on the server (as program overviews), safe to render. */}
                        <div className="rich-text px-5 pb-5" dangerouslySetInnerHTML={{ __html: faq.answer }} />
                      </details>
                    ))}
                  </div>
                </section>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
