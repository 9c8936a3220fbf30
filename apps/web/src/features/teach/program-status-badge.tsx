import type { ProgramStatus } from '@learningpt/schema';

export const PROGRAM_STATUS_LABELS: Record<ProgramStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  archived: 'Archived',
};

const STATUS_STYLES: Record<ProgramStatus, string> = {
  draft: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  published: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  archived: 'bg-slate-100 text-slate-600 ring-slate-500/20',
};

export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLES[status]}`}
    >
      {PROGRAM_STATUS_LABELS[status]}
    </span>
  );
}
