import { ROLES, USER_STATUSES, type AdminUserListInput, type Role, type UserStatus } from '@learningpt/schema';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const USERS_PAGE_SIZE = 20;

/** The users list's filters as they live in the URL (?q=&role=&status=&page=). */
export interface UserFilters {
  page: number;
  search?: string;
  role?: Role;
  status?: UserStatus;
}

function isOneOf<T extends string>(values: readonly T[], v: string | null): v is T {
  return v !== null && (values as readonly string[]).includes(v);
}

/** Malformed values (hand-edited links) fall back to "all" instead of a request the API refuses. */
export function parseUserParams(params: URLSearchParams): UserFilters {
  const page = Number(params.get('page'));
  const role = params.get('role');
  const status = params.get('status');
  const search = params.get('q')?.trim().slice(0, 200);
  const filters: UserFilters = { page: Number.isInteger(page) && page >= 1 ? page : 1 };
  if (search) filters.search = search;
  if (isOneOf(ROLES, role)) filters.role = role;
  if (isOneOf(USER_STATUSES, status)) filters.status = status;
  return filters;
}

export function toUserParams(f: UserFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.search) params.set('q', f.search);
  if (f.role) params.set('role', f.role);
  if (f.status) params.set('status', f.status);
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

export function toUserListInput(f: UserFilters): AdminUserListInput {
  return { ...f, limit: USERS_PAGE_SIZE, sort: 'newest' };
}

export type UserFilterPatch = { [K in keyof UserFilters]?: UserFilters[K] | undefined };

export function useUserParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseUserParams(searchParams), [searchParams]);
  const update = useCallback(
    (patch: UserFilterPatch, opts: { replace?: boolean } = {}) =>
      setSearchParams(
        // A filter change starts again from page 1.
        (prev) => toUserParams({ ...parseUserParams(prev), page: 1, ...patch }),
        { replace: opts.replace ?? false },
      ),
    [setSearchParams],
  );
  const hrefForPage = useCallback(
    (page: number) => {
      const search = toUserParams({ ...filters, page }).toString();
      return search ? `?${search}` : '?';
    },
    [filters],
  );
  return { filters, update, clear: () => setSearchParams(new URLSearchParams()), hrefForPage };
}
