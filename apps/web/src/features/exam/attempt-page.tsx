import { ErrorState, PageLoading, trpcErrorCode, useTRPC } from '@learningpt/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { NotFound } from '../program/program-not-found';
import { AttemptResultView } from './attempt-result-view';
import { AttemptRunner } from './attempt-runner';

/** /exams/:quizId/attempts/:attemptId: an open attempt to work on (resumed after a reload), or its result. */
export function AttemptPage() {
  const { quizId = '', attemptId = '' } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { id: quizId, attemptId };
  // Answers live in the page while it is open, so it is read once per visit: fresh when the page
  // opens (gcTime 0: never an old copy with older answers), not again behind the student's back.
  const attempt = useQuery(
    trpc.quizzes.attempt.queryOptions(input, {
      staleTime: Infinity,
      gcTime: 0,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
  );

  if (attempt.isPending) return <PageLoading label="Loading your exam…" />;
  if (attempt.isError) {
    if (trpcErrorCode(attempt.error) === 'NOT_FOUND') {
      return (
        <>
          <title>Attempt not found · LearninGPT</title>
          <NotFound title="Attempt not found" message="This attempt does not exist or is not yours." />
        </>
      );
    }
    return (
      <div className="px-4 py-16">
        <ErrorState title="We couldn't load your exam" error={attempt.error} onRetry={() => void attempt.refetch()} />
      </div>
    );
  }

  const a = attempt.data.attempt;
  if (a.result) return <AttemptResultView result={a.result} quizTitle={a.quizTitle} />;
  if (a.status !== 'in_progress') {
    return (
      <div className="mx-auto max-w-xl px-4 py-24 text-center">
        <title>{`${a.quizTitle} · LearninGPT`}</title>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">This attempt has ended</h1>
        <p className="mt-3 text-slate-600">It ended without being submitted, so it has no result.</p>
        <Link to={`/exams/${quizId}`} className="btn-primary mt-8">
          Back to the exam
        </Link>
      </div>
    );
  }

  const refreshQuiz = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.quizzes.byId.queryKey({ id: quizId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.quizzes.attempts.queryKey({ id: quizId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.users.certificates.queryKey() });
  };
  return (
    <AttemptRunner
      key={a.attemptId}
      attempt={a}
      receivedAt={attempt.dataUpdatedAt}
      onSubmitted={(result) => {
        queryClient.setQueryData(trpc.quizzes.attempt.queryKey(input), {
          attempt: { ...a, status: 'submitted', result },
        });
        refreshQuiz();
        window.scrollTo({ top: 0 });
      }}
      onStale={() => {
        refreshQuiz();
        void attempt.refetch();
      }}
    />
  );
}
