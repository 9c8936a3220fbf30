import { ErrorState, Pagination, Skeleton, useTRPC } from '@learningpt/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ProgramThumbnail } from '../../components/program-thumbnail';
import { ProgressBar } from '../../components/progress-bar';
import { formatDay } from '../../lib/format';
import { LearningPathCard } from './learning-path-card';

const PAGE_SIZE = 12;
const STATUS_LABELS = { active: 'In progress', completed: 'Completed', cancelled: 'Cancelled' } as const;

/** /learning: the signed-in student's enrollments with their progress. */
export function MyLearningPage() {
  const [params] = useSearchParams();
  const raw = Number(params.get('page'));
  const page = Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const trpc = useTRPC();
  const enrolled = useQuery(
    trpc.users.enrolledPrograms.queryOptions({ page, limit: PAGE_SIZE }, { placeholderData: keepPreviousData }),
  );

  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <title>My learning · LearninGPT</title>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">My learning</h1>
      <p className="mt-1 text-sm text-slate-600">The programs you are enrolled in, and how far you have got.</p>
      <div className="mt-8">
        {enrolled.isPending ? (
          <ul aria-busy="true" aria-label="Loading your programs" className="space-y-4">
            {Array.from({ length: 3 }, (_, i) => (
              <li key={i}>
                <Skeleton className="h-28 rounded-2xl" />
              </li>
            ))}
          </ul>
        ) : enrolled.isError && !enrolled.data ? (
          <ErrorState
            title="We couldn't load your programs"
            error={enrolled.error}
            onRetry={() => void enrolled.refetch()}
          />
        ) : enrolled.data.programs.length === 0 ? (
          <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
            <h2 className="text-lg font-semibold text-slate-900">You are not enrolled in any program yet</h2>
            <p className="mt-1 text-slate-600">Find something you want to learn; many programs are free.</p>
            <Link to="/programs" className="btn-primary mt-6">
              Browse the catalog
            </Link>
          </div>
        ) : (
          <>
            <ul className={`space-y-4 transition-opacity ${enrolled.isPlaceholderData ? 'opacity-60' : ''}`}>
              {enrolled.data.programs.map((p) => (
                <li key={p.id}>
                  <article
                    aria-labelledby={`enrolled-${p.id}`}
                    className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center"
                  >
                    <ProgramThumbnail
                      src={p.thumbnail}
                      seed={p.slug}
                      label={p.title}
                      className="h-24 w-full shrink-0 rounded-xl sm:w-40"
                    />
                    <div className="min-w-0 flex-1">
                      <h2 id={`enrolled-${p.id}`} className="font-semibold text-slate-900">
                        <Link to={`/programs/${encodeURIComponent(p.slug)}`} className="hover:text-indigo-700">
                          {p.title}
                        </Link>
                      </h2>
                      <p className="text-sm text-slate-500">
                        {p.instructor.name} · {STATUS_LABELS[p.status]} · enrolled {formatDay(p.enrolledAt)}
                      </p>
                      <ProgressBar value={p.progress} label={`Progress in ${p.title}`} className="mt-3" />
                      <p className="mt-1 text-xs text-slate-600">{p.progress}% complete</p>
                    </div>
                    {p.status !== 'cancelled' && (
                      <Link
                        to={`/programs/${encodeURIComponent(p.slug)}/learn`}
                        className="btn-primary shrink-0"
                        aria-label={`${p.progress > 0 ? 'Continue' : 'Start'} ${p.title}`}
                      >
                        {p.progress > 0 ? 'Continue' : 'Start'}
                      </Link>
                    )}
                  </article>
                </li>
              ))}
            </ul>
            <div className="mt-6">
              <Pagination
                currentPage={enrolled.data.pagination.currentPage}
                totalPages={enrolled.data.pagination.totalPages}
                hrefFor={(p) => (p > 1 ? `?page=${p}` : '?')}
              />
            </div>
          </>
        )}
      </div>
      <LearningPathCard />
    </div>
  );
}
