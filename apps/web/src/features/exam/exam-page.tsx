import type { QuizDetail } from '@learningpt/schema';
import { ErrorState, FormAlert, httpStatus, Skeleton, trpcErrorCode, useTRPC } from '@learningpt/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { plural } from '../../lib/format';
import { NotFound } from '../program/program-not-found';
import { AttemptsHistory } from './attempts-history';
import { DifficultyBadge } from './difficulty-badge';

/** /exams/:quizId: what the exam is, whether the viewer may take it, start or resume, past attempts. */
export function ExamPage() {
  const { quizId = '' } = useParams();
  const trpc = useTRPC();
  const quiz = useQuery(trpc.quizzes.byId.queryOptions({ id: quizId }));

  if (quiz.isPending) {
    return (
      <div className="mx-auto max-w-3xl space-y-4 px-4 py-10 sm:px-6" aria-busy="true" aria-label="Loading the exam">
        <Skeleton className="h-10 w-2/3 rounded-lg" />
        <Skeleton className="h-40 rounded-2xl" />
      </div>
    );
  }
  if (quiz.isError) {
    if (trpcErrorCode(quiz.error) === 'NOT_FOUND') {
      return (
        <>
          <title>Exam not found · LearninGPT</title>
          <NotFound title="Exam not found" message="This exam does not exist or is no longer available." />
        </>
      );
    }
    return (
      <div className="px-4 py-16">
        <ErrorState title="We couldn't load this exam" error={quiz.error} onRetry={() => void quiz.refetch()} />
      </div>
    );
  }

  const q = quiz.data.quiz;
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10 sm:px-6">
      <title>{`${q.title} · LearninGPT`}</title>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link to={`/programs/${q.programId}`} className="hover:text-indigo-700">
          {q.programTitle}
        </Link>
        <span aria-hidden="true"> / </span>
        <Link to={`/programs/${q.programId}/exams`} className="hover:text-indigo-700">
          Practice exams
        </Link>
      </nav>
      <header>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{q.title}</h1>
          <DifficultyBadge difficulty={q.difficulty} />
        </div>
        {q.description && <p className="mt-2 text-slate-600">{q.description}</p>}
      </header>
      <dl className="grid grid-cols-2 gap-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:grid-cols-4">
        <Fact label="Questions" value={String(q.questionCount)} />
        <Fact label="Time allowed" value={q.isTimed ? `${q.duration} min` : 'Untimed'} />
        <Fact label="Pass mark" value={`${q.passingScore}%`} />
        <Fact
          label="Attempts left"
          value={q.viewer.attemptsLeft === null ? 'Unlimited' : String(q.viewer.attemptsLeft)}
        />
      </dl>
      <StartPanel quiz={q} />
      <AttemptsHistory quizId={q.id} />
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-lg font-semibold text-slate-900">{value}</dd>
    </div>
  );
}

/** Start (or resume) an attempt, or say why the viewer cannot and what would let them. */
function StartPanel({ quiz }: { quiz: QuizDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation(
    trpc.quizzes.start.mutationOptions({
      onSuccess: (data) => {
        // The attempt page reads the same attempt; the quiz now has an open one.
        void queryClient.invalidateQueries({ queryKey: trpc.quizzes.byId.queryKey({ id: quiz.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.quizzes.attempts.queryKey({ id: quiz.id }) });
        void navigate(`/exams/${quiz.id}/attempts/${data.attemptId}`);
      },
    }),
  );
  const { viewer } = quiz;
  const locked = !viewer.hasExamAccess && viewer.previewQuestionCount === 0;
  const paymentRequired = locked || (start.isError && httpStatus(start.error) === 402);

  if (viewer.openAttemptId) {
    return (
      <div className="flex flex-col gap-4 rounded-2xl border border-indigo-200 bg-indigo-50 p-6 sm:flex-row sm:items-center">
        <p className="flex-1 text-sm text-indigo-900">
          You have an attempt in progress. Your saved answers and the time left are waiting for you.
        </p>
        <Link to={`/exams/${quiz.id}/attempts/${viewer.openAttemptId}`} className="btn-primary">
          Resume exam
        </Link>
      </div>
    );
  }

  if (paymentRequired) {
    return (
      <section
        aria-labelledby="access-heading"
        className="rounded-2xl border border-amber-200 bg-amber-50 p-6 text-amber-900"
      >
        <h2 id="access-heading" className="font-semibold">
          This exam needs exam simulator access
        </h2>
        <p className="mt-1 text-sm">
          {start.isError
            ? start.error.message
            : `Get the exam simulator of "${quiz.programTitle}" (on its own, in the bundle, or with a plan that includes it) to take this exam.`}
        </p>
        <Link to={`/programs/${quiz.programId}#pricing`} className="btn-primary mt-4">
          See pricing
        </Link>
      </section>
    );
  }

  const canStart = viewer.attemptsLeft === null || viewer.attemptsLeft > 0;
  return (
    <div className="space-y-3 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      {!viewer.hasExamAccess && (
        <FormAlert tone="info">
          Free preview: you can try {plural(viewer.previewQuestionCount, 'free question')} of this exam. Previews do not
          earn a certificate; get exam simulator access for the full exam.
        </FormAlert>
      )}
      <p className="text-sm text-slate-600">
        {quiz.isTimed
          ? `Once you start, you have ${quiz.duration} minutes. The clock keeps running if you leave the page; when it reaches zero your saved answers are submitted.`
          : 'This exam is not timed. Your answers are saved as you go.'}
      </p>
      {start.isError && <FormAlert tone="error">{start.error.message}</FormAlert>}
      <button
        type="button"
        className="btn-primary"
        disabled={!canStart || start.isPending}
        onClick={() => start.mutate({ id: quiz.id })}
      >
        {start.isPending ? 'Starting…' : viewer.hasExamAccess ? 'Start exam' : 'Start free preview'}
      </button>
      {!canStart && <p className="text-sm text-slate-600">You have used all the attempts this exam allows.</p>}
    </div>
  );
}
