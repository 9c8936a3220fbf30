import type { ManagedQuestion, ProgramDetail, QuizDifficulty } from '@learningpt/schema';
import {
  ErrorState,
  errorMessage,
  FormAlert,
  serverFieldErrors,
  Skeleton,
  useTRPC,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DifficultyBadge } from '../exam/difficulty-badge';
import { ConfirmDialog } from '../teach/editor/confirm-dialog';
import { PageHeader, ProgramGate } from './program-gate';
import {
  emptyQuestion,
  errorsOf,
  questionInputFrom,
  questionValuesFrom,
  QuestionFields,
  TYPE_LABELS,
  type QuestionValues,
} from './question-fields';

const PAGE_SIZE = 50;

/** /teach/programs/:id/question-bank — the questions blueprint quizzes draw from. */
export function QuestionBankPage() {
  return <ProgramGate>{(program) => <QuestionBank program={program} />}</ProgramGate>;
}

function QuestionBank({ program }: { program: ProgramDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [topic, setTopic] = useState('');
  const [difficulty, setDifficulty] = useState<QuizDifficulty | ''>('');
  const [adding, setAdding] = useState(false);
  const [generating, setGenerating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<ManagedQuestion | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const bank = useQuery(
    trpc.quizzes.bank.list.queryOptions({
      programId: program.id,
      page,
      limit: PAGE_SIZE,
      ...(topic ? { topic } : {}),
      ...(difficulty ? { difficulty } : {}),
    }),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.quizzes.bank.list.pathKey() });
  const archive = useMutation(
    trpc.quizzes.bank.delete.mutationOptions({
      onSuccess: (data) => {
        setNotice(data.message);
        setArchiving(null);
        void refresh();
      },
    }),
  );
  const approve = useMutation(
    trpc.quizzes.bank.approve.mutationOptions({
      onSuccess: (data) => {
        setNotice(
          data.approved === 1
            ? 'Question approved: blueprints may now draw it.'
            : `${data.approved} questions approved.`,
        );
        void refresh();
      },
    }),
  );
  const drafts = (bank.data?.questions ?? []).filter((q) => q.draft);
  const topics = [...new Set((bank.data?.topics ?? []).map((t) => t.topic).filter((t): t is string => !!t))];
  const base = `/teach/programs/${program.id}`;

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
      <PageHeader
        program={program}
        back={{ to: `${base}/quizzes`, label: `Quizzes of ${program.title}` }}
        title="Question bank"
        subtitle="Blueprint quizzes draw each attempt's questions from here, by topic and difficulty."
        actions={
          !adding &&
          !generating && (
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                className="btn-secondary"
                onClick={() => {
                  setGenerating(true);
                  setNotice(null);
                }}
              >
                Generate with AI
              </button>
              <button
                type="button"
                className="btn-primary"
                onClick={() => {
                  setAdding(true);
                  setNotice(null);
                }}
              >
                Add bank question
              </button>
            </div>
          )
        }
      />
      {notice && <FormAlert tone="success">{notice}</FormAlert>}
      {approve.isError && <FormAlert tone="error">{errorMessage(approve.error)}</FormAlert>}
      {generating && (
        <GenerateQuestionsForm
          programId={program.id}
          topics={topics}
          onDone={(message) => {
            setGenerating(false);
            if (message) setNotice(message);
            void refresh();
          }}
        />
      )}
      {drafts.length > 0 && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-600/20">
          <p>
            {drafts.length === 1
              ? '1 question written by the AI waits'
              : `${drafts.length} questions written by the AI wait`}{' '}
            for your review: students never get them until you approve them.
          </p>
          <button
            type="button"
            className="btn-secondary"
            disabled={approve.isPending}
            onClick={() => approve.mutate({ programId: program.id, questionIds: drafts.map((q) => q.id) })}
          >
            Approve all shown
          </button>
        </div>
      )}
      {adding && (
        <BankQuestionForm
          programId={program.id}
          question={null}
          topics={topics}
          onDone={(message) => {
            setAdding(false);
            if (message) setNotice(message);
            void refresh();
          }}
        />
      )}

      {bank.data && bank.data.topics.length > 0 && (
        <section aria-label="Topics in the bank" className="rounded-2xl border border-slate-200 bg-white p-4 text-sm">
          <h2 className="font-semibold text-slate-900">Topics × difficulty</h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {bank.data.topics.map((t) => (
              <li key={`${t.topic}-${t.difficulty}`} className="rounded-full bg-slate-100 px-3 py-1 text-slate-700">
                {t.topic ?? 'No topic'} · {t.difficulty ?? 'any difficulty'}: {t.count}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="bank-topic" className="field-label">
            Filter by topic
          </label>
          <select
            id="bank-topic"
            className="field-input"
            value={topic}
            onChange={(e) => {
              setTopic(e.target.value);
              setPage(1);
            }}
          >
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="bank-difficulty" className="field-label">
            Filter by difficulty
          </label>
          <select
            id="bank-difficulty"
            className="field-input"
            value={difficulty}
            onChange={(e) => {
              setDifficulty(e.target.value as QuizDifficulty | '');
              setPage(1);
            }}
          >
            <option value="">All difficulties</option>
            <option value="easy">Easy</option>
            <option value="medium">Medium</option>
            <option value="hard">Hard</option>
          </select>
        </div>
      </div>

      {bank.isPending ? (
        <div className="space-y-2" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-20 w-full" />
          ))}
        </div>
      ) : bank.isError ? (
        <ErrorState title="We couldn't load the question bank" error={bank.error} onRetry={() => void bank.refetch()} />
      ) : bank.data.questions.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-slate-300 p-10 text-center">
          <p className="font-medium text-slate-900">No bank questions{topic || difficulty ? ' match' : ' yet'}</p>
          <p className="mt-1 text-sm text-slate-600">
            Add questions, tagged with a topic and difficulty, for blueprints.
          </p>
        </div>
      ) : (
        <ul className="space-y-3">
          {bank.data.questions.map((q) =>
            editing === q.id ? (
              <li key={q.id}>
                <BankQuestionForm
                  programId={program.id}
                  question={q}
                  topics={topics}
                  onDone={(message) => {
                    setEditing(null);
                    if (message) setNotice(message);
                    void refresh();
                  }}
                />
              </li>
            ) : (
              <li key={q.id} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
                <article aria-label={q.questionText}>
                  <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                    <span className="font-medium text-slate-700">{TYPE_LABELS[q.questionType]}</span>
                    {q.difficulty && <DifficultyBadge difficulty={q.difficulty} />}
                    {q.topic && <span className="rounded-full bg-slate-100 px-2 py-0.5">{q.topic}</span>}
                    <span>{q.points === 1 ? '1 point' : `${q.points} points`}</span>
                    {q.draft && (
                      <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-800">
                        AI draft · not used until approved
                      </span>
                    )}
                  </div>
                  <p className="mt-2 whitespace-pre-line font-medium text-slate-900">{q.questionText}</p>
                  {q.options.length > 0 && (
                    <ul className="mt-2 space-y-1 text-sm">
                      {q.options.map((o) => (
                        <li
                          key={o}
                          className={q.correctAnswers.includes(o) ? 'font-medium text-emerald-700' : 'text-slate-600'}
                        >
                          {q.correctAnswers.includes(o) ? '✓ ' : '· '}
                          {o}
                        </li>
                      ))}
                    </ul>
                  )}
                  {q.questionType === 'short-answer' && (
                    <p className="mt-2 text-sm text-emerald-700">Accepted: {q.correctAnswers.join(', ')}</p>
                  )}
                  <div className="mt-3 flex gap-4 text-sm">
                    {q.draft && (
                      <button
                        type="button"
                        className="font-medium text-emerald-700 hover:underline"
                        disabled={approve.isPending}
                        onClick={() => approve.mutate({ programId: program.id, questionIds: [q.id] })}
                      >
                        Approve
                      </button>
                    )}
                    <button
                      type="button"
                      className="font-medium text-indigo-600 hover:underline"
                      onClick={() => {
                        setEditing(q.id);
                        setNotice(null);
                      }}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="font-medium text-red-600 hover:underline"
                      onClick={() => {
                        archive.reset();
                        setArchiving(q);
                      }}
                    >
                      Archive
                    </button>
                  </div>
                </article>
              </li>
            ),
          )}
        </ul>
      )}
      {bank.data && bank.data.pagination.totalPages > 1 && (
        <nav aria-label="Bank pages" className="flex items-center justify-between text-sm">
          <button type="button" className="btn-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page} of {bank.data.pagination.totalPages}
          </span>
          <button
            type="button"
            className="btn-secondary"
            disabled={page >= bank.data.pagination.totalPages}
            onClick={() => setPage(page + 1)}
          >
            Next
          </button>
        </nav>
      )}
      <ConfirmDialog
        open={archiving !== null}
        title="Archive this bank question?"
        confirmLabel="Archive question"
        busyLabel="Archiving…"
        busy={archive.isPending}
        error={archive.error}
        onConfirm={() => archiving && archive.mutate({ programId: program.id, questionId: archiving.id })}
        onClose={() => setArchiving(null)}
      >
        <p>“{archiving?.questionText}” will no longer be drawn into new attempts.</p>
      </ConfirmDialog>
    </div>
  );
}

function BankQuestionForm({
  programId,
  question,
  topics,
  onDone,
}: {
  programId: string;
  question: ManagedQuestion | null;
  topics: string[];
  /** With the message to show, or null when cancelled. */
  onDone: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const [value, setValue] = useState<QuestionValues>(() => (question ? questionValuesFrom(question) : emptyQuestion()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation(
    trpc.quizzes.bank.add.mutationOptions({
      onSuccess: () => onDone('The question has been added to the bank.'),
      onError: (err) => setErrors(errorsOf(serverFieldErrors(err), 'questions.0')),
    }),
  );
  const update = useMutation(
    trpc.quizzes.bank.update.mutationOptions({
      onSuccess: () => onDone('The bank question has been saved.'),
      onError: (err) => setErrors(serverFieldErrors(err)),
    }),
  );
  const save = question ? update : add;

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = questionInputFrom(value);
    if (question) update.mutate({ programId, questionId: question.id, ...input });
    else add.mutate({ programId, questions: [input] });
  }

  const claimed = Object.keys(errors).length > 0;
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={question ? 'Edit bank question' : 'New bank question'}
      className="space-y-4 rounded-2xl border border-indigo-200 bg-white p-6 shadow-sm"
    >
      <h2 className="text-lg font-semibold text-slate-900">{question ? 'Edit bank question' : 'New bank question'}</h2>
      <fieldset disabled={save.isPending}>
        <QuestionFields label="Question" value={value} onChange={setValue} errors={errors} topics={topics} />
      </fieldset>
      {save.isError && (
        <FormAlert tone="error">{claimed ? 'Some fields need your attention.' : errorMessage(save.error)}</FormAlert>
      )}
      <div className="flex gap-3">
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : question ? 'Save question' : 'Add to bank'}
        </button>
        <button type="button" className="btn-secondary" onClick={() => onDone(null)} disabled={save.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** quizzes.generate: the AI writes questions on a topic into the bank, as drafts to review. */
function GenerateQuestionsForm({
  programId,
  topics,
  onDone,
}: {
  programId: string;
  topics: string[];
  onDone: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const [topic, setTopic] = useState(topics[0] ?? '');
  const [difficulty, setDifficulty] = useState<QuizDifficulty>('medium');
  const [count, setCount] = useState(5);
  const generate = useMutation(
    trpc.quizzes.generate.mutationOptions({
      onSuccess: (data) =>
        onDone(
          `${data.questions.length} draft question${data.questions.length === 1 ? '' : 's'} added for your review` +
            (data.rejected > 0 ? ` (${data.rejected} the AI wrote were invalid and left out).` : '.'),
        ),
    }),
  );
  const fieldErrors: FieldErrors = generate.error ? serverFieldErrors(generate.error) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    generate.mutate({ programId, topic, difficulty, count });
  };
  return (
    <form
      onSubmit={submit}
      aria-label="Generate questions with AI"
      className="space-y-4 rounded-2xl border border-indigo-200 bg-indigo-50/40 p-5"
    >
      <div>
        <h2 className="font-semibold text-slate-900">Generate questions with AI</h2>
        <p className="mt-1 text-sm text-slate-600">
          The AI writes multiple-choice questions from this program's lessons. They arrive as drafts: review, edit or
          remove them, then approve them for blueprints.
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="gen-topic" className="field-label">
            Topic
          </label>
          <input
            id="gen-topic"
            className="field-input"
            list="gen-topics"
            value={topic}
            required
            minLength={2}
            maxLength={200}
            onChange={(e) => setTopic(e.target.value)}
            aria-invalid={fieldErrors.topic ? true : undefined}
          />
          <datalist id="gen-topics">
            {topics.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          {fieldErrors.topic && <p className="mt-1.5 text-sm text-red-600">{fieldErrors.topic}</p>}
        </div>
        <div>
          <label htmlFor="gen-difficulty" className="field-label">
            Difficulty
          </label>
          <select
            id="gen-difficulty"
            className="field-input"
            value={difficulty}
            onChange={(e) => setDifficulty(e.target.value as QuizDifficulty)}
          >
            <option value="easy">Easy</option>
            <option value="medium">Medium</option>
            <option value="hard">Hard</option>
          </select>
        </div>
        <div>
          <label htmlFor="gen-count" className="field-label">
            How many (1–20)
          </label>
          <input
            id="gen-count"
            type="number"
            className="field-input"
            min={1}
            max={20}
            value={count}
            onChange={(e) => setCount(Number(e.target.value))}
            aria-invalid={fieldErrors.count ? true : undefined}
          />
          {fieldErrors.count && <p className="mt-1.5 text-sm text-red-600">{fieldErrors.count}</p>}
        </div>
      </div>
      {generate.isError && Object.keys(fieldErrors).length === 0 && (
        <FormAlert tone="error">{errorMessage(generate.error)}</FormAlert>
      )}
      <div className="flex gap-3">
        <button type="submit" className="btn-primary" disabled={generate.isPending}>
          {generate.isPending ? 'Writing questions…' : 'Generate drafts'}
        </button>
        <button type="button" className="btn-secondary" disabled={generate.isPending} onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
