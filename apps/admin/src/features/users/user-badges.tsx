import type { Role, UserStatus } from '@learningpt/schema';

export const ROLE_LABELS: Record<Role, string> = { student: 'Student', instructor: 'Instructor', admin: 'Admin' };
export const STATUS_LABELS: Record<UserStatus, string> = { active: 'Active', banned: 'Banned', deleted: 'Deleted' };

const STATUS_STYLES: Record<UserStatus, string> = {
  active: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  banned: 'bg-red-50 text-red-700 ring-red-600/20',
  deleted: 'bg-slate-100 text-slate-600 ring-slate-500/20',
};
const ROLE_STYLES: Record<Role, string> = {
  student: 'bg-slate-50 text-slate-700 ring-slate-500/20',
  instructor: 'bg-sky-50 text-sky-700 ring-sky-600/20',
  admin: 'bg-violet-50 text-violet-700 ring-violet-600/20',
};

const badge = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

export function StatusBadge({ status }: { status: UserStatus }) {
  return <span className={`${badge} ${STATUS_STYLES[status]}`}>{STATUS_LABELS[status]}</span>;
}

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`${badge} ${ROLE_STYLES[role]}`}>{ROLE_LABELS[role]}</span>;
}
