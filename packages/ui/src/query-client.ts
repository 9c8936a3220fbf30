import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { SESSION_QUERY_KEY } from './session';
import { httpStatus, trpcErrorCode } from './trpc';

export function createQueryClient() {
  // A 401 from any call means the session ended (signed out elsewhere, banned, expired): ask
  // again who is signed in, so the header and the route guards catch up at once.
  const onError = (error: unknown) => {
    if (trpcErrorCode(error) === 'UNAUTHORIZED') {
      void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again (a missing program stays missing); network
        // errors and 5xx get two more tries before the error state shows.
        retry: (failures, error) => {
          const status = httpStatus(error);
          if (status !== undefined && status >= 400 && status < 500) return false;
          return failures < 2;
        },
      },
    },
  });
  return queryClient;
}
