// The browser side both apps share. Browser-safe only: from the server packages nothing but
// types (`import type { AppRouter }`); the ESLint browser config enforces it.
export { AppProviders, mountApp } from './app-providers';
export { ErrorState } from './error-state';
export * from './icons';
export { Pagination, pageSlots } from './pagination';
export { createQueryClient } from './query-client';
export { Skeleton } from './skeleton';
export {
  type ApiClient,
  type AppClientError,
  createApiClient,
  errorMessage,
  httpStatus,
  trpcErrorCode,
  TRPCProvider,
  useTRPC,
  useTRPCClient,
} from './trpc';
