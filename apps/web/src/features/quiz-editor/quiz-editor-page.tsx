import {
  QUIZ_DIFFICULTIES,
  QUIZ_STATUSES,
  type AttemptQuestion,
  type ManagedQuiz,
  type ProgramDetail,
  type QuizDifficulty,
  type QuizStatus,
} from '@learningpt/schema';
import {
  ErrorState,
  errorMessage,
  FormAlert,
  PageLoading,
  serverFieldErrors,
  TextAreaField,
  TextField,
  trpcErrorCode,
  useTRPC,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { plural } from '../../lib/format';
import { DIFFICULTY_LABELS } from '../exam/exam-format';
import { useWarnBeforeUnload } from '../teach/editor/editor-context';
import { PageHeader, ProgramGate } from './program-gate';
import {
  emptyQuestion,
  errorAt,
  errorsOf,
  lines,
  questionInputFrom,
  questionValuesFrom,
  QuestionFields,
  type QuestionValues,
} from './question-fields';
import { QuizPreview } from './quiz-preview';
import { QuizStatusBadge } from './quiz-status-badge';

interface BlueprintRow {
  key: string;
  topic: string;
  difficulty: QuizDifficulty | '';
  count: string;
}

interface Values {
  title: string;
  description: string;
  difficulty: QuizDifficulty;
  duration: string;
  isTimed: boolean;
  passingScore: string;
  allowRetake: boolean;
  maxAttempts: string;
  retakeCooldownMinutes: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  showAnswersAfterSubmit: boolean;
  status: QuizStatus;
  mode: 'questions' | 'blueprint';
  questions: QuestionValues[];
  blueprint: BlueprintRow[];
}

const STATUS_LABELS: Record<QuizStatus, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' };

let rows = 0;
const blueprintRow = (topic = '', difficulty: QuizDifficulty | '' = '', count = '5'): BlueprintRow => ({
  key: `b-${++rows}`,
  topic,
  difficulty,
  count,
});

function newValues(): Values {
  return {
    title: '',
    description: '',
    difficulty: 'medium',
    duration: '30',
    isTimed: true,
    passingScore: '70',
    allowRetake: true,
    maxAttempts: '',
    retakeCooldownMinutes: '0',
    shuffleQuestions: false,
    shuffleOptions: false,
    showAnswersAfterSubmit: false,
    status: 'draft',
    mode: 'questions',
    questions: [emptyQuestion()],
    blueprint: [blueprintRow()],
  };
}

function valuesFrom(q: ManagedQuiz): Values {
  return {
    title: q.title,
    description: q.description ?? '',
    difficulty: q.difficulty,
    duration: String(q.duration),
    isTimed: q.isTimed,
    passingScore: String(q.passingScore),
    allowRetake: q.allowRetake,
    maxAttempts: q.maxAttempts === null ? '' : String(q.maxAttempts),
    retakeCooldownMinutes: String(q.retakeCooldownMinutes),
    shuffleQuestions: q.shuffleQuestions,
    shuffleOptions: q.shuffleOptions,
    showAnswersAfterSubmit: q.showAnswersAfterSubmit,
    status: q.status,
    mode: q.usesBlueprint ? 'blueprint' : 'questions',
    questions: q.questions.length > 0 ? q.questions.map(questionValuesFrom) : [emptyQuestion()],
    blueprint: q.blueprint?.length
      ? q.blueprint.map((b) => blueprintRow(b.topic ?? '', b.difficulty ?? '', String(b.count)))
      : [blueprintRow()],
  };
}

/** A whole number as typed, or NaN (sent as null, which the server refuses with the field's message). */
const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : Number.NaN);

/** What the API is sent: the settings, then either the quiz's own questions or its blueprint. */
function inputFrom(v: Values) {
  const settings = {
    title: v.title,
    description: v.description.trim() ? v.description : null,
    difficulty: v.difficulty,
    duration: whole(v.duration),
    isTimed: v.isTimed,
    passingScore: whole(v.passingScore),
    allowRetake: v.allowRetake,
    maxAttempts: v.maxAttempts.trim() ? whole(v.maxAttempts) : null,
    retakeCooldownMinutes: whole(v.retakeCooldownMinutes),
    shuffleQuestions: v.shuffleQuestions,
    shuffleOptions: v.shuffleOptions,
    showAnswersAfterSubmit: v.showAnswersAfterSubmit,
    status: v.status,
  };
  return v.mode === 'questions'
    ? { settings, questions: v.questions.map((q) => ({ ...(q.id ? { id: q.id } : {}), ...questionInputFrom(q) })) }
    : {
        settings,
        blueprint: v.blueprint.map((b) => ({
          topic: b.topic.trim() ? b.topic : null,
          difficulty: b.difficulty || null,
          count: whole(b.count),
        })),
      };
}

/** The questions as an attempt serves them: no answers, no explanations. */
function previewQuestions(v: Values): AttemptQuestion[] {
  return v.questions
    .filter((q) => q.questionText.trim())
    .map((q) => ({
      id: q.key,
      questionText: q.questionText.trim(),
      questionType: q.questionType,
      options:
        q.questionType === 'true-false' ? ['True', 'False'] : q.questionType === 'short-answer' ? [] : lines(q.options),
      points: /^\d+$/.test(q.points.trim()) ? Number(q.points) : 1,
      topic: q.topic.trim() || null,
      difficulty: q.difficulty || null,
    }));
}

/** /teach/programs/:id/quizzes/new */
export function NewQuizPage() {
  return <ProgramGate>{(program) => <QuizEditor program={program} quiz={null} />}</ProgramGate>;
}

/** /teach/programs/:id/quizzes/:quizId */
export function EditQuizPage() {
  const { quizId = '' } = useParams();
  return <ProgramGate>{(program) => <LoadQuiz program={program} quizId={quizId} />}</ProgramGate>;
}

function LoadQuiz({ program, quizId }: { program: ProgramDetail; quizId: string }) {
  const trpc = useTRPC();
  const quiz = useQuery(trpc.quizzes.questions.queryOptions({ id: quizId }));
  if (quiz.isPending) return <PageLoading />;
  if (quiz.isError) {
    const notFound = trpcErrorCode(quiz.error) === 'NOT_FOUND';
    return (
      <div className="px-4 py-16">
        <ErrorState
          title={notFound ? 'Quiz not found' : "We couldn't load this quiz"}
          error={quiz.error}
          onRetry={() => void quiz.refetch()}
        />
      </div>
    );
  }
  if (quiz.data.quiz.programId !== program.id) {
    return (
      <div className="px-4 py-16">
        <ErrorState title="This quiz belongs to another program" error={null} />
      </div>
    );
  }
  // Keyed by quiz: another quiz's editor starts from its own values.
  return <QuizEditor key={quiz.data.quiz.id} program={program} quiz={quiz.data.quiz} />;
}

function QuizEditor({ program, quiz }: { program: ProgramDetail; quiz: ManagedQuiz | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState<Values>(() => (quiz ? valuesFrom(quiz) : newValues()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [dirty, setDirty] = useState(false);
  const [view, setView] = useState<'edit' | 'preview'>('edit');
  const [saved, setSaved] = useState(false);
  useWarnBeforeUnload(dirty);
  const base = `/teach/programs/${program.id}`;

  const bank = useQuery(trpc.quizzes.bank.list.queryOptions({ programId: program.id, limit: 1 }));
  const topics = [...new Set((bank.data?.topics ?? []).map((t) => t.topic).filter((t): t is string => !!t))];

  const onError = (err: unknown) => {
    setErrors(serverFieldErrors(err, ['title', 'questions', 'blueprint']));
    setSaved(false);
  };
  const onSaved = (data: { quiz: ManagedQuiz }) => {
    setDirty(false);
    setErrors({});
    queryClient.setQueryData(trpc.quizzes.questions.queryKey({ id: data.quiz.id }), data);
    void queryClient.invalidateQueries({ queryKey: trpc.quizzes.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.quizzes.byId.queryKey({ id: data.quiz.id }) });
  };
  const create = useMutation(
    trpc.quizzes.create.mutationOptions({
      onSuccess: (data) => {
        onSaved(data);
        void navigate(`${base}/quizzes/${data.quiz.id}`, { replace: true, state: { created: true } });
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.quizzes.update.mutationOptions({
      onSuccess: (data) => {
        onSaved(data);
        // The form shows what the server stored (canonical answers, ids of new questions).
        setValues(valuesFrom(data.quiz));
        setSaved(true);
      },
      onError,
    }),
  );
  const save = quiz ? update : create;
  const busy = save.isPending;

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    setDirty(true);
    setSaved(false);
  }
  function setQuestion(i: number, q: QuestionValues) {
    set(
      'questions',
      values.questions.map((old, j) => (j === i ? q : old)),
    );
  }
  function setBlueprint(i: number, row: BlueprintRow) {
    set(
      'blueprint',
      values.blueprint.map((old, j) => (j === i ? row : old)),
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const { settings, ...content } = inputFrom(values);
    if (quiz) {
      update.mutate({
        id: quiz.id,
        ...settings,
        ...('questions' in content ? { questions: content.questions, blueprint: null } : content),
      });
    } else {
      create.mutate({ programId: program.id, ...settings, ...content });
    }
  }

  const fieldClaimed = Object.keys(errors).length > 0;
  const created = !!(location.state as { created?: boolean } | null)?.created;

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
      <PageHeader
        program={program}
        back={{ to: `${base}/quizzes`, label: `Quizzes of ${program.title}` }}
        title={quiz ? quiz.title : 'New quiz'}
        subtitle={
          quiz ? (
            <span className="inline-flex items-center gap-2">
              <QuizStatusBadge status={quiz.status} /> {plural(quiz.questionCount, 'question')} per attempt
            </span>
          ) : (
            `A practice exam for ${program.title}.`
          )
        }
        actions={
          <div role="tablist" aria-label="Quiz view" className="flex gap-1 rounded-lg bg-slate-100 p-1">
            {(['edit', 'preview'] as const).map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                aria-selected={view === v}
                className={`rounded-md px-3 py-1.5 text-sm font-medium ${view === v ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600'}`}
                onClick={() => setView(v)}
              >
                {v === 'edit' ? 'Edit' : 'Preview as a student'}
              </button>
            ))}
          </div>
        }
      />
      {created && !dirty && !saved && quiz && <FormAlert tone="success">The quiz has been created.</FormAlert>}

      {view === 'preview' ? (
        <section aria-label="Preview as a student" className="space-y-4">
          <FormAlert tone="info">
            {values.mode === 'blueprint'
              ? 'This quiz draws its questions from the question bank for each attempt, so each student sees different ones.'
              : `This is how a student sees ${dirty ? 'your current (unsaved) questions' : 'the questions'}: no correct answers, no explanations. Nothing you choose here is saved.`}
          </FormAlert>
          {values.mode === 'questions' && <QuizPreview questions={previewQuestions(values)} />}
        </section>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Quiz" aria-busy={busy} className="space-y-6">
          <fieldset disabled={busy} className="space-y-6">
            <Card title="Settings">
              <TextField
                label="Title"
                maxLength={200}
                value={values.title}
                onChange={(e) => set('title', e.target.value)}
                error={errors.title}
              />
              <TextAreaField
                label="Description"
                rows={2}
                maxLength={2000}
                value={values.description}
                onChange={(e) => set('description', e.target.value)}
                error={errors.description}
              />
              <div className="grid gap-4 sm:grid-cols-3">
                <Select
                  label="Difficulty"
                  value={values.difficulty}
                  onChange={(v) => set('difficulty', v as QuizDifficulty)}
                  options={QUIZ_DIFFICULTIES.map((d) => [d, DIFFICULTY_LABELS[d]])}
                  error={errors.difficulty}
                />
                <TextField
                  label="Passing score (%)"
                  type="number"
                  min={0}
                  max={100}
                  value={values.passingScore}
                  onChange={(e) => set('passingScore', e.target.value)}
                  error={errors.passingScore}
                />
                <Select
                  label="Status"
                  value={values.status}
                  onChange={(v) => set('status', v as QuizStatus)}
                  options={QUIZ_STATUSES.map((s) => [s, STATUS_LABELS[s]])}
                  error={errors.status}
                />
              </div>
              <div className="grid gap-4 sm:grid-cols-3">
                <Check label="Timed" checked={values.isTimed} onChange={(v) => set('isTimed', v)} />
                <TextField
                  label="Duration (minutes)"
                  type="number"
                  min={1}
                  max={600}
                  value={values.duration}
                  onChange={(e) => set('duration', e.target.value)}
                  error={errors.duration}
                  hint={values.isTimed ? undefined : 'Only used when the quiz is timed.'}
                />
              </div>
            </Card>

            <Card title="Retakes and display">
              <div className="grid gap-4 sm:grid-cols-3">
                <Check label="Retakes allowed" checked={values.allowRetake} onChange={(v) => set('allowRetake', v)} />
                <TextField
                  label="Max attempts"
                  type="number"
                  min={1}
                  placeholder="No limit"
                  value={values.maxAttempts}
                  onChange={(e) => set('maxAttempts', e.target.value)}
                  error={errors.maxAttempts}
                  hint="Leave empty for no limit."
                />
                <TextField
                  label="Cooldown after a fail (minutes)"
                  type="number"
                  min={0}
                  value={values.retakeCooldownMinutes}
                  onChange={(e) => set('retakeCooldownMinutes', e.target.value)}
                  error={errors.retakeCooldownMinutes}
                />
              </div>
              <div className="flex flex-wrap gap-x-6 gap-y-2">
                <Check
                  label="Shuffle questions"
                  checked={values.shuffleQuestions}
                  onChange={(v) => set('shuffleQuestions', v)}
                />
                <Check
                  label="Shuffle options"
                  checked={values.shuffleOptions}
                  onChange={(v) => set('shuffleOptions', v)}
                />
                <Check
                  label="Show answers after submit"
                  checked={values.showAnswersAfterSubmit}
                  onChange={(v) => set('showAnswersAfterSubmit', v)}
                />
              </div>
            </Card>

            <Card title="Questions">
              <fieldset className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
                <legend className="field-label">Where the questions come from</legend>
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="quiz-mode"
                    className="size-4 accent-indigo-600"
                    checked={values.mode === 'questions'}
                    onChange={() => set('mode', 'questions')}
                  />
                  A fixed list of questions
                </label>
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="quiz-mode"
                    className="size-4 accent-indigo-600"
                    checked={values.mode === 'blueprint'}
                    onChange={() => set('mode', 'blueprint')}
                  />
                  Drawn from the question bank (blueprint)
                </label>
              </fieldset>
              {values.mode === 'questions' ? (
                <div className="space-y-4">
                  {errors.questions && <p className="text-sm text-red-600">{errors.questions}</p>}
                  {values.questions.map((q, i) => (
                    <section
                      key={q.key}
                      aria-label={`Question ${i + 1}`}
                      className="rounded-xl border border-slate-200 p-4"
                    >
                      <div className="mb-3 flex items-center justify-between">
                        <h3 className="font-semibold text-slate-900">Question {i + 1}</h3>
                        <button
                          type="button"
                          className="text-sm font-medium text-red-600 hover:underline"
                          onClick={() =>
                            set(
                              'questions',
                              values.questions.filter((_, j) => j !== i),
                            )
                          }
                        >
                          Remove question {i + 1}
                        </button>
                      </div>
                      <QuestionFields
                        label={`Question ${i + 1}`}
                        value={q}
                        onChange={(next) => setQuestion(i, next)}
                        errors={errorsOf(errors, `questions.${i}`)}
                        topics={topics}
                      />
                    </section>
                  ))}
                  <button
                    type="button"
                    className="btn-secondary"
                    onClick={() => set('questions', [...values.questions, emptyQuestion()])}
                  >
                    + Add question
                  </button>
                </div>
              ) : (
                <BlueprintEditor
                  rows={values.blueprint}
                  onChange={(i, row) => setBlueprint(i, row)}
                  onAdd={() => set('blueprint', [...values.blueprint, blueprintRow()])}
                  onRemove={(i) =>
                    set(
                      'blueprint',
                      values.blueprint.filter((_, j) => j !== i),
                    )
                  }
                  errors={errors}
                  bankTopics={bank.data?.topics ?? []}
                  bankLink={`${base}/question-bank`}
                />
              )}
            </Card>
          </fieldset>

          <div aria-live="polite">
            {saved && !dirty && <FormAlert tone="success">The quiz has been saved.</FormAlert>}
            {save.isError && !fieldClaimed && <FormAlert tone="error">{errorMessage(save.error)}</FormAlert>}
            {save.isError && fieldClaimed && <FormAlert tone="error">Some fields need your attention.</FormAlert>}
          </div>
          <div className="flex items-center gap-3">
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? 'Saving…' : quiz ? 'Save quiz' : 'Create quiz'}
            </button>
            <Link to={`${base}/quizzes`} className="btn-secondary">
              {dirty ? 'Cancel' : 'Back to quizzes'}
            </Link>
          </div>
        </form>
      )}
    </div>
  );
}

function BlueprintEditor({
  rows,
  onChange,
  onAdd,
  onRemove,
  errors,
  bankTopics,
  bankLink,
}: {
  rows: BlueprintRow[];
  onChange: (i: number, row: BlueprintRow) => void;
  onAdd: () => void;
  onRemove: (i: number) => void;
  errors: FieldErrors;
  bankTopics: { topic: string | null; difficulty: QuizDifficulty | null; count: number }[];
  bankLink: string;
}) {
  const available = (row: BlueprintRow) =>
    bankTopics
      .filter(
        (t) =>
          (!row.topic.trim() || t.topic === row.topic.trim()) && (!row.difficulty || t.difficulty === row.difficulty),
      )
      .reduce((n, t) => n + t.count, 0);
  const topicNames = [...new Set(bankTopics.map((t) => t.topic).filter((t): t is string => !!t))];
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Each attempt draws this many questions of each topic and difficulty from the{' '}
        <Link to={bankLink} className="font-medium text-indigo-600 hover:underline">
          question bank
        </Link>
        .
      </p>
      {errors.blueprint && <p className="text-sm text-red-600">{errors.blueprint}</p>}
      <datalist id="blueprint-topics">
        {topicNames.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {rows.map((row, i) => (
        <div
          key={row.key}
          className="grid items-start gap-3 rounded-xl border border-slate-200 p-4 sm:grid-cols-[1fr_10rem_7rem_auto]"
        >
          <TextField
            label={`Entry ${i + 1} topic`}
            list="blueprint-topics"
            placeholder="Any topic"
            value={row.topic}
            onChange={(e) => onChange(i, { ...row, topic: e.target.value })}
            error={errorAt(errors, `blueprint.${i}.topic`)}
            hint={`${available(row)} in the bank`}
          />
          <Select
            label={`Entry ${i + 1} difficulty`}
            value={row.difficulty}
            onChange={(v) => onChange(i, { ...row, difficulty: v as QuizDifficulty | '' })}
            options={[['', 'Any'], ...QUIZ_DIFFICULTIES.map((d): [string, string] => [d, DIFFICULTY_LABELS[d]])]}
            error={errorAt(errors, `blueprint.${i}.difficulty`)}
          />
          <TextField
            label={`Entry ${i + 1} count`}
            type="number"
            min={1}
            max={200}
            value={row.count}
            onChange={(e) => onChange(i, { ...row, count: e.target.value })}
            error={errorAt(errors, `blueprint.${i}.count`) ?? (errors[`blueprint.${i}`] || undefined)}
          />
          <button
            type="button"
            className="mt-7 text-sm font-medium text-red-600 hover:underline"
            onClick={() => onRemove(i)}
          >
            Remove entry {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="btn-secondary" onClick={onAdd}>
        + Add blueprint entry
      </button>
    </div>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function Select({
  label,
  value,
  onChange,
  options,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
  error?: string | undefined;
}) {
  const id = `select-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="field-input"
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {error && <p className="mt-1.5 text-sm text-red-600">{error}</p>}
    </div>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 self-end py-2 text-sm font-medium text-slate-700">
      <input
        type="checkbox"
        className="size-4 accent-indigo-600"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}
