import { QueryClient } from '@tanstack/react-query';
import { httpStatus } from './trpc';

export function createQueryClient() {
  return new QueryClient({
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
}
