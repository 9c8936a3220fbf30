import type { AttemptResult } from '@learningpt/schema';
import { CheckIcon, FormAlert } from '@learningpt/ui';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { formatPoints, formatSpan } from './exam-format';

/** A graded attempt: the score, pass or fail, and per-question feedback when the quiz shows it. */
export function AttemptResultView({ result, quizTitle }: { result: AttemptResult; quizTitle: string }) {
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10 sm:px-6">
      <title>{`Result · ${quizTitle} · LearninGPT`}</title>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link to={`/exams/${result.quizId}`} className="hover:text-indigo-700">
          {quizTitle}
        </Link>
        <span aria-hidden="true"> / </span>
        <span>Result</span>
      </nav>
      <section
        aria-labelledby="result-heading"
        className={`rounded-2xl border p-6 shadow-sm ${
          result.passed ? 'border-emerald-200 bg-emerald-50' : 'border-red-200 bg-red-50'
        }`}
      >
        <h1
          id="result-heading"
          className={`text-2xl font-bold tracking-tight ${result.passed ? 'text-emerald-800' : 'text-red-800'}`}
        >
          {result.passed ? 'Passed' : 'Not passed'}
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          You scored <strong data-testid="result-percentage">{result.scorePercentage}%</strong>; the pass mark is{' '}
          {result.passingScore}%.
        </p>
        <dl className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Fact label="Score" value={`${formatPoints(result.score)} / ${result.totalPoints}`} />
          <Fact label="Correct" value={String(result.correctAnswers)} />
          <Fact label="Incorrect" value={String(result.incorrectAnswers)} />
          <Fact label="Time taken" value={formatSpan(result.timeTaken)} />
        </dl>
        <p className="mt-4 text-xs text-slate-500">Submitted {formatDateTime(result.submittedAt)}</p>
      </section>

      {result.timedOut && (
        <FormAlert tone="info">The time ran out, so the answers saved by then were graded.</FormAlert>
      )}
      {result.isPreview && (
        <FormAlert tone="info">
          This was a free preview: it does not count as an attempt or earn a certificate.
        </FormAlert>
      )}
      {result.certificateGenerated && (
        <FormAlert tone="success">
          You earned a certificate for this program.{' '}
          <Link to="/certificates" className="font-semibold underline">
            View my certificates
          </Link>
        </FormAlert>
      )}

      <div className="flex flex-wrap gap-3">
        <Link to={`/exams/${result.quizId}`} className="btn-secondary">
          Back to the exam
        </Link>
      </div>

      {result.feedback.length > 0 && (
        <section aria-labelledby="feedback-heading">
          <h2 id="feedback-heading" className="mb-4 text-xl font-semibold tracking-tight text-slate-900">
            Your answers
          </h2>
          <ol className="space-y-4">
            {result.feedback.map((f, i) => (
              <li
                key={f.questionId}
                aria-label={`Question ${i + 1}: ${f.isCorrect ? 'correct' : 'incorrect'}`}
                className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
              >
                <div className="flex items-start gap-3">
                  <span
                    className={`mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                      f.isCorrect ? 'bg-emerald-100 text-emerald-700' : 'bg-red-100 text-red-700'
                    }`}
                    aria-hidden="true"
                  >
                    {f.isCorrect ? <CheckIcon className="size-4" /> : '✕'}
                  </span>
                  <div className="min-w-0 flex-1">
                    <p className="font-medium whitespace-pre-line text-slate-900">
                      {i + 1}. {f.questionText}
                    </p>
                    <p className="mt-2 text-sm text-slate-700">
                      Your answer: {f.selectedAnswers.length > 0 ? f.selectedAnswers.join(', ') : <em>not answered</em>}
                    </p>
                    {!f.isCorrect && (
                      <p className="mt-1 text-sm text-slate-700">
                        Correct answer: {f.correctAnswers.length > 0 ? f.correctAnswers.join(', ') : f.correctAnswer}
                      </p>
                    )}
                    <p className="mt-1 text-xs text-slate-500">
                      {formatPoints(f.pointsAwarded)} of {f.points} {f.points === 1 ? 'point' : 'points'}
                    </p>
                    {f.explanation && (
                      <p className="mt-3 rounded-lg bg-slate-50 p-3 text-sm text-slate-700">{f.explanation}</p>
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}
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
