import {
  QUESTION_TYPES,
  QUIZ_DIFFICULTIES,
  type ManagedQuestion,
  type QuestionInput,
  type QuestionType,
  type QuizDifficulty,
} from '@learningpt/schema';
import { TextAreaField, TextField, type FieldErrors } from '@learningpt/ui';
import { useId } from 'react';
import { DIFFICULTY_LABELS } from '../exam/exam-format';

export const TYPE_LABELS: Record<QuestionType, string> = {
  'multiple-choice': 'Single choice',
  'multi-select': 'Multi-select',
  'true-false': 'True / false',
  'short-answer': 'Short answer',
};

/** A question as its form holds it: lists as one item per line, numbers as typed. */
export interface QuestionValues {
  /** A stable React key (the server id once stored). */
  key: string;
  id?: string;
  questionText: string;
  questionType: QuestionType;
  options: string;
  /** Single choice: the correct option as typed. */
  correctAnswer: string;
  /** Multi-select: the correct options; short answer: the accepted answers (one per line). */
  correctAnswers: string;
  /** True / false. */
  truth: 'True' | 'False';
  explanation: string;
  points: string;
  difficulty: QuizDifficulty | '';
  topic: string;
}

let keys = 0;
const newKey = () => `q-${++keys}`;

export function emptyQuestion(): QuestionValues {
  return {
    key: newKey(),
    questionText: '',
    questionType: 'multiple-choice',
    options: '',
    correctAnswer: '',
    correctAnswers: '',
    truth: 'True',
    explanation: '',
    points: '1',
    difficulty: '',
    topic: '',
  };
}

export function questionValuesFrom(q: ManagedQuestion): QuestionValues {
  return {
    key: q.id,
    id: q.id,
    questionText: q.questionText,
    questionType: q.questionType,
    options: q.questionType === 'true-false' ? '' : q.options.join('\n'),
    correctAnswer: q.questionType === 'multiple-choice' ? q.correctAnswer : '',
    correctAnswers: ['multi-select', 'short-answer'].includes(q.questionType) ? q.correctAnswers.join('\n') : '',
    truth: q.correctAnswer === 'False' ? 'False' : 'True',
    explanation: q.explanation ?? '',
    points: String(q.points),
    difficulty: q.difficulty ?? '',
    topic: q.topic ?? '',
  };
}

export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/** What the API is sent; nothing is checked here, so the server's own messages come back per field. */
export function questionInputFrom(v: QuestionValues): QuestionInput {
  const points = /^\d+$/.test(v.points.trim()) ? Number(v.points) : Number.NaN;
  const base = {
    questionText: v.questionText,
    questionType: v.questionType,
    explanation: v.explanation.trim() ? v.explanation : null,
    // NaN travels as null, which the server refuses with its points message.
    points,
    difficulty: v.difficulty || null,
    topic: v.topic.trim() ? v.topic : null,
  };
  switch (v.questionType) {
    case 'multiple-choice':
      return {
        ...base,
        options: lines(v.options),
        ...(v.correctAnswer.trim() ? { correctAnswer: v.correctAnswer } : {}),
      };
    case 'multi-select':
      return { ...base, options: lines(v.options), correctAnswers: lines(v.correctAnswers) };
    case 'true-false':
      return { ...base, correctAnswer: v.truth };
    case 'short-answer':
      return { ...base, options: [], correctAnswers: lines(v.correctAnswers) };
  }
}

/** The first message of `errors` at `prefix` or below it (`options` also shows `options.2`). */
export function errorAt(errors: FieldErrors, prefix: string): string | undefined {
  if (errors[prefix]) return errors[prefix];
  const key = Object.keys(errors).find((k) => k.startsWith(`${prefix}.`));
  return key ? errors[key] : undefined;
}

interface QuestionFieldsProps {
  /** "Question 2": prefixes the labels so each question's fields can be told apart. */
  label: string;
  value: QuestionValues;
  onChange: (next: QuestionValues) => void;
  /** Messages keyed as the server names them, relative to this question (`correctAnswer`, `options.1`). */
  errors: FieldErrors;
  /** Topics already used, offered while typing. */
  topics?: string[];
}

/** The fields of one question: text, type, options and correct answer(s), explanation, points, difficulty, topic. */
export function QuestionFields({ label, value, onChange, errors, topics = [] }: QuestionFieldsProps) {
  const id = useId();
  const set = <K extends keyof QuestionValues>(key: K, v: QuestionValues[K]) => onChange({ ...value, [key]: v });
  const type = value.questionType;
  const optionList = lines(value.options);
  const correctError = errorAt(errors, 'correctAnswer') ?? errorAt(errors, 'correctAnswers');

  return (
    <div className="space-y-4">
      <TextAreaField
        label={`${label} text`}
        rows={2}
        maxLength={4000}
        value={value.questionText}
        onChange={(e) => set('questionText', e.target.value)}
        error={errors.questionText}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-type`} className="field-label">
            {label} type
          </label>
          <select
            id={`${id}-type`}
            className="field-input"
            value={type}
            onChange={(e) => set('questionType', e.target.value as QuestionType)}
          >
            {QUESTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={`${label} points`}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          step={1}
          value={value.points}
          onChange={(e) => set('points', e.target.value)}
          error={errors.points}
        />
        <div>
          <label htmlFor={`${id}-difficulty`} className="field-label">
            {label} difficulty
          </label>
          <select
            id={`${id}-difficulty`}
            className="field-input"
            value={value.difficulty}
            onChange={(e) => set('difficulty', e.target.value as QuizDifficulty | '')}
          >
            <option value="">Not set</option>
            {QUIZ_DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {DIFFICULTY_LABELS[d]}
              </option>
            ))}
          </select>
          {errors.difficulty && <p className="mt-1.5 text-sm text-red-600">{errors.difficulty}</p>}
        </div>
      </div>

      {(type === 'multiple-choice' || type === 'multi-select') && (
        <TextAreaField
          label={`${label} options`}
          rows={4}
          value={value.options}
          onChange={(e) => set('options', e.target.value)}
          error={errorAt(errors, 'options')}
          hint="One option per line (2 to 12)."
        />
      )}
      {type === 'multiple-choice' && (
        <>
          <TextField
            label={`${label} correct answer`}
            list={`${id}-options`}
            maxLength={500}
            value={value.correctAnswer}
            onChange={(e) => set('correctAnswer', e.target.value)}
            error={correctError}
            hint="One of the options, as written above."
          />
          <datalist id={`${id}-options`}>
            {optionList.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
        </>
      )}
      {type === 'multi-select' && (
        <TextAreaField
          label={`${label} correct answers`}
          rows={3}
          value={value.correctAnswers}
          onChange={(e) => set('correctAnswers', e.target.value)}
          error={correctError}
          hint="Every correct option, one per line, as written above."
        />
      )}
      {type === 'true-false' && (
        <div>
          <label htmlFor={`${id}-truth`} className="field-label">
            {label} correct answer
          </label>
          <select
            id={`${id}-truth`}
            className="field-input"
            value={value.truth}
            onChange={(e) => set('truth', e.target.value as 'True' | 'False')}
          >
            <option value="True">True</option>
            <option value="False">False</option>
          </select>
          {(correctError ?? errorAt(errors, 'options')) && (
            <p className="mt-1.5 text-sm text-red-600">{correctError ?? errorAt(errors, 'options')}</p>
          )}
        </div>
      )}
      {type === 'short-answer' && (
        <TextAreaField
          label={`${label} accepted answers`}
          rows={3}
          value={value.correctAnswers}
          onChange={(e) => set('correctAnswers', e.target.value)}
          error={correctError ?? errorAt(errors, 'options')}
          hint="Every answer that counts as correct, one per line (case and spacing do not matter)."
        />
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={`${label} topic`}
          list={`${id}-topics`}
          maxLength={100}
          value={value.topic}
          onChange={(e) => set('topic', e.target.value)}
          error={errors.topic}
        />
        <datalist id={`${id}-topics`}>
          {topics.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <TextAreaField
        label={`${label} explanation`}
        rows={2}
        maxLength={4000}
        value={value.explanation}
        onChange={(e) => set('explanation', e.target.value)}
        error={errors.explanation}
        hint="Shown with the result when the quiz shows answers after submission."
      />
    </div>
  );
}

/** The errors under `questions.3.` of a quiz's errors, keyed relative to that question. */
export function errorsOf(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) {
    if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v;
  }
  return out;
}
