import type { AttemptOutput, AttemptResult } from '@learningpt/schema';
import { ChevronLeftIcon, ChevronRightIcon, ClockIcon, Dialog, FormAlert, useTRPC } from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { plural } from '../../lib/format';
import { formatClock } from './exam-format';
import { QuestionView } from './question-view';
import { type Answers, type SaveState, useAutosave } from './use-autosave';

type OpenAttempt = AttemptOutput['attempt'];

interface AttemptRunnerProps {
  attempt: OpenAttempt;
  /** When the attempt's data was received (ms, this browser's clock). */
  receivedAt: number;
  onSubmitted: (result: AttemptResult) => void;
  /** The server says the attempt is no longer open (graded elsewhere, expired): reload it. */
  onStale: () => void;
}

/** An open attempt: one question at a time, a navigator, the countdown, autosave and submit. */
export function AttemptRunner({ attempt, receivedAt, onSubmitted, onStale }: AttemptRunnerProps) {
  const trpc = useTRPC();
  const { questions } = attempt;
  const [answers, setAnswers] = useState<Answers>(() =>
    Object.fromEntries(attempt.answers.map((a) => [a.questionId, a.selectedAnswers])),
  );
  const [index, setIndex] = useState(0);
  const [confirming, setConfirming] = useState(false);

  // The deadline is the server's expiresAt. It is placed on this browser's clock by the server's
  // own "seconds left" (from the same answer, and again after each save), so a device clock that
  // is off neither shortens nor lengthens the exam.
  const [deadline, setDeadline] = useState(() =>
    attempt.timeLeftSeconds === null ? null : receivedAt + attempt.timeLeftSeconds * 1000,
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  const secondsLeft = deadline === null ? null : Math.max(0, Math.ceil((deadline - now) / 1000));

  const autosave = useAutosave({
    quizId: attempt.quizId,
    attemptId: attempt.attemptId,
    answers,
    onTimeLeft: (seconds) => seconds !== null && setDeadline(Date.now() + seconds * 1000),
    // Submitted elsewhere (another tab): show what the server holds. Time up by the server's
    // clock: end the countdown here too, which submits.
    onRefused: (code) => (code === 'CONFLICT' ? onStale() : setDeadline((d) => (d === null ? d : Date.now()))),
  });

  const submit = useMutation(
    trpc.quizzes.submit.mutationOptions({
      onSuccess: (data) => onSubmitted(data.result),
      onError: (err) => {
        if (err.data?.code === 'CONFLICT') onStale();
      },
    }),
  );
  const doSubmit = () => {
    autosave.stop();
    submit.mutate({
      id: attempt.quizId,
      attemptId: attempt.attemptId,
      answers: questions.map((q) => ({ questionId: q.id, selectedAnswers: answers[q.id] ?? [] })),
    });
  };

  // Time is up: submit once by itself (the server grades the saved answers if these come late).
  const timeUp = secondsLeft === 0;
  const autoSubmitted = useRef(false);
  useEffect(() => {
    if (!timeUp || autoSubmitted.current) return;
    autoSubmitted.current = true;
    setConfirming(false);
    doSubmit();
    // Once, when the time runs out, with the answers of that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [timeUp]);

  const question = questions[index]!;
  const answered = (id: string) => (answers[id]?.length ?? 0) > 0;
  const unanswered = questions.filter((q) => !answered(q.id)).length;
  const locked = submit.isPending || submit.isSuccess || timeUp;

  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <title>{`${attempt.quizTitle} · LearninGPT`}</title>
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 pb-4">
        <h1 className="min-w-0 flex-1 text-xl font-bold tracking-tight text-slate-900">{attempt.quizTitle}</h1>
        <SaveIndicator state={autosave.state} onRetry={autosave.retry} />
        {secondsLeft !== null && (
          <div
            role="timer"
            aria-label="Time left"
            className={`flex items-center gap-2 rounded-lg px-3 py-1.5 font-mono text-lg font-semibold tabular-nums ${
              secondsLeft <= 60 ? 'bg-red-50 text-red-700' : 'bg-slate-100 text-slate-800'
            }`}
          >
            <ClockIcon className="size-5" />
            {formatClock(secondsLeft)}
          </div>
        )}
      </header>

      {attempt.isPreview && (
        <FormAlert tone="info" className="mt-4">
          Free preview: only the program&apos;s free questions are included, and a preview does not earn a certificate.
        </FormAlert>
      )}
      {timeUp && (
        <FormAlert tone="info" className="mt-4">
          Time is up. Your answers are being submitted.
        </FormAlert>
      )}
      {submit.isError && (
        <FormAlert tone="error" className="mt-4">
          {submit.error.message}{' '}
          <button type="button" className="font-semibold underline" onClick={doSubmit}>
            Try again
          </button>
        </FormAlert>
      )}

      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_16rem]">
        <section aria-label="Question" className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <QuestionView
            key={question.id}
            question={question}
            number={index + 1}
            total={questions.length}
            value={answers[question.id] ?? []}
            disabled={locked}
            onChange={(value) => {
              setAnswers((prev) => ({ ...prev, [question.id]: value }));
              autosave.changed(question.id);
            }}
          />
          <div className="mt-8 flex items-center justify-between gap-3">
            <button
              type="button"
              className="btn-secondary"
              disabled={index === 0}
              onClick={() => setIndex((i) => i - 1)}
            >
              <ChevronLeftIcon className="size-4" />
              Previous
            </button>
            {index < questions.length - 1 ? (
              <button type="button" className="btn-secondary" onClick={() => setIndex((i) => i + 1)}>
                Next
                <ChevronRightIcon className="size-4" />
              </button>
            ) : (
              <button type="button" className="btn-primary" disabled={locked} onClick={() => setConfirming(true)}>
                Submit exam
              </button>
            )}
          </div>
        </section>

        <aside className="space-y-4">
          <nav aria-label="Questions" className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
            <p className="text-sm font-medium text-slate-700">
              {questions.length - unanswered} of {questions.length} answered
            </p>
            <ol className="mt-3 grid grid-cols-5 gap-2">
              {questions.map((q, i) => (
                <li key={q.id}>
                  <button
                    type="button"
                    aria-current={i === index ? 'step' : undefined}
                    aria-label={`Question ${i + 1}${answered(q.id) ? ' (answered)' : ''}`}
                    onClick={() => setIndex(i)}
                    className={`flex size-9 items-center justify-center rounded-lg text-sm font-medium ring-1 ring-inset transition ${
                      i === index
                        ? 'bg-indigo-600 text-white ring-indigo-600'
                        : answered(q.id)
                          ? 'bg-indigo-50 text-indigo-700 ring-indigo-200 hover:bg-indigo-100'
                          : 'bg-white text-slate-600 ring-slate-200 hover:bg-slate-50'
                    }`}
                  >
                    {i + 1}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          <button type="button" className="btn-primary w-full" disabled={locked} onClick={() => setConfirming(true)}>
            {submit.isPending ? 'Submitting…' : 'Submit exam'}
          </button>
        </aside>
      </div>

      <Dialog
        open={confirming}
        title="Submit your answers?"
        onClose={() => setConfirming(false)}
        busy={submit.isPending}
      >
        <p className="text-sm text-slate-600">
          {unanswered > 0
            ? `${plural(unanswered, 'question')} ${unanswered === 1 ? 'is' : 'are'} not answered yet. `
            : 'Every question is answered. '}
          Once submitted, your answers can no longer change.
        </p>
        <div className="mt-6 flex justify-end gap-3">
          <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
            Keep working
          </button>
          <button
            type="button"
            className="btn-primary"
            disabled={submit.isPending}
            onClick={() => {
              setConfirming(false);
              doSubmit();
            }}
          >
            Submit
          </button>
        </div>
      </Dialog>
    </div>
  );
}

function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  if (state.status === 'error') {
    return (
      <p role="alert" className="text-sm text-red-700">
        Not saved: {state.message}{' '}
        <button type="button" className="font-semibold underline" onClick={onRetry}>
          Retry
        </button>
      </p>
    );
  }
  const text = { idle: '', pending: 'Unsaved changes', saving: 'Saving…', saved: 'Saved' }[state.status];
  return (
    <p role="status" className="text-sm text-slate-500" data-testid="save-state">
      {text}
    </p>
  );
}
