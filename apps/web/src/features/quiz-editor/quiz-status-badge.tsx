import type { QuizStatus } from '@learningpt/schema';

const TONES: Record<QuizStatus, string> = {
  draft: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  published: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  archived: 'bg-amber-50 text-amber-800 ring-amber-600/20',
};
const LABELS: Record<QuizStatus, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' };

export function QuizStatusBadge({ status }: { status: QuizStatus }) {
  return (
    <span
      data-testid="quiz-status"
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]}`}
    >
      {LABELS[status]}
    </span>
  );
}
