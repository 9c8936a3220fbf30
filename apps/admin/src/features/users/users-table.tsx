import type { AdminUserSummary } from '@learningpt/schema';
import { formatDate } from '../../lib/format';
import type { UserAction } from './user-action-dialog';
import { RoleBadge, StatusBadge } from './user-badges';
import { th } from '../../components/table-classes';

const td = 'px-3 py-3 align-middle';
const action =
  'rounded-md px-2 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50 disabled:cursor-not-allowed disabled:text-slate-300 disabled:hover:bg-transparent';

interface UsersTableProps {
  users: AdminUserSummary[];
  dimmed: boolean;
  /** The signed-in admin: their own row cannot be banned or demoted (the server refuses too). */
  selfId: string;
  onAction: (action: UserAction) => void;
}

export function UsersTable({ users, dimmed, selfId, onAction }: UsersTableProps) {
  return (
    <div
      className={`overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm transition-opacity ${dimmed ? 'opacity-60' : ''}`}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Users</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              User
            </th>
            <th scope="col" className={th}>
              Role
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Joined
            </th>
            <th scope="col" className={th}>
              Last sign-in
            </th>
            <th scope="col" className={`${th} text-right`}>
              Actions
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((u) => {
            const self = u.id === selfId;
            const deleted = u.status === 'deleted';
            const why = self
              ? 'You cannot change your own account here'
              : deleted
                ? 'This account is deleted'
                : undefined;
            return (
              <tr key={u.id} className="hover:bg-slate-50">
                <td className={`${td} min-w-56`}>
                  <span className="block font-medium text-slate-900">
                    {u.name}
                    {self && <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>}
                  </span>
                  <span className="block text-slate-500">
                    {u.email}
                    {!u.emailVerified && <span className="ml-2 text-xs text-amber-700">unverified</span>}
                  </span>
                </td>
                <td className={td}>
                  <RoleBadge role={u.role} />
                </td>
                <td className={td}>
                  <StatusBadge status={u.status} />
                </td>
                <td className={`${td} whitespace-nowrap text-slate-500`}>{formatDate(u.createdAt)}</td>
                <td className={`${td} whitespace-nowrap text-slate-500`}>
                  {u.lastLogin ? formatDate(u.lastLogin) : 'Never'}
                </td>
                <td className={`${td} whitespace-nowrap text-right`}>
                  <button
                    type="button"
                    className={action}
                    disabled={self || deleted}
                    title={why}
                    aria-label={`Change role of ${u.name}`}
                    onClick={() => onAction({ kind: 'role', user: u })}
                  >
                    Role
                  </button>
                  {u.status === 'banned' ? (
                    <button
                      type="button"
                      className={action}
                      aria-label={`Lift ban of ${u.name}`}
                      onClick={() => onAction({ kind: 'unban', user: u })}
                    >
                      Unban
                    </button>
                  ) : (
                    <button
                      type="button"
                      className={`${action} text-red-600 hover:bg-red-50`}
                      disabled={self || deleted}
                      title={why}
                      aria-label={`Ban ${u.name}`}
                      onClick={() => onAction({ kind: 'ban', user: u })}
                    >
                      Ban
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
