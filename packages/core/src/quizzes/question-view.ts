// The API's spellings of the quiz enums and the shapes questions leave the server in: with their
// answers for owners (toManagedQuestion), without for students (toAttemptQuestion).
import type { Prisma, QuestionType as DbQuestionType } from '@learningpt/db';
import type {
  AttemptQuestion,
  BlueprintEntry,
  ManagedQuestion,
  QuestionDraft,
  QuestionType,
  SavedAnswer,
} from '@learningpt/schema';

export const TYPE_TO_DB: Record<QuestionType, DbQuestionType> = {
  'multiple-choice': 'multiple_choice',
  'multi-select': 'multi_select',
  'true-false': 'true_false',
  'short-answer': 'short_answer',
};
export const TYPE_FROM_DB: Record<DbQuestionType, QuestionType> = {
  multiple_choice: 'multiple-choice',
  multi_select: 'multi-select',
  true_false: 'true-false',
  short_answer: 'short-answer',
};

export const questionSelect = {
  id: true,
  type: true,
  text: true,
  options: true,
  correctAnswers: true,
  explanation: true,
  points: true,
  difficulty: true,
  topic: true,
  position: true,
  draft: true,
} satisfies Prisma.QuestionSelect;
export type QuestionRow = Prisma.QuestionGetPayload<{ select: typeof questionSelect }>;

/** Columns of a Question row from a canonical draft. */
export function questionData(q: QuestionDraft) {
  return {
    type: TYPE_TO_DB[q.questionType],
    text: q.questionText,
    options: q.options,
    correctAnswers: q.correctAnswers,
    explanation: q.explanation,
    points: q.points,
    difficulty: q.difficulty,
    topic: q.topic,
  };
}

export function toManagedQuestion(q: QuestionRow): ManagedQuestion {
  return {
    id: q.id,
    questionText: q.text,
    questionType: TYPE_FROM_DB[q.type],
    options: q.options,
    correctAnswer: q.correctAnswers[0] ?? '',
    correctAnswers: q.correctAnswers,
    explanation: q.explanation,
    points: q.points,
    difficulty: q.difficulty,
    topic: q.topic,
    position: q.position,
    draft: q.draft,
  };
}

/** A served question: text, options in the order served, points. No answer, no explanation. */
export function toAttemptQuestion(q: QuestionRow, servedOptions: readonly string[] | undefined): AttemptQuestion {
  return {
    id: q.id,
    questionText: q.text,
    questionType: TYPE_FROM_DB[q.type],
    options: q.type === 'short_answer' ? [] : [...(servedOptions ?? q.options)],
    points: q.points,
    topic: q.topic,
    difficulty: q.difficulty,
  };
}

export function toSavedAnswer(a: { questionId: string; selected: string[] }): SavedAnswer {
  return { questionId: a.questionId, selectedAnswer: a.selected[0] ?? null, selectedAnswers: a.selected };
}

/** The stored blueprint (JSON) as entries; anything malformed reads as none. */
export function blueprintOf(json: Prisma.JsonValue | null): BlueprintEntry[] | null {
  if (!Array.isArray(json)) return null;
  return json.flatMap((e) => {
    if (!e || typeof e !== 'object' || Array.isArray(e)) return [];
    const { topic, difficulty, count } = e as Record<string, unknown>;
    if (typeof count !== 'number') return [];
    return [
      {
        topic: typeof topic === 'string' ? topic : null,
        difficulty: difficulty === 'easy' || difficulty === 'medium' || difficulty === 'hard' ? difficulty : null,
        count,
      },
    ];
  });
}

/** The served option order of each question (JSON object on the attempt). */
export function optionOrderOf(json: Prisma.JsonValue): Record<string, string[]> {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return {};
  const out: Record<string, string[]> = {};
  for (const [id, v] of Object.entries(json)) {
    if (Array.isArray(v)) out[id] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}
