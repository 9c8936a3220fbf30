import type { QuizDifficulty } from '@learningpt/schema';
import { DIFFICULTY_LABELS, DIFFICULTY_TONES } from './exam-format';

export function DifficultyBadge({ difficulty }: { difficulty: QuizDifficulty }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${DIFFICULTY_TONES[difficulty]}`}
    >
      {DIFFICULTY_LABELS[difficulty]}
    </span>
  );
}
