import type { AppRouter } from '@learningpt/api';
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';

// Type-only import above: the browser bundle never contains server code, only its types.
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type AppClientError = TRPCClientError<AppRouter>;
export type ApiClient = ReturnType<typeof createApiClient>;

/** The server refuses larger batches (TRPC_MAX_BATCH_SIZE, default 10) and batched mutations. */
export const TRPC_BATCH_MAX_ITEMS = 10;

export function createApiClient() {
  // Same origin: Vite proxies /trpc in development, the host serves both in production.
  const options = {
    url: '/trpc',
    transformer: superjson,
    // The session cookie.
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, { ...init, credentials: 'include' }),
  };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        // Queries share a request; each mutation goes alone (the server will not batch them).
        condition: (op) => op.type === 'query',
        true: httpBatchLink({ ...options, maxItems: TRPC_BATCH_MAX_ITEMS }),
        false: httpLink(options),
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
