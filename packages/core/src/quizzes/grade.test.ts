import { describe, expect, it } from 'vitest';
import { ZQuestionInput } from '@learningpt/schema';
import { gradeAnswer, gradeAttempt, normalizeShortAnswer, type GradableQuestion } from './grade';

const multi: GradableQuestion = { id: 'm', type: 'multi_select', correctAnswers: ['A', 'B', 'C'], points: 6 };
const single: GradableQuestion = { id: 's', type: 'multiple_choice', correctAnswers: ['Paris'], points: 2 };
const short: GradableQuestion = {
  id: 't',
  type: 'short_answer',
  correctAnswers: ['Node.js', 'useEffect', 'C#'],
  points: 3,
};

describe('multi-select partial credit', () => {
  it('pays for each correct option picked, all of them is correct', () => {
    expect(gradeAnswer(multi, ['A'])).toMatchObject({ isCorrect: false, pointsAwarded: 2 });
    expect(gradeAnswer(multi, ['A', 'C'])).toMatchObject({ isCorrect: false, pointsAwarded: 4 });
    expect(gradeAnswer(multi, ['C', 'b', 'A'])).toMatchObject({ isCorrect: true, pointsAwarded: 6 });
  });

  it('pays nothing as soon as a wrong option is picked, or nothing is picked', () => {
    expect(gradeAnswer(multi, ['A', 'B', 'D'])).toMatchObject({ isCorrect: false, pointsAwarded: 0 });
    expect(gradeAnswer(multi, ['A', 'B', 'C', 'D'])).toMatchObject({ isCorrect: false, pointsAwarded: 0 });
    expect(gradeAnswer(multi, [])).toMatchObject({ isCorrect: false, pointsAwarded: 0 });
  });

  it('rounds thirds to two decimals and counts a repeated pick once', () => {
    const q = { ...multi, points: 5 };
    expect(gradeAnswer(q, ['A']).pointsAwarded).toBe(1.67);
    expect(gradeAnswer(q, ['A', 'a', ' A ']).pointsAwarded).toBe(1.67);
  });
});

describe('short-answer normalisation', () => {
  it('ignores case, spacing and light punctuation', () => {
    expect(normalizeShortAnswer('  Node . JS ')).toBe(normalizeShortAnswer('nodejs'));
    expect(normalizeShortAnswer('use-Effect()')).toBe('useeffect');
    expect(normalizeShortAnswer('“Hello,  World!”')).toBe('helloworld');
  });

  it('keeps symbols that change the meaning', () => {
    expect(normalizeShortAnswer('C#')).not.toBe(normalizeShortAnswer('C'));
    expect(normalizeShortAnswer('C++')).not.toBe(normalizeShortAnswer('C'));
  });

  it('accepts any of the accepted answers and refuses others', () => {
    expect(gradeAnswer(short, ['node js']).isCorrect).toBe(true);
    expect(gradeAnswer(short, ['USE EFFECT']).isCorrect).toBe(true);
    expect(gradeAnswer(short, ['c#']).pointsAwarded).toBe(3);
    expect(gradeAnswer(short, ['c']).isCorrect).toBe(false);
    expect(gradeAnswer(short, ['...']).isCorrect).toBe(false);
    expect(gradeAnswer(short, ['deno']).pointsAwarded).toBe(0);
  });
});

describe('gradeAttempt', () => {
  it('sums points, counts unanswered questions as incorrect and rounds the percentage down', () => {
    const r = gradeAttempt(
      [single, multi, short],
      new Map([
        ['s', ['paris']],
        ['m', ['A']],
      ]),
    );
    expect(r.score).toBe(4); // 2 + 2 + 0
    expect(r.totalPoints).toBe(11);
    expect(r.scorePercent).toBe(36); // 36.36…
    expect([r.correctCount, r.incorrectCount]).toEqual([1, 2]);
  });

  it('does not lose a percent to floating point', () => {
    const qs = Array.from({ length: 100 }, (_, i) => ({ ...single, id: `q${i}`, points: 1 }));
    const answers = new Map(qs.slice(0, 29).map((q) => [q.id, ['Paris']]));
    expect(gradeAttempt(qs, answers).scorePercent).toBe(29);
  });
});

describe('question input', () => {
  it('takes the seed shape and spells the answer as its option', () => {
    const q = ZQuestionInput.parse({
      questionText: 'Explain useEffect...',
      questionType: 'Multiple Choice',
      options: ['A', 'B', 'C', 'D'],
      correctAnswer: 'b',
      explanation: 'useEffect is...',
      points: 5,
    });
    expect(q).toMatchObject({ questionType: 'multiple-choice', correctAnswers: ['B'], points: 5 });
    expect(
      ZQuestionInput.parse({ questionText: 'Is it?', questionType: 'true_false', correctAnswer: false }),
    ).toMatchObject({ questionType: 'true-false', options: ['True', 'False'], correctAnswers: ['False'] });
  });

  it('names the field of a correct answer that is not an option', () => {
    const r = ZQuestionInput.safeParse({ questionText: 'Which?', options: ['A', 'B'], correctAnswer: 'C' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['correctAnswer']);
    const m = ZQuestionInput.safeParse({
      questionText: 'Which?',
      questionType: 'multi-select',
      options: ['A', 'B'],
      correctAnswers: ['A', 'Z'],
    });
    expect(m.error!.issues.map((i) => i.path.join('.'))).toEqual(['correctAnswers.1']);
  });
});
