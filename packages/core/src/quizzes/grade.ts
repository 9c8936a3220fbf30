// Pure scoring of one attempt: no database, unit-tested in grade.test.ts.
import type { QuestionType } from '@learningpt/db';

export interface GradableQuestion {
  id: string;
  type: QuestionType;
  correctAnswers: readonly string[];
  points: number;
}

export interface GradedAnswer {
  questionId: string;
  selected: string[];
  isCorrect: boolean;
  /** Two decimals at most (partial credit). */
  pointsAwarded: number;
}

export interface GradedAttempt {
  answers: GradedAnswer[];
  score: number;
  totalPoints: number;
  /** Rounded down, so nobody passes on a rounding: 69.9 % is 69. */
  scorePercent: number;
  correctCount: number;
  incorrectCount: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Matching a choice to an option: case and spacing do not matter. */
export const choiceKey = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

// Punctuation that does not change a short answer ("Node.js" = "nodejs", "use-effect" = "useEffect").
// Symbols that do carry meaning (C#, C++, $, %) are kept.
const IGNORED = /[\s.,;:!?'"`´‘’“”«»()[\]{}\-–—_/\\…]+/gu;

/** A short answer as compared: Unicode-normalised, lower-case, without spaces and light punctuation. */
export function normalizeShortAnswer(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

/**
 * One question. Single choice and true/false: right or wrong. Multi-select: partial credit,
 * points × (correct options picked / correct options), and nothing at all if a wrong option is
 * picked (so ticking every box never pays). Short answer: any accepted answer, normalised.
 */
export function gradeAnswer(q: GradableQuestion, selected: readonly string[]): GradedAnswer {
  const picked = [...new Set(selected.map(choiceKey))].filter((s) => s.length > 0);
  const result = (isCorrect: boolean, pointsAwarded: number): GradedAnswer => ({
    questionId: q.id,
    selected: [...selected],
    isCorrect,
    pointsAwarded: round2(pointsAwarded),
  });
  if (picked.length === 0) return result(false, 0);

  switch (q.type) {
    case 'multiple_choice':
    case 'true_false': {
      const ok = picked.length === 1 && picked[0] === choiceKey(q.correctAnswers[0] ?? '');
      return result(ok, ok ? q.points : 0);
    }
    case 'multi_select': {
      const correct = new Set(q.correctAnswers.map(choiceKey));
      if (picked.some((p) => !correct.has(p))) return result(false, 0);
      const hits = picked.length;
      return result(hits === correct.size, (q.points * hits) / correct.size);
    }
    case 'short_answer': {
      const typed = normalizeShortAnswer(selected[0] ?? '');
      const ok = typed.length > 0 && q.correctAnswers.some((a) => normalizeShortAnswer(a) === typed);
      return result(ok, ok ? q.points : 0);
    }
  }
}

/** Every served question, answered or not (a missing answer scores nothing). */
export function gradeAttempt(
  questions: readonly GradableQuestion[],
  selectedByQuestion: ReadonlyMap<string, readonly string[]>,
): GradedAttempt {
  const answers = questions.map((q) => gradeAnswer(q, selectedByQuestion.get(q.id) ?? []));
  const score = round2(answers.reduce((sum, a) => sum + a.pointsAwarded, 0));
  const totalPoints = questions.reduce((sum, q) => sum + q.points, 0);
  const correctCount = answers.filter((a) => a.isCorrect).length;
  return {
    answers,
    score,
    totalPoints,
    // The epsilon keeps 0.29 * 100 = 28.999… at 29.
    scorePercent: totalPoints > 0 ? Math.min(100, Math.floor((score * 100) / totalPoints + 1e-9)) : 0,
    correctCount,
    incorrectCount: questions.length - correctCount,
  };
}
