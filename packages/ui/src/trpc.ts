import type { AppRouter } from '@learningpt/api';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';

// Type-only import above: the browser bundle never contains server code, only its types.
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type AppClientError = TRPCClientError<AppRouter>;
export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        // Same origin: Vite proxies /trpc in development, the host serves both in production.
        url: '/trpc',
        transformer: superjson,
        // Send the session cookie once accounts exist.
        fetch: (input, init) => fetch(input, { ...init, credentials: 'include' }),
      }),
    ],
  });
}

/** The tRPC error code (NOT_FOUND, BAD_REQUEST, ...) of a failed query, if it came from the API. */
export function trpcErrorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error as AppClientError).data?.code : undefined;
}

/** The HTTP status the API answered a failed query with, if it answered. */
export function httpStatus(error: unknown): number | undefined {
  return error instanceof TRPCClientError ? (error as AppClientError).data?.httpStatus : undefined;
}

/**
 * A message for people: the API's own message when the API answered (it is written for them),
 * otherwise a plain "cannot reach" instead of a parser or network error's text.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError && (error as AppClientError).data) return error.message;
  return 'The server could not be reached. Check your connection and try again.';
}
