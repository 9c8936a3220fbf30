import type { ProgramDetail, QuizSummary } from '@learningpt/schema';
import { ErrorState, FormAlert, Skeleton, useTRPC } from '@learningpt/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { plural } from '../../lib/format';
import { DifficultyBadge } from '../exam/difficulty-badge';
import { ConfirmDialog } from '../teach/editor/confirm-dialog';
import { PageHeader, ProgramGate } from './program-gate';
import { QuizStatusBadge } from './quiz-status-badge';

/** /teach/programs/:id/quizzes — a program's quizzes (drafts too), for its instructor or an admin. */
export function QuizListPage() {
  return <ProgramGate>{(program) => <QuizList programId={program.id} program={program} />}</ProgramGate>;
}

function QuizList({ programId, program }: { programId: string; program: ProgramDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const quizzes = useQuery(trpc.quizzes.list.queryOptions({ programId, limit: 100 }));
  const [deleting, setDeleting] = useState<QuizSummary | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const remove = useMutation(
    trpc.quizzes.delete.mutationOptions({
      onSuccess: (data) => {
        setDeleted(data.message);
        setDeleting(null);
        void queryClient.invalidateQueries({ queryKey: trpc.quizzes.pathKey() });
      },
    }),
  );
  const base = `/teach/programs/${program.id}`;

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
      <PageHeader
        program={program}
        back={{ to: base, label: program.title }}
        title="Quizzes"
        subtitle={`Practice exams of ${program.title}. Students see published quizzes only.`}
        actions={
          <div className="flex gap-2">
            <Link to={`${base}/question-bank`} className="btn-secondary">
              Question bank
            </Link>
            <Link to={`${base}/quizzes/new`} className="btn-primary">
              New quiz
            </Link>
          </div>
        }
      />
      {deleted && <FormAlert tone="success">{deleted}</FormAlert>}
      {quizzes.isPending ? (
        <div className="space-y-2" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-14 w-full" />
          ))}
        </div>
      ) : quizzes.isError ? (
        <ErrorState title="We couldn't load the quizzes" error={quizzes.error} onRetry={() => void quizzes.refetch()} />
      ) : quizzes.data.quizzes.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-slate-300 p-10 text-center">
          <p className="font-medium text-slate-900">No quizzes yet</p>
          <p className="mt-1 text-sm text-slate-600">
            Write one with its own questions, or draw its questions from the question bank.
          </p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Quiz
                </th>
                <th scope="col" className="px-4 py-3">
                  Status
                </th>
                <th scope="col" className="px-4 py-3">
                  Difficulty
                </th>
                <th scope="col" className="px-4 py-3">
                  Questions
                </th>
                <th scope="col" className="px-4 py-3">
                  Duration
                </th>
                <th scope="col" className="px-4 py-3">
                  Pass mark
                </th>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {quizzes.data.quizzes.map((q) => (
                <tr key={q.id}>
                  <td className="px-4 py-3 font-medium text-slate-900">
                    <Link to={`${base}/quizzes/${q.id}`} className="hover:underline">
                      {q.title}
                    </Link>
                  </td>
                  <td className="px-4 py-3">
                    <QuizStatusBadge status={q.status} />
                  </td>
                  <td className="px-4 py-3">
                    <DifficultyBadge difficulty={q.difficulty} />
                  </td>
                  <td className="px-4 py-3 text-slate-700">{q.questionCount}</td>
                  <td className="px-4 py-3 text-slate-700">{q.isTimed ? `${q.duration} min` : 'Untimed'}</td>
                  <td className="px-4 py-3 text-slate-700">{q.passingScore}%</td>
                  <td className="whitespace-nowrap px-4 py-3 text-right">
                    <Link to={`${base}/quizzes/${q.id}`} className="font-medium text-indigo-600 hover:underline">
                      Edit<span className="sr-only"> {q.title}</span>
                    </Link>
                    <button
                      type="button"
                      className="ml-4 font-medium text-red-600 hover:underline"
                      onClick={() => {
                        remove.reset();
                        setDeleting(q);
                      }}
                    >
                      Delete<span className="sr-only"> {q.title}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this quiz?"
        confirmLabel="Delete quiz"
        busyLabel="Deleting…"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
      >
        <p>
          “{deleting?.title}” and its {plural(deleting?.questionCount ?? 0, 'question')} will be deleted. Students will
          no longer see it.
        </p>
      </ConfirmDialog>
    </div>
  );
}
