import { errorMessage, FormAlert, Spinner, useTRPC } from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';

/**
 * "Your next steps" on My learning: ai.learningPath picks programs from the catalog (with the AI's
 * reasons, or ranked by rules when no AI provider is configured) from what the learner has done.
 */
export function LearningPathCard() {
  const trpc = useTRPC();
  const path = useMutation(trpc.ai.learningPath.mutationOptions());
  const data = path.data;

  return (
    <section
      aria-labelledby="learning-path-title"
      className="mt-12 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="learning-path-title" className="text-lg font-semibold text-slate-900">
            Your next steps
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Programs to take next, chosen from the catalog for what you have studied and the topics your quizzes show
            you find hard.
          </p>
        </div>
        <button
          type="button"
          className="btn-secondary shrink-0"
          disabled={path.isPending}
          onClick={() => path.mutate()}
        >
          {path.isPending ? 'Thinking…' : data ? 'Suggest again' : 'Suggest my next programs'}
        </button>
      </div>

      {path.isPending && (
        <div className="mt-6 flex justify-center">
          <Spinner label="Choosing programs for you" />
        </div>
      )}
      {path.isError && (
        <FormAlert tone="error" className="mt-6">
          {errorMessage(path.error)}
        </FormAlert>
      )}
      {data && !path.isPending && (
        <div className="mt-6">
          <p className="text-sm text-slate-700">{data.summary}</p>
          {data.recommendations.length === 0 ? (
            <p className="mt-4 text-sm text-slate-600">
              There is nothing new for you in the catalog right now: you are enrolled in every program.
            </p>
          ) : (
            <ol className="mt-4 space-y-3">
              {data.recommendations.map((r) => (
                <li key={r.program.id} className="rounded-xl border border-slate-200 p-4">
                  <Link
                    to={`/programs/${encodeURIComponent(r.program.slug)}`}
                    className="font-medium text-indigo-700 hover:underline"
                  >
                    {r.program.title}
                  </Link>
                  <span className="ml-2 text-xs text-slate-500">
                    {r.program.category} · {r.program.level}
                  </span>
                  <p className="mt-1 text-sm text-slate-600">{r.reason}</p>
                </li>
              ))}
            </ol>
          )}
          <p className="mt-4 text-xs text-slate-500">
            {data.generatedBy === 'ai'
              ? 'Chosen by the AI tutor from the catalog.'
              : 'Ranked from the catalog by your programs and levels (no AI provider is configured).'}
          </p>
        </div>
      )}
    </section>
  );
}
