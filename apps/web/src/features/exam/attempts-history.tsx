import { ErrorState, Skeleton, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { formatPoints, formatSpan } from './exam-format';

const STATUS = { in_progress: 'In progress', submitted: 'Submitted', expired: 'Expired' } as const;

/** The viewer's attempts at one quiz, newest first, each linking to its result (or to resume). */
export function AttemptsHistory({ quizId }: { quizId: string }) {
  const trpc = useTRPC();
  const attempts = useQuery(trpc.quizzes.attempts.queryOptions({ id: quizId }));

  return (
    <section aria-labelledby="attempts-heading" className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="attempts-heading" className="text-lg font-semibold text-slate-900">
        Your attempts
      </h2>
      <div className="mt-4">
        {attempts.isPending ? (
          <Skeleton className="h-20 rounded-xl" />
        ) : attempts.isError ? (
          <ErrorState
            title="We couldn't load your attempts"
            error={attempts.error}
            onRetry={() => void attempts.refetch()}
          />
        ) : attempts.data.attempts.length === 0 ? (
          <p className="text-sm text-slate-600">You have not taken this exam yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">Started</th>
                <th className="py-2 pr-3 font-medium">Score</th>
                <th className="py-2 pr-3 font-medium">Result</th>
                <th className="py-2 pr-3 font-medium">Time</th>
                <th className="py-2 font-medium">
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {attempts.data.attempts.map((a) => (
                <tr key={a.id}>
                  <td className="py-2 pr-3 text-slate-700">
                    {formatDateTime(a.attemptedAt)}
                    {a.isPreview && <span className="ml-2 text-xs text-slate-500">(preview)</span>}
                  </td>
                  <td className="py-2 pr-3 text-slate-700">
                    {a.scorePercentage === null
                      ? '—'
                      : `${a.scorePercentage}% (${formatPoints(a.score ?? 0)}/${a.totalPoints ?? 0})`}
                  </td>
                  <td className="py-2 pr-3">
                    {a.passed === null ? (
                      <span className="text-slate-500">{STATUS[a.status]}</span>
                    ) : a.passed ? (
                      <span className="font-medium text-emerald-700">Passed</span>
                    ) : (
                      <span className="font-medium text-red-700">Failed</span>
                    )}
                    {a.timedOut && <span className="ml-1 text-xs text-slate-500">(time ran out)</span>}
                  </td>
                  <td className="py-2 pr-3 text-slate-700">{a.timeTaken === null ? '—' : formatSpan(a.timeTaken)}</td>
                  <td className="py-2 text-right">
                    {a.status === 'expired' ? null : (
                      <Link
                        to={`/exams/${quizId}/attempts/${a.id}`}
                        className="font-medium text-indigo-600 hover:text-indigo-500"
                      >
                        {a.status === 'in_progress' ? 'Resume' : 'View result'}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
