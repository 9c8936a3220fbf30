// Quizzes for the exam tests, written straight to the database (not through the code under
// test), so each test knows every question and its answers.
import type { Prisma, QuestionType } from '@learningpt/db';
import type { TestServer } from '../../testing/harness';

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

export interface FixtureQuestion {
  id: string;
  type: QuestionType;
  options: string[];
  correct: string[];
  explanation: string;
  points: number;
  topic: string;
}

export interface FixtureQuiz {
  id: string;
  programId: string;
  questions: FixtureQuestion[];
}

/**
 * A quiz with `count` questions cycling through the four types. Every explanation and every
 * accepted short answer is a unique marker, so a scan of a response can tell whether one leaked.
 */
export async function makeQuiz(
  s: TestServer,
  opts: { programId: string; count?: number; points?: number } & Partial<Prisma.QuizUncheckedCreateInput>,
): Promise<FixtureQuiz> {
  const { programId, count = 4, points = 5, ...quizFields } = opts;
  const tag = unique();
  const quiz = await s.db.quiz.create({
    data: {
      programId,
      title: `Exam ${tag}`,
      status: 'published',
      durationMinutes: 30,
      passingScore: 70,
      createdAt: s.clock.now(),
      ...quizFields,
    },
  });
  const questions: FixtureQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const kind = (['multiple_choice', 'multi_select', 'true_false', 'short_answer'] as const)[i % 4]!;
    const spec =
      kind === 'multiple_choice'
        ? { options: [`Alpha ${i}`, `Beta ${i}`, `Gamma ${i}`, `Delta ${i}`], correct: [`Gamma ${i}`] }
        : kind === 'multi_select'
          ? { options: [`One ${i}`, `Two ${i}`, `Three ${i}`, `Four ${i}`], correct: [`One ${i}`, `Three ${i}`] }
          : kind === 'true_false'
            ? { options: ['True', 'False'], correct: ['False'] }
            : { options: [], correct: [`secret-answer-${tag}-${i}`, `other-secret-${tag}-${i}`] };
    const row = await s.db.question.create({
      data: {
        quizId: quiz.id,
        programId,
        type: kind,
        text: `Question ${i} of ${tag}?`,
        options: spec.options,
        correctAnswers: spec.correct,
        explanation: `explanation-marker-${tag}-${i}`,
        points,
        topic: i % 2 === 0 ? 'Even topic' : 'Odd topic',
        position: i,
      },
    });
    questions.push({ id: row.id, type: kind, ...spec, explanation: row.explanation!, points, topic: row.topic! });
  }
  return { id: quiz.id, programId, questions };
}

/** Answers as a client sends them: right ones, or a wrong choice for every question. */
export function answersFor(quiz: FixtureQuiz, which: 'right' | 'wrong' = 'right') {
  return quiz.questions.map((q) => {
    if (which === 'right') {
      return q.type === 'multi_select'
        ? { questionId: q.id, selectedAnswers: q.correct }
        : { questionId: q.id, selectedAnswer: q.correct[0]! };
    }
    const wrong = q.options.find((o) => !q.correct.includes(o));
    return { questionId: q.id, selectedAnswer: wrong ?? 'not it' };
  });
}

/** Every key (with its value) and every string value of a JSON value, deeply. */
export function jsonStrings(value: unknown): { keys: [string, unknown][]; values: string[] } {
  const keys: [string, unknown][] = [];
  const values: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') values.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        keys.push([k, x]);
        walk(x);
      }
    }
  };
  walk(value);
  return { keys, values };
}

/** Fails with the offending item if a response carries an answer or an explanation of the quiz. */
export function leaks(quiz: FixtureQuiz, body: unknown): string[] {
  const { keys, values } = jsonStrings(body);
  const secrets = new Set(
    quiz.questions.flatMap((q) => [q.explanation, ...(q.type === 'short_answer' ? q.correct : [])]),
  );
  const text = JSON.stringify(body);
  return [
    // The result's correctAnswers is a count (the seed's shape); as text or a list it is an answer.
    ...keys
      .filter(
        ([k, v]) =>
          ['correctAnswer', 'correctAnswers', 'explanation', 'isCorrect'].includes(k) && typeof v !== 'number',
      )
      .map(([k]) => k),
    ...values.filter((v) => secrets.has(v)),
    ...[...secrets].filter((x) => text.includes(x)),
  ];
}
