import type { QuizDifficulty } from '@learningpt/schema';

export const DIFFICULTY_LABELS: Record<QuizDifficulty, string> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };

export const DIFFICULTY_TONES: Record<QuizDifficulty, string> = {
  easy: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  medium: 'bg-amber-50 text-amber-700 ring-amber-600/20',
  hard: 'bg-rose-50 text-rose-700 ring-rose-600/20',
};

/** 754 -> "12:34", 3725 -> "1:02:05": a clock face for the countdown. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** 754 -> "12 min 34 s", 45 -> "45 s": a time taken, in words. */
export function formatSpan(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts = [h > 0 && `${h} h`, m > 0 && `${m} min`, (s % 60 > 0 || s === 0) && `${s % 60} s`];
  return parts.filter(Boolean).join(' ');
}

/** Points can be fractional with partial credit: "7.5", "8". */
export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}
