import { ROLES, USER_STATUSES } from '@learningpt/schema';
import {
  ErrorState,
  FormAlert,
  Pagination,
  SearchIcon,
  Skeleton,
  useSession,
  useTRPC,
  useUrlDraft,
} from '@learningpt/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { formatNumber } from '../../lib/format';
import { UserActionDialog, type UserAction } from './user-action-dialog';
import { ROLE_LABELS, STATUS_LABELS } from './user-badges';
import { toUserListInput, useUserParams } from './users-params';
import { UsersTable } from './users-table';

export function UsersPage() {
  const { filters, update, clear, hrefForPage } = useUserParams();
  const trpc = useTRPC();
  const session = useSession();
  const users = useQuery(
    trpc.admin.users.list.queryOptions(toUserListInput(filters), { placeholderData: keepPreviousData }),
  );
  const [search, setSearch] = useUrlDraft(filters.search ?? '', (text) => {
    const value = text.trim().slice(0, 200);
    update({ search: value || undefined }, { replace: true });
    return value;
  });
  const [action, setAction] = useState<UserAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const filtered = Boolean(filters.search || filters.role || filters.status);
  const pagination = users.data?.pagination;

  return (
    <>
      <PageHeader
        title="Users"
        description={
          pagination
            ? `${formatNumber(pagination.totalUsers)} ${filtered ? 'matching ' : ''}${pagination.totalUsers === 1 ? 'account' : 'accounts'}, newest first.`
            : 'Accounts, newest first.'
        }
      />
      <div role="search" className="mb-5 flex flex-wrap items-end gap-3">
        <div className="relative min-w-64 flex-1">
          <label htmlFor="user-search" className="field-label">
            Search
          </label>
          <SearchIcon className="pointer-events-none absolute bottom-2.5 left-3 size-4 text-slate-400" />
          <input
            id="user-search"
            type="search"
            className="field-input pl-9"
            placeholder="Name or email"
            maxLength={200}
            autoComplete="off"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="user-role" className="field-label">
            Role
          </label>
          <select
            id="user-role"
            className="field-input"
            value={filters.role ?? ''}
            onChange={(e) => update({ role: (e.target.value || undefined) as (typeof ROLES)[number] | undefined })}
          >
            <option value="">All roles</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="user-status" className="field-label">
            Status
          </label>
          <select
            id="user-status"
            className="field-input"
            value={filters.status ?? ''}
            onChange={(e) =>
              update({ status: (e.target.value || undefined) as (typeof USER_STATUSES)[number] | undefined })
            }
          >
            <option value="">All statuses</option>
            {USER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <button type="button" className="btn-secondary" onClick={clear}>
            Clear filters
          </button>
        )}
      </div>

      <div aria-live="polite">
        {notice && (
          <FormAlert tone="success" className="mb-4">
            {notice}
          </FormAlert>
        )}
      </div>

      {users.isPending ? (
        <div aria-busy="true" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : users.isError && !users.data ? (
        <ErrorState title="We couldn't load users" error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.users.length === 0 ? (
        <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <h2 className="text-lg font-semibold text-slate-900">
            {filters.search
              ? `No users match “${filters.search}”`
              : filtered
                ? 'No users match these filters'
                : 'No users yet'}
          </h2>
          {filtered && (
            <button type="button" onClick={clear} className="btn-primary mt-6">
              Clear filters
            </button>
          )}
        </div>
      ) : (
        <>
          <UsersTable
            users={users.data.users}
            dimmed={users.isPlaceholderData}
            selfId={session.user?.id ?? ''}
            onAction={(a) => {
              setNotice(null);
              setAction(a);
            }}
          />
          <div className="mt-6 flex flex-col items-center gap-2">
            <Pagination
              currentPage={users.data.pagination.currentPage}
              totalPages={users.data.pagination.totalPages}
              hrefFor={hrefForPage}
            />
            <p className="text-xs text-slate-500">
              Page {users.data.pagination.currentPage} of {Math.max(1, users.data.pagination.totalPages)}
            </p>
          </div>
        </>
      )}

      <UserActionDialog
        action={action}
        onClose={() => setAction(null)}
        onDone={(message) => {
          setAction(null);
          setNotice(message);
        }}
      />
    </>
  );
}
