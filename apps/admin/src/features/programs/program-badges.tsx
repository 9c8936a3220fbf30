import type { ManagedProgram } from '@learningpt/schema';

export type ManagedStatus = ManagedProgram['status'] | 'deleted';

export const PROGRAM_STATUS_LABELS: Record<ManagedStatus, string> = {
  published: 'Published',
  draft: 'Draft',
  archived: 'Archived',
  deleted: 'Deleted',
};

const STYLES: Record<ManagedStatus, string> = {
  published: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  draft: 'bg-slate-50 text-slate-700 ring-slate-500/20',
  archived: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  deleted: 'bg-red-50 text-red-700 ring-red-600/20',
};

/** A soft-deleted program keeps its last status in the database; here it is simply deleted. */
export function managedStatus(p: Pick<ManagedProgram, 'status' | 'deletedAt'>): ManagedStatus {
  return p.deletedAt ? 'deleted' : p.status;
}

export function ProgramStatusBadge({ status }: { status: ManagedStatus }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}
    >
      {PROGRAM_STATUS_LABELS[status]}
    </span>
  );
}
