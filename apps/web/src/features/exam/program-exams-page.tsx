import { ErrorState, Skeleton, trpcErrorCode, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { plural } from '../../lib/format';
import { NotFound } from '../program/program-not-found';
import { DifficultyBadge } from './difficulty-badge';

/** /programs/:slug/exams: the program's published practice exams (signed-in users). */
export function ProgramExamsPage() {
  const { slug = '' } = useParams();
  const trpc = useTRPC();
  const program = useQuery(trpc.programs.byId.queryOptions({ id: slug }));
  const programId = program.data?.program.id;
  const quizzes = useQuery(
    trpc.quizzes.list.queryOptions({ programId, status: 'published', limit: 50 }, { enabled: programId !== undefined }),
  );

  if (program.isError && trpcErrorCode(program.error) === 'NOT_FOUND') {
    return (
      <>
        <title>Program not found · LearninGPT</title>
        <NotFound title="Program not found" message="This program does not exist or is no longer available." />
      </>
    );
  }

  const title = program.data?.program.title;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <title>{`Practice exams${title ? ` · ${title}` : ''} · LearninGPT`}</title>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link to={`/programs/${encodeURIComponent(slug)}`} className="hover:text-indigo-700">
          {title ?? 'Program'}
        </Link>
        <span aria-hidden="true"> / </span>
        <span>Practice exams</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">Practice exams</h1>
      <p className="mt-1 text-sm text-slate-600">
        Timed exams to check what you have learned{title ? ` in ${title}` : ''}. Your answers are saved as you go.
      </p>
      <div className="mt-8">
        {program.isError ? (
          <ErrorState
            title="We couldn't load this program"
            error={program.error}
            onRetry={() => void program.refetch()}
          />
        ) : program.isPending || quizzes.isPending ? (
          <ul aria-busy="true" aria-label="Loading the practice exams" className="space-y-4">
            {Array.from({ length: 3 }, (_, i) => (
              <li key={i}>
                <Skeleton className="h-28 rounded-2xl" />
              </li>
            ))}
          </ul>
        ) : quizzes.isError ? (
          <ErrorState
            title="We couldn't load the practice exams"
            error={quizzes.error}
            onRetry={() => void quizzes.refetch()}
          />
        ) : quizzes.data.quizzes.length === 0 ? (
          <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
            <h2 className="text-lg font-semibold text-slate-900">No practice exams yet</h2>
            <p className="mt-1 text-slate-600">The instructor has not published an exam for this program.</p>
          </div>
        ) : (
          <ul className="space-y-4">
            {quizzes.data.quizzes.map((q) => (
              <li key={q.id}>
                <article
                  aria-labelledby={`quiz-${q.id}`}
                  className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:flex-row sm:items-center"
                >
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <h2 id={`quiz-${q.id}`} className="font-semibold text-slate-900">
                        <Link to={`/exams/${q.id}`} className="hover:text-indigo-700">
                          {q.title}
                        </Link>
                      </h2>
                      <DifficultyBadge difficulty={q.difficulty} />
                    </div>
                    {q.description && <p className="mt-1 text-sm text-slate-600">{q.description}</p>}
                    <p className="mt-2 text-sm text-slate-500">
                      {plural(q.questionCount, 'question')} · {q.isTimed ? `${q.duration} minutes` : 'Untimed'} · pass
                      at {q.passingScore}%
                    </p>
                  </div>
                  <Link to={`/exams/${q.id}`} className="btn-primary shrink-0" aria-label={`Open ${q.title}`}>
                    Open
                  </Link>
                </article>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
