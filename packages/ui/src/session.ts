import type { AuthUser } from '@learningpt/schema';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { trpcErrorCode, useTRPCClient } from './trpc';

/** The cache entry holding the signed-in user (null when anonymous). */
export const SESSION_QUERY_KEY = ['learningpt', 'session'] as const;

export type SessionState =
  | { status: 'loading'; user: undefined }
  | { status: 'anonymous'; user: null }
  | { status: 'signed-in'; user: AuthUser }
  | { status: 'error'; user: undefined; error: unknown; retry: () => void };

/**
 * Who is signed in, from `auth.me` (the session cookie rides along). A 401 means "nobody", not
 * an error; a request that fails otherwise (server down) is an error the page can show.
 */
export function useSession(): SessionState {
  const client = useTRPCClient();
  const query = useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: async (): Promise<AuthUser | null> => {
      try {
        return (await client.auth.me.query()).user;
      } catch (err) {
        if (trpcErrorCode(err) === 'UNAUTHORIZED') return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
  if (query.isPending) return { status: 'loading', user: undefined };
  if (query.isError && query.data === undefined) {
    return { status: 'error', user: undefined, error: query.error, retry: () => void query.refetch() };
  }
  const user = query.data ?? null;
  return user ? { status: 'signed-in', user } : { status: 'anonymous', user: null };
}

/** Records who signed in (after auth.login) without asking the server again. */
export function setSessionUser(queryClient: QueryClient, user: AuthUser | null) {
  queryClient.setQueryData(SESSION_QUERY_KEY, user);
}

/**
 * Forgets everything that belonged to the previous user (their profile, sessions, lists), then
 * marks the session anonymous: nothing of theirs stays on screen after a sign-out.
 */
export function clearSession(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY_KEY[0] });
  setSessionUser(queryClient, null);
}

/** Asks the server again who is signed in (after a profile change, or a 401 elsewhere). */
export function refreshSession(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
}

/** Signs out this session. An already-ended session (401) counts as signed out. */
export function useSignOut() {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await client.auth.logout.mutate();
      } catch (err) {
        if (trpcErrorCode(err) !== 'UNAUTHORIZED') throw err;
      }
    },
    onSuccess: () => clearSession(queryClient),
  });
}
